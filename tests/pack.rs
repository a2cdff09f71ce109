//! The bundled pack teaches what is true on the day it is played, and its scores measure skill:
//! on each reference date (one in every period in which the rates differ), for the worker as
//! written and for the same worker in the other discount group (transport or not), the best
//! path passes and states only figures that are exactly right, every wrong figure on offer is
//! scored wrong, no right figure is scored wrong; and the pack is free of typed figures, cues
//! and content the domain reference contradicts.

use latih::engine::balance::{reference_dates, scripted_session, Policy};
use latih::engine::figures;
use latih::engine::import;
use latih::engine::pack;
use latih::engine::sim::{self, spoken, Event, Terms};
use latih::engine::Occupation;
use latih::engine::Session;
use latih::engine::Severity;
use latih::engine::{Outcome, Scenario};

fn bundled() -> Vec<Scenario> {
    pack::load().expect("the pack loads")
}

/// The scenario as written, and the same worker in the other discount group.
fn both_groups(s: &Scenario) -> Vec<Scenario> {
    let mut other = s.clone();
    other.persona.occupation = if s.persona.occupation.is_transport() {
        Occupation::Farmer
    } else {
        Occupation::OjekDriver
    };
    vec![s.clone(), other]
}

#[test]
fn every_scenario_is_current_and_has_no_problem_at_all() {
    // Every file's problems, not only the first file's.
    let mut failures = Vec::new();
    for (name, text) in pack::FILES {
        let imported = import(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        if !imported.repairs.is_empty() {
            failures.push(format!("{name} needs migrating: {:?}", imported.repairs));
            continue;
        }
        let problems: Vec<String> = imported
            .diagnostics
            .iter()
            .map(|d| {
                let level = if d.severity == Severity::Error {
                    "error"
                } else {
                    "warning"
                };
                format!(
                    "{level} {:?}/{:?} {}: {}",
                    d.location.node, d.location.choice, d.location.field, d.message.en
                )
            })
            .collect();
        if !problems.is_empty() {
            failures.push(format!("{name}:\n{}", problems.join("\n")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_best_path_passes_and_states_only_exact_figures_on_every_date() {
    for s in bundled() {
        for variant in both_groups(&s) {
            for date in reference_dates() {
                for seed in [1, 7, 42] {
                    let terms = Terms::of(&variant, date);
                    let session = scripted_session(&variant, Policy::BestPractice, seed, terms)
                        .unwrap_or_else(|e| panic!("{} on {date}: {e}", s.id));
                    let card = session.score_card().unwrap_or_else(|| {
                        panic!(
                            "{} ({:?}) on {date} seed {seed}: the best path does not end",
                            s.id, variant.persona.occupation
                        )
                    });
                    assert!(
                        card.passed,
                        "{} ({:?}) on {date} seed {seed}: best path scored {} ({:?}, violations {:?})",
                        s.id, variant.persona.occupation, card.total, card.outcome, card.violations
                    );
                    for turn in session.turns() {
                        for check in &turn.checks {
                            assert!(
                                check.correct.is_some() && !check.is_wrong(),
                                "{} on {date}: the best path states {:?} wrongly or inexactly: {check:?}",
                                s.id,
                                figures::written(&check.placeholder)
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn every_wrong_figure_on_offer_is_scored_wrong_and_no_right_one_is() {
    for s in bundled() {
        for variant in both_groups(&s) {
            for date in reference_dates() {
                let terms = Terms::of(&variant, date);
                let ctx = terms.context(&variant);
                for node in &variant.nodes {
                    for choice in &node.choices {
                        let text = spoken(&choice.text);
                        let said = figures::figures_in(text);
                        let offered = figures::sayable(text, &ctx);
                        for p in &said {
                            let check = figures::check(p, &ctx);
                            match (p.trap, offered) {
                                (Some(_), true) => assert!(
                                    check.is_wrong(),
                                    "{} {}/{} on {date}: a trap on offer is right",
                                    s.id,
                                    node.id,
                                    choice.id
                                ),
                                (None, _) => assert!(
                                    !check.is_wrong(),
                                    "{} {}/{} on {date}: a true figure is scored wrong",
                                    s.id,
                                    node.id,
                                    choice.id
                                ),
                                (Some(_), false) => {}
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Plays every choice on offer at every node the best path reaches, on every date, and checks
/// that a choice is marked wrong exactly when it states a trap.
#[test]
fn choices_along_the_best_path_are_judged_by_what_they_state() {
    for s in bundled() {
        for date in reference_dates() {
            let terms = Terms::of(&s, date);
            let best = scripted_session(&s, Policy::BestPractice, 3, terms).unwrap();
            let path = best.save().choices;
            for at in 0..path.len() {
                let mut session = Session::start(&s, 3, terms).unwrap();
                for id in &path[..at] {
                    session.choose(id).unwrap();
                }
                for choice in session.available() {
                    let mut tried = session.clone();
                    tried.choose(&choice.id).unwrap();
                    let turn = tried.turns().last().unwrap();
                    let has_trap = figures::figures_in(spoken(&choice.text))
                        .iter()
                        .any(|p| p.trap.is_some());
                    assert_eq!(
                        turn.checks.iter().any(|c| c.is_wrong()),
                        has_trap,
                        "{} {} on {date}",
                        s.id,
                        choice.id
                    );
                }
            }
        }
    }
}

#[test]
fn the_worker_never_repeats_a_line_word_for_word_without_saying_so() {
    for s in bundled() {
        for policy in [Policy::Persistent, Policy::Random, Policy::First] {
            for seed in 0..20 {
                let terms = Terms::of(&s, reference_dates()[seed as usize % 5]);
                let session = scripted_session(&s, policy, seed, terms).unwrap();
                let mut said = Vec::new();
                for e in session.events() {
                    if let Event::WorkerSays {
                        node,
                        variant,
                        again,
                    } = e
                    {
                        let key = (*node, *variant);
                        assert_eq!(*again, said.contains(&key), "{} seed {seed}", s.id);
                        said.push(key);
                    }
                }
            }
        }
    }
}

#[test]
fn shown_orders_differ_between_runs_and_the_best_move_is_not_in_one_place() {
    for s in bundled() {
        let terms = Terms::of(&s, reference_dates()[1]);
        let mut first_is_best = 0;
        let mut nodes = 0;
        for seed in 0..40 {
            let session = Session::start(&s, seed, terms).unwrap();
            let state = session.state();
            let node = &s.nodes[state.node as usize];
            if node.choices.len() < 2 {
                continue;
            }
            nodes += 1;
            let offered = sim::available(&s, state);
            let best = latih::engine::balance::Policy::BestPractice.pick(
                &s,
                state,
                &offered,
                "",
                &mut latih::engine::WorkerRng::new(seed),
            );
            first_is_best += usize::from(offered[0] == best);
        }
        assert!(
            nodes == 0 || first_is_best * 10 < nodes * 8,
            "{}: the best opening move is shown first in {first_is_best} of {nodes} runs",
            s.id
        );
    }
}

fn all_text(s: &Scenario) -> String {
    serde_json::to_string(s).unwrap().to_lowercase()
}

#[test]
fn the_pack_says_what_the_domain_reference_says() {
    let mut failures = Vec::new();
    for s in bundled() {
        let text = all_text(&s);
        for wrong in [
            "any cause",
            "sebab apa pun",
            "apa pun sebabnya",
            "apa pun penyebabnya",
            "karena apa saja",
            "3 tahun kepesertaan",
            "tiga tahun kepesertaan",
            "3 years of membership",
            "three years of membership",
            "hanya untuk pekerja transportasi",
            "only for transport workers",
        ] {
            if text.contains(wrong) {
                failures.push(format!("{}: says \"{wrong}\"", s.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let helper = bundled()
        .into_iter()
        .find(|s| s.persona.occupation == Occupation::HouseholdHelper)
        .expect("a household helper scenario");
    let text = all_text(&helper);
    assert!(
        text.contains("permenaker 2/2015"),
        "the household helper scenario states the employer's obligation with its source"
    );
}

#[test]
fn every_ending_is_reachable_in_practice() {
    for s in bundled() {
        let mut seen = std::collections::BTreeSet::new();
        for policy in Policy::ALL {
            for seed in 0..30 {
                let terms = Terms::of(&s, reference_dates()[seed as usize % 5]);
                if let Ok(session) = scripted_session(&s, policy, seed, terms) {
                    if let Some(end) = session.end() {
                        seen.insert(end.outcome);
                    }
                }
            }
        }
        for outcome in [Outcome::Enrolled, Outcome::FollowUp, Outcome::Complained] {
            assert!(
                seen.contains(&outcome),
                "{}: {outcome:?} never happens",
                s.id
            );
        }
    }
}

/// Every line the worker says (node lines and endings), in both languages.
fn worker_lines(s: &Scenario) -> Vec<String> {
    let mut lines = Vec::new();
    for node in &s.nodes {
        for line in &node.lines {
            lines.push(line.text.id.clone());
            lines.push(line.text.en.clone());
        }
    }
    for ending in &s.endings {
        lines.push(ending.text.id.clone());
        lines.push(ending.text.en.clone());
    }
    lines.retain(|l| !l.trim().is_empty());
    lines
}

#[test]
fn no_two_scenarios_are_the_same_template() {
    // After two scenarios an agent should not be playing a skeleton: no two share their
    // sequence of node ids, and no worker says another's line word for word.
    let pack = bundled();
    let mut failures = Vec::new();
    let mut sequences = std::collections::BTreeMap::new();
    let mut lines: std::collections::BTreeMap<String, &str> = std::collections::BTreeMap::new();
    for s in &pack {
        let sequence: Vec<&str> = s.nodes.iter().map(|n| n.id.as_str()).collect();
        if let Some(other) = sequences.insert(sequence.clone(), s.id.as_str()) {
            failures.push(format!("{} and {other} share the nodes {sequence:?}", s.id));
        }
        let own: std::collections::BTreeSet<String> = worker_lines(s).into_iter().collect();
        for line in own {
            if let Some(other) = lines.insert(line.clone(), s.id.as_str()) {
                failures.push(format!("{} and {other} both say \"{line}\"", s.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_objection_is_trained_and_every_scenario_names_its_island() {
    let pack = bundled();
    for objection in latih::engine::Objection::ALL {
        let trained = pack.iter().any(|s| {
            s.meta.objections.contains(&objection)
                && s.nodes.iter().flat_map(|n| &n.choices).any(|c| {
                    c.kind == latih::engine::MoveKind::AnswerObjection
                        && c.objection == Some(objection)
                })
        });
        assert!(
            trained,
            "no scenario lists {objection:?} and answers it with an answer_objection choice"
        );
    }
    for s in &pack {
        assert!(
            latih::engine::island_of(&s.persona.place).is_some(),
            "{}: the place \"{}\" names no regency of NTB",
            s.id,
            s.persona.place
        );
    }
    for island in latih::engine::Island::ALL {
        let count = pack
            .iter()
            .filter(|s| latih::engine::island_of(&s.persona.place) == Some(island))
            .count();
        assert!(count >= 4, "only {count} scenarios on {}", island.name());
    }
}

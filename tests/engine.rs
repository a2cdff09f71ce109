//! Engine tests over the bundled pack and hand-made cases: playthroughs, replay, scoring rules,
//! validation, import limits and migration. Every playthrough test also runs after an
//! export -> import round trip. Rules are tested on a frozen fixture (a fisher scenario kept in
//! `tests/fixtures/`), so rewriting the pack's content does not change what they check.

use latih::engine::balance::{analyse_all, missed_targets, play, reference_dates, Policy};
use latih::engine::generate;
use latih::engine::pack;
use latih::engine::sim::{self, Event, Terms};
use latih::engine::*;
use latih::engine::{debrief, REPEAT_OFFENDER_CAP};
use latih::engine::{export, import, MAX_BYTES};
use latih::engine::{has_errors, validate, Severity};
use latih::engine::{Date, Package};
use latih::engine::{SaveState, Session};

/// A day with no discount: the 2-programme package costs Rp 16,800 at the lowest income.
fn day() -> Terms {
    Terms::on(Date::parse("2027-06-15").unwrap())
}

fn bundled() -> Vec<Scenario> {
    pack::load().unwrap_or_else(|(name, e)| panic!("{name}: {e}"))
}

/// The bundled scenarios, and each again after export -> import.
fn bundled_and_round_tripped() -> Vec<Scenario> {
    let mut all = bundled();
    let again: Vec<Scenario> = all
        .iter()
        .map(|s| import(&export(s)).expect("round trip").scenario)
        .collect();
    for (a, b) in all.iter().zip(&again) {
        assert_eq!(a, b, "{} changes in an export/import round trip", a.id);
    }
    all.extend(again);
    all
}

/// The frozen fixture: the fisher scenario as it was, in format 3, with its choice ids.
fn fisher() -> Scenario {
    import(include_str!("fixtures/fisher-fixture.json"))
        .expect("the fixture imports")
        .scenario
}

const FISHER_BEST: &[&str] = &[
    "greet_respect",
    "ask_work",
    "ask_income",
    "ask_coverage",
    "move_on",
    "remember_friend",
    "pay_ahead",
    "close_two",
    "register_with_receipt",
];

#[test]
fn the_pack_has_at_least_one_scenario_and_every_one_is_valid() {
    let all = bundled();
    assert!(!all.is_empty());
    for s in &all {
        let errors: Vec<_> = validate(s)
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", s.id);
    }
}

#[test]
fn every_bundled_scenario_meets_the_balance_targets() {
    for s in bundled_and_round_tripped() {
        let reports = analyse_all(&s, 500, 1);
        let missed: Vec<String> = missed_targets(&reports)
            .iter()
            .map(|m| m.to_string())
            .collect();
        assert!(missed.is_empty(), "{}: {missed:?}", s.id);
        let passive = reports
            .iter()
            .find(|r| r.policy == Policy::Passive)
            .unwrap();
        assert_eq!(passive.pass_rate, 0.0, "{}: a passive agent passes", s.id);
    }
}

#[test]
fn the_best_path_enrols_suitably_with_a_full_score_after_a_round_trip() {
    for s in [fisher(), import(&export(&fisher())).unwrap().scenario] {
        let mut session = Session::start(&s, 11, day()).unwrap();
        for c in FISHER_BEST {
            session.choose(c).unwrap();
        }
        let card = session.score_card().expect("ended");
        assert_eq!(card.outcome, Outcome::Enrolled);
        assert_eq!(card.suitable, Some(true));
        assert!(card.passed && card.total >= 90, "{card:?}");
        assert!(card.violations.is_empty());
    }
}

#[test]
fn a_pushy_agent_who_gets_a_signature_still_fails() {
    // A worker who signs easily, so the pushy path does end in a signature.
    let mut s = fisher();
    s.persona.decision_threshold = 25;
    // Pressure, a false promise and the expensive package, until the worker signs.
    let mut best = None;
    for seed in 0..500 {
        let mut session = Session::start(&s, seed, day()).unwrap();
        let path = [
            "deadline",
            "explain_now",
            "cover_everything",
            "quote_wrong",
            "close_three",
            "cash_later",
        ];
        if path.iter().all(|c| session.choose(c).is_ok()) {
            if let Some(card) = session.score_card() {
                if card.outcome == Outcome::Enrolled {
                    best = Some(card);
                    break;
                }
            }
        }
    }
    let card = best.expect("some seed signs under pressure");
    assert_eq!(
        card.suitable,
        Some(false),
        "the 3-programme package is beyond him"
    );
    assert!(card.total <= REPEAT_OFFENDER_CAP, "{card:?}");
    assert!(!card.passed);
    for v in [
        Violation::Pressure,
        Violation::FalsePromise,
        Violation::WrongFigure,
        Violation::Unaffordable,
        Violation::SkipReceipt,
    ] {
        assert!(
            card.violations.contains(&v),
            "{v:?} missing from {:?}",
            card.violations
        );
    }
}

#[test]
fn a_wrong_figure_is_caught_and_explained_with_the_right_one() {
    let s = fisher();
    let mut session = Session::start(&s, 3, day()).unwrap();
    for c in ["greet_respect", "explain_now", "tell_apart", "quote_wrong"] {
        session.choose(c).unwrap();
    }
    let turn = session.turns().last().unwrap().clone();
    let check = turn.checks[0];
    assert!(check.is_wrong());
    assert_eq!((check.said, check.correct), (Some(10_000), Some(16_800)));
    let coach = latih::engine::figures::wrong_figure(&check, &s, day().rates);
    assert!(
        coach.id.contains("Rp 16.800") && coach.en.contains("Rp 16,800"),
        "{coach:?}"
    );
    assert!(coach.id.contains("15 Juni 2027"), "{coach:?}");
    assert_eq!(turn.violation, Some(Violation::WrongFigure));
    assert!(turn.points[Competency::Accuracy.index()] < 0);
}

#[test]
fn the_same_opening_works_differently_on_different_workers() {
    // The fisher's rapport sensitivity is 110%; a copy that dislikes small talk reacts less.
    let warm = fisher();
    let mut cold = fisher();
    cold.persona.sensitivities.rapport = 20;
    let gain = |s: &Scenario| {
        let mut session = Session::start(s, 9, day()).unwrap();
        session.choose("greet_respect").unwrap();
        let t = session.turns().next().unwrap();
        t.after.trust - t.before.trust
    };
    assert!(
        gain(&warm) > 2 * gain(&cold).max(1),
        "{} vs {}",
        gain(&warm),
        gain(&cold)
    );
}

#[test]
fn enrolment_comes_from_the_workers_state_not_the_node() {
    let s = fisher();
    // Straight to the close with no rapport or discovery: the worker is not ready.
    let mut session = Session::start(&s, 1, day()).unwrap();
    for c in [
        "straight_pitch",
        "explain_now",
        "tell_apart",
        "quote_two",
        "close_two",
    ] {
        session.choose(c).unwrap();
    }
    let decided = session.events().iter().find_map(|e| match e {
        Event::Decision { agreed, .. } => Some(*agreed),
        _ => None,
    });
    assert_eq!(decided, Some(false));
    assert!(session.end().is_none(), "goes on to the hesitation node");
}

#[test]
fn same_seed_same_events_and_saves_replay_exactly() {
    for s in bundled_and_round_tripped() {
        for seed in [0, 1, 42, u64::MAX] {
            let a = run_random(&s, seed);
            let b = run_random(&s, seed);
            assert_eq!(a.events(), b.events());
            let save = a.save();
            let json = serde_json::to_string(&save).unwrap();
            let back: SaveState = serde_json::from_str(&json).unwrap();
            let replayed = Session::replay(&s, &back).unwrap();
            assert_eq!(replayed.events(), a.events());
            assert_eq!(replayed.score_card(), a.score_card());
        }
    }
}

fn run_random(s: &Scenario, seed: u64) -> Session<'_> {
    let mut session = Session::start(s, seed, day()).unwrap();
    let mut pick = latih::engine::WorkerRng::new(seed.wrapping_mul(31));
    while session.end().is_none() {
        let offered = session.available();
        let c = offered[pick.below(offered.len() as u32) as usize]
            .id
            .clone();
        session.choose(&c).unwrap();
    }
    session
}

#[test]
fn a_save_for_another_scenario_or_version_is_refused() {
    let s = fisher();
    let mut save = run_random(&s, 5).save();
    save.version += 1;
    assert!(Session::replay(&s, &save).is_err());
    let mut save = run_random(&s, 5).save();
    save.choices.push("no-such-choice".into());
    assert!(Session::replay(&s, &save).is_err());
}

#[test]
fn refused_steps_change_nothing() {
    let s = fisher();
    let mut session = Session::start(&s, 2, day()).unwrap();
    let before = session.state().clone();
    assert!(matches!(
        session.choose("nope"),
        Err(sim::StepError::UnknownChoice(_))
    ));
    session.choose("greet_respect").unwrap();
    // `ask_coverage` needs the worker to be in discovery_more; unavailable choices are refused.
    let state = session.state().clone();
    assert!(session.choose("register_with_receipt").is_err());
    assert_eq!(session.state(), &state);
    assert_ne!(&before, session.state());
}

#[test]
fn the_debrief_points_at_the_worst_moments_with_a_better_move() {
    let s = fisher();
    let mut session = Session::start(&s, 4, day()).unwrap();
    for c in [
        "deadline",
        "explain_now",
        "same_thing",
        "quote_two",
        "think_it_over",
    ] {
        session.choose(c).unwrap();
    }
    let card = session.score_card().unwrap();
    let d = debrief(&s, session.turns(), &card, day());
    assert!(!d.fixes.is_empty());
    let worst = &d.fixes[0];
    assert!(worst.violation.is_some());
    let node = &s.nodes[worst.node as usize];
    assert!(worst.better.is_some(), "a better move is named");
    assert_ne!(worst.better, Some(worst.chose));
    assert!(matches!(node.id.as_str(), "greeting" | "health_card"));
    assert!(d.weaknesses.contains(&Competency::Ethics));
}

#[test]
fn scores_stay_in_bounds_for_every_policy_and_the_generated_scenario() {
    let big = generate::large(300);
    assert!(!has_errors(&validate(&big)), "{:#?}", validate(&big));
    for s in bundled().iter().chain([&big]) {
        for p in Policy::ALL {
            for seed in 0..50 {
                let terms = Terms::on(reference_dates()[seed as usize % 5]);
                let card = play(s, p, seed, terms).expect("valid scenarios never break");
                assert!(card.total <= 100 && card.competencies.iter().all(|c| *c <= 100));
            }
        }
    }
}

// ---- validation ----

fn diagnostics_mention(s: &Scenario, needle: &str) -> bool {
    validate(s).iter().any(|d| d.message.en.contains(needle))
}

#[test]
fn validation_reports_each_kind_of_problem() {
    let base = fisher();

    let mut s = base.clone();
    s.node_mut(0).unwrap().choices[0].next = Next::Node("nowhere".into());
    assert!(diagnostics_mention(&s, "leads to node \"nowhere\""));
    assert!(has_errors(&validate(&s)));

    let mut s = base.clone();
    s.nodes.push(std::rc::Rc::new(Node {
        id: "orphan".into(),
        lines: base.nodes[0].lines.clone(),
        choices: base.nodes[0].choices.clone(),
        pin_order: None,
    }));
    assert!(diagnostics_mention(&s, "\"orphan\" cannot be reached"));

    let mut s = base.clone();
    let last = s.nodes.len() - 1;
    s.node_mut(last).unwrap().choices.clear();
    assert!(diagnostics_mention(&s, "has no choices"));

    let mut s = base.clone();
    s.node_mut(0).unwrap().choices[0].text.en.clear();
    assert!(diagnostics_mention(&s, "Missing English translation"));

    let mut s = base.clone();
    s.node_mut(0).unwrap().choices[0].effects.trust = 90;
    assert!(diagnostics_mention(&s, "is outside -50 to 50"));
    let mut s = base.clone();
    s.node_mut(0).unwrap().choices[0]
        .scores
        .insert(Competency::Rapport, 11);
    assert!(diagnostics_mention(&s, "is outside -10 to 10"));

    let mut s = base.clone();
    s.node_mut(1).unwrap().choices[0]
        .requires
        .push(Condition::Discovered("ghost".into()));
    assert!(diagnostics_mention(&s, "\"ghost\" is not in the persona"));
    let mut s = base.clone();
    s.persona.hidden_facts.push(HiddenFact {
        id: "secret".into(),
        text: Localized::new("a", "b"),
    });
    s.node_mut(1).unwrap().choices[0]
        .requires
        .push(Condition::Discovered("secret".into()));
    assert!(diagnostics_mention(&s, "no choice reveals it"));
    let mut s = base.clone();
    s.node_mut(1).unwrap().choices[0]
        .requires
        .push(Condition::AtLeast([(Stat::Trust, 120)].into()));
    assert!(diagnostics_mention(&s, "can never hold"));

    // A loop with no way out: two nodes that only lead to each other.
    let mut s = base.clone();
    for (i, other) in [(5usize, "hesitation"), (6, "decision")] {
        for c in &mut s.node_mut(i).unwrap().choices {
            c.kind = MoveKind::Explain;
            c.package = None;
            c.if_not_ready = None;
            c.next = Next::Node(other.into());
        }
    }
    assert!(
        diagnostics_mention(&s, "form a loop with no way out"),
        "{:#?}",
        validate(&s)
    );

    let mut s = base.clone();
    s.endings.retain(|e| e.outcome != Outcome::WalkedAway);
    assert!(diagnostics_mention(
        &s,
        "no ending text for the outcome \"walked_away\""
    ));

    let mut s = base.clone();
    for n in &mut s.nodes {
        for c in &mut std::rc::Rc::make_mut(n).choices {
            if c.kind == MoveKind::Close {
                c.kind = MoveKind::Explain;
            }
        }
    }
    assert!(diagnostics_mention(&s, "\"enrolled\" can never be reached"));

    let mut s = base.clone();
    s.nodes.push(s.nodes[0].clone());
    assert!(diagnostics_mention(&s, "Two nodes are named \"greeting\""));
}

#[test]
fn diagnostics_come_in_both_languages_with_locations() {
    let mut s = fisher();
    s.node_mut(0).unwrap().choices[1].next = Next::Node("missing".into());
    let d = validate(&s)
        .into_iter()
        .find(|d| d.severity == Severity::Error)
        .unwrap();
    assert_eq!(d.location.node.as_deref(), Some("greeting"));
    assert_eq!(d.location.choice.as_deref(), Some("show_credentials"));
    assert!(!d.message.id.is_empty() && !d.message.en.is_empty() && d.message.id != d.message.en);
}

#[test]
fn validating_a_2000_node_scenario_finds_no_problem_and_no_stack_overflow() {
    let s = generate::large(2000);
    assert!(!has_errors(&validate(&s)));
}

// ---- import ----

#[test]
fn malformed_json_reports_line_and_column() {
    let err = import("{\n  \"schema_version\": 2,\n  \"id\": oops\n}").unwrap_err();
    assert_eq!(err.position, Some((3, 9)));
    assert!(
        err.message.en.contains("line 3 column 9"),
        "{}",
        err.message.en
    );
    assert!(err.message.id.contains("baris 3 kolom 9"));
}

#[test]
fn a_wrong_shape_reports_where() {
    let mut text = export(&fisher());
    text = text.replacen(
        "\"difficulty\": \"intermediate\"",
        "\"difficulty\": \"impossible\"",
        1,
    );
    let err = import(&text).unwrap_err();
    let (line, _) = err.position.unwrap();
    assert!(text.lines().nth(line - 1).unwrap().contains("impossible"));
    assert!(err.message.en.contains("unknown variant"));
}

#[test]
fn oversized_deep_and_foreign_files_are_refused_clearly() {
    let big = format!("{{\"pad\": \"{}\"}}", "x".repeat(MAX_BYTES));
    assert!(import(&big).unwrap_err().message.en.contains("too large"));
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(import(&deep)
        .unwrap_err()
        .message
        .en
        .contains("nested too deeply"));
    assert!(import("[1, 2]")
        .unwrap_err()
        .message
        .en
        .contains("one JSON scenario object"));
    assert!(import("{}")
        .unwrap_err()
        .message
        .en
        .contains("no schema_version"));
    let future = export(&fisher()).replacen(
        "\"min_compatible_version\": 3",
        "\"min_compatible_version\": 9",
        1,
    );
    assert!(import(&future)
        .unwrap_err()
        .message
        .en
        .contains("Update Latih"));
    assert!(import("").is_err());
    assert!(import("\u{feff}{").is_err());
}

#[test]
fn files_too_large_to_open_without_freezing_the_page_are_refused_with_why() {
    use latih::engine::{MAX_NODES, MAX_PARTS};
    // Thousands of tiny broken nodes, under the byte limit (issue 13: 14,000 froze the page
    // for 19.6 s; 12,000 fit in 2 MiB here).
    let mut v: serde_json::Value = serde_json::from_str(&export(&fisher())).unwrap();
    let node = |i: usize| {
        serde_json::json!({"id": format!("n{i}"), "lines": [{"text": {"id": "a", "en": ""}}],
            "choices": [{"id": "c", "text": {"id": "b", "en": ""}, "kind": "discover",
            "feedback": {"id": "", "en": ""}, "next": {"node": format!("x{i}")}}]})
    };
    v["nodes"] = (0..12_000).map(node).collect();
    let broken = serde_json::to_string(&v).unwrap();
    assert!(broken.len() < MAX_BYTES);
    let why = import(&broken).unwrap_err().message;
    assert!(why.en.contains("parts (at most"), "{}", why.en);
    assert!(why.id.contains(&MAX_PARTS.to_string()));
    // 30,000 variants of one line.
    let mut v: serde_json::Value = serde_json::from_str(&export(&fisher())).unwrap();
    v["nodes"][1]["lines"] = (0..30_000)
        .map(|i| serde_json::json!({"text": {"id": format!("v{i}"), "en": ""}}))
        .collect();
    assert!(import(&serde_json::to_string(&v).unwrap()).is_err());
    // A long chain of nodes, few parts each: refused by the node count, with the count.
    let mut v: serde_json::Value = serde_json::from_str(&export(&fisher())).unwrap();
    let chain: Vec<serde_json::Value> = (0..=MAX_NODES)
        .map(|i| serde_json::json!({"id": format!("n{i}"), "lines": [], "choices": []}))
        .collect();
    v["nodes"] = chain.into();
    let why = import(&serde_json::to_string(&v).unwrap())
        .unwrap_err()
        .message;
    assert!(
        why.en
            .contains(&format!("{} conversation nodes", MAX_NODES + 1)),
        "{}",
        why.en
    );
    // Every bundled scenario is far inside both limits.
    for s in bundled() {
        assert!(import(&export(&s)).is_ok());
    }
    // What the app itself stored (grown edit by edit) still opens, whatever its size.
    let large = export(&latih::engine::generate::large(MAX_NODES * 2));
    assert!(import(&large).is_err());
    assert!(latih::engine::parse_stored(&large).is_ok());
}

#[test]
fn the_stored_form_reads_back_as_the_file_form_does_and_can_be_written_in_slices() {
    use latih::engine::{export_compact, parse_stored, CompactExport};
    let mut with_options = fisher();
    // Every kind of optional field, set and unset, in the first place of its object and later.
    with_options.meta.pinned_date = None;
    with_options.node_mut(0).unwrap().pin_order =
        Some(Localized::new("Langkah berurutan.", "Steps in order."));
    for s in bundled()
        .iter()
        .chain([&generate::large(300), &with_options])
    {
        let compact = export_compact(s);
        let file: serde_json::Value = serde_json::from_str(&export(s)).unwrap();
        let stored: serde_json::Value = serde_json::from_str(&compact).unwrap();
        assert_eq!(
            stored, file,
            "{}: the same members, the empty ones left out",
            s.id
        );
        assert!(!compact.contains(":null"), "{}", s.id);
        assert_eq!(&parse_stored(&compact).unwrap(), s);
        // Written 7 nodes at a time: the same text.
        let mut sliced = CompactExport::new(s);
        let mut steps = 0;
        while !sliced.step(s, 7) {
            steps += 1;
        }
        assert_eq!(steps, s.nodes.len().div_ceil(7) - 1);
        assert_eq!(sliced.finish(), compact);
    }
    // Text that looks like the members it must leave alone.
    let mut tricky = fisher();
    tricky.meta.title = Localized::new("\"nodes\":[] dan \"x\":null", "{\"a\":null,\\\"");
    assert_eq!(&parse_stored(&export_compact(&tricky)).unwrap(), &tricky);
}

#[test]
fn version_1_files_are_migrated_with_a_list_of_repairs() {
    // A v1 file: Indonesian-only plain strings, no briefing, no minimum version.
    let mut v: serde_json::Value = serde_json::from_str(&export(&fisher())).unwrap();
    fn flatten(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                for (_, inner) in map.iter_mut() {
                    if let Some(id) = inner.get("id").and_then(|x| x.as_str()).map(str::to_owned) {
                        if inner.get("en").is_some() && inner.as_object().unwrap().len() == 2 {
                            *inner = serde_json::Value::String(id);
                            continue;
                        }
                    }
                    flatten(inner);
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(flatten),
            _ => {}
        }
    }
    flatten(&mut v);
    let obj = v.as_object_mut().unwrap();
    obj.insert("schema_version".into(), 1.into());
    obj.remove("min_compatible_version");
    obj["meta"].as_object_mut().unwrap().remove("briefing");
    let imported = import(&v.to_string()).expect("v1 imports");
    assert_eq!(imported.scenario.schema_version, SCHEMA_VERSION);
    assert_eq!(imported.scenario.meta.briefing.id, fisher().meta.summary.id);
    assert_eq!(
        imported.scenario.nodes[0].choices[0].text.id,
        fisher().nodes[0].choices[0].text.id
    );
    assert!(imported.scenario.nodes[0].choices[0].text.en.is_empty());
    assert!(imported.repairs.len() >= 3, "{:?}", imported.repairs);
    assert!(imported
        .repairs
        .iter()
        .any(|r| r.en.contains("made bilingual")));
    assert!(imported
        .diagnostics
        .iter()
        .any(|d| d.message.en.contains("Missing English translation")));
    assert!(
        !has_errors(&imported.diagnostics),
        "a migrated file still plays"
    );
}

#[test]
fn packages_name_the_calculator_packages() {
    assert_eq!(Package::ALL.len(), 2);
}

#[test]
fn the_pack_covers_every_objection_difficulty_and_a_different_worker_each_time() {
    let all = bundled();
    assert!(all.len() >= 8, "{} scenarios", all.len());
    for o in Objection::ALL {
        assert!(
            all.iter().any(|s| s.meta.objections.contains(&o)),
            "no scenario trains {o:?}"
        );
    }
    for d in [
        Difficulty::Beginner,
        Difficulty::Intermediate,
        Difficulty::Advanced,
    ] {
        assert!(
            all.iter().any(|s| s.meta.difficulty == d),
            "no {d:?} scenario"
        );
    }
    let mut people: Vec<(&str, &str)> = all
        .iter()
        .map(|s| (s.persona.name.as_str(), s.persona.place.as_str()))
        .collect();
    people.sort_unstable();
    people.dedup();
    assert_eq!(people.len(), all.len(), "two scenarios share a persona");
    let mut ids: Vec<&str> = all.iter().map(|s| s.id.as_str()).collect();
    ids.dedup();
    assert_eq!(ids.len(), all.len());
}

#[test]
fn the_format_reference_example_is_a_valid_scenario() {
    let doc = std::fs::read_to_string("docs/scenario-format.md").expect("docs/scenario-format.md");
    let example = doc
        .split("```json")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .find(|block| block.contains("\"schema_version\"") && block.contains("\"nodes\""))
        .expect("a complete example in the reference");
    let imported = import(example).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !has_errors(&imported.diagnostics),
        "{:#?}",
        imported.diagnostics
    );
}

/// The fixture with a worker who never signs, whose refusals lead back to the decision, where
/// an answer to the doubt is also on offer.
fn stubborn() -> Scenario {
    let mut s = fisher();
    s.persona.decision_threshold = 100;
    s.persona.attitudes.patience = 100;
    let decision = s.nodes.iter().position(|n| n.id == "decision").unwrap();
    let claims = s
        .nodes
        .iter()
        .flat_map(|n| &n.choices)
        .find(|c| c.id == "explain_claims")
        .unwrap()
        .clone();
    let node = s.node_mut(decision).unwrap();
    for c in &mut node.choices {
        if c.kind == MoveKind::Close {
            c.if_not_ready = Some(Next::Node("decision".into()));
        }
    }
    node.choices.push(claims);
    s
}

fn at_decision(s: &Scenario) -> Session<'_> {
    let mut session = Session::start(s, 8, day()).unwrap();
    for c in ["greet_respect", "explain_now", "tell_apart", "quote_two"] {
        session.choose(c).unwrap();
    }
    assert_eq!(s.nodes[session.state().node as usize].id, "decision");
    session
}

#[test]
fn asking_to_sign_again_with_nothing_new_costs_and_the_worker_says_so() {
    let s = stubborn();
    let mut session = at_decision(&s);
    session.choose("close_two").unwrap();
    let trust_after_first = session.state().worker.trust;
    let events = session.choose("close_two").unwrap().to_vec();
    assert!(events.contains(&Event::Repeated { close: true }));
    let closes: Vec<_> = session
        .turns()
        .filter(|t| s.nodes[t.node as usize].choices[t.choice as usize].id == "close_two")
        .collect();
    assert_eq!(closes[0].points[Competency::Closing.index()], 2);
    assert!(!closes[0].repeated);
    assert!(closes[1].repeated);
    assert_eq!(
        closes[1].points[Competency::Closing.index()],
        -1,
        "a point lost, not earned"
    );
    assert!(
        session.state().worker.trust < trust_after_first,
        "the worker is annoyed"
    );
    // The worker does not say the same line word for word: it is marked as said again.
    let lines: Vec<_> = session
        .events()
        .iter()
        .filter_map(|e| match e {
            Event::WorkerSays {
                node,
                variant,
                again,
            } => Some((*node, *variant, *again)),
            _ => None,
        })
        .collect();
    for (i, (node, variant, again)) in lines.iter().enumerate() {
        let before = lines[..i].iter().any(|(n, v, _)| (n, v) == (node, variant));
        assert_eq!(*again, before);
    }
    // The card: closing is no longer full for three requests in a row.
    let mut three = at_decision(&s);
    for _ in 0..3 {
        three.choose("close_two").unwrap();
    }
    let mut once = at_decision(&s);
    once.choose("close_two").unwrap();
    let total = |x: &Session| {
        x.turns()
            .map(|t| t.points[Competency::Closing.index()])
            .sum::<i32>()
    };
    assert!(total(&three) < total(&once));
}

#[test]
fn a_request_after_answering_the_doubt_is_fair_but_earns_its_points_once() {
    let s = stubborn();
    let mut session = at_decision(&s);
    session.choose("close_two").unwrap();
    session.choose("explain_claims").unwrap();
    let events = session.choose("close_two").unwrap().to_vec();
    assert!(!events.iter().any(|e| matches!(e, Event::Repeated { .. })));
    let last = session.turns().last().unwrap();
    assert!(!last.repeated);
    assert_eq!(last.points[Competency::Closing.index()], 0);
}

#[test]
fn repeating_any_move_earns_nothing_and_its_penalties_repeat() {
    let s = fisher();
    let mut session = Session::start(&s, 8, day()).unwrap();
    for c in [
        "greet_respect",
        "explain_now",
        "tell_apart",
        "quote_two",
        "guarantee",
        "guarantee",
    ] {
        session.choose(c).unwrap();
    }
    let guarantees: Vec<_> = session
        .turns()
        .filter(|t| s.nodes[t.node as usize].choices[t.choice as usize].id == "guarantee")
        .collect();
    assert_eq!(guarantees.len(), 2);
    assert!(guarantees[1].repeated);
    for (a, b) in guarantees[0].points.iter().zip(guarantees[1].points) {
        assert!(b <= (*a).min(0), "penalties repeat, nothing is earned");
    }
}

#[test]
fn choices_are_shown_in_an_order_fixed_by_the_seed_unless_pinned() {
    let s = fisher();
    let orders: Vec<Vec<u32>> = (0..30)
        .map(|seed| sim::available(&s, Session::start(&s, seed, day()).unwrap().state()))
        .collect();
    // Every order is a permutation of the same choices; runs differ; a seed always agrees.
    let mut sorted = orders[0].clone();
    sorted.sort_unstable();
    for o in &orders {
        let mut x = o.clone();
        x.sort_unstable();
        assert_eq!(x, sorted);
    }
    assert!(
        orders.iter().any(|o| o != &orders[0]),
        "the order never changes"
    );
    assert_eq!(
        orders[7],
        sim::available(&s, Session::start(&s, 7, day()).unwrap().state())
    );
    // A save replays in the same order (its turns record the order shown).
    let a = run_random(&s, 12);
    let b = Session::replay(&s, &a.save()).unwrap();
    let shown = |x: &Session| x.turns().map(|t| t.available.clone()).collect::<Vec<_>>();
    assert_eq!(shown(&a), shown(&b));
    // A pinned node keeps the written order.
    let mut pinned = s.clone();
    pinned.node_mut(0).unwrap().pin_order =
        Some(Localized::new("urutan langkah", "steps in order"));
    for seed in 0..10 {
        let order = sim::available(
            &pinned,
            Session::start(&pinned, seed, day()).unwrap().state(),
        );
        assert_eq!(
            order,
            (0..pinned.nodes[0].choices.len() as u32).collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_run_is_scored_with_the_rates_of_its_own_date() {
    let s = fisher();
    let path = ["greet_respect", "explain_now", "tell_apart", "quote_wrong"];
    let on = |date: &str| {
        let mut session = Session::start(&s, 3, Terms::on(Date::parse(date).unwrap())).unwrap();
        for c in path {
            session.choose(c).unwrap();
        }
        let check = session.turns().last().unwrap().checks[0];
        (check.said, check.correct, session.save())
    };
    // A fisher: discounted from April to December 2026 only.
    assert_eq!(on("2026-06-15").0, Some(5_000));
    assert_eq!(on("2026-06-15").1, Some(8_400));
    assert_eq!(on("2027-01-15").1, Some(16_800));
    // The save carries the date and the rates, and a replay uses them.
    let (_, _, save) = on("2026-06-15");
    assert_eq!(save.date, Date::parse("2026-06-15"));
    assert_eq!(save.rates, latih::engine::RatesTable::bundled().version);
    let replayed = Session::replay(&s, &save).unwrap();
    assert_eq!(
        replayed.turns().last().unwrap().checks[0].correct,
        Some(8_400)
    );
    let mut old = save.clone();
    old.date = None;
    assert!(matches!(
        Session::replay(&s, &old),
        Err(latih::engine::ReplayError::Undated)
    ));
    let mut unknown = save;
    unknown.rates = "1999-01".into();
    assert!(matches!(
        Session::replay(&s, &unknown),
        Err(latih::engine::ReplayError::UnknownRates { .. })
    ));
}

#[test]
fn a_trap_that_would_be_right_on_the_day_is_not_offered() {
    let mut s = fisher();
    let price = s.nodes.iter().position(|n| n.id == "price").unwrap();
    s.node_mut(price).unwrap().choices[2].text = Localized::new(
        "Iurannya {monthly jkk_jkm trap=undiscounted} sebulan.",
        "It is {monthly jkk_jkm trap=undiscounted} a month.",
    );
    let offered_on = |date: &str| {
        let mut session = Session::start(&s, 3, Terms::on(Date::parse(date).unwrap())).unwrap();
        for c in ["greet_respect", "explain_now", "tell_apart"] {
            session.choose(c).unwrap();
        }
        session.available().iter().any(|c| c.id == "quote_wrong")
    };
    assert!(
        offered_on("2026-06-15"),
        "16,800 is wrong while the discount lasts"
    );
    assert!(!offered_on("2027-06-15"), "16,800 is right once it ends");
}

#[test]
fn the_cue_lint_fires_on_a_crafted_scenario() {
    let mut s = fisher();
    // Only the best moves use "Inaq", and only they call the worker by name.
    for node in &mut s.nodes {
        let node = std::rc::Rc::make_mut(node);
        let best = node
            .choices
            .iter()
            .enumerate()
            .max_by_key(|(i, c)| {
                (
                    c.scores.values().sum::<i32>()
                        - if c.kind.violation().is_some() { 50 } else { 0 },
                    std::cmp::Reverse(*i),
                )
            })
            .map(|(i, _)| i);
        if let (Some(b), true) = (best, node.choices.len() >= 2) {
            node.choices[b].text.id = format!("Inaq Salim, {}", node.choices[b].text.id);
        }
    }
    let warned = |needle: &str| validate(&s).iter().any(|d| d.message.en.contains(needle));
    assert!(warned("The word \"inaq\""), "{:#?}", validate(&s));
    assert!(warned("call the worker by name"));
    assert!(warned("much longer than the others"));
}

#[test]
fn typed_figures_and_unreadable_placeholders_are_reported() {
    let mut s = fisher();
    s.node_mut(0).unwrap().choices[0].feedback.id = "Iurannya Rp 16.800 sebulan.".into();
    assert!(diagnostics_mention(&s, "write {monthly jkk_jkm}"));
    let mut s = fisher();
    s.node_mut(0).unwrap().choices[0].text.id = "Bayar {monthy jkk_jkm}".into();
    assert!(has_errors(&validate(&s)));
    assert!(diagnostics_mention(
        &s,
        "\"monthy\" is not the name of a figure"
    ));
    let mut s = fisher();
    s.node_mut(0).unwrap().choices[0].text.en = "It is {monthly jkk_jkm} a month.".into();
    assert!(diagnostics_mention(
        &s,
        "The two languages state different figures"
    ));
    let mut s = fisher();
    s.meta.title.id = "Iuran {monthly jkk_jkm}".into();
    assert!(diagnostics_mention(&s, "cannot hold placeholders"));
}

#[test]
fn version_2_files_become_placeholders_that_follow_the_rates() {
    // A version 2 choice typed its figure and carried a quote; the date was fixed.
    {
        let mut v: serde_json::Value = serde_json::from_str(&export(&fisher())).unwrap();
        v["schema_version"] = 2.into();
        v["min_compatible_version"] = 2.into();
        v["meta"]["date"] = "2027-06-15".into();
        let price = v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .position(|n| n["id"] == "price")
            .unwrap();
        v["nodes"][price]["choices"][0]["text"]["id"] =
            "Untuk JKK dan JKM, Rp 16.800 sebulan.".into();
        v["nodes"][price]["choices"][0]["text"]["en"] =
            "For JKK and JKM, Rp 16,800 a month.".into();
        v["nodes"][price]["choices"][0]["quote"] = serde_json::json!({"figure": "monthly_contribution", "package": "jkk_jkm", "amount": 16800});
        v["nodes"][price]["choices"][2]["text"]["id"] = "Murah, cuma Rp 10.000 sebulan.".into();
        v["nodes"][price]["choices"][2]["text"]["en"] = "Cheap, only Rp 10,000 a month.".into();
        v["nodes"][price]["choices"][2]["quote"] = serde_json::json!({"figure": "monthly_contribution", "package": "jkk_jkm", "amount": 10000});
        let imported = import(&v.to_string()).expect("version 2 imports");
        let s = imported.scenario;
        let p = s.nodes.iter().find(|n| n.id == "price").unwrap();
        assert_eq!(
            p.choices[0].text.id,
            "Untuk JKK dan JKM, {monthly jkk_jkm} sebulan."
        );
        assert_eq!(
            p.choices[0].text.en,
            "For JKK and JKM, {monthly jkk_jkm} a month."
        );
        assert_eq!(
            p.choices[2].text.id,
            "Murah, cuma {monthly jkk_jkm trap=understated} sebulan."
        );
        assert!(s.meta.pinned_date.is_none());
        assert!(imported
            .repairs
            .iter()
            .any(|r| r.en.contains("no longer fixed")));
        assert!(imported
            .repairs
            .iter()
            .any(|r| r.en.contains("2 quoted figures became placeholders")));
    }
}

#[test]
fn a_playtest_starts_where_and_how_the_trainer_says() {
    use latih::engine::sim::{initial_worker, Event, WorkerState};
    let s = fisher();
    let node = s.nodes[2].id.clone();
    let worker = WorkerState {
        trust: 90,
        interest: 10,
        cost_worry: 150,
        patience: 40,
    };
    let session = Session::start_at(&s, 3, day(), &node, worker).unwrap();
    assert_eq!(session.state().node, 2);
    assert_eq!(session.state().worker.cost_worry, 100, "clamped");
    assert_eq!(session.state().worker.trust, 90);
    assert!(matches!(
        session.events()[0],
        Event::WorkerSays { node: 2, .. }
    ));
    assert!(Session::start_at(&s, 3, day(), "nowhere", worker).is_err());
    // The usual start is the same as starting at the start node with the persona's state.
    let a = Session::start(&s, 9, day()).unwrap();
    let b = Session::start_at(&s, 9, day(), &s.start, initial_worker(&s)).unwrap();
    assert_eq!(a.events(), b.events());
}

#[test]
fn a_tally_played_in_slices_reports_like_analyse() {
    use latih::engine::balance::{analyse, Policy, Tally};
    let s = fisher();
    let dates = reference_dates();
    let mut tally = Tally::new(Policy::Random);
    for seed in 0..300u64 {
        tally.play(&s, 1000 + seed, &dates);
    }
    assert_eq!(
        tally.report(),
        analyse(&s, Policy::Random, 300, 1000, &dates)
    );
    assert_eq!(tally.runs(), 300);
}

#[test]
fn a_cap_is_explained_as_a_lowering_only_when_it_lowered_the_total() {
    use latih::engine::cap_note;
    use latih::engine::messages::violation;
    let (mut lowered, mut limit) = (false, false);
    for s in bundled() {
        for p in Policy::ALL {
            for seed in 0..40 {
                let card = play(&s, p, seed, Terms::on(reference_dates()[0])).unwrap();
                let Some(note) = cap_note(&card, violation) else {
                    assert!(card.cap.is_none());
                    continue;
                };
                let (_, cap) = card.cap.unwrap();
                if card.uncapped > cap {
                    lowered = true;
                    assert!(note.id.contains("diturunkan menjadi"), "{}", note.id);
                    assert!(note.id.contains(&card.uncapped.to_string()));
                } else {
                    limit = true;
                    assert!(note.id.contains("tidak bisa lebih dari"), "{}", note.id);
                    assert!(!note.en.contains("lowered"));
                }
            }
        }
    }
    assert!(lowered && limit, "both cases occur in the pack");
}

#[test]
fn problems_name_fields_in_words_not_paths() {
    let s = latih::engine::edit::new_scenario("x".into());
    let all = validate(&s);
    assert!(!all.is_empty());
    for d in &all {
        for text in [&d.message.id, &d.message.en] {
            assert!(
                !text.contains("meta.") && !text.contains("persona.") && !text.contains("]."),
                "a path in {text}"
            );
        }
    }
    let feedback = all
        .iter()
        .find(|d| d.location.field == "choices[0].feedback")
        .unwrap();
    assert!(feedback.message.id.contains("pilihan 1 › umpan balik"));
    assert!(feedback.message.en.contains("choice 1 › feedback"));
}

#[test]
fn the_debrief_shows_every_violation_repetition_and_wrong_figure() {
    use latih::engine::MAX_FIXES;
    let (mut seen_figure, mut seen_many) = (false, false);
    // Asserts what the debrief of a finished run shows; returns (a wrong figure shown, more
    // moments that must be shown than MAX_FIXES).
    let check = |s: &Scenario, session: &Session, what: &str| -> (bool, bool) {
        let Some(card) = session.score_card() else {
            return (false, false);
        };
        let d = debrief(s, session.turns(), &card, session.terms());
        let must: Vec<usize> = session
            .turns()
            .enumerate()
            .filter(|(_, t)| {
                t.violation.is_some() || t.repeated || t.checks.iter().any(|c| c.is_wrong())
            })
            .map(|(i, _)| i)
            .collect();
        let shown: Vec<usize> = d.fixes.iter().map(|m| m.turn).collect();
        for turn in &must {
            assert!(
                shown.contains(turn),
                "{} {what}: turn {turn} not in {shown:?}",
                s.id
            );
        }
        assert!(
            shown.windows(2).all(|w| w[0] < w[1]),
            "{} {what}: in the order they happened: {shown:?}",
            s.id
        );
        assert!(shown.len() <= must.len().max(MAX_FIXES));
        (
            d.fixes.iter().any(|m| !m.wrong_figures.is_empty()),
            must.len() > MAX_FIXES,
        )
    };
    for s in bundled() {
        for seed in 0..60u64 {
            // Random agents, and pushy and persistent ones (many violations and repeats).
            for policy in [Policy::Pushy, Policy::Persistent] {
                let session =
                    latih::engine::balance::scripted_session(&s, policy, seed, day()).unwrap();
                let (figure, many) = check(&s, &session, &format!("{policy:?} seed {seed}"));
                seen_figure |= figure;
                seen_many |= many;
            }
            let mut session = Session::start(&s, seed, day()).unwrap();
            let mut k = seed;
            while session.score_card().is_none() {
                let offered: Vec<String> =
                    session.available().iter().map(|c| c.id.clone()).collect();
                if offered.is_empty() {
                    break;
                }
                k = k
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let pick = offered[(k >> 33) as usize % offered.len()].clone();
                session.choose(&pick).unwrap();
            }
            let (figure, many) = check(&s, &session, &format!("random seed {seed}"));
            seen_figure |= figure;
            seen_many |= many;
        }
    }
    assert!(seen_figure, "some run states a wrong figure");
    assert!(
        seen_many,
        "some run has more moments that must be shown than MAX_FIXES"
    );
}

#[test]
fn a_transcript_has_the_words_of_the_run_in_the_language_asked() {
    let s = fisher();
    let mut session = Session::start(&s, 9, day()).unwrap();
    session.choose("greet_respect").unwrap();
    let events = session.events().to_vec();
    let lines: Vec<Words> = events
        .iter()
        .filter_map(|e| session.words(e, Lang::En))
        .collect();
    // The opening line, the agent's greeting, and the worker's answer, in English.
    assert!(lines.len() >= 3, "{lines:?}");
    let first_node = &s.nodes[0];
    assert_eq!(
        lines[0],
        Words::Worker(session.render(&first_node.lines[0].text, Lang::En))
    );
    let greeting = first_node
        .choices
        .iter()
        .find(|c| c.id == "greet_respect")
        .unwrap();
    assert!(lines.contains(&Words::Agent(session.render(&greeting.text, Lang::En))));
    // Coaching and decisions are not words; an event naming no part of this scenario has none.
    assert!(events
        .iter()
        .filter(|e| matches!(e, Event::Feedback(_)))
        .all(|e| session.words(e, Lang::Id).is_none()));
    let stray = Event::AgentSays {
        node: 9_999,
        choice: 0,
    };
    assert_eq!(session.words(&stray, Lang::Id), None);
}

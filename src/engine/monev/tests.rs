//! Tests of monitoring and evaluation through the module's public face: the dashboard, item
//! analysis and the exports, from replayed runs.

use super::csv::csv_field;
use super::*;
use crate::engine::balance::{scripted_session, Policy};
use crate::engine::pack;
use crate::engine::scenario::Scenario;
use crate::engine::terms::Date;
use crate::engine::workshop::{verify, AttemptId, ResultRecord, ScenarioRef, Taker, Workshop};

/// The day the tests play on: a workshop in December 2026.
fn day() -> crate::engine::sim::Terms {
    crate::engine::sim::Terms::on(crate::engine::terms::Date {
        year: 2026,
        month: 12,
        day: 3,
    })
}

struct Fixture {
    scenarios: Vec<Scenario>,
    workshop: Workshop,
}

fn fixture() -> Fixture {
    let scenarios = pack::load().unwrap();
    let workshop = Workshop {
        id: Workshop::new_id(42),
        name: "Upgrading Skill, Lombok \"Timur\"".into(),
        date: Date::new(2026, 12, 3).unwrap(),
        place: "Selong".into(),
        wadah: vec!["Koperasi A".into(), "Koperasi B".into()],
        pre_test: vec![ScenarioRef::of(&scenarios[0])],
        post_test: vec![ScenarioRef::of(&scenarios[0])],
        practice: vec![],
        post_after_practice: false,
    };
    Fixture {
        scenarios,
        workshop,
    }
}

fn result(
    f: &Fixture,
    agent: &str,
    wadah: &str,
    phase: Phase,
    policy: Policy,
    id: u64,
) -> Verified {
    let seed = crate::engine::workshop::test_seed(&f.workshop.id, AttemptId::from_random(id, id));
    let session = scripted_session(&f.scenarios[0], policy, seed, day()).unwrap();
    let taker = Taker {
        workshop: f.workshop.id.clone(),
        agent: agent.into(),
        wadah: wadah.into(),
        phase,
    };
    let record = ResultRecord::of(
        &session,
        Some(crate::engine::pack::content_hash_of(&f.scenarios[0])),
        taker,
        AttemptId::from_random(id, id),
        1_796_300_000,
        420,
    )
    .unwrap();
    verify(&record, &f.workshop, &f.scenarios).unwrap()
}

#[test]
fn the_change_is_taken_from_the_exact_means() {
    let f = fixture();
    let mut a = result(
        &f,
        "A",
        "Koperasi A",
        Phase::PreTest,
        Policy::BestPractice,
        1,
    );
    let mut b = result(
        &f,
        "B",
        "Koperasi A",
        Phase::PreTest,
        Policy::BestPractice,
        2,
    );
    let mut c = result(
        &f,
        "C",
        "Koperasi A",
        Phase::PostTest,
        Policy::BestPractice,
        3,
    );
    // Pre 10 and 11 (mean 10.5 shows as 11), post 12: the change is 1.5, shown as +2,
    // not 12 - 11 = +1.
    a.card.total = 10;
    b.card.total = 11;
    c.card.total = 12;
    let p = PrePost::of([&a, &b, &c]);
    assert_eq!((p.pre, p.post, p.change()), (Some(11), Some(12), Some(2)));
    c.card.total = 9;
    assert_eq!(
        PrePost::of([&a, &b, &c]).change(),
        Some(-2),
        "-1.5 rounds away from zero"
    );
}

#[test]
fn means_round_half_up() {
    assert_eq!(mean([]), None);
    assert_eq!(mean([1, 2]), Some(2));
    assert_eq!(mean([1, 1, 2]), Some(1));
    assert_eq!(mean([100]), Some(100));
}

#[test]
fn the_dashboard_counts_what_the_replays_earned() {
    let f = fixture();
    let rina_pre = result(&f, "Rina", "Koperasi A", Phase::PreTest, Policy::Pushy, 1);
    // The app writes names cleaned (no stray spaces); case still differs.
    let rina_post = result(
        &f,
        "rina",
        "Koperasi A",
        Phase::PostTest,
        Policy::BestPractice,
        2,
    );
    let budi_pre = result(&f, "Budi", "Koperasi B", Phase::PreTest, Policy::Random, 3);
    let all = merge_duplicates(vec![
        rina_pre.clone(),
        rina_post.clone(),
        budi_pre.clone(),
        rina_post.clone(),
    ]);
    assert_eq!(all.len(), 3, "the same attempt twice counts once");
    let d = dashboard(&all, &f.workshop, &f.scenarios, &Filter::default());
    assert_eq!(
        d.participation,
        Participation {
            agents: 2,
            pre: 2,
            post: 1,
            both: 1
        }
    );
    let rina = &d.agents[0];
    assert_eq!(rina.agent, "Rina", "name case merges one agent");
    assert_eq!(rina.scores.pre, Some(rina_pre.card.total));
    assert_eq!(rina.scores.post, Some(rina_post.card.total));
    assert!(rina.scores.change().unwrap() > 0);
    assert!(rina.passed_post);
    assert_eq!(d.wadah[0].wadah, "Koperasi A");
    assert_eq!(d.wadah[0].passed_post, (1, 1));
    assert_eq!(
        d.overall.pre,
        mean([rina_pre.card.total, budi_pre.card.total])
    );
    let pre_bands: u32 = d.distribution[&Phase::PreTest].iter().sum();
    assert_eq!(pre_bands, 2);
    assert_eq!(
        d.competencies[&Phase::PostTest][0],
        Some(rina_post.card.competencies[0])
    );
    assert!(
        !d.moments.is_empty(),
        "the pushy and random runs went wrong somewhere"
    );
    assert!(d.moments.iter().all(|m| m.badly <= m.reached));

    let only_b = dashboard(
        &all,
        &f.workshop,
        &f.scenarios,
        &Filter {
            wadah: Some("Koperasi B".into()),
            scenario: None,
        },
    );
    assert_eq!(only_b.participation.agents, 1);
    assert_eq!(only_b.agents[0].agent, "Budi");
    assert!(!only_b.agents[0].passed_post, "no post-test, no pass");
}

#[test]
fn csv_has_a_row_per_attempt_and_escapes_text() {
    let f = fixture();
    let rows = vec![
        result(
            &f,
            "=cmd()",
            "Koperasi A",
            Phase::PreTest,
            Policy::BestPractice,
            1,
        ),
        result(
            &f,
            "Sri, \"Bu\"",
            "Koperasi B",
            Phase::PostTest,
            Policy::Pushy,
            2,
        ),
    ];
    let text = csv(&f.workshop, &rows);
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0], CSV_COLUMNS.join(","));
    assert!(
        lines[1].contains("'=cmd()"),
        "formula defused: {}",
        lines[1]
    );
    assert!(lines[2].contains("\"Sri, \"\"Bu\"\"\""), "{}", lines[2]);
    assert!(lines[1].contains("\"Upgrading Skill, Lombok \"\"Timur\"\"\""));
    assert!(lines[1].contains(&rows[0].record.attempt.uuid()));
    assert!(lines[1].contains("2026-12-03"));
}

/// An attempt on the frozen fixture that opens with `first`, then plays well, and whose
/// total is set to `total` (the item analysis reads only choices and totals).
fn opening(s: &Scenario, first: &str, total: u32, id: u64) -> Verified {
    let mut session = crate::engine::session::Session::start(s, id, day()).unwrap();
    session.choose(first).unwrap();
    let mut agent = crate::engine::rng::WorkerRng::new(id);
    while session.end().is_none() {
        let offered = crate::engine::sim::available(s, session.state());
        let pick = Policy::BestPractice.pick(s, session.state(), &offered, "", &mut agent);
        let choice = s.nodes[session.state().node as usize].choices[pick as usize]
            .id
            .clone();
        session.choose(&choice).unwrap();
    }
    let mut card = session.score_card().unwrap();
    card.total = total;
    Verified {
        record: ResultRecord {
            attempt: AttemptId::from_random(id, id),
            workshop: "W".into(),
            agent: format!("agent {id}"),
            wadah: "A".into(),
            phase: Phase::PreTest,
            scenario: s.id.clone(),
            content: None,
            version: s.version,
            seed: id,
            date: day().date,
            rates: day().rates.version.clone(),
            choices: session.turns().map(|t| t.choice).collect(),
            score: total,
            started_s: 1_796_000_000,
            duration_s: 300,
        },
        save: session.save(),
        card,
        turns: session.turns().cloned().collect(),
        terms: day(),
        doubts: Vec::new(),
    }
}

#[test]
fn item_analysis_matches_a_hand_computed_example() {
    let s =
        crate::engine::import::import(include_str!("../../../tests/fixtures/fisher-fixture.json"))
            .unwrap()
            .scenario;
    let greeting = |rows: &[ItemRow]| {
        rows.iter()
            .find(|r| r.node == 0)
            .cloned()
            .expect("the opening node")
    };
    let index = |id: &str| s.nodes[0].choices.iter().position(|c| c.id == id).unwrap() as u32;
    // Four agents: two open with the best move and score high, one with a weaker move,
    // one with pressure.
    let results = [
        opening(&s, "greet_respect", 90, 1),
        opening(&s, "greet_respect", 80, 2),
        opening(&s, "show_credentials", 40, 3),
        opening(&s, "deadline", 10, 4),
    ];
    let refs: Vec<&Verified> = results.iter().collect();
    let row = greeting(&item_analysis(&refs, std::slice::from_ref(&s)));
    assert_eq!(row.reached, 4);
    assert_eq!(row.best_percent, 50);
    // Groups of 27% of 4, rounded up: 2 at each end. Top: 2 of 2 chose the best move
    // (100%); bottom: 0 of 2 (0%). D = 100 - 0.
    assert_eq!(row.discrimination, Some(100));
    assert!(row.flags.is_empty(), "{:?}", row.flags);
    let stat = |id: &str| {
        row.choices
            .iter()
            .find(|c| c.choice == index(id))
            .cloned()
            .unwrap()
    };
    assert_eq!(
        (
            stat("greet_respect").taken,
            stat("greet_respect").mean_total
        ),
        (2, Some(85))
    );
    assert!(stat("greet_respect").best);
    assert_eq!(
        (
            stat("show_credentials").taken,
            stat("show_credentials").mean_total
        ),
        (1, Some(40))
    );
    assert_eq!(
        (stat("deadline").taken, stat("deadline").mean_total),
        (1, Some(10))
    );

    // The weak agents chose the best move: a reversed item.
    let reversed = [
        opening(&s, "greet_respect", 20, 1),
        opening(&s, "greet_respect", 10, 2),
        opening(&s, "show_credentials", 95, 3),
        opening(&s, "straight_pitch", 70, 4),
    ];
    let refs: Vec<&Verified> = reversed.iter().collect();
    let row = greeting(&item_analysis(&refs, std::slice::from_ref(&s)));
    assert_eq!(row.discrimination, Some(-100));
    assert_eq!(row.flags, vec![ItemFlag::Reversed]);

    // Everybody right, then everybody wrong.
    let all_right = [
        opening(&s, "greet_respect", 70, 1),
        opening(&s, "greet_respect", 60, 2),
    ];
    let refs: Vec<&Verified> = all_right.iter().collect();
    let row = greeting(&item_analysis(&refs, std::slice::from_ref(&s)));
    assert_eq!(
        (row.flags.clone(), row.discrimination),
        (vec![ItemFlag::NobodyErs], None)
    );
    let all_wrong = [
        opening(&s, "deadline", 10, 1),
        opening(&s, "straight_pitch", 20, 2),
    ];
    let refs: Vec<&Verified> = all_wrong.iter().collect();
    let row = greeting(&item_analysis(&refs, std::slice::from_ref(&s)));
    assert_eq!(row.flags, vec![ItemFlag::EverybodyErs]);
    assert!(
        row.choices.iter().any(|c| c.best && c.taken == 0),
        "the missed best move is listed"
    );
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_defused() {
    for risky in [
        "=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "  =cmd()", " @x",
    ] {
        assert!(
            csv_field(risky).trim_start_matches('"').starts_with('\''),
            "{risky:?}"
        );
    }
    assert_eq!(csv_field("Rina"), "Rina");
    assert_eq!(csv_field("a, b"), "\"a, b\"");
}

#[test]
fn utc_writes_calendar_dates() {
    assert_eq!(utc(0), "1970-01-01T00:00:00Z");
    assert_eq!(utc(951_782_400), "2000-02-29T00:00:00Z");
    assert_eq!(utc(1_796_300_000), "2026-12-03T12:13:20Z");
}

#[test]
fn xapi_has_answered_completed_and_a_verdict_per_attempt() {
    let f = fixture();
    let v = result(
        &f,
        "Rina",
        "Koperasi A",
        Phase::PostTest,
        Policy::BestPractice,
        1,
    );
    let statements = xapi(&f.workshop, std::slice::from_ref(&v), &f.scenarios);
    let list = statements.as_array().unwrap();
    assert_eq!(list.len(), v.turns.len() + 2);
    let verbs: Vec<&str> = list
        .iter()
        .map(|s| s["verb"]["id"].as_str().unwrap())
        .collect();
    assert!(verbs[..v.turns.len()]
        .iter()
        .all(|v| v.ends_with("/answered")));
    assert!(verbs[v.turns.len()].ends_with("/completed"));
    assert!(verbs[v.turns.len() + 1].ends_with("/passed"));
    let done = &list[v.turns.len()];
    assert_eq!(done["context"]["registration"], v.record.attempt.uuid());
    assert_eq!(done["result"]["duration"], "PT420S");
    assert_eq!(done["result"]["score"]["raw"], v.card.total);
    let ext = done["result"]["extensions"].as_object().unwrap();
    assert_eq!(ext.len(), 8, "six competencies and the two codes");
    assert!(ext.contains_key(&format!("{XAPI_BASE}/ext/competency/ethics")));
    assert_eq!(
        ext[&format!("{XAPI_BASE}/ext/result-code")],
        v.record.to_code()
    );
    assert_eq!(
        ext[&format!("{XAPI_BASE}/ext/workshop-code")],
        f.workshop.to_code()
    );
    let mut ids: Vec<&str> = list.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert!(ids.iter().all(|id| &id[14..15] == "5"), "version-5 UUIDs");
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), list.len(), "statement ids are unique");
    assert_eq!(
        xapi(&f.workshop, std::slice::from_ref(&v), &f.scenarios),
        statements,
        "exporting twice gives the same statements"
    );
}

mod branch_view {
    //! The branch view reads back what [`xapi`] sent, from pages as an LRS answers.
    use super::*;
    use crate::engine::monev::branch::{Branch, NotStatements, Refusal};
    use serde_json::{json, Value};

    /// `statements` as an LRS answers `GET statements`, `per` to a page.
    fn pages(statements: &[Value], per: usize) -> Vec<String> {
        let chunks: Vec<&[Value]> = statements.chunks(per).collect();
        chunks
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut page = json!({ "statements": c });
                if i + 1 < chunks.len() {
                    page["more"] = json!(format!("/xAPI/statements?page={}", i + 1));
                }
                page.to_string()
            })
            .collect()
    }

    fn read(f: &Fixture, statements: &[Value]) -> Branch {
        let mut branch = Branch::default();
        let texts = pages(statements, 7);
        for (i, text) in texts.iter().enumerate() {
            let page = branch.add_page(text).unwrap();
            assert_eq!(page.more.is_some(), i + 1 < texts.len());
            // In slices, as the page does it.
            while branch.digest_some(2) > 0 {}
            while branch.verify_some(&f.scenarios, 3) > 0 {}
        }
        branch
    }

    /// Two workshops, the later one first in the LRS: Rina improves, Budi takes only the
    /// second workshop.
    fn two_workshops() -> (Fixture, Fixture, Vec<Value>, Vec<Verified>) {
        let f1 = fixture();
        let mut f2 = fixture();
        f2.workshop.id = Workshop::new_id(43);
        f2.workshop.name = "Tindak lanjut Maret".into();
        f2.workshop.date = Date::new(2027, 3, 10).unwrap();
        let first = vec![
            result(
                &f1,
                "Rina",
                "Koperasi A",
                Phase::PreTest,
                Policy::Passive,
                1,
            ),
            result(
                &f1,
                "Rina",
                "Koperasi A",
                Phase::PostTest,
                Policy::BestPractice,
                2,
            ),
        ];
        let second = vec![
            result(
                &f2,
                "rina",
                "Koperasi A",
                Phase::PreTest,
                Policy::BestPractice,
                3,
            ),
            result(&f2, "Budi", "Koperasi B", Phase::PreTest, Policy::Pushy, 4),
            result(
                &f2,
                "Budi",
                "Koperasi B",
                Phase::PostTest,
                Policy::BestPractice,
                5,
            ),
        ];
        let mut statements = xapi(&f2.workshop, &second, &f2.scenarios)
            .as_array()
            .unwrap()
            .clone();
        statements.extend(
            xapi(&f1.workshop, &first, &f1.scenarios)
                .as_array()
                .unwrap()
                .clone(),
        );
        let all = first.into_iter().chain(second).collect();
        (f1, f2, statements, all)
    }

    #[test]
    fn results_read_back_are_replayed_and_summed_across_workshops() {
        let (f1, f2, statements, all) = two_workshops();
        let branch = read(&f1, &statements);
        assert_eq!(branch.statements, statements.len());
        assert!(branch.refused.is_empty(), "{:?}", branch.refused);
        assert_eq!(branch.verified(), 5);
        let view = branch.view();
        assert_eq!(view.results, 5);
        let ids: Vec<&str> = view.workshops.iter().map(|w| w.id.as_str()).collect();
        assert_eq!(
            ids,
            [f1.workshop.id.as_str(), f2.workshop.id.as_str()],
            "oldest first"
        );
        assert_eq!(view.workshops[1].name, "Tindak lanjut Maret");
        assert_eq!(view.workshops[1].agents, 2);
        // The same agent across workshops (case ignored), one cell per workshop.
        let rina = view.agents.iter().find(|a| a.name == "Rina").unwrap();
        assert_eq!(rina.cells[0].unwrap().pre, Some(all[0].card.total));
        assert_eq!(rina.cells[0].unwrap().post, Some(all[1].card.total));
        assert_eq!(rina.cells[1].unwrap().pre, Some(all[2].card.total));
        assert_eq!(
            rina.first_to_last(),
            Some((all[0].card.total, all[1].card.total))
        );
        let budi = view.agents.iter().find(|a| a.name == "Budi").unwrap();
        assert_eq!(budi.cells[0], None, "Budi was not at the first workshop");
        assert_eq!(view.agents.len(), 2);
        let wadah: Vec<&str> = view.wadah.iter().map(|w| w.name.as_str()).collect();
        assert_eq!(wadah, ["Koperasi A", "Koperasi B"]);
        // Competencies: the means over every pre-test and every post-test.
        for c in &view.competencies {
            let of = |p: Phase| {
                mean(
                    all.iter()
                        .filter(|v| v.record.phase == p)
                        .map(|v| v.card.competency(c.competency)),
                )
            };
            assert_eq!((c.pre, c.post), (of(Phase::PreTest), of(Phase::PostTest)));
        }
        // The same as each workshop's own dashboard.
        let d = dashboard(&all[2..], &f2.workshop, &f2.scenarios, &Filter::default());
        assert_eq!(view.workshops[1].scores, d.overall);
    }

    #[test]
    fn statements_sent_twice_count_once() {
        let (f1, _, statements, _) = two_workshops();
        let twice: Vec<Value> = statements.iter().chain(&statements).cloned().collect();
        let branch = read(&f1, &twice);
        assert_eq!(branch.verified(), 5);
        assert!(branch.refused.is_empty());
    }

    #[test]
    fn a_statement_that_disagrees_with_its_code_or_copies_an_attempt_is_refused() {
        let (f1, _, mut statements, all) = two_workshops();
        let completed: Vec<usize> = statements
            .iter()
            .enumerate()
            .filter(|(_, s)| s["verb"]["id"].as_str().unwrap().ends_with("/completed"))
            .map(|(i, _)| i)
            .collect();
        // A score edited in the statement (the code still says the truth).
        let raw = statements[completed[0]]["result"]["score"]["raw"]
            .as_u64()
            .unwrap();
        statements[completed[0]]["result"]["score"]["raw"] = json!((raw + 10) % 101);
        // A code edited by hand.
        let code = format!("{XAPI_BASE}/ext/result-code");
        statements[completed[1]]["result"]["extensions"][&code] = json!("LTH1-not-a-code");
        // An attempt sent again under another name.
        let mut copy = all[4].record.clone();
        copy.agent = "Sari".into();
        let mut forged = statements[completed[2]].clone();
        forged["result"]["extensions"][&code] = json!(copy.to_code());
        statements.push(forged);
        let branch = read(&f1, &statements);
        let refused: Vec<&Refusal> = branch.refused.iter().map(|(_, r)| r).collect();
        assert_eq!(refused.len(), 3, "{refused:?}");
        assert!(
            matches!(refused[0], Refusal::ScoreDiffers { replayed, .. } if u64::from(*replayed) == raw)
        );
        assert!(matches!(refused[1], Refusal::Code(_)));
        assert!(matches!(refused[2], Refusal::Copied { of } if of == "Budi"));
        assert_eq!(branch.verified(), 3);
    }

    #[test]
    fn a_forged_copy_sent_first_does_not_hide_the_honest_statement() {
        let (f1, _, statements, _) = two_workshops();
        let honest = statements
            .iter()
            .find(|s| s["verb"]["id"].as_str().unwrap().ends_with("/completed"))
            .unwrap();
        let mut forged = honest.clone();
        forged["id"] = json!("0b1f3c1e-8f2a-4c55-9a0e-2d4b6f8a1c3e");
        forged["result"]["score"]["raw"] = json!(101);
        let with_forgery: Vec<Value> = std::iter::once(forged).chain(statements).collect();
        let branch = read(&f1, &with_forgery);
        assert_eq!(branch.verified(), 5, "the honest statement still counts");
        assert_eq!(branch.refused.len(), 1);
        assert!(matches!(branch.refused[0].1, Refusal::ScoreDiffers { .. }));
    }

    #[test]
    fn other_statements_are_read_past_and_a_page_that_is_not_one_is_said() {
        let f = fixture();
        let mut branch = Branch::default();
        let other = json!({ "statements": [
            { "verb": { "id": "http://adlnet.gov/expapi/verbs/completed" }, "result": { "completion": true } },
            { "verb": { "id": "http://adlnet.gov/expapi/verbs/experienced" } },
        ] });
        let page = branch.add_page(&other.to_string()).unwrap();
        assert_eq!((page.statements, page.more), (2, None));
        assert_eq!(branch.undigested(), 2);
        assert_eq!(branch.digest_some(10), 0);
        assert_eq!(branch.pending(), 0);
        assert_eq!(branch.verify_some(&f.scenarios, 10), 0);
        assert_eq!(branch.view().results, 0);
        assert_eq!(branch.add_page("<html>login</html>"), Err(NotStatements));
        assert_eq!(
            branch.add_page(r#"{"detail":"Invalid"}"#),
            Err(NotStatements)
        );
    }
}

//! Property tests: for any scenario the engine accepts and any sequence of choices, nothing
//! panics, scores stay in bounds, the same seed gives the same events, and everything holds
//! again after an export -> import round trip. Import never panics on any input.
#![cfg(not(target_arch = "wasm32"))]

use latih::engine::generate;
use latih::engine::pack;
use latih::engine::sim::Terms;
use latih::engine::Occupation;
use latih::engine::Session;
use latih::engine::{export, import};
use latih::engine::{Date, Package};
use latih::engine::{Next, Scenario};
use latih::engine::{RatesTable, Worker};
use proptest::prelude::*;

fn scenarios() -> Vec<Scenario> {
    let mut all = pack::load().expect("pack loads");
    all.push(generate::large(40));
    all
}

/// A day in 2026 or 2027, from any number.
fn day(n: u64) -> Date {
    // 2026-01-01 is day 20,454 since 1970.
    Date::from_unix_days(20_454 + (n % 730) as i64)
}

/// Plays `picks` (each taken modulo the choices on offer) on a day drawn from the seed;
/// returns the session.
fn play<'s>(s: &'s Scenario, seed: u64, picks: &[u8]) -> Session<'s> {
    let mut session = Session::start(s, seed, Terms::on(day(seed))).expect("valid scenario starts");
    for &p in picks {
        let offered = session.available();
        if offered.is_empty() {
            break;
        }
        let id = offered[p as usize % offered.len()].id.clone();
        session
            .choose(&id)
            .expect("an offered choice is always accepted");
    }
    session
}

const OCCUPATIONS: [Occupation; 4] = [
    Occupation::Farmer,
    Occupation::OjekDriver,
    Occupation::Courier,
    Occupation::Trader,
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_calculators_lines_add_up_to_its_total(n: u64, income in 0u64..40_000_000, which in 0usize..4, three: bool, government: bool, months in 1u32..=12) {
        let worker = Worker { income, occupation: OCCUPATIONS[which], government_paid: government };
        let package = if three { Package::JkkJkmJht } else { Package::JkkJkm };
        let rates = RatesTable::bundled();
        let c = rates.contribution(&worker, package, day(n)).expect("rates for 2026-2027");
        prop_assert_eq!(c.jkk + c.jkm + c.jht - c.discount, c.total);
        prop_assert_eq!(c.jkk_paid() + c.jkm_paid() + c.jht, c.total);
        prop_assert!(c.discount <= c.jkk + c.jkm);
        prop_assert_eq!(c.applied.is_some(), c.discount > 0);
        if government { prop_assert_eq!(c.discount, 0); }
        let ahead = rates.ahead(&worker, package, day(n), months).expect("rates ahead");
        prop_assert_eq!(ahead.months.len() as u32, months);
        prop_assert_eq!(ahead.months.iter().map(|(_, m)| m.total).sum::<u64>(), ahead.total);
        prop_assert_eq!(ahead.months[0].1.total, c.total);
    }

    #[test]
    fn any_choices_never_panic_and_scores_stay_in_bounds(which in 0usize..64, seed: u64, picks in proptest::collection::vec(any::<u8>(), 0..80)) {
        let all = scenarios();
        let s = &all[which % all.len()];
        let session = play(s, seed, &picks);
        if let Some(card) = session.score_card() {
            prop_assert!(card.total <= 100);
            prop_assert!(card.total <= card.uncapped);
            prop_assert!(card.competencies.iter().all(|c| *c <= 100));
            prop_assert_eq!(card.passed, card.total >= card.pass_mark);
        }
        for turn in session.turns() {
            for v in [turn.after.trust, turn.after.interest, turn.after.cost_worry, turn.after.patience] {
                prop_assert!((0..=100).contains(&v));
            }
        }
    }

    #[test]
    fn same_seed_same_events_and_round_trips_agree(which in 0usize..64, seed: u64, picks in proptest::collection::vec(any::<u8>(), 0..40)) {
        let all = scenarios();
        let s = &all[which % all.len()];
        let copy = import(&export(s)).expect("round trip imports").scenario;
        let a = play(s, seed, &picks);
        let b = play(&copy, seed, &picks);
        prop_assert_eq!(a.events(), b.events());
        prop_assert_eq!(a.score_card(), b.score_card());
        let replayed = Session::replay(s, &a.save()).expect("replays");
        prop_assert_eq!(replayed.events(), a.events());
    }

    #[test]
    fn mangled_scenarios_never_panic(which in 0usize..64, seed: u64, edits in proptest::collection::vec((any::<u16>(), any::<u16>(), any::<i8>()), 1..12), picks in proptest::collection::vec(any::<u8>(), 0..30)) {
        let all = scenarios();
        let mut s = all[which % all.len()].clone();
        for (a, b, v) in edits {
            let n = s.nodes.len().max(1);
            let node = std::rc::Rc::make_mut(&mut s.nodes[a as usize % n]);
            if node.choices.is_empty() { continue; }
            let nc = node.choices.len();
            let choice = &mut node.choices[b as usize % nc];
            match v.rem_euclid(5) {
                0 => choice.next = Next::Node(format!("missing-{v}")),
                1 => choice.effects.trust = i32::from(v) * 10,
                2 => choice.requires.clear(),
                3 => { node.choices.remove(b as usize % nc); }
                _ => { s.nodes.remove(a as usize % n); }
            }
        }
        let _ = latih::engine::validate(&s);
        if let Ok(mut session) = Session::start(&s, seed, Terms::on(day(seed))) {
            for &p in &picks {
                let offered: Vec<String> = session.available().iter().map(|c| c.id.clone()).collect();
                if offered.is_empty() { break; }
                let _ = session.choose(&offered[p as usize % offered.len()]);
            }
            let _ = session.score_card();
        }
    }

    #[test]
    fn import_never_panics_on_any_text(text in ".{0,400}") {
        let _ = import(&text);
    }

    #[test]
    fn import_never_panics_on_damaged_exports(which in 0usize..64, cuts in proptest::collection::vec((any::<u32>(), any::<u8>()), 1..8)) {
        let all = scenarios();
        let mut bytes = export(&all[which % all.len()]).into_bytes();
        for (at, b) in cuts {
            let i = at as usize % bytes.len();
            bytes[i] = b;
        }
        let text = String::from_utf8_lossy(&bytes);
        let _ = import(&text);
    }
}

mod codes {
    use latih::engine::pack;
    use latih::engine::workshop::{
        verify, AttemptId, Phase, ResultRecord, ScenarioRef, Taker, Workshop,
    };
    use latih::engine::Date;
    use latih::engine::Scenario;
    use proptest::prelude::*;

    fn workshop(scenarios: &[Scenario]) -> Workshop {
        Workshop {
            id: Workshop::new_id(7),
            name: "W".into(),
            date: Date::new(2026, 12, 1).unwrap(),
            place: "Mataram".into(),
            wadah: vec!["A".into()],
            pre_test: scenarios.iter().map(ScenarioRef::of).collect(),
            post_test: vec![],
            practice: vec![],
            post_after_practice: false,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any run an agent can play yields a code that reads back as itself and verifies
        /// with the score the agent saw.
        #[test]
        fn every_finished_run_round_trips_and_verifies(
            which in 0usize..8, picks in proptest::collection::vec(any::<u8>(), 0..80),
            name in "[A-Za-z][A-Za-z .']{0,29}", started in 1_577_836_800u64..4_102_444_800, duration in 0u32..604_800, id in any::<(u64, u64)>(),
        ) {
            let scenarios = pack::load().unwrap();
            let w = workshop(&scenarios);
            let s = &scenarios[which % scenarios.len()];
            // A workshop test's seed comes from the workshop and the attempt, as the app draws it.
            let attempt = AttemptId::from_random(id.0, id.1);
            let session = super::play(s, latih::engine::workshop::test_seed(&w.id, attempt), &picks);
            // The join form cleans the name typed (spaces collapsed), as the app keeps it.
            let agent = latih::engine::workshop::clean_name(&name).unwrap();
            let taker = Taker { workshop: w.id.clone(), agent, wadah: "A".into(), phase: Phase::PreTest };
            let Some(record) = ResultRecord::of(&session, Some(latih::engine::pack::content_hash_of(s)), taker, attempt, started, duration) else {
                return Ok(()); // not finished: there is no result to send
            };
            let back = ResultRecord::from_code(&record.to_code()).unwrap();
            prop_assert_eq!(&back, &record);
            let verified = verify(&back, &w, &scenarios).unwrap();
            prop_assert_eq!(verified.card.total, record.score);
        }

        /// Reading any text as a code returns an answer, never a panic.
        #[test]
        fn reading_any_text_as_a_code_never_panics(text in "\\PC{0,300}", bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = ResultRecord::from_code(&text);
            let _ = Workshop::from_code(&text);
            let as_code = latih::engine::to_base32(&bytes);
            let _ = ResultRecord::from_code(&as_code);
            let _ = Workshop::from_code(&as_code);
        }
    }
}

mod revalidation {
    use latih::engine::edit;
    use latih::engine::Date;
    use latih::engine::{validate, Validator};
    use latih::engine::{Branch, Condition, HiddenFact, Localized, Next, PinnedDate, Scenario};
    use proptest::prelude::*;

    /// One edit of the kinds an editor makes, each reaching a different thing validation reads:
    /// links, node and choice ids, revealed facts, conditions, texts and figures, the worker,
    /// the pinned date; some make errors (which turn the date and cue checks off) and some
    /// mend them.
    fn apply(s: &mut Scenario, op: u8, a: u32, b: u32) {
        let n = s.nodes.len().max(1);
        let (ni, other) = (a as usize % n, b as usize % n);
        let other_id = s.nodes.get(other).map(|x| x.id.clone()).unwrap_or_default();
        let fact = s.persona.hidden_facts.first().map(|f| f.id.clone());
        match op % 21 {
            14 => match b % 3 {
                0 => s.persona.hidden_facts.push(HiddenFact {
                    id: format!("fact-{}", b % 5),
                    text: Localized::new("Fakta", "Fact"),
                }),
                1 if !s.persona.hidden_facts.is_empty() => {
                    s.persona.hidden_facts.remove(0);
                }
                _ => {
                    if let Some(f) = s.persona.hidden_facts.first_mut() {
                        f.id = format!("fact-{}", b % 5);
                    }
                }
            },
            15 => s.persona.can_keep_paying = u64::from(b % 4) * 20_000,
            19 => s.meta.title = Localized::new(format!("Judul {b}"), format!("Title {b}")),
            1 => {
                edit::add_node(s);
            }
            2 if s.nodes.len() > 1 => edit::remove_node(s, ni),
            3 => {
                let _ = edit::rename_node(s, ni, &format!("renamed-{b}"));
            }
            9 => s.persona.declared_income = u64::from(b % 8) * 500_000,
            10 => {
                s.persona.name = if b % 2 == 0 {
                    "Amaq Sinar"
                } else {
                    "Inaq Rabiah"
                }
                .to_owned();
            }
            12 => {
                s.meta.pinned_date = (b % 2 == 0).then(|| PinnedDate {
                    date: Date::new(2026, 1 + (b % 12) as u8, 1).expect("a date"),
                    reason: Localized::new("Uji", "Test"),
                });
            }
            13 => {
                edit::add_choice(s, ni);
            }
            k => {
                let Some(node) = s.node_mut(ni) else {
                    return;
                };
                match k {
                    0 => {
                        if let Some(c) = node.choices.first_mut() {
                            c.next = Next::Node(if b % 5 == 0 {
                                "nowhere".to_owned()
                            } else {
                                other_id
                            });
                        }
                    }
                    4 => node.id = other_id,
                    5 => {
                        if let Some(c) = node.choices.last_mut() {
                            c.id = if b % 2 == 0 {
                                format!("c-{b}")
                            } else {
                                "c-0".to_owned()
                            };
                        }
                    }
                    6 => {
                        if let (Some(c), Some(f)) = (node.choices.first_mut(), fact) {
                            if c.effects.reveals.is_empty() {
                                c.effects.reveals.push(f);
                            } else {
                                c.effects.reveals.clear();
                            }
                        }
                    }
                    7 => {
                        if let Some(c) = node.choices.get_mut(b as usize % 3) {
                            c.requires.push(match b % 4 {
                                0 => Condition::Visited(other_id),
                                1 => Condition::Chose(format!("c-{}", b % 7)),
                                2 => Condition::Discovered(
                                    fact.unwrap_or_else(|| "no-fact".to_owned()),
                                ),
                                _ => Condition::Visited("renamed-1".to_owned()),
                            });
                        }
                    }
                    8 => {
                        if let Some(c) = node.choices.first_mut() {
                            c.text = match b % 4 {
                                0 => Localized::default(),
                                1 => Localized::new(
                                    "Iurannya {monthly jkk_jkm}.",
                                    "It is {monthly jkk_jkm}.",
                                ),
                                2 => Localized::new("Iurannya Rp 16.800.", "It is Rp 16,800."),
                                _ => Localized::new(
                                    "Kalau Bapak celaka di laut, siapa yang menanggung?",
                                    "If you are hurt at sea, who pays?",
                                ),
                            };
                        }
                    }
                    11 => {
                        if let Some(c) = node.choices.first_mut() {
                            c.effects.trust = if c.effects.trust > 50 { 5 } else { 99 };
                        }
                    }
                    16 => {
                        if let Some(line) = node.lines.first_mut() {
                            line.when.push(match b % 4 {
                                0 => Condition::Discovered(
                                    fact.unwrap_or_else(|| "no-fact".to_owned()),
                                ),
                                1 => Condition::NotDiscovered(format!("fact-{}", b % 5)),
                                2 => Condition::Visited(other_id),
                                _ => Condition::Chose(format!("c-{}", b % 7)),
                            });
                        }
                    }
                    17 => {
                        if let Some(c) = node.choices.first_mut() {
                            c.next = Next::Branch {
                                branches: vec![Branch {
                                    when: vec![Condition::Discovered(
                                        fact.unwrap_or_else(|| "no-fact".to_owned()),
                                    )],
                                    go: other_id,
                                }],
                                otherwise: if b % 3 == 0 {
                                    "nowhere".to_owned()
                                } else {
                                    "renamed-1".to_owned()
                                },
                            };
                        }
                    }
                    20 => {
                        // Offered only with (or only without) a discount: whether the node has
                        // a choice then depends on the date.
                        for c in &mut node.choices {
                            c.requires.push(Condition::Discount(b % 2 == 0));
                        }
                    }
                    18 => {
                        if let Some(c) = node.choices.first_mut() {
                            c.if_not_ready = (b % 2 == 0).then_some(Next::Node(other_id));
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    /// A node whose choices are all offered only with a discount has a choice on a date in the
    /// discount window and none before it: moving the pinned date changes what validation says
    /// about a node that did not change.
    #[test]
    fn moving_the_pinned_date_re_checks_the_dates_of_unchanged_nodes() {
        // A worker outside transport: no discount in February 2026, one in May.
        let mut s = super::scenarios()
            .into_iter()
            .find(|s| s.id == "construction-labourer")
            .expect("the construction labourer");
        for c in &mut s.node_mut(0).expect("a node").choices {
            c.requires.push(Condition::Discount(true));
        }
        let pin = |s: &mut Scenario, month: u8| {
            s.meta.pinned_date = Some(PinnedDate {
                date: Date::new(2026, month, 15).expect("a date"),
                reason: Localized::new("Uji", "Test"),
            });
        };
        let mut validator = Validator::default();
        pin(&mut s, 5);
        let in_window = validator.validate(&s);
        assert_eq!(in_window, validate(&s));
        pin(&mut s, 2);
        let before_it = validator.validate(&s);
        assert_eq!(before_it, validate(&s));
        assert_ne!(
            in_window, before_it,
            "the date decides whether the node has a choice"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// After any sequence of edits, the editor's remembering validation says exactly what
        /// validating the scenario from scratch says, in the same order.
        #[test]
        fn remembering_validation_matches_validating_afresh(
            which in 0usize..16, edits in proptest::collection::vec((any::<u8>(), any::<u32>(), any::<u32>()), 1..24),
        ) {
            let all = super::scenarios();
            let mut s = all[which % all.len()].clone();
            let mut validator = Validator::default();
            prop_assert_eq!(validator.validate(&s), validate(&s));
            // Every version so far: going back to one (an undo) meets nodes checked before.
            let mut history = vec![s.clone()];
            for (op, a, b) in edits {
                if a >> 29 == 7 {
                    s = history[b as usize % history.len()].clone();
                } else {
                    apply(&mut s, op, a, b);
                    history.push(s.clone());
                }
                prop_assert_eq!(validator.validate(&s), validate(&s));
            }
            // Another scenario, through the same validator.
            let other = &all[(which + 1) % all.len()];
            prop_assert_eq!(validator.validate(other), validate(other));
        }
    }
}

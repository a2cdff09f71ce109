//! Tests of workshops and results through the module's public face: codes that travel both
//! ways, verification by replay, batches, doubts and names.

use super::codes::{write_refs, RESULT_FORMAT, RESULT_TAG, WORKSHOP_TAG};
use super::doubts::day_number;
use super::*;
use crate::engine::balance::{scripted_session, Policy};
use crate::engine::code::Writer;
use crate::engine::pack;

/// The day the tests play on: a workshop in December 2026.
fn day() -> crate::engine::sim::Terms {
    crate::engine::sim::Terms::on(crate::engine::terms::Date {
        year: 2026,
        month: 12,
        day: 3,
    })
}

fn workshop(scenarios: &[Scenario]) -> Workshop {
    Workshop {
        id: Workshop::new_id(0x0012_3456_789a),
        name: "Upgrading Skill Perisai — Lombok Timur".into(),
        date: Date::new(2026, 12, 3).unwrap(),
        place: "Aula BPJS Ketenagakerjaan Selong".into(),
        wadah: vec![
            "Koperasi Nelayan Tanjung Luar".into(),
            "Pokdarwis Sukarara".into(),
        ],
        pre_test: vec![ScenarioRef::of(&scenarios[0])],
        post_test: vec![ScenarioRef::of(&scenarios[1])],
        // A workshop practises a handful of scenarios, not the whole pack.
        practice: scenarios.iter().take(8).map(ScenarioRef::of).collect(),
        post_after_practice: true,
    }
}

fn record(scenario: &Scenario, workshop: &Workshop, phase: Phase) -> ResultRecord {
    record_as(scenario, workshop, phase, AttemptId::from_random(1, 2))
}

/// A result as the app makes it for `attempt` (its seed drawn from workshop and attempt).
fn record_as(
    scenario: &Scenario,
    workshop: &Workshop,
    phase: Phase,
    attempt: AttemptId,
) -> ResultRecord {
    let seed = test_seed(&workshop.id, attempt);
    let session = scripted_session(scenario, Policy::BestPractice, seed, day()).unwrap();
    let taker = Taker {
        workshop: workshop.id.clone(),
        agent: "Rina".into(),
        wadah: workshop.wadah[0].clone(),
        phase,
    };
    let content = Some(pack::content_hash_of(scenario));
    ResultRecord::of(&session, content, taker, attempt, 1_796_000_000, 540).unwrap()
}

#[test]
fn a_workshop_travels_as_a_code() {
    let scenarios = pack::load().unwrap();
    let w = workshop(&scenarios);
    assert_eq!(w.id.len(), 8);
    let code = w.to_code();
    assert!(code.len() < 700, "{} characters", code.len());
    assert_eq!(Workshop::from_code(&code), Ok(w.clone()));
    assert_eq!(
        Workshop::from_code(&code.to_lowercase()),
        Ok(w),
        "case does not matter"
    );
    assert_eq!(Workshop::from_code("hello!"), Err(CodeError::NotACode));
    assert_eq!(
        Workshop::from_code(&code[..code.len() - 3]),
        Err(CodeError::Damaged)
    );
}

#[test]
fn a_genuine_result_is_verified_and_its_code_is_compact() {
    let scenarios = pack::load().unwrap();
    let w = workshop(&scenarios);
    let r = record(&scenarios[0], &w, Phase::PreTest);
    let code = r.to_code();
    assert!(code.starts_with(RESULT_PREFIX));
    assert!(code.len() < 300, "{} characters", code.len());
    let back = ResultRecord::from_code(&code).unwrap();
    assert_eq!(back, r);
    let v = verify(&back, &w, &scenarios).unwrap();
    assert_eq!(v.card.total, r.score);
    assert!(v.card.passed, "best practice passes");
    assert_eq!(v.turns.len(), r.choices.len());
    assert_eq!(r.attempt.uuid().len(), 36);
    assert_eq!(&r.attempt.uuid()[14..15], "4", "a version-4 UUID");
}

#[test]
fn an_edited_score_is_rejected_with_both_scores() {
    let scenarios = pack::load().unwrap();
    let w = workshop(&scenarios);
    let mut r = record(&scenarios[0], &w, Phase::PreTest);
    let real = r.score;
    r.score = 100 - real / 2;
    // A forger can recompute the checksum (the format is open); the replay still catches it.
    let forged = ResultRecord::from_code(&r.to_code()).unwrap();
    assert_eq!(
        verify(&forged, &w, &scenarios),
        Err(Rejection::ScoreEdited {
            claimed: 100 - real / 2,
            replayed: real
        })
    );
    let why = Rejection::ScoreEdited {
        claimed: 90,
        replayed: 40,
    }
    .message();
    assert!(why.en.contains("90") && why.en.contains("40"), "{}", why.en);
    assert!(why.id.contains("90") && why.id.contains("40"), "{}", why.id);
}

#[test]
fn a_corrupted_code_is_refused() {
    let scenarios = pack::load().unwrap();
    let w = workshop(&scenarios);
    let code = record(&scenarios[0], &w, Phase::PreTest).to_code();
    let mut chars: Vec<char> = code.chars().collect();
    let at = chars.len() / 2;
    chars[at] = if chars[at] == 'A' { 'B' } else { 'A' };
    let damaged: String = chars.into_iter().collect();
    assert_eq!(ResultRecord::from_code(&damaged), Err(CodeError::Damaged));
    assert_eq!(
        ResultRecord::from_code(&code[..code.len() - 5]),
        Err(CodeError::Damaged)
    );
    assert_eq!(
        ResultRecord::from_code("LATIH-hello!"),
        Err(CodeError::NotACode)
    );
    assert_eq!(
        ResultRecord::from_code(&w.to_code()),
        Err(CodeError::Damaged),
        "a workshop code is not a result"
    );
}

#[test]
fn a_result_names_the_exact_copy_it_was_played_on() {
    let scenarios = pack::load().unwrap();
    let w = workshop(&scenarios);
    let r = record(&scenarios[0], &w, Phase::PreTest);
    assert_eq!(r.content, Some(pack::content_hash_of(&scenarios[0])));
    assert!(verify(&r, &w, &scenarios).is_ok());
    // Played on a copy whose content was changed (same id and version): refused, and said so.
    let mut tampered = scenarios.clone();
    std::rc::Rc::make_mut(&mut tampered[0].nodes[1]).choices[0].feedback =
        crate::engine::Localized::new("Bagus", "Good");
    let played = record(&tampered[0], &w, Phase::PreTest);
    assert_eq!(
        verify(&played, &w, &scenarios),
        Err(Rejection::OtherCopy {
            scenario: scenarios[0].id.clone()
        })
    );
    assert!(Rejection::OtherCopy {
        scenario: "x".into()
    }
    .message()
    .get(crate::engine::Lang::Id)
    .contains("diubah"));
    // A code without a hash (written before codes carried one) is checked by id and version.
    let older = ResultRecord {
        content: None,
        ..r.clone()
    };
    assert_eq!(ResultRecord::from_code(&older.to_code()), Ok(older.clone()));
    assert!(verify(&older, &w, &scenarios).is_ok());
}

#[test]
fn a_result_code_of_the_previous_layout_still_reads() {
    // Layout 2: as layout 3 without the content hash.
    let scenarios = pack::load().unwrap();
    let w = workshop(&scenarios);
    let r = record(&scenarios[0], &w, Phase::PreTest);
    let mut wr = Writer::new();
    wr.u8(RESULT_TAG)
        .u8(2)
        .bytes(&r.attempt.0)
        .str(&r.workshop)
        .str(&r.agent)
        .str(&r.wadah)
        .u8(0)
        .str(&r.scenario)
        .varint(u64::from(r.version))
        .bytes(&r.seed.to_be_bytes())
        .varint(u64::from(r.date.year))
        .u8(r.date.month)
        .u8(r.date.day)
        .str(&r.rates)
        .varint(r.choices.len() as u64);
    for c in &r.choices {
        wr.varint(u64::from(*c));
    }
    wr.varint(u64::from(r.score))
        .varint(r.started_s)
        .varint(u64::from(r.duration_s));
    let code = format!(
        "{RESULT_PREFIX}{}",
        crate::engine::code::to_base32(&wr.finish())
    );
    let read = ResultRecord::from_code(&code).expect("a layout 2 code reads");
    assert_eq!(
        read,
        ResultRecord {
            content: None,
            ..r.clone()
        }
    );
    assert!(verify(&read, &w, &scenarios).is_ok());
}

#[test]
fn results_from_elsewhere_are_refused_with_the_reason() {
    let scenarios = pack::load().unwrap();
    let w = workshop(&scenarios);
    let r = record(&scenarios[0], &w, Phase::PreTest);

    let other = Workshop {
        id: Workshop::new_id(99),
        ..w.clone()
    };
    assert!(matches!(
        verify(&r, &other, &scenarios),
        Err(Rejection::OtherWorkshop { .. })
    ));
    let wrong_phase = ResultRecord {
        phase: Phase::PostTest,
        ..r.clone()
    };
    assert!(matches!(
        verify(&wrong_phase, &w, &scenarios),
        Err(Rejection::NotATest { .. })
    ));
    let old = ResultRecord {
        version: r.version + 1,
        ..r.clone()
    };
    assert!(matches!(
        verify(&old, &w, &scenarios),
        Err(Rejection::OtherVersion { .. })
    ));
    let mut short = r.clone();
    short.choices.pop();
    assert_eq!(verify(&short, &w, &scenarios), Err(Rejection::Unfinished));
    let mut bad = r.clone();
    bad.choices[1] = 250;
    assert_eq!(
        verify(&bad, &w, &scenarios),
        Err(Rejection::Unplayable { turn: 2 })
    );
    let nobody = ResultRecord {
        agent: "  ".into(),
        ..r.clone()
    };
    assert_eq!(verify(&nobody, &w, &scenarios), Err(Rejection::WhoUnknown));
    let elsewhere = ResultRecord {
        wadah: "Wadah Palsu".into(),
        ..r.clone()
    };
    assert_eq!(
        verify(&elsewhere, &w, &scenarios),
        Err(Rejection::WhoUnknown)
    );
    let future = ResultRecord {
        started_s: u64::MAX - 5,
        ..r.clone()
    };
    assert_eq!(
        verify(&future, &w, &scenarios),
        Err(Rejection::WhenImpossible)
    );
    let endless = ResultRecord {
        duration_s: u32::MAX,
        ..r.clone()
    };
    assert_eq!(
        verify(&endless, &w, &scenarios),
        Err(Rejection::WhenImpossible)
    );
    let mut long = r;
    long.choices.push(0);
    assert!(matches!(
        verify(&long, &w, &scenarios),
        Err(Rejection::Unplayable { .. })
    ));
}

#[test]
fn a_batch_accepts_new_codes_counts_repeats_once_and_explains_refusals() {
    let scenarios = pack::load().unwrap();
    let w = workshop(&scenarios);
    let a = record(&scenarios[0], &w, Phase::PreTest).to_code();
    let b = record_as(
        &scenarios[1],
        &w,
        Phase::PostTest,
        AttemptId::from_random(7, 7),
    )
    .to_code();
    let text = format!("Rina: {a}\nRina lagi: {a}\nBudi: {b}\nSiti: LATIH-ZZZZ");
    let batch = check_batch(&text, &w, &scenarios, &[]);
    assert_eq!(batch.accepted.len(), 2, "{:?}", batch.rejected);
    assert_eq!(batch.duplicates, 1);
    assert_eq!(batch.rejected.len(), 1);
    assert_eq!(batch.rejected[0].0, "LATIH-ZZZZ");
    let again = check_batch(&text, &w, &scenarios, &[a.clone(), b.clone()]);
    assert!(again.accepted.is_empty());
    assert_eq!(again.duplicates, 3);
    assert_eq!(
        verified_results(&[a.clone(), b, a], &w, &scenarios).len(),
        2
    );
}

#[test]
fn a_result_code_from_before_dated_runs_is_refused_with_the_reason() {
    // A version 1 result code, written byte by byte as the earlier Latih wrote it: no date
    // and no rates version. Its score was computed under rules that have changed.
    let mut w = Writer::new();
    w.u8(RESULT_TAG)
        .u8(1)
        .bytes(&[7u8; 16])
        .str("ABCDEFGH")
        .str("Rina")
        .str("Koperasi A")
        .u8(0)
        .str("fisher-lombok-timur")
        .varint(1)
        .bytes(&42u64.to_be_bytes())
        .varint(2)
        .varint(0)
        .varint(1)
        .varint(90)
        .varint(1_796_000_000)
        .varint(300);
    let code = format!("{RESULT_PREFIX}{}", to_base32(&w.finish()));
    assert_eq!(ResultRecord::from_code(&code), Err(CodeError::Older));
    let why = CodeError::Older.message();
    assert!(
        why.en.contains("earlier Latih") && why.en.contains("take the test again"),
        "{why:?}"
    );
    assert!(why.id.contains("Latih versi lama"), "{why:?}");
    // A newer layout asks for an update instead.
    let mut w = Writer::new();
    w.u8(RESULT_TAG).u8(RESULT_FORMAT + 1).str("x");
    let newer = format!("{RESULT_PREFIX}{}", to_base32(&w.finish()));
    assert_eq!(ResultRecord::from_code(&newer), Err(CodeError::Newer));
}

#[test]
fn a_result_code_carries_the_date_and_rates_it_was_scored_with() {
    let scenarios = pack::load().unwrap();
    let w = workshop(&scenarios);
    let record = record(&scenarios[0], &w, Phase::PreTest);
    assert_eq!(record.date, day().date);
    assert_eq!(record.rates, day().rates.version);
    let back = ResultRecord::from_code(&record.to_code()).unwrap();
    assert_eq!(back, record);
    // Verified with the same date: the figures and the score are the ones the agent saw.
    let v = verify(&back, &w, &scenarios).unwrap();
    assert_eq!(v.terms.date, record.date);
    // A code naming a rates table this build does not have is refused, not rescored.
    let mut unknown = record.clone();
    unknown.rates = "2031-01".into();
    let unknown = ResultRecord::from_code(&unknown.to_code()).unwrap();
    assert_eq!(
        verify(&unknown, &w, &scenarios).unwrap_err(),
        Rejection::UnknownRates {
            version: "2031-01".into()
        }
    );
}

#[test]
fn workshop_codes_of_the_first_layout_still_open() {
    let scenarios = pack::load().unwrap();
    let mut w = workshop(&scenarios);
    w.post_after_practice = false;
    // Layout 1: the same fields without the flags byte.
    let mut old = Writer::new();
    old.u8(WORKSHOP_TAG)
        .u8(1)
        .str(&w.id)
        .str(&w.name)
        .varint(u64::from(w.date.year))
        .u8(w.date.month)
        .u8(w.date.day)
        .str(&w.place);
    old.varint(w.wadah.len() as u64);
    for x in &w.wadah {
        old.str(x);
    }
    write_refs(&mut old, &w.pre_test);
    write_refs(&mut old, &w.post_test);
    write_refs(&mut old, &w.practice);
    assert_eq!(
        Workshop::from_code(&to_base32(&old.finish())),
        Ok(w.clone())
    );
    w.post_after_practice = true;
    assert_eq!(Workshop::from_code(&w.to_code()), Ok(w));
}

#[test]
fn a_code_cannot_choose_its_situation_or_be_copied_under_another_name() {
    let scenarios = pack::load().unwrap();
    let w = workshop(&scenarios);
    // The best path played on a seed of the forger's choosing, and its score.
    let mut forged = record(&scenarios[0], &w, Phase::PreTest);
    let session = scripted_session(&scenarios[0], Policy::BestPractice, 12_345, day()).unwrap();
    forged.seed = 12_345;
    forged.choices = session.turns().map(|t| t.choice).collect();
    forged.score = session.score_card().unwrap().total;
    let forged = ResultRecord::from_code(&forged.to_code()).unwrap();
    assert_eq!(
        verify(&forged, &w, &scenarios),
        Err(Rejection::SeedNotDrawn)
    );
    // Rina's real result sent again as Budi's: refused as a copy, naming Rina.
    let rina = record(&scenarios[0], &w, Phase::PreTest);
    let mut budi = rina.clone();
    budi.agent = "Budi".into();
    let text = format!("{}\n{}", rina.to_code(), budi.to_code());
    let batch = check_batch(&text, &w, &scenarios, &[]);
    assert_eq!(batch.accepted.len(), 1);
    assert_eq!(batch.rejected[0].1, Rejection::Copied { of: "Rina".into() });
    assert!(batch.rejected[0]
        .1
        .message()
        .en
        .contains("copy of Rina's result"));
    let later = check_batch(&budi.to_code(), &w, &scenarios, &[rina.to_code()]);
    assert_eq!(later.rejected[0].1, Rejection::Copied { of: "Rina".into() });
}

#[test]
fn results_too_fast_or_far_from_the_workshop_are_flagged_for_the_trainer() {
    let scenarios = pack::load().unwrap();
    let w = workshop(&scenarios);
    let honest = record(&scenarios[0], &w, Phase::PreTest);
    assert!(verify(&honest, &w, &scenarios).unwrap().doubts.is_empty());
    let turns = honest.choices.len() as u32;
    let fast = ResultRecord {
        duration_s: 2 * turns,
        ..honest.clone()
    };
    let fast = ResultRecord::from_code(&fast.to_code()).unwrap();
    assert_eq!(
        verify(&fast, &w, &scenarios).unwrap().doubts,
        vec![Doubt::TooFast {
            seconds: 2 * turns,
            turns
        }]
    );
    // The workshop is on 3 December 2026; its tests a week before to two months after.
    let mut moved = w.clone();
    moved.date = Date::new(2027, 6, 1).unwrap();
    let v = verify(&honest, &moved, &scenarios).unwrap();
    assert_eq!(
        v.doubts,
        vec![Doubt::OutsideWorkshop {
            played: honest.date
        }]
    );
    assert!(
        v.doubts[0].message().id.contains("3 Desember 2026"),
        "{:?}",
        v.doubts[0].message()
    );
    moved.date = Date::new(2026, 11, 27).unwrap();
    assert!(verify(&honest, &moved, &scenarios)
        .unwrap()
        .doubts
        .is_empty());
    assert_eq!(day_number(Date::new(2026, 12, 3).unwrap()), 20_790);
}

#[test]
fn names_are_kept_visible_and_in_order() {
    assert_eq!(clean_name("  Rina   Sari "), Ok("Rina Sari".into()));
    assert_eq!(clean_name("Ri\u{200b}na"), Ok("Rina".into()));
    assert_eq!(clean_name("\u{202e}aniR"), Ok("aniR".into()));
    assert_eq!(
        clean_name("\u{200b}\u{200d}\u{feff}"),
        Err(NameProblem::Empty)
    );
    assert_eq!(clean_name("Ri\0na"), Err(NameProblem::Control));
    assert_eq!(clean_name(&"a".repeat(80)).unwrap().len(), MAX_NAME_CHARS);
    // A code whose name the app would not have written is refused.
    let scenarios = pack::load().unwrap();
    let w = workshop(&scenarios);
    for forged in ["\u{202e}aniR", "Ri\u{200b}na", "Rina ", "Ri\0na"] {
        let mut r = record(&scenarios[0], &w, Phase::PreTest);
        r.agent = forged.into();
        let r = ResultRecord::from_code(&r.to_code()).unwrap();
        assert_eq!(
            verify(&r, &w, &scenarios).unwrap_err(),
            Rejection::WhoUnknown,
            "{forged:?}"
        );
    }
}

#[test]
fn codes_are_found_in_a_pasted_chat() {
    let text =
        "[09.12] Rina: LATIH-ABC123\n[09.13] Budi: ini kode saya latih-XYZ9, makasih\nLATIH-";
    assert_eq!(
        find_codes(text),
        vec!["LATIH-ABC123", "latih-XYZ9", "LATIH-"]
    );
    assert!(find_codes("tidak ada kode").is_empty());
}

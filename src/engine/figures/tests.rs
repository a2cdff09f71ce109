//! Tests of figure placeholders through the module's public face: parsing, rendering in both
//! languages, checks of trap figures, typed amounts, and the rounding behind the traps.

use super::compute::{round_at_least, round_below};
use super::*;
use crate::engine::rates::{RatesTable, Worker};
use crate::engine::terms::{Date, Lang, Occupation};

fn ctx(occupation: Occupation, date: &str) -> Context<'static> {
    Context {
        worker: Worker {
            income: 1_000_000,
            occupation,
            government_paid: false,
        },
        date: Date::parse(date).unwrap(),
        rates: RatesTable::bundled(),
    }
}

#[test]
fn placeholders_are_filled_in_per_language() {
    let farmer = ctx(Occupation::Farmer, "2026-11-30");
    let text = "{monthly jkk_jkm} sebulan, sekitar {daily jkk_jkm} sehari";
    assert_eq!(
        render(text, &farmer, Lang::Id),
        "Rp 8.400 sebulan, sekitar Rp 280 sehari"
    );
    assert_eq!(
        render(text, &farmer, Lang::En),
        "Rp 8,400 sebulan, sekitar Rp 280 sehari"
    );
    let later = ctx(Occupation::Farmer, "2027-01-15");
    assert_eq!(
        render(text, &later, Lang::Id),
        "Rp 16.800 sebulan, sekitar Rp 560 sehari"
    );
    assert_eq!(
        render("{jkm_benefit words}", &later, Lang::Id),
        "Rp 42 juta"
    );
    assert_eq!(
        render("{work_death_benefit words}", &later, Lang::En),
        "Rp 70 million"
    );
    assert_eq!(
        render(
            "sampai {discount_until}, {discount_percent}",
            &farmer,
            Lang::Id
        ),
        "sampai Desember 2026, 50%"
    );
    assert_eq!(render("{date}", &farmer, Lang::Id), "30 November 2026");
    assert_eq!(
        render("{{literal}} and }} ok", &farmer, Lang::Id),
        "{literal} and } ok"
    );
    assert_eq!(
        render("{nonsense} stays", &farmer, Lang::Id),
        "{nonsense} stays"
    );
    assert_eq!(render("{monthly", &farmer, Lang::Id), "{monthly");
}

#[test]
fn traps_state_the_wrong_value_they_name() {
    let p = |s: &str| figures_in(s)[0];
    let farmer = ctx(Occupation::Farmer, "2026-06-15");
    let undiscounted = p("{monthly jkk_jkm trap=undiscounted}");
    assert_eq!(stated(&undiscounted, &farmer).unwrap().rupiah, 16_800);
    assert!(check(&undiscounted, &farmer).is_wrong());
    let transport_only = p("{monthly jkk_jkm trap=transport_only}");
    assert_eq!(stated(&transport_only, &farmer).unwrap().rupiah, 16_800);
    let ojek = ctx(Occupation::OjekDriver, "2026-06-15");
    assert!(!sayable("{monthly jkk_jkm trap=transport_only}", &ojek));
    let farmer_2027 = ctx(Occupation::Farmer, "2027-06-15");
    // Right on that date: not offered.
    assert!(!sayable(
        "{monthly jkk_jkm trap=undiscounted}",
        &farmer_2027
    ));
    assert!(sayable("{monthly jkk_jkm trap=discounted}", &farmer_2027));
    assert_eq!(
        stated(&p("{monthly jkk_jkm trap=discounted}"), &farmer_2027)
            .unwrap()
            .rupiah,
        8_400
    );
    let work = p("{work_death_benefit trap=jkm_for_work_death}");
    assert_eq!(stated(&work, &farmer).unwrap().rupiah, 42_000_000);
    assert_eq!(truth(&work, &farmer).unwrap().rupiah, 70_000_000);
    assert_eq!(
        stated(&p("{monthly jkk_jkm trap=understated}"), &farmer_2027)
            .unwrap()
            .rupiah,
        10_000
    );
    assert_eq!(
        stated(&p("{jkm_benefit trap=inflated}"), &farmer)
            .unwrap()
            .rupiah,
        100_000_000
    );
    assert_eq!(
        stated(&p("{daily jkk_jkm trap=daily_rounded_down}"), &farmer_2027)
            .unwrap()
            .rupiah,
        500
    );
    let ahead = p("{months_ahead jkk_jkm months=3 trap=flat_ahead}");
    let nov = ctx(Occupation::Farmer, "2026-11-30");
    assert_eq!(stated(&ahead, &nov).unwrap().rupiah, 3 * 8_400);
    assert_eq!(truth(&ahead, &nov).unwrap().rupiah, 2 * 8_400 + 16_800);
    assert_eq!(
        stated(&p("{monthly jkk_jkm_jht trap=other_package}"), &nov)
            .unwrap()
            .rupiah,
        8_400
    );
}

#[test]
fn a_figure_can_be_for_another_date() {
    let nov = ctx(Occupation::Farmer, "2026-11-30");
    assert_eq!(
        render("{monthly jkk_jkm on=2027-01}", &nov, Lang::Id),
        "Rp 16.800"
    );
    let c = check(&figures_in("{monthly jkk_jkm on=2027-01}")[0], &nov);
    assert!(!c.is_wrong());
    assert_eq!(c.date(), Date::parse("2027-01-01").unwrap());
    // Once the discount this worker has ends: January 2027 for a farmer in November,
    // April 2027 for an ojek driver, today when there is no discount.
    let after = figures_in("{monthly jkk_jkm after_discount}")[0];
    assert_eq!(
        check(&after, &nov).date(),
        Date::parse("2027-01-01").unwrap()
    );
    assert_eq!(
        render("{monthly jkk_jkm after_discount}", &nov, Lang::Id),
        "Rp 16.800"
    );
    let ojek = ctx(Occupation::OjekDriver, "2026-11-30");
    assert_eq!(
        check(&after, &ojek).date(),
        Date::parse("2027-04-01").unwrap()
    );
    let later = ctx(Occupation::Farmer, "2027-06-15");
    assert_eq!(check(&after, &later).date(), later.date);
}

#[test]
fn approximate_figures_are_marked_and_never_judged() {
    let mut trader = ctx(Occupation::Trader, "2027-06-15");
    trader.worker.income = 3_000_000;
    assert_eq!(
        render("{monthly jkk_jkm}", &trader, Lang::Id),
        "sekitar Rp 36.800"
    );
    let c = check(&figures_in("{monthly jkk_jkm}")[0], &trader);
    assert_eq!(c.correct, None);
    assert!(!sayable("{monthly jkk_jkm trap=understated}", &trader));
    // JHT and JKM alone are exact whatever the band.
    assert_eq!(render("{jht}", &trader, Lang::Id), "Rp 60.000");
}

#[test]
fn unreadable_placeholders_say_why() {
    let bad = |s: &str| match &pieces(s)[0] {
        Piece::Bad(b) => b.problem.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(bad("{price}"), Problem::UnknownName("price".into()));
    assert_eq!(bad("{monthly}"), Problem::NoPackage);
    assert_eq!(
        bad("{monthly jkk_jkm banana}"),
        Problem::UnknownWord("banana".into())
    );
    assert_eq!(
        bad("{jkm_benefit trap=undiscounted}"),
        Problem::TrapDoesNotFit(Trap::Undiscounted, Figure::JkmBenefit)
    );
    assert_eq!(
        bad("{monthly jkk_jkm on=2027-13}"),
        Problem::BadDate("2027-13".into())
    );
    assert_eq!(
        bad("{months_ahead jkk_jkm}"),
        Problem::BadMonths(String::new())
    );
    assert_eq!(
        bad("{monthly jkk_jkm trap=lies}"),
        Problem::UnknownTrap("lies".into())
    );
    assert_eq!(bad("{date x}"), Problem::UnknownWord("x".into()));
    assert_eq!(bad("{monthly jkk_jkm"), Problem::Unclosed);
}

#[test]
fn placeholders_write_back_as_read() {
    for s in [
        "{monthly jkk_jkm}",
        "{months_ahead jkk_jkm_jht months=12 trap=flat_ahead on=2027-01-01 words}",
        "{monthly jkk_jkm after_discount}",
        "{jkm_benefit words}",
    ] {
        assert_eq!(written(&figures_in(s)[0]), s);
    }
}

#[test]
fn typed_amounts_are_found() {
    let found: Vec<u64> = typed_amounts(
        "Rp 16.800 sebulan, Rp560 sehari, Rp 42 juta, 1,5 juta, {monthly jkk_jkm}, Rp. 8,400; 3 tahun; 12 bulan; B2 200 rupiah",
    )
    .iter()
    .map(|t| t.rupiah)
    .collect();
    assert_eq!(found, [16_800, 560, 42_000_000, 1_500_000, 8_400, 200]);
}

#[test]
fn rounding_helpers() {
    assert_eq!(round_below(16_800), Some(10_000));
    assert_eq!(round_below(8_400), Some(5_000));
    assert_eq!(round_below(1), None);
    assert_eq!(round_at_least(84_000_000), 100_000_000);
    assert_eq!(round_at_least(16_800), 20_000);
}

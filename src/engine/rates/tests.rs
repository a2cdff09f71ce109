//! Tests of the rates: the compiled tables against their files, the domain figures in each
//! discount window, benefits, boundaries and money formatting.

use super::*;
use crate::engine::terms::{Date, Lang, Occupation, Package};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn worker(income: u64, occupation: Occupation) -> Worker {
    Worker {
        income,
        occupation,
        government_paid: false,
    }
}

fn total(income: u64, package: Package, occupation: Occupation, date: &str) -> u64 {
    RatesTable::bundled()
        .contribution(&worker(income, occupation), package, d(date))
        .unwrap()
        .total
}

#[test]
fn the_compiled_tables_are_the_files() {
    let parsed: RatesTable = serde_json::from_str(include_str!("2026-12.json")).unwrap();
    assert_eq!(RatesTable::find("2026-12"), Some(&parsed));
    assert_eq!(RatesTable::bundled().version, "2026-12");
    assert!(RatesTable::find("1999-01").is_none());
}

#[test]
fn dates_parse_validate_and_order() {
    assert_eq!(d("2026-02-28").to_string(), "2026-02-28");
    assert!(Date::parse("2026-02-29").is_none());
    assert!(Date::parse("2028-02-29").is_some());
    assert!(Date::parse("2026-13-01").is_none());
    assert!(Date::parse("tomorrow").is_none());
    assert_eq!(d("2027-01"), d("2027-01-01"));
    assert_eq!(Date::from_unix_days(0), d("1970-01-01"));
    assert_eq!(Date::from_unix_days(20_788), d("2026-12-01"));
    assert_eq!(Date::from_unix_days(11_016), d("2000-02-29"));
    assert!(d("2026-01-01") < d("2026-01-02"));
    assert_eq!(d("2026-11-30").plus_months(2), d("2027-01-01"));
    assert_eq!(d("2026-12-31").next_day(), d("2027-01-01"));
    assert_eq!(d("2028-02-28").next_day(), d("2028-02-29"));
}

#[test]
fn the_domain_figures_in_each_window() {
    use Occupation::*;
    use Package::*;
    // Before PP 50/2025.
    assert_eq!(total(1_000_000, JkkJkm, Farmer, "2025-12-31"), 16_800);
    assert_eq!(total(1_000_000, JkkJkm, OjekDriver, "2025-12-31"), 16_800);
    // January to March 2026: transport workers only.
    assert_eq!(total(1_000_000, JkkJkm, OjekDriver, "2026-03-15"), 8_400);
    assert_eq!(total(1_000_000, JkkJkm, Farmer, "2026-03-15"), 16_800);
    // April to December 2026: every BPU worker.
    for date in ["2026-04-01", "2026-06-15", "2026-11-30", "2026-12-31"] {
        assert_eq!(total(1_000_000, JkkJkm, Farmer, date), 8_400, "{date}");
        assert_eq!(total(1_000_000, JkkJkmJht, Trader, date), 28_400, "{date}");
        assert_eq!(total(1_000_000, JkkJkm, Courier, date), 8_400, "{date}");
    }
    // January to March 2027: transport workers only again.
    assert_eq!(total(1_000_000, JkkJkm, Farmer, "2027-01-15"), 16_800);
    assert_eq!(total(1_000_000, JkkJkmJht, Fisher, "2027-01-15"), 36_800);
    assert_eq!(total(1_000_000, JkkJkm, Driver, "2027-03-31"), 8_400);
    // After both windows.
    assert_eq!(total(1_000_000, JkkJkm, OjekDriver, "2027-04-01"), 16_800);
    assert_eq!(total(1_000_000, JkkJkm, Farmer, "2027-06-15"), 16_800);
}

#[test]
fn jkk_follows_the_sourced_bands() {
    let t = RatesTable::bundled();
    let at = |income| {
        t.contribution(
            &worker(income, Occupation::Trader),
            Package::JkkJkm,
            d("2027-06-15"),
        )
        .unwrap()
    };
    let lowest = at(1_000_000);
    assert_eq!((lowest.jkk, lowest.band.exact), (10_000, true));
    assert_eq!(at(1_099_999).jkk, 10_000);
    // The official example: Rp 1,100,000-1,299,000 pays Rp 12,000 (not 1% = 11,000).
    for income in [1_100_000, 1_200_000, 1_299_000] {
        let c = at(income);
        assert_eq!((c.jkk, c.total, c.band.exact), (12_000, 18_800, true));
    }
    // Above the sourced bands the figure is marked approximate.
    let c = at(3_000_000);
    assert_eq!((c.jkk, c.band.exact, c.band.to), (30_000, false, None));
    assert_eq!(c.band.from, 1_300_000);
    assert_eq!(at(50_000_000).jkk, 207_000);
}

#[test]
fn income_below_the_minimum_is_raised_to_it() {
    let c = RatesTable::bundled()
        .contribution(
            &worker(600_000, Occupation::Farmer),
            Package::JkkJkm,
            d("2027-06-01"),
        )
        .unwrap();
    assert_eq!((c.declared_income, c.total), (1_000_000, 16_800));
}

#[test]
fn jht_is_two_percent_and_never_discounted() {
    let t = RatesTable::bundled();
    let c = t
        .contribution(
            &worker(6_000_000, Occupation::Trader),
            Package::JkkJkmJht,
            d("2026-06-01"),
        )
        .unwrap();
    assert_eq!(c.jht, 120_000);
    let courier = t
        .contribution(
            &worker(1_000_000, Occupation::Courier),
            Package::JkkJkmJht,
            d("2026-02-01"),
        )
        .unwrap();
    assert_eq!(courier.total, 8_400 + 20_000);
}

#[test]
fn the_lines_add_up_and_name_the_discount() {
    let t = RatesTable::bundled();
    let c = t
        .contribution(
            &worker(1_000_000, Occupation::OjekDriver),
            Package::JkkJkm,
            d("2026-08-01"),
        )
        .unwrap();
    assert_eq!(
        (c.jkk, c.jkm, c.discount, c.total),
        (10_000, 6_800, 8_400, 8_400)
    );
    assert_eq!(c.jkk + c.jkm + c.jht - c.discount, c.total);
    assert_eq!((c.jkk_paid(), c.jkm_paid()), (5_000, 3_400));
    let applied = c.applied.unwrap();
    assert_eq!(applied.workers, Workers::Transport);
    assert_eq!(applied.until, Some(d("2027-03-31")));
    let farmer = t
        .contribution(
            &worker(1_000_000, Occupation::Farmer),
            Package::JkkJkm,
            d("2026-08-01"),
        )
        .unwrap();
    assert_eq!(farmer.applied.unwrap().until, Some(d("2026-12-31")));
}

#[test]
fn government_paid_workers_get_no_discount() {
    let t = RatesTable::bundled();
    let w = Worker {
        government_paid: true,
        ..worker(1_000_000, Occupation::Farmer)
    };
    let c = t
        .contribution(&w, Package::JkkJkm, d("2026-08-01"))
        .unwrap();
    assert_eq!((c.total, c.applied), (16_800, None));
    let reasons: Vec<Eligibility> = t
        .discounts
        .iter()
        .map(|x| t.eligibility(x, &w, d("2026-08-01")))
        .collect();
    assert_eq!(
        reasons,
        [Eligibility::OtherWorkers, Eligibility::GovernmentPaid]
    );
}

#[test]
fn paying_ahead_sums_month_by_month_across_a_window() {
    let t = RatesTable::bundled();
    let farmer = worker(1_000_000, Occupation::Farmer);
    // November and December 2026 discounted, January 2027 not.
    let a = t
        .ahead(&farmer, Package::JkkJkm, d("2026-11-30"), 3)
        .unwrap();
    assert_eq!(a.total, 8_400 + 8_400 + 16_800);
    assert_eq!(a.months[2].0, d("2027-01-01"));
    let ojek = worker(1_000_000, Occupation::OjekDriver);
    let b = t
        .ahead(&ojek, Package::JkkJkm, d("2027-01-20"), 12)
        .unwrap();
    assert_eq!(b.total, 3 * 8_400 + 9 * 16_800);
}

#[test]
fn benefits_match_the_domain_reference() {
    let t = RatesTable::bundled();
    let date = d("2026-06-01");
    assert_eq!(t.jkm_benefit(date).unwrap().total(), 42_000_000);
    assert_eq!(t.scholarship(date).unwrap().ceiling, 174_000_000);
    // A fisher who drowns at work at the lowest income: JKK, not JKM.
    assert_eq!(t.work_death_benefit(1_000_000, date).unwrap(), 70_000_000);
    assert_eq!(
        t.work_death_benefit(2_000_000, date).unwrap(),
        96_000_000 + 22_000_000
    );
}

#[test]
fn every_entry_names_a_source_and_a_missing_date_is_an_error() {
    let t = RatesTable::bundled();
    assert!(t.jkk.iter().all(|e| !e.source.trim().is_empty()));
    assert!(t.discounts.iter().all(|e| !e.source.trim().is_empty()));
    let err = t
        .contribution(
            &worker(1_000_000, Occupation::Fisher),
            Package::JkkJkm,
            d("1990-01-01"),
        )
        .unwrap_err();
    assert!(err.to_string().contains("1990-01-01"));
}

#[test]
fn the_boundaries_split_the_years_into_periods_of_equal_figures() {
    let b = RatesTable::bundled().boundaries();
    for date in ["2026-01-01", "2026-04-01", "2027-01-01", "2027-04-01"] {
        assert!(b.contains(&d(date)), "{date}");
    }
}

#[test]
fn money_in_both_languages() {
    assert_eq!(money(0, Lang::Id), "Rp 0");
    assert_eq!(money(560, Lang::Id), "Rp 560");
    assert_eq!(money(16_800, Lang::Id), "Rp 16.800");
    assert_eq!(money(16_800, Lang::En), "Rp 16,800");
    assert_eq!(money(42_000_000, Lang::Id), "Rp 42.000.000");
    assert_eq!(money_words(42_000_000, Lang::Id), "Rp 42 juta");
    assert_eq!(money_words(1_500_000, Lang::En), "Rp 1.5 million");
    assert_eq!(money_words(1_500_000, Lang::Id), "Rp 1,5 juta");
    assert_eq!(money_words(8_400, Lang::Id), "Rp 8.400");
    assert_eq!(money_words(1_234_567, Lang::Id), "Rp 1.234.567");
}

//! Contribution rates and benefits as versioned data (`rates.json`, from ../shared/DOMAIN.md),
//! and the calculator that product-knowledge scoring checks quoted figures against.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::OnceLock;

use super::scenario::Occupation;

/// A calendar date (no time zone), written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1-12.
    pub month: u8,
    /// Day, 1-31.
    pub day: u8,
}

impl Date {
    /// A date; `None` if the month or day is out of range.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Date::new(year, month, day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not a date (YYYY-MM-DD): \"{s}\"")))
    }
}

/// The programme packages a BPU worker can take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Package {
    /// JKK + JKM, the "2-programme" package.
    JkkJkm,
    /// JKK + JKM + JHT, the "3-programme" package.
    JkkJkmJht,
}

impl Package {
    /// Both packages.
    pub const ALL: [Package; 2] = [Package::JkkJkm, Package::JkkJkmJht];
}

/// A rate that applies from a date, with the public source it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// First day it applies.
    pub valid_from: Date,
    /// Last day it applies, if it ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<Date>,
    /// Where the figure comes from.
    pub source: String,
}

impl<T> Sourced<T> {
    /// Whether it applies on `date`.
    pub fn applies_on(&self, date: Date) -> bool {
        self.valid_from <= date && self.valid_to.is_none_or(|to| date <= to)
    }
}

/// A discount on some programmes for some occupations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Discount {
    /// Percent off.
    pub percent: u32,
    /// Programmes it applies to (`jkk`, `jkm`).
    pub programmes: Vec<String>,
    /// Occupations that qualify.
    pub occupations: Vec<Occupation>,
}

/// Benefit amounts, in rupiah.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Benefits {
    /// JKM benefit for death from any cause.
    pub death_benefit: u64,
    /// Funeral benefit (part of JKM, also paid under JKK).
    pub funeral_benefit: u64,
    /// Scholarship ceiling for up to two children.
    pub scholarship_ceiling: u64,
}

/// The rates table: every figure the engine checks, versioned and sourced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RatesTable {
    /// Version of the table (a date or a name).
    pub version: String,
    /// JKK: basis points (1/100 %) of declared income.
    pub jkk_bp: Vec<Sourced<u32>>,
    /// JKM: flat rupiah per month.
    pub jkm_flat: Vec<Sourced<u64>>,
    /// JHT: basis points of declared income.
    pub jht_bp: Vec<Sourced<u32>>,
    /// Lowest income that can be declared.
    pub minimum_income: Vec<Sourced<u64>>,
    /// Time-limited discounts.
    pub discounts: Vec<Sourced<Discount>>,
    /// Benefits.
    pub benefits: Vec<Sourced<Benefits>>,
}

/// Why the calculator cannot answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoRate {
    /// Which rate is missing.
    pub what: &'static str,
    /// For which date.
    pub date: Date,
}

impl fmt::Display for NoRate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no {} rate valid on {}", self.what, self.date)
    }
}

impl std::error::Error for NoRate {}

/// A monthly contribution, itemised, in rupiah.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Contribution {
    /// Income the contribution is computed on (at least the minimum).
    pub declared_income: u64,
    /// JKK after any discount.
    pub jkk: u64,
    /// JKM after any discount.
    pub jkm: u64,
    /// JHT (0 for the 2-programme package).
    pub jht: u64,
    /// Rupiah taken off by discounts.
    pub discount: u64,
    /// What the worker pays per month.
    pub total: u64,
}

impl Contribution {
    /// The contribution per day of a 30-day month, rounded to Rp 10.
    pub fn daily(&self) -> u64 {
        self.total.saturating_add(150) / 300 * 10
    }
}

fn pick<'a, T>(entries: &'a [Sourced<T>], date: Date, what: &'static str) -> Result<&'a T, NoRate> {
    // The latest entry that applies wins, so a new rate is added, never edited in place.
    entries
        .iter()
        .filter(|e| e.applies_on(date))
        .max_by_key(|e| e.valid_from)
        .map(|e| &e.value)
        .ok_or(NoRate { what, date })
}

impl RatesTable {
    /// The table compiled into the app from `src/engine/rates.json` (by build.rs).
    pub fn bundled() -> &'static RatesTable {
        static TABLE: OnceLock<RatesTable> = OnceLock::new();
        TABLE.get_or_init(|| include!(concat!(env!("OUT_DIR"), "/rates_table.rs")))
    }

    /// The monthly contribution of `package` for a worker of `occupation` declaring `income`, on
    /// `date`.
    pub fn contribution(
        &self,
        income: u64,
        package: Package,
        occupation: Occupation,
        date: Date,
    ) -> Result<Contribution, NoRate> {
        let minimum = *pick(&self.minimum_income, date, "minimum income")?;
        let declared_income = income.max(minimum);
        let percent_of = |bp: u32| {
            declared_income
                .saturating_mul(u64::from(bp))
                .saturating_add(5_000)
                / 10_000
        };
        let mut jkk = percent_of(*pick(&self.jkk_bp, date, "JKK")?);
        let mut jkm = *pick(&self.jkm_flat, date, "JKM")?;
        let jht = match package {
            Package::JkkJkm => 0,
            Package::JkkJkmJht => percent_of(*pick(&self.jht_bp, date, "JHT")?),
        };
        let mut discount = 0;
        for d in self.discounts.iter().filter(|d| d.applies_on(date)) {
            if !d.value.occupations.contains(&occupation) {
                continue;
            }
            let off = |amount: &mut u64, programme: &str| {
                if d.value.programmes.iter().any(|p| p == programme) {
                    let cut = *amount * u64::from(d.value.percent.min(100)) / 100;
                    *amount -= cut;
                    cut
                } else {
                    0
                }
            };
            discount += off(&mut jkk, "jkk") + off(&mut jkm, "jkm");
        }
        Ok(Contribution {
            declared_income,
            jkk,
            jkm,
            jht,
            discount,
            total: jkk.saturating_add(jkm).saturating_add(jht),
        })
    }

    /// The benefits valid on `date`.
    pub fn benefits(&self, date: Date) -> Result<&Benefits, NoRate> {
        pick(&self.benefits, date, "benefits")
    }

    /// The lowest declarable income on `date`.
    pub fn minimum_income(&self, date: Date) -> Result<u64, NoRate> {
        pick(&self.minimum_income, date, "minimum income").copied()
    }
}

/// Formats rupiah the Indonesian way: `Rp 16.800`.
pub fn rupiah(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::from("Rp ");
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_table_is_the_file() {
        let parsed: RatesTable = serde_json::from_str(include_str!("rates.json")).unwrap();
        assert_eq!(*RatesTable::bundled(), parsed);
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn dates_parse_validate_and_order() {
        assert_eq!(d("2026-02-28").to_string(), "2026-02-28");
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2028-02-29").is_some());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("tomorrow").is_none());
        assert!(d("2026-01-01") < d("2026-01-02"));
    }

    #[test]
    fn domain_figures_at_the_lowest_income() {
        let t = RatesTable::bundled();
        let date = d("2026-06-01");
        let two = t
            .contribution(1_000_000, Package::JkkJkm, Occupation::Fisher, date)
            .unwrap();
        assert_eq!(
            (two.jkk, two.jkm, two.jht, two.total),
            (10_000, 6_800, 0, 16_800)
        );
        assert_eq!(two.daily(), 560);
        let three = t
            .contribution(1_000_000, Package::JkkJkmJht, Occupation::Trader, date)
            .unwrap();
        assert_eq!(three.total, 36_800);
        assert_eq!(three.jht, 20_000);
    }

    #[test]
    fn income_below_the_minimum_is_raised_to_it() {
        let t = RatesTable::bundled();
        let c = t
            .contribution(
                600_000,
                Package::JkkJkm,
                Occupation::Farmer,
                d("2026-06-01"),
            )
            .unwrap();
        assert_eq!(c.declared_income, 1_000_000);
        assert_eq!(c.total, 16_800);
    }

    #[test]
    fn jht_is_two_percent_of_declared_income() {
        let t = RatesTable::bundled();
        let c = t
            .contribution(
                6_000_000,
                Package::JkkJkmJht,
                Occupation::Trader,
                d("2026-06-01"),
            )
            .unwrap();
        assert_eq!(c.jht, 120_000);
        assert_eq!(c.jkk, 60_000);
    }

    #[test]
    fn transport_discount_only_for_transport_workers_and_only_in_its_window() {
        let t = RatesTable::bundled();
        let ojek = |date| {
            t.contribution(1_000_000, Package::JkkJkm, Occupation::OjekDriver, d(date))
                .unwrap()
                .total
        };
        assert_eq!(ojek("2026-01-01"), 8_400);
        assert_eq!(ojek("2027-03-31"), 8_400);
        assert_eq!(ojek("2025-12-31"), 16_800);
        assert_eq!(ojek("2027-04-01"), 16_800);
        let fisher = t
            .contribution(
                1_000_000,
                Package::JkkJkm,
                Occupation::Fisher,
                d("2026-06-01"),
            )
            .unwrap();
        assert_eq!(fisher.total, 16_800);
        // JHT is not discounted.
        let three = t
            .contribution(
                1_000_000,
                Package::JkkJkmJht,
                Occupation::Courier,
                d("2026-06-01"),
            )
            .unwrap();
        assert_eq!(three.total, 8_400 + 20_000);
    }

    #[test]
    fn benefits_match_the_domain_reference() {
        let b = RatesTable::bundled().benefits(d("2026-06-01")).unwrap();
        assert_eq!(b.death_benefit, 42_000_000);
        assert_eq!(b.funeral_benefit, 10_000_000);
        assert_eq!(b.scholarship_ceiling, 174_000_000);
    }

    #[test]
    fn every_entry_names_a_source_and_a_missing_date_is_an_error() {
        let t = RatesTable::bundled();
        assert!(t.jkk_bp.iter().all(|e| !e.source.trim().is_empty()));
        assert!(t.discounts.iter().all(|e| !e.source.trim().is_empty()));
        let err = t
            .contribution(
                1_000_000,
                Package::JkkJkm,
                Occupation::Fisher,
                d("1990-01-01"),
            )
            .unwrap_err();
        assert!(err.to_string().contains("1990-01-01"));
    }

    #[test]
    fn rupiah_formatting() {
        assert_eq!(rupiah(0), "Rp 0");
        assert_eq!(rupiah(560), "Rp 560");
        assert_eq!(rupiah(16_800), "Rp 16.800");
        assert_eq!(rupiah(42_000_000), "Rp 42.000.000");
    }
}

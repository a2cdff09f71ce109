//! Contribution rates and benefits as versioned, sourced data (`rates/*.json`, from
//! ../shared/DOMAIN.md), and the calculator that every figure Latih shows or checks comes from.
//!
//! The rules as the regulations state them: JKK is a fixed amount per band of declared income
//! (only the bands with a public source are exact; others are marked approximate), JKM is flat,
//! JHT is a percentage, and PP 50/2025 halves JKK and JKM for transport workers in one window of
//! contribution months and for every other BPU worker in another, except for workers whose
//! contributions a government budget pays. Every entry keeps its source and the dates it is valid
//! between. A table has a version; saves and result codes record it, and a replay finds the same
//! table again with [`RatesTable::find`] (so an old result is never silently rescored).

use super::terms::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::OnceLock;

use super::terms::{Date, Occupation, Package};

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

/// One band of declared income and its JKK contribution.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JkkBand {
    /// Lowest income in the band.
    pub from: u64,
    /// Highest income in the band.
    pub to: u64,
    /// JKK per month, in rupiah.
    pub amount: u64,
}

/// JKK contributions: the sourced bands, and the rule of thumb for incomes above them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JkkRates {
    /// Bands with a public source, lowest first.
    pub bands: Vec<JkkBand>,
    /// Above the sourced bands: about this many basis points of the income...
    pub approximate_bp: u32,
    /// ...rounded to this many rupiah...
    pub approximate_round_to: u64,
    /// ...and at most this.
    pub approximate_max: u64,
}

/// Which workers a discount is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Workers {
    /// Ojek and online-ojek drivers, other drivers, couriers.
    Transport,
    /// Every BPU worker who is not a transport worker.
    NonTransport,
    /// Every BPU worker.
    All,
}

impl Workers {
    /// Whether a worker of `occupation` is one of these.
    pub fn include(self, occupation: Occupation) -> bool {
        match self {
            Workers::Transport => occupation.is_transport(),
            Workers::NonTransport => !occupation.is_transport(),
            Workers::All => true,
        }
    }
}

/// A discount on some programmes for some workers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Discount {
    /// Percent off.
    pub percent: u32,
    /// Programmes it applies to (`jkk`, `jkm`).
    pub programmes: Vec<String>,
    /// Who qualifies.
    pub workers: Workers,
    /// Whether workers whose contributions a government budget (APBN/APBD) pays are left out.
    pub excludes_government_paid: bool,
}

/// JKM benefit at a death that is not from a work accident, in rupiah.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JkmBenefit {
    /// Paid at once.
    pub lump_sum: u64,
    /// Periodic payment (paid at once in practice).
    pub periodic: u64,
    /// Funeral costs.
    pub funeral: u64,
}

impl JkmBenefit {
    /// The whole JKM death benefit.
    pub fn total(&self) -> u64 {
        self.lump_sum
            .saturating_add(self.periodic)
            .saturating_add(self.funeral)
    }
}

/// JKK benefits: what depends on the declared wage, and fixed amounts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JkkBenefit {
    /// Death from a work accident: this many times the declared wage (at least the JKM amount).
    pub death_wage_multiple: u64,
    /// Total permanent disability: this many times the declared wage.
    pub disability_wage_multiple: u64,
    /// Funeral costs after a work death.
    pub funeral: u64,
    /// Periodic payment after a work death.
    pub periodic: u64,
    /// Home care, at most this a year.
    pub home_care_ceiling: u64,
    /// Transport to care by land, at most.
    pub transport_land: u64,
    /// By sea, at most.
    pub transport_sea: u64,
    /// By air, at most.
    pub transport_air: u64,
}

/// The scholarship for a member's children.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scholarship {
    /// At most this in total.
    pub ceiling: u64,
    /// For this many children.
    pub children: u32,
    /// After a death that is not from work: years of paid contributions needed first.
    pub jkm_contribution_years: u32,
}

/// The rates table: every figure the engine shows or checks, versioned and sourced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RatesTable {
    /// Version of the table, e.g. `2026-12`. A new table is a new file with a new version.
    pub version: String,
    /// Lowest income that can be declared.
    pub minimum_income: Vec<Sourced<u64>>,
    /// JKK contributions per income band.
    pub jkk: Vec<Sourced<JkkRates>>,
    /// JKM: flat rupiah per month.
    pub jkm: Vec<Sourced<u64>>,
    /// JHT: basis points of declared income.
    pub jht_bp: Vec<Sourced<u32>>,
    /// Time-limited discounts.
    pub discounts: Vec<Sourced<Discount>>,
    /// The JKM death benefit.
    pub jkm_benefit: Vec<Sourced<JkmBenefit>>,
    /// JKK benefits.
    pub jkk_benefit: Vec<Sourced<JkkBenefit>>,
    /// The scholarship.
    pub scholarship: Vec<Sourced<Scholarship>>,
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

/// Who pays: what the contribution depends on besides the package and the date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Worker {
    /// Income the worker declares per month.
    pub income: u64,
    /// Kind of work (decides which discount window applies).
    pub occupation: Occupation,
    /// Whether a government budget (APBN/APBD) pays the contributions.
    pub government_paid: bool,
}

/// The JKK band a contribution used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Band {
    /// Lowest income of the band.
    pub from: u64,
    /// Highest income of the band (None above the sourced bands).
    pub to: Option<u64>,
    /// Whether the JKK amount has a public source (false: about 1% of the income).
    pub exact: bool,
}

/// A discount as it applied to one contribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct AppliedDiscount {
    /// Percent off.
    pub percent: u32,
    /// Which workers' window it was.
    pub workers: Workers,
    /// Its last day, if it ends.
    pub until: Option<Date>,
}

/// A monthly contribution, itemised, in rupiah. The lines add up:
/// `jkk + jkm + jht - discount == total`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Contribution {
    /// Income the contribution is computed on (at least the minimum).
    pub declared_income: u64,
    /// The JKK band used.
    pub band: Band,
    /// JKK before any discount.
    pub jkk: u64,
    /// JKM before any discount.
    pub jkm: u64,
    /// JHT (0 for the 2-programme package; never discounted).
    pub jht: u64,
    /// Rupiah taken off by a discount.
    pub discount: u64,
    /// The discount that applied, if any.
    pub applied: Option<AppliedDiscount>,
    /// What the worker pays per month.
    pub total: u64,
}

impl Contribution {
    /// The contribution per day of a 30-day month, rounded to Rp 10.
    pub fn daily(&self) -> u64 {
        daily(self.total)
    }

    /// JKK after the discount.
    pub fn jkk_paid(&self) -> u64 {
        self.jkk - self.jkk_cut()
    }

    /// JKM after the discount.
    pub fn jkm_paid(&self) -> u64 {
        self.jkm - (self.discount - self.jkk_cut())
    }

    fn jkk_cut(&self) -> u64 {
        self.applied.map_or(0, |d| cut(self.jkk, d.percent))
    }

    /// Whether every line has a public source.
    pub fn exact(&self) -> bool {
        self.band.exact
    }
}

/// A monthly amount per day of a 30-day month, rounded to Rp 10.
pub fn daily(monthly: u64) -> u64 {
    monthly.saturating_add(150) / 300 * 10
}

fn cut(amount: u64, percent: u32) -> u64 {
    amount.saturating_mul(u64::from(percent.min(100))) / 100
}

/// Why a discount does or does not apply to a worker on a date (for the calculator).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Eligibility {
    /// It applies.
    Applies,
    /// Its window has not started or is over.
    OutsideWindow,
    /// It is for other workers.
    OtherWorkers,
    /// A government budget pays this worker's contributions.
    GovernmentPaid,
}

/// Several months paid at once, month by month (a window can start or end in between).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ahead {
    /// Each month's first day and its contribution.
    pub months: Vec<(Date, Contribution)>,
    /// The sum.
    pub total: u64,
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
    /// Every table this build knows, oldest first (compiled by build.rs from `rates/*.json`).
    pub fn all() -> &'static [RatesTable] {
        static TABLES: OnceLock<Vec<RatesTable>> = OnceLock::new();
        TABLES.get_or_init(|| include!(concat!(env!("OUT_DIR"), "/rates_tables.rs")))
    }

    /// The current table: the newest version.
    pub fn bundled() -> &'static RatesTable {
        // build.rs fails the build when there is no table, so the list is never empty.
        let all = RatesTable::all();
        &all[all.len() - 1]
    }

    /// The table of that version, if this build has it.
    pub fn find(version: &str) -> Option<&'static RatesTable> {
        RatesTable::all().iter().find(|t| t.version == version)
    }

    /// The monthly contribution of `package` for `worker` on `date`.
    pub fn contribution(
        &self,
        worker: &Worker,
        package: Package,
        date: Date,
    ) -> Result<Contribution, NoRate> {
        let minimum = *pick(&self.minimum_income, date, "minimum income")?;
        let declared_income = worker.income.max(minimum);
        let (jkk, band) = self.jkk_amount(declared_income, date)?;
        let jkm = *pick(&self.jkm, date, "JKM")?;
        let jht = match package {
            Package::JkkJkm => 0,
            Package::JkkJkmJht => percent_of(declared_income, *pick(&self.jht_bp, date, "JHT")?),
        };
        // At most one discount applies: the windows are for disjoint groups of workers.
        let applied = self
            .discounts
            .iter()
            .find(|d| self.eligibility(d, worker, date) == Eligibility::Applies);
        let (discount, applied) = match applied {
            Some(d) => {
                let on = |programme: &str, amount: u64| {
                    if d.value.programmes.iter().any(|p| p == programme) {
                        cut(amount, d.value.percent)
                    } else {
                        0
                    }
                };
                (
                    on("jkk", jkk) + on("jkm", jkm),
                    Some(AppliedDiscount {
                        percent: d.value.percent,
                        workers: d.value.workers,
                        until: d.valid_to,
                    }),
                )
            }
            None => (0, None),
        };
        Ok(Contribution {
            declared_income,
            band,
            jkk,
            jkm,
            jht,
            discount,
            applied,
            total: jkk.saturating_add(jkm).saturating_add(jht) - discount,
        })
    }

    /// The same contribution as if no discount existed (what a worker paid before PP 50/2025).
    pub fn undiscounted(
        &self,
        worker: &Worker,
        package: Package,
        date: Date,
    ) -> Result<Contribution, NoRate> {
        let mut c = self.contribution(worker, package, date)?;
        c.total += c.discount;
        c.discount = 0;
        c.applied = None;
        Ok(c)
    }

    /// Whether a discount applies to `worker` on `date`, and if not, why.
    pub fn eligibility(
        &self,
        discount: &Sourced<Discount>,
        worker: &Worker,
        date: Date,
    ) -> Eligibility {
        if !discount.value.workers.include(worker.occupation) {
            Eligibility::OtherWorkers
        } else if !discount.applies_on(date) {
            Eligibility::OutsideWindow
        } else if discount.value.excludes_government_paid && worker.government_paid {
            Eligibility::GovernmentPaid
        } else {
            Eligibility::Applies
        }
    }

    /// `months` months paid at once from `from`'s month on, each at its own month's rate.
    pub fn ahead(
        &self,
        worker: &Worker,
        package: Package,
        from: Date,
        months: u32,
    ) -> Result<Ahead, NoRate> {
        let mut list = Vec::new();
        let mut total = 0u64;
        for i in 0..months.min(120) {
            let month = from.plus_months(i);
            let c = self.contribution(worker, package, month)?;
            total = total.saturating_add(c.total);
            list.push((month, c));
        }
        Ok(Ahead {
            months: list,
            total,
        })
    }

    fn jkk_amount(&self, income: u64, date: Date) -> Result<(u64, Band), NoRate> {
        let rates = pick(&self.jkk, date, "JKK")?;
        if let Some(b) = rates
            .bands
            .iter()
            .find(|b| b.from <= income && income <= b.to)
        {
            let band = Band {
                from: b.from,
                to: Some(b.to),
                exact: true,
            };
            return Ok((b.amount, band));
        }
        let from = rates
            .bands
            .iter()
            .map(|b| b.to.saturating_add(1))
            .filter(|&start| start <= income)
            .max()
            .unwrap_or(0);
        let round = rates.approximate_round_to.max(1);
        let raw = percent_of(income, rates.approximate_bp);
        let amount = raw
            .saturating_add(round / 2)
            .checked_div(round)
            .unwrap_or(0)
            .saturating_mul(round)
            .min(rates.approximate_max);
        Ok((
            amount,
            Band {
                from,
                to: None,
                exact: false,
            },
        ))
    }

    /// The JKM death benefit valid on `date`.
    pub fn jkm_benefit(&self, date: Date) -> Result<&JkmBenefit, NoRate> {
        pick(&self.jkm_benefit, date, "JKM benefit")
    }

    /// The JKK benefits valid on `date`.
    pub fn jkk_benefit(&self, date: Date) -> Result<&JkkBenefit, NoRate> {
        pick(&self.jkk_benefit, date, "JKK benefit")
    }

    /// The scholarship valid on `date`.
    pub fn scholarship(&self, date: Date) -> Result<&Scholarship, NoRate> {
        pick(&self.scholarship, date, "scholarship")
    }

    /// The lowest declarable income on `date`.
    pub fn minimum_income(&self, date: Date) -> Result<u64, NoRate> {
        pick(&self.minimum_income, date, "minimum income").copied()
    }

    /// What the family gets after a death from a work accident: the wage multiple (at least the
    /// JKM amount) plus funeral costs and the periodic payment.
    pub fn work_death_benefit(&self, income: u64, date: Date) -> Result<u64, NoRate> {
        let declared = income.max(self.minimum_income(date)?);
        let jkk = self.jkk_benefit(date)?;
        let jkm = self.jkm_benefit(date)?.total();
        Ok(declared
            .saturating_mul(jkk.death_wage_multiple)
            .max(jkm)
            .saturating_add(jkk.funeral)
            .saturating_add(jkk.periodic))
    }

    /// Every date on which some entry of the table starts or stops applying: between two of
    /// them, every figure stays the same.
    pub fn boundaries(&self) -> Vec<Date> {
        let mut dates = Vec::new();
        let mut add = |from: Date, to: Option<Date>| {
            dates.push(from);
            if let Some(to) = to {
                dates.push(to.next_day());
            }
        };
        macro_rules! each {
            ($($field:ident),*) => {$(
                for e in &self.$field { add(e.valid_from, e.valid_to); }
            )*};
        }
        each!(
            minimum_income,
            jkk,
            jkm,
            jht_bp,
            discounts,
            jkm_benefit,
            jkk_benefit,
            scholarship
        );
        crate::engine::order::sort_small_by_key(&mut dates, |d| *d);
        dates.dedup();
        dates
    }
}

fn percent_of(amount: u64, bp: u32) -> u64 {
    amount.saturating_mul(u64::from(bp)).saturating_add(5_000) / 10_000
}

/// Formats rupiah the Indonesian way: `Rp 16.800`.
pub fn rupiah(amount: u64) -> String {
    money(amount, Lang::Id)
}

/// Formats rupiah in the interface language: `Rp 16.800` or `Rp 16,800`.
pub fn money(amount: u64, lang: Lang) -> String {
    let separator = if lang == Lang::En { ',' } else { '.' };
    let digits = amount.to_string();
    let mut out = String::from("Rp ");
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Formats large rupiah amounts the way people say them: `Rp 42 juta`, `Rp 1,5 juta`,
/// `Rp 42 million`. Amounts under a million, or not a whole hundred thousand, are written out.
pub fn money_words(amount: u64, lang: Lang) -> String {
    const MILLION: u64 = 1_000_000;
    if amount < MILLION || amount % 100_000 != 0 {
        return money(amount, lang);
    }
    let (whole, tenths) = (amount / MILLION, amount % MILLION / 100_000);
    let number = if tenths == 0 {
        whole.to_string()
    } else {
        format!(
            "{whole}{}{tenths}",
            if lang == Lang::En { '.' } else { ',' }
        )
    };
    format!(
        "Rp {number} {}",
        if lang == Lang::En { "million" } else { "juta" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(rupiah(0), "Rp 0");
        assert_eq!(rupiah(560), "Rp 560");
        assert_eq!(money(16_800, Lang::Id), "Rp 16.800");
        assert_eq!(money(16_800, Lang::En), "Rp 16,800");
        assert_eq!(rupiah(42_000_000), "Rp 42.000.000");
        assert_eq!(money_words(42_000_000, Lang::Id), "Rp 42 juta");
        assert_eq!(money_words(1_500_000, Lang::En), "Rp 1.5 million");
        assert_eq!(money_words(1_500_000, Lang::Id), "Rp 1,5 juta");
        assert_eq!(money_words(8_400, Lang::Id), "Rp 8.400");
        assert_eq!(money_words(1_234_567, Lang::Id), "Rp 1.234.567");
    }
}

//! The calculator over a rates table: the bundled tables, the rate valid on a date, a month's
//! contribution with its discount, benefits, and the dates where any figure changes.

use std::sync::OnceLock;

use super::{
    cut, percent_of, Ahead, AppliedDiscount, Band, Contribution, Discount, Eligibility, JkkBand,
    JkkBenefit, JkkRates, JkmBenefit, NoRate, RatesTable, Scholarship, Sourced, Worker, Workers,
};
use crate::engine::terms::{Date, Package};

// A rate's source, as its table's file gives it, for the generated tables below. Neither app
// shows sources (the command-line tool's `calc` and the tests do), so a browser build leaves
// them out of the download (about 1 KB brotli).
#[cfg(not(target_arch = "wasm32"))]
macro_rules! source {
    ($s:literal) => {
        String::from($s)
    };
}
#[cfg(target_arch = "wasm32")]
macro_rules! source {
    ($s:literal) => {
        String::new()
    };
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

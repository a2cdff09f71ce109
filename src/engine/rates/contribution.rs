//! What the calculator answers: the worker it answers for, a month's contribution itemised with
//! its band and discount, whether a discount applies, and several months paid at once.

use serde::Serialize;

use super::{cut, Workers};
use crate::engine::terms::{Date, Occupation};

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

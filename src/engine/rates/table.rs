//! The rates table as the JSON files hold it: each rate with its source and validity dates,
//! the JKK bands, the discounts and the benefits, and the error when no rate applies.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::engine::terms::{Date, Occupation};

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

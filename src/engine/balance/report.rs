//! Many scripted runs added up: the spread of scores and endings of each policy, over the
//! reference dates.

use serde::Serialize;
use std::collections::BTreeMap;

use super::{play, reference_dates, Policy};
use crate::engine::scenario::{Outcome, Scenario};
use crate::engine::sim::Terms;
use crate::engine::terms::Date;

/// The spread of scores and endings of one policy.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PolicyReport {
    /// The policy.
    pub policy: Policy,
    /// Runs played.
    pub runs: u32,
    /// Runs that broke (a scenario error); 0 for a valid scenario.
    pub broken: u32,
    /// Mean total.
    pub mean: f64,
    /// Lowest total.
    pub min: u32,
    /// 10th percentile.
    pub p10: u32,
    /// Median.
    pub median: u32,
    /// 90th percentile.
    pub p90: u32,
    /// Highest total.
    pub max: u32,
    /// Share of runs that passed, 0-1.
    pub pass_rate: f64,
    /// Mean total of the runs that ended in an enrolment (None if none did).
    pub mean_when_enrolled: Option<f64>,
    /// How often each outcome was reached.
    pub outcomes: BTreeMap<Outcome, u32>,
}

/// Plays `runs` seeds (from `first_seed` on) with one policy, spread over `dates` in turn.
pub fn analyse(
    scenario: &Scenario,
    policy: Policy,
    runs: u32,
    first_seed: u64,
    dates: &[Date],
) -> PolicyReport {
    let mut tally = Tally::new(policy);
    for i in 0..runs {
        tally.play(scenario, first_seed.wrapping_add(u64::from(i)), dates);
    }
    tally.report()
}

/// Scripted runs of one policy added up, one at a time (so the browser can play them in
/// slices between frames and report at any point).
#[derive(Clone, Debug, PartialEq)]
pub struct Tally {
    policy: Policy,
    totals: Vec<u32>,
    enrolled: Vec<u32>,
    outcomes: BTreeMap<Outcome, u32>,
    passed: u32,
    broken: u32,
}

impl Tally {
    /// No runs yet.
    pub fn new(policy: Policy) -> Tally {
        Tally {
            policy,
            totals: Vec::new(),
            enrolled: Vec::new(),
            outcomes: BTreeMap::new(),
            passed: 0,
            broken: 0,
        }
    }

    /// Plays one run with `seed` on the next of `dates` (today's rates if `dates` is empty),
    /// and adds it.
    pub fn play(&mut self, scenario: &Scenario, seed: u64, dates: &[Date]) {
        let fallback;
        let dates = if dates.is_empty() {
            fallback = reference_dates();
            &fallback[..]
        } else {
            dates
        };
        let date = dates[self.runs() as usize % dates.len()];
        match play(scenario, self.policy, seed, Terms::of(scenario, date)) {
            Some(card) => {
                self.totals.push(card.total);
                if card.outcome == Outcome::Enrolled {
                    self.enrolled.push(card.total);
                }
                self.passed += u32::from(card.passed);
                *self.outcomes.entry(card.outcome).or_insert(0) += 1;
            }
            None => self.broken += 1,
        }
    }

    /// Runs added so far.
    pub fn runs(&self) -> u32 {
        self.totals.len() as u32 + self.broken
    }

    /// The report of the runs so far.
    pub fn report(&self) -> PolicyReport {
        let mut totals = self.totals.clone();
        crate::engine::order::sort_small(&mut totals);
        let runs = self.runs();
        let at = |q: usize| {
            totals
                .get((totals.len().saturating_sub(1)) * q / 100)
                .copied()
                .unwrap_or(0)
        };
        let mean = |v: &[u32]| v.iter().map(|&x| f64::from(x)).sum::<f64>() / v.len().max(1) as f64;
        PolicyReport {
            policy: self.policy,
            runs,
            broken: self.broken,
            mean: mean(&totals),
            min: totals.first().copied().unwrap_or(0),
            p10: at(10),
            median: at(50),
            p90: at(90),
            max: totals.last().copied().unwrap_or(0),
            pass_rate: f64::from(self.passed) / f64::from(runs.max(1)),
            mean_when_enrolled: (!self.enrolled.is_empty()).then(|| mean(&self.enrolled)),
            outcomes: self.outcomes.clone(),
        }
    }
}

/// Every policy's report for a scenario, over the reference dates.
pub fn analyse_all(scenario: &Scenario, runs: u32, first_seed: u64) -> Vec<PolicyReport> {
    let dates = reference_dates();
    Policy::ALL
        .iter()
        .map(|p| analyse(scenario, *p, runs, first_seed, &dates))
        .collect()
}

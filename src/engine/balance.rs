//! Balance analysis: scripted agents play a scenario many times with different seeds, and the
//! score spread and endings show whether the scenario rewards good practice.
//!
//! The policies:
//! - **best practice** takes the move with the highest face value ([`scoring::move_value`]):
//!   honest, accurate, respectful, suitable.
//! - **random** picks uniformly among the choices on offer: a clicker who does not read.
//! - **pushy** takes any violation or wrong figure on offer, else the most expensive close,
//!   else a random move: the agent who wants a signature at any price.
//! - **passive** is polite and truthful but never asks for the sign-up: rapport, questions and
//!   explanations, and a follow-up or goodbye when nothing else is left.

use serde::Serialize;
use std::collections::BTreeMap;

use super::rng::WorkerRng;
use super::scenario::{MoveKind, Outcome, Scenario};
use super::scoring::{self, move_value, ScoreCard};
use super::sim::{self, Event, Session, StepError};

/// A scripted way of playing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Policy {
    /// Good practice.
    BestPractice,
    /// Uniformly random.
    Random,
    /// Pushy and misinforming.
    Pushy,
    /// Never closes.
    Passive,
}

impl Policy {
    /// Every policy.
    pub const ALL: [Policy; 4] = [
        Policy::BestPractice,
        Policy::Random,
        Policy::Pushy,
        Policy::Passive,
    ];

    /// Its name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Policy::BestPractice => "best_practice",
            Policy::Random => "random",
            Policy::Pushy => "pushy",
            Policy::Passive => "passive",
        }
    }

    /// Picks a choice (index into the node's choices) among those `offered` (not empty).
    pub fn pick(self, scenario: &Scenario, node: u32, offered: &[u32], rng: &mut WorkerRng) -> u32 {
        let choices = &scenario.nodes[node as usize].choices;
        let value = |i: u32| move_value(scenario, &choices[i as usize]);
        let random =
            |rng: &mut WorkerRng, from: &[u32]| from[rng.below(from.len() as u32) as usize];
        match self {
            Policy::BestPractice => *offered
                .iter()
                .max_by_key(|&&i| (value(i), std::cmp::Reverse(i)))
                .unwrap_or(&offered[0]),
            Policy::Random => random(rng, offered),
            Policy::Pushy => {
                let bad: Vec<u32> = offered
                    .iter()
                    .copied()
                    .filter(|&i| choices[i as usize].kind.violation().is_some() || value(i) < -20)
                    .collect();
                if !bad.is_empty() {
                    return random(rng, &bad);
                }
                let closes: Vec<u32> = offered
                    .iter()
                    .copied()
                    .filter(|&i| choices[i as usize].kind == MoveKind::Close)
                    .collect();
                match closes.iter().max_by_key(|&&i| choices[i as usize].package) {
                    Some(&i) => i,
                    None => random(rng, offered),
                }
            }
            Policy::Passive => {
                let rank = |i: u32| match choices[i as usize].kind {
                    MoveKind::Rapport | MoveKind::Discover | MoveKind::ShowCredentials => 0,
                    MoveKind::Explain
                    | MoveKind::SocialProof
                    | MoveKind::AnswerObjection
                    | MoveKind::Quote => 1,
                    MoveKind::FollowUp | MoveKind::Leave => 2,
                    MoveKind::Receipt => 3,
                    _ => 9,
                };
                *offered
                    .iter()
                    .min_by_key(|&&i| (rank(i), std::cmp::Reverse(value(i)), i))
                    .unwrap_or(&offered[0])
            }
        }
    }
}

/// One scripted playthrough: its score card (None if the scenario broke mid-run).
pub fn play(scenario: &Scenario, policy: Policy, seed: u64) -> Option<ScoreCard> {
    let mut worker = WorkerRng::new(seed);
    let mut agent = WorkerRng::new(seed ^ 0x9E37_79B9_7F4A_7C15);
    let (mut state, _) = sim::start(scenario, &mut worker).ok()?;
    let mut turns = Vec::new();
    while state.end.is_none() {
        let offered = sim::available(scenario, &state);
        if offered.is_empty() {
            return None;
        }
        let pick = policy.pick(scenario, state.node, &offered, &mut agent);
        let id = &scenario.nodes[state.node as usize].choices[pick as usize].id;
        for event in sim::advance(scenario, &mut state, id, &mut worker).ok()? {
            if let Event::Feedback(turn) = event {
                turns.push(turn);
            }
        }
    }
    Some(scoring::score(
        scenario,
        &turns,
        state.end?,
        state.skipped_receipt(),
    ))
}

/// A scripted agent's whole conversation as a [`Session`] (for its choices, replays and
/// tests); it stops early only if no choice is on offer.
pub fn scripted_session(
    scenario: &Scenario,
    policy: Policy,
    seed: u64,
) -> Result<Session<'_>, StepError> {
    let mut session = Session::start(scenario, seed)?;
    let mut agent = WorkerRng::new(seed ^ 0x9E37_79B9_7F4A_7C15);
    while session.end().is_none() {
        let offered = sim::available(scenario, session.state());
        if offered.is_empty() {
            break;
        }
        let node = session.state().node;
        let pick = policy.pick(scenario, node, &offered, &mut agent);
        let id = &scenario.nodes[node as usize].choices[pick as usize].id;
        session.choose(id)?;
    }
    Ok(session)
}

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

/// Plays `runs` seeds (from `first_seed` on) with one policy.
pub fn analyse(scenario: &Scenario, policy: Policy, runs: u32, first_seed: u64) -> PolicyReport {
    let mut tally = Tally::new(policy);
    for i in 0..runs {
        tally.play(scenario, first_seed.wrapping_add(u64::from(i)));
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

    /// Plays one run with `seed` and adds it.
    pub fn play(&mut self, scenario: &Scenario, seed: u64) {
        match play(scenario, self.policy, seed) {
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
        totals.sort_unstable();
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

/// The targets every bundled scenario must meet.
pub mod targets {
    /// Best practice mean at least this.
    pub const BEST_PRACTICE_MIN_MEAN: f64 = 85.0;
    /// Random mean at most this.
    pub const RANDOM_MAX_MEAN: f64 = 50.0;
    /// Pushy: every run at most this, signed or not.
    pub const PUSHY_MAX: u32 = 35;
}

/// Every policy's report for a scenario.
pub fn analyse_all(scenario: &Scenario, runs: u32, first_seed: u64) -> Vec<PolicyReport> {
    Policy::ALL
        .iter()
        .map(|p| analyse(scenario, *p, runs, first_seed))
        .collect()
}

/// Which balance targets a set of reports misses (empty = all met).
pub fn missed_targets(reports: &[PolicyReport]) -> Vec<String> {
    let mut missed = Vec::new();
    for r in reports {
        if r.broken > 0 {
            missed.push(format!("{}: {} runs broke", r.policy.name(), r.broken));
        }
        match r.policy {
            Policy::BestPractice if r.mean < targets::BEST_PRACTICE_MIN_MEAN => {
                missed.push(format!(
                    "best_practice mean {:.1} < {}",
                    r.mean,
                    targets::BEST_PRACTICE_MIN_MEAN
                ))
            }
            Policy::Random if r.mean > targets::RANDOM_MAX_MEAN => missed.push(format!(
                "random mean {:.1} > {}",
                r.mean,
                targets::RANDOM_MAX_MEAN
            )),
            Policy::Pushy if r.max > targets::PUSHY_MAX => {
                missed.push(format!("pushy max {} > {}", r.max, targets::PUSHY_MAX))
            }
            _ => {}
        }
    }
    missed
}

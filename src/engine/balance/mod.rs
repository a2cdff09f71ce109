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
//!
//! And the test-wise agents, who do not know the answer but look for cues in how the choices
//! are written or placed. A scenario that lets them pass measures test-wiseness, not skill:
//! - **first** and **last** always take the first or the last choice shown;
//! - **longest** and **shortest** take the choice with the most or the fewest characters;
//! - **mimic** takes the choice that shares the most words with the worker's last line;
//! - **persistent** asks to sign whenever it can, with the same request it used before (or the
//!   longest one), and otherwise takes the longest choice.
//!
//! Runs are spread over [`REFERENCE_DATES`], one in each period in which the rates differ, so
//! the targets must hold whatever the day a scenario is played.

use serde::Serialize;
use std::collections::BTreeMap;

use super::figures;
use super::rng::WorkerRng;
use super::scenario::{MoveKind, Outcome, Scenario};
use super::scoring::{self, move_value, ScoreCard};
use super::session::Session;
use super::sim::{self, Event, State, StepError, Terms};
use super::terms::Date;

/// Dates the balance analysis and the pack's tests play on: one before the transport discount
/// ends its first quarter, one in each PP 50/2025 window, and one after both.
pub const REFERENCE_DATES: [&str; 5] = [
    "2026-03-15",
    "2026-06-15",
    "2026-12-31",
    "2027-01-15",
    "2027-06-15",
];

/// The reference dates as dates.
pub fn reference_dates() -> Vec<Date> {
    REFERENCE_DATES
        .iter()
        .filter_map(|d| Date::parse(d))
        .collect()
}

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
    /// Always the first choice shown.
    First,
    /// Always the last choice shown.
    Last,
    /// Always the longest text.
    Longest,
    /// Always the shortest text.
    Shortest,
    /// The choice sharing most words with the worker's last line.
    Mimic,
    /// Asks to sign at every chance, with the same request.
    Persistent,
}

impl Policy {
    /// Every policy.
    pub const ALL: [Policy; 10] = [
        Policy::BestPractice,
        Policy::Random,
        Policy::Pushy,
        Policy::Passive,
        Policy::First,
        Policy::Last,
        Policy::Longest,
        Policy::Shortest,
        Policy::Mimic,
        Policy::Persistent,
    ];

    /// The test-wise policies.
    pub const TEST_WISE: [Policy; 6] = [
        Policy::First,
        Policy::Last,
        Policy::Longest,
        Policy::Shortest,
        Policy::Mimic,
        Policy::Persistent,
    ];

    /// Its name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Policy::BestPractice => "best_practice",
            Policy::Random => "random",
            Policy::Pushy => "pushy",
            Policy::Passive => "passive",
            Policy::First => "first",
            Policy::Last => "last",
            Policy::Longest => "longest",
            Policy::Shortest => "shortest",
            Policy::Mimic => "mimic",
            Policy::Persistent => "persistent",
        }
    }

    /// Whether it is one of the test-wise policies.
    pub fn is_test_wise(self) -> bool {
        Policy::TEST_WISE.contains(&self)
    }

    /// Picks a choice (index into the node's choices) among those `offered` (not empty, in the
    /// order shown). `heard` is the worker's last line as shown.
    pub fn pick(
        self,
        scenario: &Scenario,
        state: &State,
        offered: &[u32],
        heard: &str,
        rng: &mut WorkerRng,
    ) -> u32 {
        let node = state.node;
        let terms = state.terms;
        let choices = &scenario.nodes[node as usize].choices;
        let value = |i: u32| move_value(scenario, &choices[i as usize], terms);
        let random =
            |rng: &mut WorkerRng, from: &[u32]| from[rng.below(from.len() as u32) as usize];
        let ctx = terms.context(scenario);
        let shown = |i: u32| figures::render(sim::spoken(&choices[i as usize].text), &ctx, false);
        let length = |i: u32| shown(i).chars().count();
        // Among equals, the one shown first: what a test-taker's eye meets.
        let by = |key: &dyn Fn(u32) -> i64| {
            let mut best = offered[0];
            for &i in offered {
                if key(i) > key(best) {
                    best = i;
                }
            }
            best
        };
        match self {
            Policy::First => offered[0],
            Policy::Last => offered[offered.len() - 1],
            Policy::Longest => by(&|i| length(i) as i64),
            Policy::Shortest => by(&|i| -(length(i) as i64)),
            Policy::Mimic => {
                let heard = words(heard);
                by(&|i| {
                    let mine = words(&shown(i));
                    mine.iter().filter(|w| heard.contains(w)).count() as i64
                })
            }
            Policy::Persistent => {
                let closes: Vec<u32> = offered
                    .iter()
                    .copied()
                    .filter(|&i| choices[i as usize].kind == MoveKind::Close)
                    .collect();
                if closes.is_empty() {
                    return by(&|i| length(i) as i64);
                }
                let before = closes.iter().copied().find(|&i| {
                    state.chosen.iter().any(|&(n, c)| {
                        scenario.nodes[n as usize].choices[c as usize].id == choices[i as usize].id
                    })
                });
                before.unwrap_or_else(|| {
                    let mut best = closes[0];
                    for &i in &closes {
                        if length(i) > length(best) {
                            best = i;
                        }
                    }
                    best
                })
            }
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

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2)
        .map(str::to_lowercase)
        .collect()
}

fn last_line(scenario: &Scenario, events: &[Event], ctx: &figures::Context) -> Option<String> {
    events.iter().rev().find_map(|e| match e {
        Event::WorkerSays { node, variant, .. } => scenario
            .nodes
            .get(*node as usize)
            .and_then(|n| n.lines.get(*variant as usize))
            .map(|l| figures::render(sim::spoken(&l.text), ctx, false)),
        _ => None,
    })
}

/// One scripted playthrough on `terms`: its score card (None if the scenario broke mid-run).
pub fn play(scenario: &Scenario, policy: Policy, seed: u64, terms: Terms) -> Option<ScoreCard> {
    let mut worker = WorkerRng::new(seed);
    let mut agent = WorkerRng::new(seed ^ 0x9E37_79B9_7F4A_7C15);
    let ctx = terms.context(scenario);
    let (mut state, opening) = sim::start(scenario, &mut worker, terms).ok()?;
    let mut heard = last_line(scenario, &opening, &ctx).unwrap_or_default();
    let mut turns = Vec::new();
    while state.end.is_none() {
        let offered = sim::available(scenario, &state);
        if offered.is_empty() {
            return None;
        }
        let pick = policy.pick(scenario, &state, &offered, &heard, &mut agent);
        let id = &scenario.nodes[state.node as usize].choices[pick as usize].id;
        let events = sim::advance(scenario, &mut state, id, &mut worker).ok()?;
        if policy == Policy::Mimic {
            if let Some(line) = last_line(scenario, &events, &ctx) {
                heard = line;
            }
        }
        for event in events {
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
        terms,
    ))
}

/// A scripted agent's whole conversation as a [`Session`] (for its choices, replays and
/// tests); it stops early only if no choice is on offer.
pub fn scripted_session(
    scenario: &Scenario,
    policy: Policy,
    seed: u64,
    terms: Terms,
) -> Result<Session<'_>, StepError> {
    let mut session = Session::start(scenario, seed, terms)?;
    let mut agent = WorkerRng::new(seed ^ 0x9E37_79B9_7F4A_7C15);
    let ctx = terms.context(scenario);
    while session.end().is_none() {
        let offered = sim::available(scenario, session.state());
        if offered.is_empty() {
            break;
        }
        let heard = last_line(scenario, session.events(), &ctx).unwrap_or_default();
        let node = session.state().node;
        let pick = policy.pick(scenario, session.state(), &offered, &heard, &mut agent);
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
    /// Each test-wise policy: mean at most this (and no run passes).
    pub const TEST_WISE_MAX_MEAN: f64 = 40.0;
}

/// Every policy's report for a scenario, over the reference dates.
pub fn analyse_all(scenario: &Scenario, runs: u32, first_seed: u64) -> Vec<PolicyReport> {
    let dates = reference_dates();
    Policy::ALL
        .iter()
        .map(|p| analyse(scenario, *p, runs, first_seed, &dates))
        .collect()
}

/// A balance target a policy missed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Missed {
    /// The policy.
    pub policy: Policy,
    /// What was missed.
    pub what: MissedKind,
}

/// The kinds of target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MissedKind {
    /// Runs broke (a scenario error).
    Broke(u32),
    /// The mean is below its minimum.
    MeanLow(f64, f64),
    /// The mean is above its maximum.
    MeanHigh(f64, f64),
    /// The best run is above its maximum.
    MaxHigh(u32, u32),
    /// Runs passed that never should (share 0-1).
    Passes(f64),
}

impl std::fmt::Display for Missed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let p = self.policy.name();
        match self.what {
            MissedKind::Broke(n) => write!(f, "{p}: {n} runs broke"),
            MissedKind::MeanLow(m, t) => write!(f, "{p} mean {m:.1} < {t}"),
            MissedKind::MeanHigh(m, t) => write!(f, "{p} mean {m:.1} > {t}"),
            MissedKind::MaxHigh(m, t) => write!(f, "{p} max {m} > {t}"),
            MissedKind::Passes(share) => write!(f, "{p} passed {:.1}% of runs", share * 100.0),
        }
    }
}

impl Missed {
    /// What was missed, in the trainer's words.
    pub fn message(&self) -> super::scenario::Localized {
        use super::messages::message_with;
        use super::notes::{policy_name, Note};
        let round = |x: f64| (x + 0.5).floor().max(0.0) as u64;
        let (msg, args): (Note, Vec<(&str, String)>) = match self.what {
            MissedKind::Broke(n) => (Note::BBroke, vec![("runs", n.to_string())]),
            MissedKind::MeanLow(m, t) => (
                Note::BMeanLow,
                vec![
                    ("mean", round(m).to_string()),
                    ("target", round(t).to_string()),
                ],
            ),
            MissedKind::MeanHigh(m, t) => (
                Note::BMeanHigh,
                vec![
                    ("mean", round(m).to_string()),
                    ("target", round(t).to_string()),
                ],
            ),
            MissedKind::MaxHigh(m, t) => (
                Note::BMaxHigh,
                vec![("max", m.to_string()), ("target", t.to_string())],
            ),
            MissedKind::Passes(share) => (
                Note::BPasses,
                vec![("percent", round(share * 100.0).max(1).to_string())],
            ),
        };
        message_with(msg, &args, &[("policy", &policy_name(self.policy))])
    }
}

/// Which balance targets a set of reports misses (empty = all met).
pub fn missed_targets(reports: &[PolicyReport]) -> Vec<Missed> {
    let mut missed = Vec::new();
    for r in reports {
        let mut miss = |what| {
            missed.push(Missed {
                policy: r.policy,
                what,
            })
        };
        if r.broken > 0 {
            miss(MissedKind::Broke(r.broken));
        }
        match r.policy {
            Policy::BestPractice if r.mean < targets::BEST_PRACTICE_MIN_MEAN => {
                miss(MissedKind::MeanLow(r.mean, targets::BEST_PRACTICE_MIN_MEAN))
            }
            Policy::Random if r.mean > targets::RANDOM_MAX_MEAN => {
                miss(MissedKind::MeanHigh(r.mean, targets::RANDOM_MAX_MEAN))
            }
            Policy::Pushy if r.max > targets::PUSHY_MAX => {
                miss(MissedKind::MaxHigh(r.max, targets::PUSHY_MAX))
            }
            Policy::Passive if r.pass_rate > 0.0 => miss(MissedKind::Passes(r.pass_rate)),
            p if p.is_test_wise() => {
                if r.mean > targets::TEST_WISE_MAX_MEAN {
                    miss(MissedKind::MeanHigh(r.mean, targets::TEST_WISE_MAX_MEAN));
                }
                if r.pass_rate > 0.0 {
                    miss(MissedKind::Passes(r.pass_rate));
                }
            }
            _ => {}
        }
    }
    missed
}

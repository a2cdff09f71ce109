//! The balance targets a scenario misses, as numbers for the CLI and in the trainer's words.

use super::targets;
use super::{Policy, PolicyReport};
use crate::engine::messages::message_with;
use crate::engine::notes::Note;
use crate::engine::scenario::Localized;

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
    pub fn message(&self) -> Localized {
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
        message_with(msg, &args, &[("policy", &self.policy.label())])
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

//! The scripted agents: each policy's way of picking a choice among those on offer, from
//! good practice to the test-wise agents who look for cues in how choices are written.

use serde::Serialize;

use crate::engine::figures;
use crate::engine::messages::text;
use crate::engine::notes::Note;
use crate::engine::rng::WorkerRng;
use crate::engine::scenario::{Localized, MoveKind, Scenario};
use crate::engine::scoring::move_value;
use crate::engine::sim::{self, State};

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
    /// The policy's name in words, for the balance report.
    pub fn label(self) -> Localized {
        text(match self {
            Policy::BestPractice => Note::PBestPractice,
            Policy::Random => Note::PRandom,
            Policy::Pushy => Note::PPushy,
            Policy::Passive => Note::PPassive,
            Policy::First => Note::PFirst,
            Policy::Last => Note::PLast,
            Policy::Longest => Note::PLongest,
            Policy::Shortest => Note::PShortest,
            Policy::Mimic => Note::PMimic,
            Policy::Persistent => Note::PPersistent,
        })
    }

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
        let shown = |i: u32| {
            figures::render(
                sim::spoken(&choices[i as usize].text),
                &ctx,
                crate::engine::terms::Lang::Id,
            )
        };
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

/// The words of `text` longer than two letters, lower-cased (what the mimic policy compares).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2)
        .map(str::to_lowercase)
        .collect()
}

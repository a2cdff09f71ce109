//! Item analysis of test scenarios: for each node reached, how many chose the best move on
//! offer (its difficulty), whether the stronger agents chose it more often than the weaker
//! (its discrimination), and what a trainer should look at.

use std::collections::BTreeMap;

use super::mean;
use crate::engine::order::sort_small_by_key;
use crate::engine::scenario::Scenario;
use crate::engine::scoring::turn_gap;
use crate::engine::workshop::Verified;

/// How often one choice was taken at a node, and by whom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChoiceStat {
    /// Choice index in the node.
    pub choice: u32,
    /// Times it was taken (first visits only).
    pub taken: u32,
    /// Mean total score of the attempts that took it.
    pub mean_total: Option<u32>,
    /// Whether it is the best move on offer there.
    pub best: bool,
}

/// Something a trainer should look at in a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ItemFlag {
    /// Everybody chose the best move: the node does not tell agents apart.
    NobodyErs,
    /// Nobody chose the best move: check the node, or what the training teaches.
    EverybodyErs,
    /// The weaker agents chose the best move more often than the stronger ones: look for a
    /// cue or a best move that is not clearly best.
    Reversed,
}

/// Item analysis of one node of a test scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemRow {
    /// Scenario id.
    pub scenario: String,
    /// Node index.
    pub node: u32,
    /// Attempts that reached the node.
    pub reached: u32,
    /// Percent of them that chose the best move on offer (its difficulty, p).
    pub best_percent: u32,
    /// Discrimination index D in hundredths (-100..100): the share choosing the best move in
    /// the top 27% of attempts by total, minus that share in the bottom 27%. None below 4
    /// attempts.
    pub discrimination: Option<i32>,
    /// Each choice that was taken or is the best, in the node's order.
    pub choices: Vec<ChoiceStat>,
    /// What to look at.
    pub flags: Vec<ItemFlag>,
}

/// The fewest attempts at a node for which the discrimination index is reported.
pub const ITEM_MIN_ATTEMPTS: usize = 4;

/// The item analysis of `results` (verified): one row per node reached in a test, in scenario
/// and node order. At each node only an attempt's first visit counts. The best move is the one
/// with the highest value on offer on that attempt's terms (as the debrief says).
pub fn item_analysis(results: &[&Verified], scenarios: &[Scenario]) -> Vec<ItemRow> {
    // (scenario, node) -> the attempts there: (total, choice, chose the best move).
    type Visit = (u32, u32, bool);
    let mut visits: BTreeMap<(String, u32), Vec<Visit>> = BTreeMap::new();
    let mut best_moves: BTreeMap<(String, u32), std::collections::BTreeSet<u32>> = BTreeMap::new();
    for v in results {
        let Some(scenario) = scenarios.iter().find(|s| s.id == v.record.scenario) else {
            continue;
        };
        let mut seen = std::collections::BTreeSet::new();
        for turn in &v.turns {
            if !seen.insert(turn.node) {
                continue;
            }
            let (gap, better) = turn_gap(scenario, turn, v.terms);
            let chose_best = gap >= 0 && better.is_none() && !turn.repeated;
            let key = (scenario.id.clone(), turn.node);
            if chose_best {
                best_moves
                    .entry(key.clone())
                    .or_default()
                    .insert(turn.choice);
            } else if let Some(b) = better {
                best_moves.entry(key.clone()).or_default().insert(b);
            }
            visits
                .entry(key)
                .or_default()
                .push((v.card.total, turn.choice, chose_best));
        }
    }
    let mut rows = Vec::new();
    for ((scenario, node), mut list) in visits {
        let reached = list.len();
        let best_count = list.iter().filter(|(_, _, b)| *b).count();
        sort_small_by_key(&mut list, |(total, _, _)| std::cmp::Reverse(*total));
        let discrimination = (reached >= ITEM_MIN_ATTEMPTS).then(|| {
            // 27% of the attempts at each end, at least one.
            let group = (reached * 27).div_ceil(100).max(1);
            let share = |g: &[(u32, u32, bool)]| {
                g.iter().filter(|(_, _, b)| *b).count() as i32 * 100 / g.len() as i32
            };
            share(&list[..group]) - share(&list[reached - group..])
        });
        let best = best_moves
            .get(&(scenario.clone(), node))
            .cloned()
            .unwrap_or_default();
        let mut choices: Vec<ChoiceStat> = Vec::new();
        let mut indices: Vec<u32> = list
            .iter()
            .map(|(_, c, _)| *c)
            .chain(best.iter().copied())
            .collect();
        sort_small_by_key(&mut indices, |c| *c);
        indices.dedup();
        for c in indices {
            let took: Vec<u32> = list
                .iter()
                .filter(|(_, x, _)| *x == c)
                .map(|(t, _, _)| *t)
                .collect();
            choices.push(ChoiceStat {
                choice: c,
                taken: took.len() as u32,
                mean_total: mean(took.iter().copied()),
                best: best.contains(&c),
            });
        }
        let mut flags = Vec::new();
        if reached >= 2 && best_count == reached {
            flags.push(ItemFlag::NobodyErs);
        }
        if reached >= 2 && best_count == 0 {
            flags.push(ItemFlag::EverybodyErs);
        }
        if discrimination.is_some_and(|d| d < 0) {
            flags.push(ItemFlag::Reversed);
        }
        rows.push(ItemRow {
            scenario,
            node,
            reached: reached as u32,
            best_percent: (best_count * 100 / reached.max(1)) as u32,
            discrimination,
            choices,
            flags,
        });
    }
    rows
}

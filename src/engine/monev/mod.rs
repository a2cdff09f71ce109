//! Monitoring and evaluation (monev) of a workshop from its verified results: participation,
//! leaderboards per agent and per Wadah, competency averages, the objections and moments
//! agents handled badly, pre-test against post-test, and score distributions; plus the CSV and
//! xAPI exports. Every number here comes from replayed runs ([`Verified`]), never from what a
//! code merely claims.
//!
//! This file holds the dashboard's types and the averages they share; the modules around it
//! compute and export them: `dashboard` (the dashboard of a workshop), `obstacles` (the
//! objections and moments handled badly), `items` (item analysis of test nodes), `csv` and
//! `xapi` (the exports).

use std::collections::BTreeMap;

use super::scenario::Objection;
use super::workshop::{Phase, Verified};

pub mod branch;
mod csv;
mod dashboard;
mod items;
mod obstacles;
mod xapi;

pub use csv::{csv, utc, CSV_COLUMNS};
pub use dashboard::{dashboard, merge_duplicates};
pub use items::{item_analysis, ChoiceStat, ItemFlag, ItemRow, ITEM_MIN_ATTEMPTS};
pub use xapi::{xapi, XAPI_BASE};

/// Which results a view counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this Wadah.
    pub wadah: Option<String>,
    /// Only this scenario.
    pub scenario: Option<String>,
}

impl Filter {
    fn keeps(&self, v: &Verified) -> bool {
        self.wadah.as_ref().is_none_or(|w| *w == v.record.wadah)
            && self
                .scenario
                .as_ref()
                .is_none_or(|s| *s == v.record.scenario)
    }
}

/// The mean of `values`, rounded half up to a whole point; `None` for no values.
pub fn mean(values: impl IntoIterator<Item = u32>) -> Option<u32> {
    let (sum, n) = values
        .into_iter()
        .fold((0u64, 0u64), |(s, n), v| (s + u64::from(v), n + 1));
    (n > 0).then(|| ((sum * 2 + n) / (2 * n)) as u32)
}

/// Pre-test and post-test means of a group, and the change between them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PrePost {
    /// Mean pre-test score.
    pub pre: Option<u32>,
    /// Mean post-test score.
    pub post: Option<u32>,
    /// Post mean minus pre mean, from the exact means (so it is not off by one from rounding
    /// each mean first), rounded half away from zero.
    change: Option<i32>,
}

impl PrePost {
    fn of<'a>(results: impl IntoIterator<Item = &'a Verified> + Clone) -> PrePost {
        let phase = |p: Phase| {
            mean(
                results
                    .clone()
                    .into_iter()
                    .filter(move |v| v.record.phase == p)
                    .map(|v| v.card.total),
            )
        };
        let sum = |p: Phase| {
            results
                .clone()
                .into_iter()
                .filter(|v| v.record.phase == p)
                .fold((0i64, 0i64), |(s, n), v| {
                    (s + i64::from(v.card.total), n + 1)
                })
        };
        let ((pre_sum, pre_n), (post_sum, post_n)) = (sum(Phase::PreTest), sum(Phase::PostTest));
        let change = (pre_n > 0 && post_n > 0).then(|| {
            // post_sum/post_n - pre_sum/pre_n over one denominator, rounded half away from 0.
            let num = post_sum * pre_n - pre_sum * post_n;
            let den = pre_n * post_n;
            ((2 * num + num.signum() * den) / (2 * den)) as i32
        });
        PrePost {
            pre: phase(Phase::PreTest),
            post: phase(Phase::PostTest),
            change,
        }
    }

    /// Post minus pre, when both exist.
    pub fn change(&self) -> Option<i32> {
        self.change
    }
}

/// One agent's line on the leaderboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgentRow {
    /// Name as typed.
    pub agent: String,
    /// Wadah.
    pub wadah: String,
    /// Pre/post means.
    pub scores: PrePost,
    /// Assessments verified.
    pub attempts: u32,
    /// Took every post-test of the workshop and passed them all.
    pub passed_post: bool,
    /// Best score in any assessment.
    pub best: u32,
}

/// One Wadah's line on the leaderboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WadahRow {
    /// Name.
    pub wadah: String,
    /// Agents with at least one verified result.
    pub agents: u32,
    /// Pre/post means over every result of its agents.
    pub scores: PrePost,
    /// Agents who passed the post-test, out of those who took it.
    pub passed_post: (u32, u32),
}

/// How agents handled one objection when a worker raised it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ObjectionRow {
    /// The objection.
    pub objection: Objection,
    /// Times it was met with the best move on offer.
    pub well: u32,
    /// Times it was met with a worse move or a violation.
    pub badly: u32,
}

/// A point in a scenario where agents often went wrong (a field obstacle).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MomentRow {
    /// Scenario id.
    pub scenario: String,
    /// Node index.
    pub node: u32,
    /// Times agents reached it.
    pub reached: u32,
    /// Times they chose worse than the best move, or broke a rule.
    pub badly: u32,
    /// The better move (choice index) agents most often missed there.
    pub better: Option<u32>,
}

/// Who took part and how far they got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Participation {
    /// Agents with at least one verified result.
    pub agents: u32,
    /// Agents with a verified pre-test.
    pub pre: u32,
    /// Agents with a verified post-test.
    pub post: u32,
    /// Agents with both.
    pub both: u32,
}

/// Everything the monev dashboard shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard {
    /// Participation and completion.
    pub participation: Participation,
    /// Agents, best post-test first (then best pre-test).
    pub agents: Vec<AgentRow>,
    /// Wadah, best post-test first.
    pub wadah: Vec<WadahRow>,
    /// Pre/post over everyone counted.
    pub overall: PrePost,
    /// Mean competency scores (in [`Competency::ALL`] order) per phase.
    ///
    /// [`Competency::ALL`]: super::scenario::Competency::ALL
    pub competencies: BTreeMap<Phase, [Option<u32>; 6]>,
    /// Objections, the worst handled first.
    pub objections: Vec<ObjectionRow>,
    /// The moments most often handled badly (at most 5), worst first.
    pub moments: Vec<MomentRow>,
    /// Scores in ten bands (0-9, 10-19, ..., 90-100) per phase.
    pub distribution: BTreeMap<Phase, [u32; 10]>,
    /// Item analysis: for each node of each test scenario, how the choices were taken and
    /// whether the node separates strong agents from weak ones.
    pub items: Vec<ItemRow>,
}
#[cfg(test)]
mod tests;

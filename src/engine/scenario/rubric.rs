//! Scoring terms: the competencies points are given in, and the rubric that weighs them and
//! sets the pass mark.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The six competencies a run is scored on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Competency {
    /// Building rapport and respect.
    Rapport,
    /// Discovering the worker's needs and situation.
    Discovery,
    /// Correct product knowledge and figures.
    Accuracy,
    /// Answering objections truthfully and to the point.
    Objections,
    /// Closing: a suitable package, a clear next step, the receipt.
    Closing,
    /// Ethics and compliance.
    Ethics,
}

impl Competency {
    /// Every competency, in display order.
    pub const ALL: [Competency; 6] = [
        Competency::Rapport,
        Competency::Discovery,
        Competency::Accuracy,
        Competency::Objections,
        Competency::Closing,
        Competency::Ethics,
    ];

    /// Position in [`Competency::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Points per competency. Missing competencies are 0.
pub type Points = BTreeMap<Competency, i32>;

/// Weights and pass mark of a scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    /// Weight of each competency in the total (any positive numbers; they are normalised).
    pub weights: BTreeMap<Competency, u32>,
    /// Points of a competency that earn 100 for it (ethics is scored by deduction instead).
    pub full_marks: BTreeMap<Competency, i32>,
    /// Total (0-100) needed to pass.
    pub pass_mark: u32,
}

impl Default for Rubric {
    fn default() -> Self {
        use Competency::*;
        Rubric {
            weights: BTreeMap::from([
                (Rapport, 10),
                (Discovery, 15),
                (Accuracy, 20),
                (Objections, 15),
                (Closing, 25),
                (Ethics, 15),
            ]),
            full_marks: BTreeMap::from([
                (Rapport, 6),
                (Discovery, 6),
                (Accuracy, 6),
                (Objections, 6),
                (Closing, 6),
            ]),
            pass_mark: 80,
        }
    }
}

//! The checks of validation that read a scenario's words rather than its graph: figures in
//! text (placeholders that cannot be read, the two languages stating different figures, rupiah
//! amounts typed where a placeholder belongs, a node left with no choice on some date) and cues
//! that give the best choice away to an agent who does not read (it is much longer than the
//! others, it alone uses some word, it alone calls the worker by name).
//!
//! This file holds the collector and what its checks share; the checks are in `placeholders`
//! (the figures of one text), `dates` (a node left with no choice on some date) and `cues` (a
//! best choice given away by how it is written).

use super::report::Collect;
use super::Diagnostic;
use crate::engine::figures::{self, Placeholder};
use crate::engine::rates::RatesTable;
use crate::engine::scenario::Scenario;

mod cues;
mod dates;
mod placeholders;

pub(crate) use cues::NodeCues;
pub(crate) use dates::Dates;

/// Collects diagnostics; the same shape as validation's own.
pub(crate) struct Lint<'s> {
    scenario: &'s Scenario,
    known: Vec<(u64, Placeholder)>,
    pub(crate) out: Vec<Diagnostic>,
}

/// Where a text sits, for the rules that depend on it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// Shown without a run (library card): no placeholders.
    NoRun,
    /// Shown during a run.
    Run,
    /// An agent's choice (its figures are checked).
    Choice,
}

impl<'s> Lint<'s> {
    /// A collector for the checks of `scenario`, with the figures its worker's texts may state.
    pub(crate) fn new(scenario: &'s Scenario) -> Lint<'s> {
        Lint {
            scenario,
            known: figures::known_values(&scenario.persona, RatesTable::bundled()),
            out: Vec::new(),
        }
    }
}

impl Collect for Lint<'_> {
    fn found(&mut self) -> &mut Vec<Diagnostic> {
        &mut self.out
    }
}

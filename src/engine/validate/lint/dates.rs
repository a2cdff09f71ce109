//! The checks of a node on each date its figures are checked on: a node that offers no choice
//! (every choice states a figure that is right that day), or only bad ones.

use super::super::report::Collect;
use super::Lint;
use crate::engine::balance::reference_dates;
use crate::engine::figures;
use crate::engine::messages::message;
use crate::engine::notes::Note;
use crate::engine::scenario::{Choice, Condition, Node, Scenario};
use crate::engine::scoring::move_value;
use crate::engine::sim::{self, Terms};
use crate::engine::terms::Date;

impl Lint<'_> {
    /// Errors for a node that offers no choice on one of `dates`, because every choice states a
    /// figure that is right on that date; and a warning when the only choices left are bad.
    /// `discounted` says, date by date, whether a discount applies (see [`Dates`]).
    pub(crate) fn node_dates(&mut self, node: &Node, dates: &Dates) {
        let s = self.scenario;
        if node.choices.is_empty() {
            return;
        }
        for (&date, &discounted) in dates.dates.iter().zip(&dates.discounted) {
            let terms = Terms::on(date);
            let ctx = terms.context(s);
            let sayable: Vec<&Choice> = node
                .choices
                .iter()
                .filter(|c| figures::sayable(sim::spoken(&c.text), &ctx))
                .filter(|c| !c.requires.contains(&Condition::Discount(!discounted)))
                .collect();
            if sayable.is_empty() {
                self.error(
                    Some(&node.id),
                    None,
                    "choices",
                    message(
                        Note::VNoChoiceOnDate,
                        &[("node", node.id.clone()), ("date", date.to_string())],
                    ),
                );
                return;
            }
            if sayable.iter().all(|c| move_value(s, c, terms) < 0) {
                self.warning(
                    Some(&node.id),
                    None,
                    "choices",
                    message(Note::VNoGoodChoice, &[("node", node.id.clone())]),
                );
                return;
            }
        }
    }
}

/// The dates a scenario's figures are checked on: its pinned date, or every reference date;
/// and on each whether a PP 50/2025 discount applies to its worker.
pub(crate) struct Dates {
    dates: Vec<Date>,
    discounted: Vec<bool>,
}

impl Dates {
    pub(crate) fn of(s: &Scenario) -> Dates {
        let dates = match &s.meta.pinned_date {
            Some(p) => vec![p.date],
            None => reference_dates(),
        };
        let discounted = dates.iter().map(|d| Terms::on(*d).discounted(s)).collect();
        Dates { dates, discounted }
    }
}

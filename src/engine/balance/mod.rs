//! Balance analysis: scripted agents play a scenario many times with different seeds, and the
//! score spread and endings show whether the scenario rewards good practice.
//!
//! The policies:
//! - **best practice** takes the move with the highest face value ([`move_value`]):
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
//!
//! This file holds the reference dates and the targets; the modules around it hold the rest:
//! `policy` (how each scripted agent picks), `play` (one scripted run), `report` (many runs
//! added up) and `missed` (which targets a scenario misses).
//!
//! [`move_value`]: super::scoring::move_value

use super::terms::Date;

mod missed;
mod play;
mod policy;
mod report;

pub use missed::{missed_targets, Missed, MissedKind};
pub use play::{play, scripted_session};
pub use policy::Policy;
pub use report::{analyse, analyse_all, PolicyReport, Tally};

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

//! What a trainer should look at in a verified result before counting it: a test finished
//! faster than anyone can read it, or played on a day far from the workshop's. The replay
//! proves the score; these say the code may not come from a real test.

use super::{ResultRecord, Workshop};
use crate::engine::messages::{self, message, Msg};
use crate::engine::scenario::Localized;
use crate::engine::terms::Date;

/// Something about a verified result that a trainer should look at before counting it. The
/// replay proves the score; these say the code may not come from a real test.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Doubt {
    /// Finished faster than anyone can read the worker's lines and the choices.
    TooFast {
        /// Seconds the test took.
        seconds: u32,
        /// Choices made.
        turns: u32,
    },
    /// Played on a day far from the workshop's.
    OutsideWorkshop {
        /// The run's date.
        played: Date,
    },
}

/// The fewest seconds a choice takes an agent who reads it.
pub const MIN_SECONDS_PER_TURN: u32 = 3;
/// A test may be taken this many days before the workshop's date...
pub const DAYS_BEFORE: i64 = 7;
/// ...and this many after it.
pub const DAYS_AFTER: i64 = 60;

impl Doubt {
    /// The doubt in both languages.
    pub fn message(&self) -> Localized {
        match self {
            Doubt::TooFast { seconds, turns } => message(
                Msg::DoubtTooFast,
                &[
                    ("seconds", seconds.to_string()),
                    ("turns", turns.to_string()),
                ],
            ),
            Doubt::OutsideWorkshop { played } => {
                let one = |lang| messages::long_date(*played, lang);
                let mut m = message(Msg::DoubtOutside, &[]);
                m.id = messages::fill(&m.id, &[("date", one(crate::engine::terms::Lang::Id))]);
                m.en = messages::fill(&m.en, &[("date", one(crate::engine::terms::Lang::En))]);
                m
            }
        }
    }
}

/// Days since 1970-01-01 of a date.
pub(super) fn day_number(d: Date) -> i64 {
    // Howard Hinnant's days-from-civil.
    let y = i64::from(d.year) - i64::from(d.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(d.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// What a trainer should look at in a verified result.
pub fn doubts(record: &ResultRecord, workshop: &Workshop) -> Vec<Doubt> {
    let mut out = Vec::new();
    let turns = record.choices.len() as u32;
    if record.duration_s < turns.saturating_mul(MIN_SECONDS_PER_TURN) {
        out.push(Doubt::TooFast {
            seconds: record.duration_s,
            turns,
        });
    }
    let days = day_number(record.date) - day_number(workshop.date);
    if !(-DAYS_BEFORE..=DAYS_AFTER).contains(&days) {
        out.push(Doubt::OutsideWorkshop {
            played: record.date,
        });
    }
    out
}

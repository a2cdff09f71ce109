//! Dates as people read them, in the interface language: "30 November 2026", with the time of
//! day, or just the month and year.

use super::{template, Msg};
use crate::engine::terms::{Date, Lang};

const MONTHS: [Msg; 12] = [
    Msg::M1,
    Msg::M2,
    Msg::M3,
    Msg::M4,
    Msg::M5,
    Msg::M6,
    Msg::M7,
    Msg::M8,
    Msg::M9,
    Msg::M10,
    Msg::M11,
    Msg::M12,
];

fn month_name(date: Date, lang: Lang) -> &'static str {
    template(MONTHS[usize::from(date.month.clamp(1, 12)) - 1], lang)
}

/// A date as a person reads it: "30 November 2026" / "17 Agustus 2026".
pub fn long_date(date: Date, lang: Lang) -> String {
    format!("{} {} {}", date.day, month_name(date, lang), date.year)
}

/// A date with the time of day: "3 Desember 2026, 14.05" / "3 December 2026, 14:05" (minutes
/// since midnight; Indonesian writes the time with a dot).
pub fn date_time(date: Date, minutes: u32, lang: Lang) -> String {
    let sep = if lang == Lang::En { ':' } else { '.' };
    format!(
        "{}, {:02}{sep}{:02}",
        long_date(date, lang),
        minutes / 60 % 24,
        minutes % 60
    )
}

/// Month and year: "Desember 2026".
pub fn month_year(date: Date, lang: Lang) -> String {
    format!("{} {}", month_name(date, lang), date.year)
}

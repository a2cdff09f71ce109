//! The terms the rest of the engine shares: a calendar [`Date`], the programme [`Package`]s, a
//! worker's [`Occupation`] and the [`Lang`] texts are given in. They sit apart so that scenarios and rates (and everything above
//! them) can name them without depending on each other.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date (no time zone), written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1-12.
    pub month: u8,
    /// Day, 1-31.
    pub day: u8,
}

impl Date {
    /// A date; `None` if the month or day is out of range.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        (1..=Date::days_in(year, month))
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    fn days_in(year: u16, month: u8) -> u8 {
        match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            _ => 0,
        }
    }

    /// Parses `YYYY-MM-DD`, or `YYYY-MM` as the first of that month.
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = match parts.next() {
            Some(d) => d.parse().ok()?,
            None => 1,
        };
        Date::new(year, month, day)
    }

    /// The calendar date `days` days after 1970-01-01 (Howard Hinnant's days-to-civil
    /// algorithm); dates outside years 0-65535 are clamped to those years.
    pub fn from_unix_days(days: i64) -> Date {
        let z = days.clamp(-719_468, 23_000_000) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)).clamp(0, 65_535) as u16;
        Date { year, month, day }
    }

    /// The first day of this date's month.
    pub fn first_of_month(self) -> Date {
        Date { day: 1, ..self }
    }

    /// The first day of the month `months` after this one.
    pub fn plus_months(self, months: u32) -> Date {
        let index = u32::from(self.year) * 12 + u32::from(self.month) - 1 + months;
        Date {
            year: u16::try_from(index / 12).unwrap_or(u16::MAX),
            month: (index % 12) as u8 + 1,
            day: 1,
        }
    }

    /// The day after this one.
    pub fn next_day(self) -> Date {
        if self.day < Date::days_in(self.year, self.month) {
            Date {
                day: self.day + 1,
                ..self
            }
        } else {
            self.plus_months(1)
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not a date (YYYY-MM-DD): \"{s}\"")))
    }
}

/// The programme packages a BPU worker can take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Package {
    /// JKK + JKM, the "2-programme" package.
    JkkJkm,
    /// JKK + JKM + JHT, the "3-programme" package.
    JkkJkmJht,
}

impl Package {
    /// Both packages.
    pub const ALL: [Package; 2] = [Package::JkkJkm, Package::JkkJkmJht];

    /// The other package.
    pub fn other(self) -> Package {
        match self {
            Package::JkkJkm => Package::JkkJkmJht,
            Package::JkkJkmJht => Package::JkkJkm,
        }
    }
}

/// What kind of work the persona does (decides which PP 50/2025 discount window applies).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Occupation {
    /// Fisher.
    Fisher,
    /// Farmer or farm labourer.
    Farmer,
    /// Market trader.
    Trader,
    /// Ojek or online-ojek driver.
    OjekDriver,
    /// Courier.
    Courier,
    /// Other driver (angkot, truck, taxi).
    Driver,
    /// Weaver or other artisan.
    Artisan,
    /// Construction day labourer.
    ConstructionLabourer,
    /// Street-food seller.
    StreetFoodSeller,
    /// Household helper.
    HouseholdHelper,
    /// Anything else.
    Other,
}

impl Occupation {
    /// Whether it is transport work (ojek, other drivers, couriers), which has its own discount
    /// window.
    pub fn is_transport(self) -> bool {
        matches!(
            self,
            Occupation::OjekDriver | Occupation::Courier | Occupation::Driver
        )
    }
}

/// A language the app speaks: every text a user sees is in both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Bahasa Indonesia, the default.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// Every supported language, default first.
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The BCP 47 code, used for storage and the `lang` attribute.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Parses a stored code; anything unknown gives `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code.trim())
    }

    /// The other language (the fallback when a text is missing).
    pub const fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }
}

//! The names a figure placeholder is built from: the figures the rates table gives, the traps
//! that make a stated figure wrong, the run's facts text can state, and the placeholder they
//! make up. Kept apart from parsing and computing so each list is read in one place.

use serde::{Deserialize, Serialize};

use crate::engine::terms::{Date, Package};

/// A rupiah figure the rates table gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    /// What the worker pays a month for a package.
    Monthly,
    /// The same per day of a 30-day month, rounded to Rp 10.
    Daily,
    /// Several months paid at once (`months=N`), month by month.
    MonthsAhead,
    /// JKK a month, after any discount.
    Jkk,
    /// JKM a month, after any discount.
    Jkm,
    /// JHT a month (2% of declared income).
    Jht,
    /// The JKM benefit at a death that is not from a work accident.
    JkmBenefit,
    /// Its lump sum.
    JkmLumpSum,
    /// Its funeral part (the same under JKK).
    Funeral,
    /// Its periodic part (the same under JKK).
    Periodic,
    /// What the family gets after a death from a work accident (JKK).
    WorkDeathBenefit,
    /// Total permanent disability from a work accident (JKK).
    DisabilityBenefit,
    /// Pay while unable to work after a work accident, per month in the first year (JKK).
    SickPay,
    /// Home care after a work accident, at most a year (JKK).
    HomeCare,
    /// Transport to care by land, at most (JKK).
    TransportLand,
    /// By sea.
    TransportSea,
    /// By air.
    TransportAir,
    /// The scholarship ceiling for two children.
    Scholarship,
    /// The lowest income that can be declared.
    MinimumIncome,
    /// The income the contributions are computed on (the worker's, at least the minimum).
    DeclaredIncome,
}

/// Every figure, in the order the reference lists them.
pub const FIGURES: [Figure; 20] = [
    Figure::Monthly,
    Figure::Daily,
    Figure::MonthsAhead,
    Figure::Jkk,
    Figure::Jkm,
    Figure::Jht,
    Figure::JkmBenefit,
    Figure::JkmLumpSum,
    Figure::Funeral,
    Figure::Periodic,
    Figure::WorkDeathBenefit,
    Figure::DisabilityBenefit,
    Figure::SickPay,
    Figure::HomeCare,
    Figure::TransportLand,
    Figure::TransportSea,
    Figure::TransportAir,
    Figure::Scholarship,
    Figure::MinimumIncome,
    Figure::DeclaredIncome,
];

impl Figure {
    /// Its name in placeholders and files.
    pub fn name(self) -> &'static str {
        match self {
            Figure::Monthly => "monthly",
            Figure::Daily => "daily",
            Figure::MonthsAhead => "months_ahead",
            Figure::Jkk => "jkk",
            Figure::Jkm => "jkm",
            Figure::Jht => "jht",
            Figure::JkmBenefit => "jkm_benefit",
            Figure::JkmLumpSum => "jkm_lump_sum",
            Figure::Funeral => "funeral",
            Figure::Periodic => "periodic",
            Figure::WorkDeathBenefit => "work_death_benefit",
            Figure::DisabilityBenefit => "disability_benefit",
            Figure::SickPay => "sick_pay",
            Figure::HomeCare => "home_care",
            Figure::TransportLand => "transport_land",
            Figure::TransportSea => "transport_sea",
            Figure::TransportAir => "transport_air",
            Figure::Scholarship => "scholarship",
            Figure::MinimumIncome => "minimum_income",
            Figure::DeclaredIncome => "declared_income",
        }
    }

    pub(super) fn from_name(name: &str) -> Option<Figure> {
        FIGURES.into_iter().find(|f| f.name() == name)
    }

    /// Whether it is a contribution (decided by package, discount and date).
    pub fn is_contribution(self) -> bool {
        matches!(
            self,
            Figure::Monthly
                | Figure::Daily
                | Figure::MonthsAhead
                | Figure::Jkk
                | Figure::Jkm
                | Figure::Jht
        )
    }

    pub(super) fn needs_package(self) -> bool {
        matches!(self, Figure::Monthly | Figure::Daily | Figure::MonthsAhead)
    }
}

/// What makes a stated figure wrong. The engine computes the wrong value from the rates, so
/// the trap stays wrong when the rates change, and a trap that would be right on the run's
/// date is not offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trap {
    /// The price without the PP 50/2025 discount, when a discount applies.
    Undiscounted,
    /// As if the discount were only for transport workers (wrong for other workers in their
    /// own window).
    TransportOnly,
    /// The discounted price, when no discount applies to this worker on this date.
    Discounted,
    /// The figure of the other package (2 programmes for 3, or 3 for 2).
    OtherPackage,
    /// The JKM amount for a death from a work accident, which JKK pays (more).
    JkmForWorkDeath,
    /// Several months at this month's price, ignoring a discount window that ends or starts.
    FlatAhead,
    /// The daily figure rounded down to the Rp 100.
    DailyRoundedDown,
    /// A round amount below the true one ("only Rp 10.000").
    Understated,
    /// A round amount of at least twice the true one.
    Inflated,
}

/// Every trap kind.
pub const TRAPS: [Trap; 9] = [
    Trap::Undiscounted,
    Trap::TransportOnly,
    Trap::Discounted,
    Trap::OtherPackage,
    Trap::JkmForWorkDeath,
    Trap::FlatAhead,
    Trap::DailyRoundedDown,
    Trap::Understated,
    Trap::Inflated,
];

impl Trap {
    /// Its name in placeholders.
    pub fn name(self) -> &'static str {
        match self {
            Trap::Undiscounted => "undiscounted",
            Trap::TransportOnly => "transport_only",
            Trap::Discounted => "discounted",
            Trap::OtherPackage => "other_package",
            Trap::JkmForWorkDeath => "jkm_for_work_death",
            Trap::FlatAhead => "flat_ahead",
            Trap::DailyRoundedDown => "daily_rounded_down",
            Trap::Understated => "understated",
            Trap::Inflated => "inflated",
        }
    }

    pub(super) fn from_name(name: &str) -> Option<Trap> {
        TRAPS.into_iter().find(|t| t.name() == name)
    }

    /// Whether the trap can be set on `figure`.
    pub fn fits(self, figure: Figure) -> bool {
        let discounted = matches!(
            figure,
            Figure::Monthly | Figure::Daily | Figure::MonthsAhead | Figure::Jkk | Figure::Jkm
        );
        match self {
            Trap::Undiscounted | Trap::TransportOnly | Trap::Discounted => discounted,
            Trap::OtherPackage => figure.needs_package(),
            Trap::JkmForWorkDeath => figure == Figure::WorkDeathBenefit,
            Trap::FlatAhead => figure == Figure::MonthsAhead,
            Trap::DailyRoundedDown => figure == Figure::Daily,
            Trap::Understated | Trap::Inflated => true,
        }
    }
}

/// A placeholder for a rupiah figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Placeholder {
    /// Which figure.
    pub figure: Figure,
    /// For contributions: which package.
    pub package: Option<Package>,
    /// For `months_ahead`: how many months.
    pub months: Option<u8>,
    /// The date the figure is for, when the text says so ("from January 2027").
    pub on: Option<Date>,
    /// The figure once the discount this worker has on the run's date ends ("from January
    /// 2027 it is ..."); the run's date when no discount applies.
    pub after_discount: bool,
    /// What makes the stated figure wrong, for a wrong-figure choice.
    pub trap: Option<Trap>,
    /// Written the way people say it ("Rp 42 juta").
    pub words: bool,
}

/// Facts about the run that text can state (not rupiah, never checked).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Info {
    /// The month the discount this worker has today ends ("Desember 2026").
    DiscountUntil,
    /// Its percent ("50%").
    DiscountPercent,
    /// The run's date ("30 November 2026").
    Date,
    /// Years of paid contributions before the JKM scholarship ("3").
    ScholarshipYears,
}

pub(super) const INFOS: [(&str, Info); 4] = [
    ("discount_until", Info::DiscountUntil),
    ("discount_percent", Info::DiscountPercent),
    ("date", Info::Date),
    ("scholarship_years", Info::ScholarshipYears),
];

impl Info {
    /// Its name in placeholders.
    pub fn name(self) -> &'static str {
        INFOS
            .iter()
            .find(|(_, i)| *i == self)
            .map_or("", |(n, _)| n)
    }
}

//! The names of the scenario format's values (competencies, outcomes, violations, figures,
//! traps, packages, objections, difficulties) in both languages.

use super::{text, Msg};
use crate::engine::figures::{Figure, Trap};
use crate::engine::scenario::{Competency, Difficulty, Localized, Objection, Outcome, Violation};
use crate::engine::terms::Package;

/// The name of a competency.
pub fn competency(c: Competency) -> Localized {
    text(match c {
        Competency::Rapport => Msg::CompRapport,
        Competency::Discovery => Msg::CompDiscovery,
        Competency::Accuracy => Msg::CompAccuracy,
        Competency::Objections => Msg::CompObjections,
        Competency::Closing => Msg::CompClosing,
        Competency::Ethics => Msg::CompEthics,
    })
}

/// The name of an outcome.
pub fn outcome(o: Outcome) -> Localized {
    text(match o {
        Outcome::Enrolled => Msg::OutEnrolled,
        Outcome::FollowUp => Msg::OutFollowUp,
        Outcome::Declined => Msg::OutDeclined,
        Outcome::WalkedAway => Msg::OutWalkedAway,
        Outcome::Complained => Msg::OutComplained,
    })
}

/// The name of a violation.
pub fn violation(v: Violation) -> Localized {
    text(match v {
        Violation::Pressure => Msg::ViolPressure,
        Violation::FalsePromise => Msg::ViolFalsePromise,
        Violation::ConfuseAgencies => Msg::ViolConfuseAgencies,
        Violation::SkipReceipt => Msg::ViolSkipReceipt,
        Violation::Disrespect => Msg::ViolDisrespect,
        Violation::WrongFigure => Msg::ViolWrongFigure,
        Violation::Unaffordable => Msg::ViolUnaffordable,
    })
}

/// The name of a figure.
pub fn figure_name(f: Figure) -> Localized {
    text(match f {
        Figure::Monthly => Msg::FMonthly,
        Figure::Daily => Msg::FDaily,
        Figure::MonthsAhead => Msg::FMonthsAhead,
        Figure::Jkk => Msg::FJkk,
        Figure::Jkm => Msg::FJkm,
        Figure::Jht => Msg::FJht,
        Figure::JkmBenefit => Msg::FJkmBenefit,
        Figure::JkmLumpSum => Msg::FJkmLumpSum,
        Figure::Funeral => Msg::FFuneral,
        Figure::Periodic => Msg::FPeriodic,
        Figure::WorkDeathBenefit => Msg::FWorkDeathBenefit,
        Figure::DisabilityBenefit => Msg::FDisabilityBenefit,
        Figure::SickPay => Msg::FSickPay,
        Figure::HomeCare => Msg::FHomeCare,
        Figure::TransportLand => Msg::FTransportLand,
        Figure::TransportSea => Msg::FTransportSea,
        Figure::TransportAir => Msg::FTransportAir,
        Figure::Scholarship => Msg::FScholarship,
        Figure::MinimumIncome => Msg::FMinimumIncome,
        Figure::DeclaredIncome => Msg::FDeclaredIncome,
    })
}

/// The name of a kind of trap (what makes a stated figure wrong).
pub fn trap_name(t: Trap) -> Localized {
    text(match t {
        Trap::Undiscounted => Msg::TrapUndiscounted,
        Trap::TransportOnly => Msg::TrapTransportOnly,
        Trap::Discounted => Msg::TrapDiscounted,
        Trap::OtherPackage => Msg::TrapOtherPackage,
        Trap::JkmForWorkDeath => Msg::TrapJkmForWorkDeath,
        Trap::FlatAhead => Msg::TrapFlatAhead,
        Trap::DailyRoundedDown => Msg::TrapDailyRoundedDown,
        Trap::Understated => Msg::TrapUnderstated,
        Trap::Inflated => Msg::TrapInflated,
    })
}

/// The name of a package.
pub fn package(p: Package) -> Localized {
    text(match p {
        Package::JkkJkm => Msg::PkgJkkJkm,
        Package::JkkJkmJht => Msg::PkgJkkJkmJht,
    })
}

/// The name of an objection.
pub fn objection(o: Objection) -> Localized {
    text(match o {
        Objection::CannotAfford => Msg::ObjCannotAfford,
        Objection::HasHealthCover => Msg::ObjHasHealthCover,
        Objection::NotRisky => Msg::ObjNotRisky,
        Objection::TooComplicated => Msg::ObjTooComplicated,
        Objection::DistrustClaims => Msg::ObjDistrustClaims,
        Objection::MoneyWasted => Msg::ObjMoneyWasted,
    })
}

/// The name of a difficulty level.
pub fn difficulty(d: Difficulty) -> Localized {
    text(match d {
        Difficulty::Beginner => Msg::DiffBeginner,
        Difficulty::Intermediate => Msg::DiffIntermediate,
        Difficulty::Advanced => Msg::DiffAdvanced,
    })
}

//! The names of the scenario format's values (competencies, outcomes, violations, packages,
//! objections, difficulties) in both languages.

use super::{text, Msg};
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
        Objection::ReligiousDoubt => Msg::ObjReligiousDoubt,
        Objection::DataMisuse => Msg::ObjDataMisuse,
        Objection::DistrustAgent => Msg::ObjDistrustAgent,
        Objection::WaitingForGovernment => Msg::ObjWaitingForGovernment,
        Objection::LapsedBefore => Msg::ObjLapsedBefore,
        Objection::HeirDocuments => Msg::ObjHeirDocuments,
        Objection::HasOtherInsurance => Msg::ObjHasOtherInsurance,
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

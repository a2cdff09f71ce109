//! The scenario's metadata: title, difficulty, the objections it trains, and the date a
//! scenario may pin its runs to. What the library lists and filters on, apart from the play.

use serde::{Deserialize, Serialize};

use super::Localized;
use crate::engine::terms::Date;

/// How hard a scenario is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    /// A friendly worker and one main objection.
    Beginner,
    /// Several objections, some hidden facts.
    Intermediate,
    /// A sceptical worker, traps in figures and ethics.
    Advanced,
}

/// The objections from DOMAIN.md a scenario can train.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Objection {
    /// "My income is irregular, I can't afford it."
    CannotAfford,
    /// "I already have BPJS Kesehatan."
    HasHealthCover,
    /// "I'm healthy / my work isn't risky."
    NotRisky,
    /// "It's complicated / I have no smartphone."
    TooComplicated,
    /// "I don't trust it / claims are hard."
    DistrustClaims,
    /// "Money is wasted if I never claim."
    MoneyWasted,
    // New values go at the end: a compiled scenario stores an objection as its position, and a
    // scenario's content hash is taken over its compiled form.
    /// "Insurance is haram / riba." (MUI Fatwa 102/2025 answers it.)
    ReligiousDoubt,
    /// "My KTP will be misused, or end up with a loan app."
    DataMisuse,
    /// "You only want your commission."
    DistrustAgent,
    /// "I'll wait for the Pemda to pay for me."
    WaitingForGovernment,
    /// A member who joined before and stopped paying.
    LapsedBefore,
    /// Heirs without papers (an unregistered marriage delays a JKM claim).
    HeirDocuments,
    /// "I already have other insurance" (e.g. the fishers' insurance from KKP).
    HasOtherInsurance,
}

impl Objection {
    /// Every objection.
    pub const ALL: [Objection; 13] = [
        Objection::CannotAfford,
        Objection::HasHealthCover,
        Objection::NotRisky,
        Objection::TooComplicated,
        Objection::DistrustClaims,
        Objection::MoneyWasted,
        Objection::ReligiousDoubt,
        Objection::DataMisuse,
        Objection::DistrustAgent,
        Objection::WaitingForGovernment,
        Objection::LapsedBefore,
        Objection::HeirDocuments,
        Objection::HasOtherInsurance,
    ];
}

/// Title, summary and catalogue information.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Title shown in the library.
    pub title: Localized,
    /// One or two sentences for the library card.
    pub summary: Localized,
    /// What the agent knows before the visit, and the goal.
    pub briefing: Localized,
    /// How hard it is.
    pub difficulty: Difficulty,
    /// Free tags for filtering.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The objections the worker raises.
    #[serde(default)]
    pub objections: Vec<Objection>,
    /// About how long a playthrough takes.
    pub estimated_minutes: u32,
    /// A fixed date for every run, and why. Without it a run takes place on the day it starts
    /// on the device, so its figures are today's.
    #[serde(default)]
    pub pinned_date: Option<PinnedDate>,
}

/// A date every run of a scenario takes place on, whatever the day it is played.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinnedDate {
    /// The date.
    pub date: Date,
    /// Why the scenario needs it (shown to trainers; the briefing says when its rates differ
    /// from today's).
    pub reason: Localized,
}

//! The simulated worker: who they are, their income and coverage, attitudes and sensitivities
//! that shape how choices land, and the hidden facts an agent can discover.

use serde::{Deserialize, Serialize};

use super::Localized;
use crate::engine::rates::Worker;
use crate::engine::terms::Occupation;

/// How the persona earns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncomePattern {
    /// About the same every month.
    Regular,
    /// Good and lean seasons.
    Seasonal,
    /// Day to day, unpredictable.
    Irregular,
}

/// Existing social protection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// BPJS Kesehatan (health), paid by the worker.
    BpjsKesehatan,
    /// BPJS Kesehatan paid by the state (PBI / KIS).
    BpjsKesehatanPbi,
    /// An earlier BPJS Ketenagakerjaan membership that lapsed.
    LapsedBpjsKetenagakerjaan,
}

/// The worker's starting attitudes, each 0-100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attitudes {
    /// Trust in the agent and the agency.
    pub trust: i32,
    /// How much the worker feels a need for protection.
    pub need: i32,
    /// Worry about the cost.
    pub price_worry: i32,
    /// How long the worker will keep talking.
    pub patience: i32,
}

/// How strongly the worker reacts to kinds of move, in percent of the authored effect (100 = as
/// written). This is what makes the same move work on one worker and fail on another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sensitivities {
    /// Scales changes to price worry.
    pub price: u32,
    /// Scales the trust lost to pressure and disrespect.
    pub pressure: u32,
    /// Scales the trust gained from rapport and social proof.
    pub rapport: u32,
}

impl Default for Sensitivities {
    fn default() -> Self {
        Sensitivities {
            price: 100,
            pressure: 100,
            rapport: 100,
        }
    }
}

/// A fact about the worker that only a discovery question reveals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HiddenFact {
    /// Identifier used by `reveals` and conditions.
    pub id: String,
    /// What the agent learns.
    pub text: Localized,
}

/// The simulated worker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    /// First name.
    pub name: String,
    /// Kind of work.
    pub occupation: Occupation,
    /// The work in words ("nelayan", "fisher").
    pub occupation_label: Localized,
    /// Age in years.
    pub age: u32,
    /// Village or market and regency in NTB.
    pub place: String,
    /// Who lives with the worker and depends on them.
    pub household: Localized,
    /// Income the worker would declare, in rupiah per month.
    pub declared_income: u64,
    /// How the income comes in.
    pub income_pattern: IncomePattern,
    /// Whether a government budget (APBN/APBD) pays the worker's contributions (then no
    /// PP 50/2025 discount applies).
    #[serde(default)]
    pub government_paid: bool,
    /// The most the household can keep paying every month, in rupiah, lean months included.
    /// A package above it lapses after 3 months of arrears: not a suitable enrolment.
    pub can_keep_paying: u64,
    /// Existing coverage.
    #[serde(default)]
    pub coverage: Vec<Coverage>,
    /// Risks at work.
    #[serde(default)]
    pub risks: Vec<Localized>,
    /// Starting attitudes.
    pub attitudes: Attitudes,
    /// Reaction strengths.
    #[serde(default)]
    pub sensitivities: Sensitivities,
    /// How ready (0-100) the worker must be to sign now; a little below agrees to a follow-up.
    pub decision_threshold: i32,
    /// What only discovery reveals.
    #[serde(default)]
    pub hidden_facts: Vec<HiddenFact>,
    /// Avatar drawing key (the UI picks a drawing for it).
    #[serde(default)]
    pub avatar: String,
}

impl Persona {
    /// What the rates need to know about the worker.
    pub fn worker(&self) -> Worker {
        Worker {
            income: self.declared_income,
            occupation: self.occupation,
            government_paid: self.government_paid,
        }
    }
}

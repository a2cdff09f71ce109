//! The scenario format: what a trainer writes and what the engine plays. It is serde JSON; see
//! docs/scenario-format.md for the reference and a complete example.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::rc::Rc;

use super::rates::Worker;
use super::terms::{Date, Lang, Occupation, Package};

/// The format version this engine writes.
pub const SCHEMA_VERSION: u32 = 3;
/// The oldest format version this engine can read (older files are migrated on import).
pub const OLDEST_READABLE_VERSION: u32 = 1;

/// Text in both interface languages. An empty string is a missing translation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    /// Bahasa Indonesia.
    #[serde(default)]
    pub id: String,
    /// English.
    #[serde(default)]
    pub en: String,
}

impl Localized {
    /// Text in both languages.
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Localized {
        Localized {
            id: id.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`; the other language if that one is missing.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::En => (&self.en, &self.id),
            Lang::Id => (&self.id, &self.en),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }
}

/// A whole scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The format version the file was written in.
    pub schema_version: u32,
    /// The oldest engine format version that can still play this file.
    pub min_compatible_version: u32,
    /// Stable identifier, lowercase with dashes (e.g. `fisher-lombok-timur`).
    pub id: String,
    /// Content version; bump it when choices or scoring change, so saved runs can tell.
    pub version: u32,
    /// Title, summary, difficulty and the like.
    pub meta: Meta,
    /// The simulated worker.
    pub persona: Persona,
    /// How the final score is weighted and what passes.
    #[serde(default)]
    pub rubric: Rubric,
    /// The node where the conversation starts.
    pub start: String,
    /// The conversation graph. Each node is shared (`Rc`), so a copy of a scenario with one node
    /// changed shares the others: the editor keeps a copy per undo step and validates after
    /// every edit, and a 2,000-node scenario must not be copied and compared whole each time.
    /// Change a node through [`Scenario::node_mut`].
    pub nodes: Vec<Rc<Node>>,
    /// How the conversation can end.
    pub endings: Vec<Ending>,
}

impl Scenario {
    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id).map(|n| &**n)
    }

    /// Node `index`, to change. Nodes are shared between copies of a scenario (the editor's
    /// undo steps, its validation): this copies the one node if another copy still shares it.
    pub fn node_mut(&mut self, index: usize) -> Option<&mut Node> {
        self.nodes.get_mut(index).map(Rc::make_mut)
    }

    /// The index of the hidden fact with this id.
    pub fn fact_index(&self, id: &str) -> Option<usize> {
        self.persona.hidden_facts.iter().position(|f| f.id == id)
    }

    /// The ending for an outcome.
    pub fn ending(&self, outcome: Outcome) -> Option<&Ending> {
        self.endings.iter().find(|e| e.outcome == outcome)
    }
}

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
}

impl Objection {
    /// Every objection.
    pub const ALL: [Objection; 6] = [
        Objection::CannotAfford,
        Objection::HasHealthCover,
        Objection::NotRisky,
        Objection::TooComplicated,
        Objection::DistrustClaims,
        Objection::MoneyWasted,
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

/// The six competencies a run is scored on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Competency {
    /// Building rapport and respect.
    Rapport,
    /// Discovering the worker's needs and situation.
    Discovery,
    /// Correct product knowledge and figures.
    Accuracy,
    /// Answering objections truthfully and to the point.
    Objections,
    /// Closing: a suitable package, a clear next step, the receipt.
    Closing,
    /// Ethics and compliance.
    Ethics,
}

impl Competency {
    /// Every competency, in display order.
    pub const ALL: [Competency; 6] = [
        Competency::Rapport,
        Competency::Discovery,
        Competency::Accuracy,
        Competency::Objections,
        Competency::Closing,
        Competency::Ethics,
    ];

    /// Position in [`Competency::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Points per competency. Missing competencies are 0.
pub type Points = BTreeMap<Competency, i32>;

/// Weights and pass mark of a scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    /// Weight of each competency in the total (any positive numbers; they are normalised).
    pub weights: BTreeMap<Competency, u32>,
    /// Points of a competency that earn 100 for it (ethics is scored by deduction instead).
    pub full_marks: BTreeMap<Competency, i32>,
    /// Total (0-100) needed to pass.
    pub pass_mark: u32,
}

impl Default for Rubric {
    fn default() -> Self {
        use Competency::*;
        Rubric {
            weights: BTreeMap::from([
                (Rapport, 10),
                (Discovery, 15),
                (Accuracy, 20),
                (Objections, 15),
                (Closing, 25),
                (Ethics, 15),
            ]),
            full_marks: BTreeMap::from([
                (Rapport, 6),
                (Discovery, 6),
                (Accuracy, 6),
                (Objections, 6),
                (Closing, 6),
            ]),
            pass_mark: 80,
        }
    }
}

/// One step of the conversation: the worker speaks, the agent chooses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Identifier, unique in the scenario.
    pub id: String,
    /// What the worker says here; the first variant whose conditions hold is a candidate, and
    /// among candidates of equal standing the seeded generator picks by weight.
    pub lines: Vec<LineVariant>,
    /// What the agent can do. Shown in an order drawn from the run's seed, unless
    /// `pin_order` keeps this order.
    pub choices: Vec<Choice>,
    /// Keeps the choices in the written order, and why (e.g. they are steps in sequence).
    #[serde(default)]
    pub pin_order: Option<Localized>,
}

/// One way the worker can say a node's line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineVariant {
    /// When this variant can be said (all must hold; empty = always).
    #[serde(default)]
    pub when: Vec<Condition>,
    /// Relative chance among the variants that can be said (default 1).
    #[serde(default = "one")]
    pub weight: u32,
    /// The words.
    pub text: Localized,
}

fn one() -> u32 {
    1
}

/// A measurable part of the worker's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stat {
    /// Trust in the agent.
    Trust,
    /// Interest in (perceived need for) the programmes.
    Interest,
    /// Worry about the cost.
    CostWorry,
    /// Patience left.
    Patience,
}

impl Stat {
    /// Every stat.
    pub const ALL: [Stat; 4] = [Stat::Trust, Stat::Interest, Stat::CostWorry, Stat::Patience];
}

/// A condition on the state of the conversation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The hidden fact has been discovered.
    Discovered(String),
    /// The hidden fact has not been discovered.
    NotDiscovered(String),
    /// Every listed stat is at least the value.
    AtLeast(BTreeMap<Stat, i32>),
    /// Every listed stat is at most the value.
    AtMost(BTreeMap<Stat, i32>),
    /// The node has been visited before.
    Visited(String),
    /// The choice (by id) has been made before.
    Chose(String),
    /// A PP 50/2025 discount applies to this worker on the run's date (`true`), or none does
    /// (`false`).
    Discount(bool),
}

/// The kind of move a choice is: what the engine and the balance policies know about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    /// Greeting, respect, small talk, introducing oneself.
    Rapport,
    /// A question that learns about the worker.
    Discover,
    /// Explaining a programme.
    Explain,
    /// Quoting a figure (its text states one with a placeholder such as `{monthly jkk_jkm}`).
    Quote,
    /// Answering an objection (carries `objection`).
    AnswerObjection,
    /// Stories of other members and claims paid.
    SocialProof,
    /// Showing the certificate, ID card and assignment letter.
    ShowCredentials,
    /// Asking the worker to sign up for a package (carries `package`).
    Close,
    /// Handing over the system receipt after registering.
    Receipt,
    /// Agreeing a concrete follow-up visit.
    FollowUp,
    /// Pushing: urgency, guilt, "sign now or never".
    Pressure,
    /// Promising a benefit that does not exist.
    FalsePromise,
    /// Mixing up BPJS Ketenagakerjaan and BPJS Kesehatan.
    ConfuseAgencies,
    /// Leaving without the receipt, or taking money without registering.
    SkipReceipt,
    /// Talking down to the worker.
    Disrespect,
    /// Ending the visit politely.
    Leave,
}

impl MoveKind {
    /// The ethics violation this move is, if any.
    pub fn violation(self) -> Option<Violation> {
        match self {
            MoveKind::Pressure => Some(Violation::Pressure),
            MoveKind::FalsePromise => Some(Violation::FalsePromise),
            MoveKind::ConfuseAgencies => Some(Violation::ConfuseAgencies),
            MoveKind::SkipReceipt => Some(Violation::SkipReceipt),
            MoveKind::Disrespect => Some(Violation::Disrespect),
            _ => None,
        }
    }
}

/// Bad practice that caps the score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Violation {
    /// Pressure.
    Pressure,
    /// A false promise.
    FalsePromise,
    /// Confusing the two BPJS agencies.
    ConfuseAgencies,
    /// Skipping the receipt.
    SkipReceipt,
    /// Disrespect.
    Disrespect,
    /// Quoting a wrong figure.
    WrongFigure,
    /// Enrolling the worker in a package they cannot keep paying.
    Unaffordable,
}

/// A choice the agent can make.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Identifier, unique in its node (saved runs refer to it).
    pub id: String,
    /// What the agent says or does. Figures are placeholders (see [`super::figures`]); each one
    /// is checked against the rates for the run's date.
    pub text: Localized,
    /// The kind of move.
    pub kind: MoveKind,
    /// For `answer_objection`: which objection.
    #[serde(default)]
    pub objection: Option<Objection>,
    /// For `close`: which package.
    #[serde(default)]
    pub package: Option<Package>,
    /// When the choice is offered (all must hold; empty = always).
    #[serde(default)]
    pub requires: Vec<Condition>,
    /// What it does to the worker.
    #[serde(default)]
    pub effects: Effects,
    /// Points per competency (-10..=10 each).
    #[serde(default)]
    pub scores: Points,
    /// Coaching: why this is good or bad.
    pub feedback: Localized,
    /// Where the conversation goes next (for `close`: when the worker agrees).
    #[serde(default)]
    pub next: Next,
    /// For `close`: where to go when the worker is not ready yet (default: the conversation
    /// ends, with a follow-up or a refusal depending on how close the worker was).
    #[serde(default)]
    pub if_not_ready: Option<Next>,
}

/// The name the file format writes for a unit enum value (`answer_objection`, `ojek_driver`...).
pub fn format_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

impl Choice {
    /// Where the choice can lead: its `next`, and `if_not_ready` for a close the worker declines.
    pub fn all_next(&self) -> impl Iterator<Item = &Next> {
        std::iter::once(&self.next).chain(self.if_not_ready.as_ref())
    }
}

/// Changes to the worker's state, before sensitivities and noise.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Effects {
    /// Change to trust.
    #[serde(default)]
    pub trust: i32,
    /// Change to interest.
    #[serde(default)]
    pub interest: i32,
    /// Change to cost worry.
    #[serde(default)]
    pub cost_worry: i32,
    /// Change to patience (each turn also costs some).
    #[serde(default)]
    pub patience: i32,
    /// Hidden facts this move reveals.
    #[serde(default)]
    pub reveals: Vec<String>,
}

/// Where a choice leads: `{"node": "id"}`, `{"branch": {"branches": [...], "otherwise": "id"}}`
/// or `"end"` (the worker decides from their state how the conversation ends).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Next {
    /// Straight to a node.
    Node(String),
    /// The first branch whose conditions hold, else `otherwise`.
    Branch {
        /// Branches in order.
        branches: Vec<Branch>,
        /// Where to go when no branch holds.
        otherwise: String,
    },
    /// The conversation ends here.
    #[default]
    End,
}

impl Next {
    /// Every node this can lead to.
    pub fn targets(&self) -> Vec<&str> {
        match self {
            Next::Node(id) => vec![id.as_str()],
            Next::Branch {
                branches,
                otherwise,
            } => branches
                .iter()
                .map(|b| b.go.as_str())
                .chain(std::iter::once(otherwise.as_str()))
                .collect(),
            Next::End => Vec::new(),
        }
    }
}

/// One conditional branch of a [`Next::Branch`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    /// All must hold.
    pub when: Vec<Condition>,
    /// Where to go.
    pub go: String,
}

/// How a conversation ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The worker signed up (for the package in the run's record).
    Enrolled,
    /// The worker agreed a follow-up visit.
    FollowUp,
    /// The worker said no.
    Declined,
    /// The worker ran out of patience and left.
    WalkedAway,
    /// The worker left and will complain about the agent.
    Complained,
}

impl Outcome {
    /// Every outcome.
    pub const ALL: [Outcome; 5] = [
        Outcome::Enrolled,
        Outcome::FollowUp,
        Outcome::Declined,
        Outcome::WalkedAway,
        Outcome::Complained,
    ];
}

/// The worker's last words for an outcome, and its points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    /// Which outcome this ending is for.
    pub outcome: Outcome,
    /// What the worker says.
    pub text: Localized,
    /// Points for this outcome (enrolment points count only when it is suitable).
    #[serde(default)]
    pub scores: Points,
}

//! The conversation: nodes with the worker's line variants, and the agent's choices with their
//! kind of move, effects, points and the violations they commit.

use serde::{Deserialize, Serialize};

use super::{Condition, Localized, Next, Objection, Points};
use crate::engine::terms::Package;

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
    /// What the agent says or does. Figures are placeholders (see [`crate::engine::figures`]); each one
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

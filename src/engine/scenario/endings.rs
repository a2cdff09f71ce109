//! Where a choice leads: the next node, a conditional branch, or an ending with its outcome.

use serde::{Deserialize, Serialize};

use super::{Condition, Localized, Points};

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

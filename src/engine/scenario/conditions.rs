//! Conditions on the state of a conversation (stats, discoveries, visits, choices, discounts),
//! which line variants and branches are gated on.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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

//! What a scenario's conditions ask of a run in progress (facts discovered, stats, nodes
//! visited, choices made, a discount), and the look-ups they share.

use super::State;
use crate::engine::scenario::{Choice, Condition, Scenario};

/// Whether a condition holds.
pub fn holds(scenario: &Scenario, state: &State, condition: &Condition) -> bool {
    match condition {
        Condition::Discovered(fact) => scenario
            .fact_index(fact)
            .is_some_and(|i| state.discovered.get(i) == Some(&true)),
        Condition::NotDiscovered(fact) => scenario
            .fact_index(fact)
            .is_some_and(|i| state.discovered.get(i) != Some(&true)),
        Condition::AtLeast(stats) => stats.iter().all(|(s, v)| state.worker.get(*s) >= *v),
        Condition::AtMost(stats) => stats.iter().all(|(s, v)| state.worker.get(*s) <= *v),
        Condition::Visited(node) => {
            node_index(scenario, node).is_some_and(|i| state.visited.get(i) == Some(&true))
        }
        Condition::Chose(choice) => chose(scenario, state, choice),
        Condition::Discount(wanted) => state.discounted == *wanted,
    }
}

pub(super) fn chose(scenario: &Scenario, state: &State, id: &str) -> bool {
    state
        .chosen
        .iter()
        .any(|&(n, c)| choice_at(scenario, n, c).is_some_and(|x| x.id == id))
}

/// The choice at (node, choice) indices, if both exist.
pub(in crate::engine) fn choice_at(scenario: &Scenario, node: u32, choice: u32) -> Option<&Choice> {
    scenario
        .nodes
        .get(node as usize)?
        .choices
        .get(choice as usize)
}

pub(super) fn all_hold(scenario: &Scenario, state: &State, conditions: &[Condition]) -> bool {
    conditions.iter().all(|c| holds(scenario, state, c))
}

pub(super) fn node_index(scenario: &Scenario, id: &str) -> Option<usize> {
    scenario.nodes.iter().position(|n| n.id == id)
}

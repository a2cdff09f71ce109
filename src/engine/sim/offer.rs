//! The choices on offer at a node: which hold now, the order a run shows them in, and whether
//! a choice repeats what the worker has heard.

use super::conditions::{all_hold, chose};
use super::State;
use crate::engine::scenario::{Choice, Localized, MoveKind, Node, Scenario};

/// The choices on offer now, as indices into the current node's choices, in the order they
/// are shown. A choice is on offer when its conditions hold and every wrong figure it states is
/// wrong on the run's date.
pub fn available(scenario: &Scenario, state: &State) -> Vec<u32> {
    let Some(node) = scenario.nodes.get(state.node as usize) else {
        return Vec::new();
    };
    if state.end.is_some() {
        return Vec::new();
    }
    shown_order(node, state.order_key, state.node)
        .into_iter()
        .filter(|&i| {
            all_hold(scenario, state, &node.choices[i as usize].requires)
                && !state.unsayable.contains(&(state.node, i))
        })
        .collect()
}

/// The text whose placeholders count: Indonesian, or English where it is missing (validation
/// makes both state the same figures).
pub fn spoken(text: &Localized) -> &str {
    if text.id.trim().is_empty() {
        &text.en
    } else {
        &text.id
    }
}

/// The order a node's choices are shown in on a run: a permutation drawn from the run's order
/// key and the node, the same at every visit; the written order if the node pins it.
pub fn shown_order(node: &Node, order_key: u64, node_index: u32) -> Vec<u32> {
    let mut order: Vec<u32> = (0..node.choices.len() as u32).collect();
    if node.pin_order.is_some() {
        return order;
    }
    let mut x = order_key ^ u64::from(node_index).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for i in (1..order.len()).rev() {
        x = splitmix(x);
        // The modulo bias over at most a few dozen choices is below 2^-58.
        let j = (x % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Whether making `choice` now repeats something the worker has already heard: the same move
/// again, or a request to sign right after the worker declined with nothing new said since.
pub fn is_repeat(scenario: &Scenario, state: &State, choice: &Choice) -> bool {
    match choice.kind {
        MoveKind::Close => state.close_declined,
        MoveKind::Receipt | MoveKind::FollowUp | MoveKind::Leave => false,
        _ => chose(scenario, state, &choice.id),
    }
}

pub(super) fn says_something_new(kind: MoveKind) -> bool {
    matches!(
        kind,
        MoveKind::Discover
            | MoveKind::Explain
            | MoveKind::Quote
            | MoveKind::AnswerObjection
            | MoveKind::SocialProof
            | MoveKind::ShowCredentials
    )
}

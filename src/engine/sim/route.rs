//! Where the conversation goes after a choice (the worker's decision when asked to sign, the
//! branches of a link), entering a node (the worker's line), and how it ends.

use super::conditions::{all_hold, choice_at, node_index};
use super::offer::available;
use super::{End, Event, State};
use crate::engine::rng::WorkerRng;
use crate::engine::scenario::{Choice, MoveKind, Next, Outcome, Scenario};
use crate::engine::terms::Package;

/// Where a choice leads: a node (by index), or the end with an outcome.
pub(super) enum Route {
    Node(usize),
    End(Outcome),
}

/// Where the conversation goes after a choice; moves that ask for a decision ask the worker.
pub(super) fn route(
    scenario: &Scenario,
    state: &mut State,
    choice: &Choice,
    rng: &mut WorkerRng,
    events: &mut Vec<Event>,
) -> Route {
    let worker = state.worker;
    let ready = worker.readiness() + rng.noise(4);
    let threshold = scenario.persona.decision_threshold;
    let angry = worker.trust <= 10 && state.chosen_violation(scenario);
    if angry {
        return Route::End(Outcome::Complained);
    }
    let fallback = |state: &State| {
        if state.enrolled.is_some() {
            Outcome::Enrolled
        } else {
            Outcome::Declined
        }
    };
    match choice.kind {
        MoveKind::Close if state.enrolled.is_none() => {
            let package = choice.package.unwrap_or(Package::JkkJkm);
            let agreed = ready >= threshold;
            events.push(Event::Decision { package, agreed });
            state.close_declined = !agreed;
            if agreed {
                state.enrolled = Some(package);
                follow(scenario, state, &choice.next, Outcome::Enrolled)
            } else {
                let near = if ready >= threshold.saturating_sub(15) {
                    Outcome::FollowUp
                } else {
                    Outcome::Declined
                };
                match &choice.if_not_ready {
                    Some(next) => follow(scenario, state, next, near),
                    None => Route::End(near),
                }
            }
        }
        MoveKind::FollowUp if state.enrolled.is_none() => {
            Route::End(if ready >= threshold.saturating_sub(25) {
                Outcome::FollowUp
            } else {
                Outcome::Declined
            })
        }
        MoveKind::Leave => Route::End(fallback(state)),
        _ => follow(scenario, state, &choice.next, fallback(state)),
    }
}

fn follow(scenario: &Scenario, state: &State, next: &Next, at_end: Outcome) -> Route {
    let id = match next {
        Next::Node(id) => id,
        Next::Branch {
            branches,
            otherwise,
        } => branches
            .iter()
            .find(|b| all_hold(scenario, state, &b.when))
            .map(|b| &b.go)
            .unwrap_or(otherwise),
        Next::End => return Route::End(at_end),
    };
    // Targets were checked before anything changed.
    Route::Node(node_index(scenario, id).unwrap_or(0))
}

impl State {
    /// Whether any choice made so far was a violation (an angry worker then complains).
    fn chosen_violation(&self, scenario: &Scenario) -> bool {
        self.chosen
            .iter()
            .any(|&(n, c)| choice_at(scenario, n, c).is_some_and(|x| x.kind.violation().is_some()))
    }
}

/// Enters node `node_ix`: the worker says a line, and a node with nothing on offer ends
/// the conversation.
pub(super) fn enter(
    scenario: &Scenario,
    state: &mut State,
    node_ix: usize,
    rng: &mut WorkerRng,
    events: &mut Vec<Event>,
) {
    state.node = node_ix as u32;
    let node = &scenario.nodes[node_ix];
    // Variants whose conditions hold; the most specific (most conditions) win, then those not
    // said yet in this run, then weight.
    let said = |state: &State, i: usize| state.lines_said.contains(&(node_ix as u32, i as u32));
    let mut best = (0usize, false);
    let mut candidates: Vec<(usize, u32)> = Vec::new();
    for (i, line) in node.lines.iter().enumerate() {
        if !all_hold(scenario, state, &line.when) {
            continue;
        }
        let specificity = (line.when.len(), !said(state, i));
        if specificity > best {
            best = specificity;
            candidates.clear();
        }
        if specificity == best {
            candidates.push((i, line.weight.max(1)));
        }
    }
    let total = candidates
        .iter()
        .fold(0u32, |sum, c| sum.saturating_add(c.1));
    let mut roll = rng.below(total);
    let mut variant = candidates.first().map(|c| c.0);
    for (i, w) in &candidates {
        if roll < *w {
            variant = Some(*i);
            break;
        }
        roll -= w;
    }
    if let Some(v) = state.visited.get_mut(node_ix) {
        *v = true;
    }
    if state.enrolled.is_some()
        && available(scenario, state)
            .iter()
            .any(|&c| node.choices[c as usize].kind == MoveKind::Receipt)
    {
        state.receipt_offered = true;
    }
    if let Some(variant) = variant {
        let again = said(state, variant);
        if !again {
            state.lines_said.push((node_ix as u32, variant as u32));
        }
        events.push(Event::WorkerSays {
            node: node_ix as u32,
            variant: variant as u32,
            again,
        });
    }
    if available(scenario, state).is_empty() {
        // A dead end (validation warns about these): the worker leaves politely.
        let outcome = if state.enrolled.is_some() {
            Outcome::Enrolled
        } else {
            Outcome::Declined
        };
        finish(state, outcome, events);
    }
}

/// Ends the conversation (an enrolment stands unless the worker complained).
pub(super) fn finish(state: &mut State, outcome: Outcome, events: &mut Vec<Event>) {
    let outcome = if state.enrolled.is_some() && outcome != Outcome::Complained {
        Outcome::Enrolled
    } else {
        outcome
    };
    let end = End {
        outcome,
        package: state.enrolled.filter(|_| outcome == Outcome::Enrolled),
    };
    state.end = Some(end);
    events.push(Event::Ended(end));
}

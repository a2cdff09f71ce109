//! One choice made: the pure [`step`] and the in-place [`advance`] it is built on, which check
//! the choice, apply it, score it and move the conversation on.

use super::conditions::{chose, node_index};
use super::effects::apply_effects;
use super::offer::{available, is_repeat, says_something_new, spoken};
use super::route::{enter, finish, route, Route};
use super::{Event, State, StepError, Turn, MAX_TURNS, WRONG_FIGURE_PENALTY};
use crate::engine::figures::{self, Check};
use crate::engine::rng::WorkerRng;
use crate::engine::scenario::{Choice, Competency, MoveKind, Node, Outcome, Scenario, Violation};

/// The pure step: the state after the agent makes `choice_id`, and what happened. `state` must
/// come from this scenario (a mismatched one gives [`StepError::Broken`], never a panic).
pub fn step(
    scenario: &Scenario,
    state: &State,
    choice_id: &str,
    rng: &mut WorkerRng,
) -> Result<(State, Vec<Event>), StepError> {
    let mut next = state.clone();
    let events = advance(scenario, &mut next, choice_id, rng)?;
    Ok((next, events))
}

/// [`step`] in place (what [`Session`] and the balance analysis use). On error nothing changes.
///
/// [`Session`]: crate::engine::session::Session
pub fn advance(
    scenario: &Scenario,
    state: &mut State,
    choice_id: &str,
    rng: &mut WorkerRng,
) -> Result<Vec<Event>, StepError> {
    if state.end.is_some() {
        return Err(StepError::Over);
    }
    let node_ix = state.node;
    let node: &Node = scenario.nodes.get(node_ix as usize).ok_or_else(|| {
        StepError::Broken(format!(
            "no node {node_ix}: the state is not from this scenario"
        ))
    })?;
    let choice_ix = node
        .choices
        .iter()
        .position(|c| c.id == choice_id)
        .ok_or_else(|| StepError::UnknownChoice(choice_id.to_owned()))?;
    let offered = available(scenario, state);
    if !offered.contains(&(choice_ix as u32)) {
        return Err(StepError::NotAvailable(choice_id.to_owned()));
    }
    // Resolve the target before changing anything, so a broken link leaves the state untouched.
    let choice = &node.choices[choice_ix];
    check_targets(scenario, choice)?;

    let mut events = vec![Event::AgentSays {
        node: node_ix,
        choice: choice_ix as u32,
    }];
    let before = state.worker;
    // Repeating a move earns nothing (a failed close tried again is not more closing), costs a
    // point where it would have earned, and tries the worker's patience; its penalties count
    // every time.
    let repeated = is_repeat(scenario, state, choice);
    let made_before = chose(scenario, state, &choice.id);
    if repeated {
        events.push(Event::Repeated {
            close: choice.kind == MoveKind::Close,
        });
    }
    apply_effects(scenario, state, choice, repeated, rng, &mut events);
    state.chosen.push((node_ix, choice_ix as u32));
    if says_something_new(choice.kind) && !repeated {
        state.close_declined = false;
    }

    let ctx = state.terms.context(scenario);
    let checks: Vec<Check> = figures::figures_in(spoken(&choice.text))
        .iter()
        .map(|p| figures::check(p, &ctx))
        .collect();
    let mut points = [0i32; 6];
    for (competency, p) in &choice.scores {
        let p = (*p).clamp(-10, 10);
        points[competency.index()] = match (repeated, made_before, p > 0) {
            // Heard it already: it costs a point where it would have earned.
            (true, _, true) => -1,
            // The same move again after something new (a close once the doubt is answered):
            // it is fair, but its points were earned the first time.
            (false, true, true) => 0,
            _ => p,
        };
    }
    let mut violation = choice.kind.violation();
    if checks.iter().any(Check::is_wrong) {
        let acc = &mut points[Competency::Accuracy.index()];
        *acc = (*acc).min(0) - WRONG_FIGURE_PENALTY;
        violation = violation.or(Some(Violation::WrongFigure));
    }
    if choice.kind == MoveKind::Receipt && state.enrolled.is_some() {
        state.receipt = true;
    }
    events.push(Event::Feedback(Turn {
        node: node_ix,
        choice: choice_ix as u32,
        available: offered,
        points,
        violation,
        checks,
        repeated,
        before,
        after: state.worker,
    }));

    let target = route(scenario, state, choice, rng, &mut events);
    match target {
        Route::Node(ix) if !out_of_patience(state) => enter(scenario, state, ix, rng, &mut events),
        Route::Node(_) => finish(state, Outcome::WalkedAway, &mut events),
        Route::End(outcome) => finish(state, outcome, &mut events),
    }
    Ok(events)
}

fn out_of_patience(state: &State) -> bool {
    state.worker.patience <= 0 || state.chosen.len() as u32 >= MAX_TURNS
}

fn check_targets(scenario: &Scenario, choice: &Choice) -> Result<(), StepError> {
    let nexts = choice.all_next();
    for next in nexts {
        for target in next.targets() {
            if node_index(scenario, target).is_none() {
                return Err(StepError::Broken(format!(
                    "choice \"{}\" leads to missing node \"{target}\"",
                    choice.id
                )));
            }
        }
    }
    Ok(())
}

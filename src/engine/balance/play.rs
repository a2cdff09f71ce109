//! One scripted run: a policy plays a scenario to its end, for a score card (the analysis) or
//! as a whole [`Session`] (replays and tests).

use super::Policy;
use crate::engine::figures;
use crate::engine::rng::WorkerRng;
use crate::engine::scenario::Scenario;
use crate::engine::scoring::{self, ScoreCard};
use crate::engine::session::Session;
use crate::engine::sim::{self, Event, StepError, Terms};

/// The worker's last line in `events`, as shown (the mimic policy picks by it).
fn last_line(scenario: &Scenario, events: &[Event], ctx: &figures::Context) -> Option<String> {
    events.iter().rev().find_map(|e| match e {
        Event::WorkerSays { node, variant, .. } => scenario
            .nodes
            .get(*node as usize)
            .and_then(|n| n.lines.get(*variant as usize))
            .map(|l| figures::render(sim::spoken(&l.text), ctx, crate::engine::terms::Lang::Id)),
        _ => None,
    })
}

/// One scripted playthrough on `terms`: its score card (None if the scenario broke mid-run).
pub fn play(scenario: &Scenario, policy: Policy, seed: u64, terms: Terms) -> Option<ScoreCard> {
    let mut worker = WorkerRng::new(seed);
    let mut agent = WorkerRng::new(seed ^ 0x9E37_79B9_7F4A_7C15);
    let ctx = terms.context(scenario);
    let (mut state, opening) = sim::start(scenario, &mut worker, terms).ok()?;
    let mut heard = last_line(scenario, &opening, &ctx).unwrap_or_default();
    let mut turns = Vec::new();
    while state.end.is_none() {
        let offered = sim::available(scenario, &state);
        if offered.is_empty() {
            return None;
        }
        let pick = policy.pick(scenario, &state, &offered, &heard, &mut agent);
        let id = &scenario.nodes[state.node as usize].choices[pick as usize].id;
        let events = sim::advance(scenario, &mut state, id, &mut worker).ok()?;
        if policy == Policy::Mimic {
            if let Some(line) = last_line(scenario, &events, &ctx) {
                heard = line;
            }
        }
        for event in events {
            if let Event::Feedback(turn) = event {
                turns.push(turn);
            }
        }
    }
    Some(scoring::score(
        scenario,
        &turns,
        state.end?,
        state.skipped_receipt(),
        terms,
    ))
}

/// A scripted agent's whole conversation as a [`Session`] (for its choices, replays and
/// tests); it stops early only if no choice is on offer.
pub fn scripted_session(
    scenario: &Scenario,
    policy: Policy,
    seed: u64,
    terms: Terms,
) -> Result<Session<'_>, StepError> {
    let mut session = Session::start(scenario, seed, terms)?;
    let mut agent = WorkerRng::new(seed ^ 0x9E37_79B9_7F4A_7C15);
    let ctx = terms.context(scenario);
    while session.end().is_none() {
        let offered = sim::available(scenario, session.state());
        if offered.is_empty() {
            break;
        }
        let heard = last_line(scenario, session.events(), &ctx).unwrap_or_default();
        let node = session.state().node;
        let pick = policy.pick(scenario, session.state(), &offered, &heard, &mut agent);
        let id = &scenario.nodes[node as usize].choices[pick as usize].id;
        session.choose(id)?;
    }
    Ok(session)
}

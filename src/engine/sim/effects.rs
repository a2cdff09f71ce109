//! How a choice moves the worker: its effects shaped by the persona's sensitivities and seeded
//! noise, a repeated move's annoyance, and the facts it reveals.

use super::{Event, State, PATIENCE_PER_TURN, REPEAT_PATIENCE, REPEAT_TRUST};
use crate::engine::rng::WorkerRng;
use crate::engine::scenario::{Choice, MoveKind, Scenario, Stat};

/// Applies a choice's effects, shaped by the persona's sensitivities and seeded noise. A
/// repeated move keeps only its harmful effects and annoys the worker.
pub(super) fn apply_effects(
    scenario: &Scenario,
    state: &mut State,
    choice: &Choice,
    repeated: bool,
    rng: &mut WorkerRng,
    events: &mut Vec<Event>,
) {
    let sens = scenario.persona.sensitivities;
    let e = &choice.effects;
    // What helps the worker (more trust, interest or patience, less cost worry) helps once.
    let helps = |delta: i32, good_when_up: bool| {
        if repeated && (delta > 0) == good_when_up {
            0
        } else {
            delta
        }
    };
    let (trust, interest, cost_worry, patience) = (
        helps(e.trust.clamp(-100, 100), true),
        helps(e.interest.clamp(-100, 100), true),
        helps(e.cost_worry.clamp(-100, 100), false),
        helps(e.patience.clamp(-100, 100), true),
    );
    let trust_scale = match choice.kind {
        _ if repeated => sens.pressure,
        MoveKind::Rapport | MoveKind::SocialProof if trust > 0 => sens.rapport,
        MoveKind::Pressure | MoveKind::Disrespect | MoveKind::FalsePromise if trust < 0 => {
            sens.pressure
        }
        _ => 100,
    };
    let (annoy_trust, annoy_patience) = if repeated {
        (REPEAT_TRUST, REPEAT_PATIENCE)
    } else {
        (0, 0)
    };
    let changes = [
        (Stat::Trust, trust + annoy_trust, trust_scale),
        (Stat::Interest, interest, 100),
        (Stat::CostWorry, cost_worry, sens.price),
        (
            Stat::Patience,
            patience - PATIENCE_PER_TURN + annoy_patience,
            100,
        ),
    ];
    for (stat, delta, scale) in changes {
        if delta == 0 {
            continue;
        }
        let scaled = delta.clamp(-200, 200) * scale.min(300) as i32 / 100;
        // Up to a fifth either way: people do not react the same way twice.
        let noisy = scaled + rng.noise(scaled.unsigned_abs() / 5);
        let slot = state.worker.slot(stat);
        *slot = (*slot + noisy).clamp(0, 100);
    }
    for fact in &e.reveals {
        if let Some(i) = scenario.fact_index(fact) {
            if state.discovered.get(i) == Some(&false) {
                state.discovered[i] = true;
                events.push(Event::FactRevealed { fact: i as u32 });
            }
        }
    }
}

//! The opening of a run: the worker as the persona starts, the first state (at the start node
//! or, for a playtest, anywhere), and the choices never offered on the run's date.

use super::conditions::node_index;
use super::offer::spoken;
use super::route::enter;
use super::{Event, State, StepError, Terms, WorkerState};
use crate::engine::figures;
use crate::engine::rng::WorkerRng;
use crate::engine::scenario::Scenario;
use crate::engine::terms::Date;

/// The worker as the persona starts a visit.
pub fn initial_worker(scenario: &Scenario) -> WorkerState {
    let a = scenario.persona.attitudes;
    WorkerState {
        trust: a.trust.clamp(0, 100),
        interest: a.need.clamp(0, 100),
        cost_worry: a.price_worry.clamp(0, 100),
        patience: a.patience.clamp(0, 100),
    }
}

/// The state at the start of a run on `terms`, and the opening events (the worker's first line).
pub fn start(
    scenario: &Scenario,
    rng: &mut WorkerRng,
    terms: Terms,
) -> Result<(State, Vec<Event>), StepError> {
    start_at(
        scenario,
        rng,
        terms,
        &scenario.start,
        initial_worker(scenario),
    )
}

/// A run that starts at node `at` with the worker in state `worker` (the trainer's playtest
/// "from here"), and its opening events.
pub fn start_at(
    scenario: &Scenario,
    rng: &mut WorkerRng,
    terms: Terms,
    at: &str,
    worker: WorkerState,
) -> Result<(State, Vec<Event>), StepError> {
    let node = node_index(scenario, at)
        .ok_or_else(|| StepError::Broken(format!("start node \"{at}\" missing")))?;
    let clamp = |v: i32| v.clamp(0, 100);
    let mut state = State {
        terms,
        order_key: rng.next_u64(),
        node: node as u32,
        worker: WorkerState {
            trust: clamp(worker.trust),
            interest: clamp(worker.interest),
            cost_worry: clamp(worker.cost_worry),
            patience: clamp(worker.patience),
        },
        discovered: vec![false; scenario.persona.hidden_facts.len()],
        visited: vec![false; scenario.nodes.len()],
        chosen: Vec::new(),
        enrolled: None,
        receipt: false,
        receipt_offered: false,
        end: None,
        lines_said: Vec::new(),
        close_declined: false,
        unsayable: unsayable(scenario, terms),
        discounted: terms.discounted(scenario),
    };
    let mut events = Vec::new();
    enter(scenario, &mut state, node, rng, &mut events);
    Ok((state, events))
}

/// The choices of `scenario` that state a wrong figure which is right on `terms`' date.
/// Every run starts with this, and scripted agents start thousands of runs of one scenario on
/// a few dates: the last answers are kept, keyed by the scenario's address and a fingerprint of
/// its choices' texts (an edited scenario has another).
fn unsayable(scenario: &Scenario, terms: Terms) -> Vec<(u32, u32)> {
    type Key = (usize, usize, usize, Date, usize);
    type Known = Vec<(Key, Vec<(u32, u32)>)>;
    thread_local! {
        static KNOWN: std::cell::RefCell<Known> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let texts = scenario
        .nodes
        .iter()
        .flat_map(|n| &n.choices)
        .map(|c| c.text.id.len() * 31 + c.text.en.len())
        .fold(0usize, usize::wrapping_add);
    let key: Key = (
        std::ptr::from_ref(scenario) as usize,
        scenario.nodes.len(),
        texts,
        terms.date,
        std::ptr::from_ref(terms.rates) as usize,
    );
    if let Some(known) = KNOWN.with(|k| {
        k.borrow()
            .iter()
            .find(|(x, _)| *x == key)
            .map(|(_, v)| v.clone())
    }) {
        return known;
    }
    let answer = find_unsayable(scenario, terms);
    KNOWN.with(|k| {
        let mut k = k.borrow_mut();
        if k.len() >= 8 {
            k.remove(0);
        }
        k.push((key, answer.clone()));
    });
    answer
}

fn find_unsayable(scenario: &Scenario, terms: Terms) -> Vec<(u32, u32)> {
    let ctx = terms.context(scenario);
    let mut out = Vec::new();
    for (n, node) in scenario.nodes.iter().enumerate() {
        for (c, choice) in node.choices.iter().enumerate() {
            if !figures::sayable(spoken(&choice.text), &ctx) {
                out.push((n as u32, c as u32));
            }
        }
    }
    out
}

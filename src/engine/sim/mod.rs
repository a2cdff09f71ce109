//! The simulation: a pure step from (scenario, state, choice, generator) to (state, events). A
//! run built on it, saved, replayed and scored, is a [`super::session::Session`].
//!
//! A run takes place on a date under a rates table ([`Terms`]): every figure stated in it is
//! computed or checked for that date. The order choices are shown in is drawn from the seed, so
//! the same run always shows the same order and the best move is not always in the same place.
//! Repeating a move the worker has already heard, or asking to sign again with nothing new said
//! since the worker declined, earns nothing and tries the worker's patience.

use serde::{Deserialize, Serialize};

use super::figures::{self, Check, Context};
use super::rates::RatesTable;
use super::rng::WorkerRng;
use super::scenario::{
    Choice, Competency, Condition, MoveKind, Next, Node, Outcome, Scenario, Stat, Violation,
};
use super::terms::{Date, Package};

/// Patience every turn costs, before the move's own effect.
pub const PATIENCE_PER_TURN: i32 = 4;
/// After this many choices the worker leaves whatever happens (a guard against endless loops).
pub const MAX_TURNS: u32 = 60;
/// Points taken from accuracy for a wrong figure.
pub const WRONG_FIGURE_PENALTY: i32 = 4;
/// Trust a repeated move costs, before the pressure sensitivity.
pub const REPEAT_TRUST: i32 = -5;
/// Patience a repeated move costs, on top of the turn's own.
pub const REPEAT_PATIENCE: i32 = -8;

/// The terms a run is played under: its date and the rates table. Every figure in the run is
/// for this date under these rates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Terms {
    /// The day the run takes place.
    pub date: Date,
    /// The rates table in force.
    pub rates: &'static RatesTable,
}

impl Terms {
    /// The terms of a run of `scenario` started on `today`: its pinned date if it has one, and
    /// the current rates table.
    pub fn of(scenario: &Scenario, today: Date) -> Terms {
        Terms {
            date: scenario.meta.pinned_date.as_ref().map_or(today, |p| p.date),
            rates: RatesTable::bundled(),
        }
    }

    /// Current rates on `date`.
    pub fn on(date: Date) -> Terms {
        Terms {
            date,
            rates: RatesTable::bundled(),
        }
    }

    /// What figures in `scenario`'s text need, on these terms.
    pub fn context(&self, scenario: &Scenario) -> Context<'static> {
        Context::new(&scenario.persona, self.date, self.rates)
    }

    /// Whether a PP 50/2025 discount applies to the scenario's worker on these terms.
    pub fn discounted(&self, scenario: &Scenario) -> bool {
        self.rates
            .contribution(&scenario.persona.worker(), Package::JkkJkm, self.date)
            .is_ok_and(|c| c.applied.is_some())
    }
}

impl Serialize for Terms {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Terms", 2)?;
        st.serialize_field("date", &self.date)?;
        st.serialize_field("rates", &self.rates.version)?;
        st.end()
    }
}

/// The worker's measurable state, each 0-100.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkerState {
    /// Trust in the agent.
    pub trust: i32,
    /// Interest in the programmes.
    pub interest: i32,
    /// Worry about the cost.
    pub cost_worry: i32,
    /// Patience left.
    pub patience: i32,
}

impl WorkerState {
    /// The value of a stat.
    pub fn get(&self, stat: Stat) -> i32 {
        match stat {
            Stat::Trust => self.trust,
            Stat::Interest => self.interest,
            Stat::CostWorry => self.cost_worry,
            Stat::Patience => self.patience,
        }
    }

    fn slot(&mut self, stat: Stat) -> &mut i32 {
        match stat {
            Stat::Trust => &mut self.trust,
            Stat::Interest => &mut self.interest,
            Stat::CostWorry => &mut self.cost_worry,
            Stat::Patience => &mut self.patience,
        }
    }

    /// How ready the worker is to sign, 0-100, before noise.
    pub fn readiness(&self) -> i32 {
        (self.trust * 40 + self.interest * 40 + (100 - self.cost_worry) * 20) / 100
    }
}

/// How a conversation ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct End {
    /// The outcome.
    pub outcome: Outcome,
    /// The package signed, for an enrolment.
    pub package: Option<Package>,
}

/// Everything the simulation needs to know about a run in progress.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct State {
    /// The date and rates of the run.
    pub terms: Terms,
    /// Decides the order choices are shown in (drawn from the seed at the start).
    pub order_key: u64,
    /// Index of the current node.
    pub node: u32,
    /// The worker.
    pub worker: WorkerState,
    /// Discovered hidden facts, by index.
    pub discovered: Vec<bool>,
    /// Nodes visited, by index.
    pub visited: Vec<bool>,
    /// Choices made so far, as (node index, choice index).
    pub chosen: Vec<(u32, u32)>,
    /// The package the worker agreed to, once they have.
    pub enrolled: Option<Package>,
    /// Whether the agent handed over the receipt.
    pub receipt: bool,
    /// Whether, after the worker agreed, the agent was ever offered the receipt move (an agent
    /// who never had the chance is not blamed for skipping it).
    #[serde(default)]
    pub receipt_offered: bool,
    /// Set when the conversation is over.
    pub end: Option<End>,
    /// The worker's lines said so far, as (node index, variant index).
    pub lines_said: Vec<(u32, u32)>,
    /// The worker declined the last request to sign, and nothing new has been said since.
    pub close_declined: bool,
    /// Choices (node index, choice index) never offered on this run: a figure they state as
    /// wrong is right on the run's date. Fixed for the run, so computed once at its start.
    pub unsayable: Vec<(u32, u32)>,
    /// Whether a PP 50/2025 discount applies to the worker on the run's date.
    pub discounted: bool,
}

/// What happened in one step, for the UI to render. Texts are referred to by index into the
/// scenario, so events are cheap and the UI shows them in either language.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Event {
    /// The worker says a line: `scenario.nodes[node].lines[variant]`.
    WorkerSays {
        /// Node index.
        node: u32,
        /// Line variant index.
        variant: u32,
        /// The worker has said this line before in this run (the UI shows it as said again).
        again: bool,
    },
    /// The agent repeated a move the worker has heard: the worker says so.
    Repeated {
        /// It was a request to sign after the worker declined, with nothing new since.
        close: bool,
    },
    /// The agent's chosen words: `scenario.nodes[node].choices[choice]`.
    AgentSays {
        /// Node index.
        node: u32,
        /// Choice index.
        choice: u32,
    },
    /// The agent learned a hidden fact: `scenario.persona.hidden_facts[fact]`.
    FactRevealed {
        /// Fact index.
        fact: u32,
    },
    /// Coaching on the choice just made, with everything scoring needs.
    Feedback(Turn),
    /// The worker answered a request to sign up.
    Decision {
        /// The package proposed.
        package: Package,
        /// Whether the worker agreed.
        agreed: bool,
    },
    /// The conversation is over.
    Ended(End),
}

/// The record of one choice.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Turn {
    /// Node index.
    pub node: u32,
    /// Choice index.
    pub choice: u32,
    /// The choices that were on offer (indices), in the order shown, for the debrief's
    /// "better move" and item analysis.
    pub available: Vec<u32>,
    /// Points earned per competency (in [`Competency::ALL`] order), after the figure check.
    pub points: [i32; 6],
    /// Ethics or accuracy violation, if any.
    pub violation: Option<Violation>,
    /// The check of every figure the choice states.
    pub checks: Vec<Check>,
    /// The move repeated one the worker had already heard (it earned nothing).
    pub repeated: bool,
    /// The worker before the move.
    pub before: WorkerState,
    /// The worker after it.
    pub after: WorkerState,
}

/// Why a step was refused. None of these changes the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepError {
    /// The conversation has ended.
    Over,
    /// No such choice at this node.
    UnknownChoice(String),
    /// The choice exists but its conditions do not hold now.
    NotAvailable(String),
    /// The scenario is broken here (e.g. a link to a missing node); validation reports it.
    Broken(String),
}

impl std::fmt::Display for StepError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StepError::Over => write!(f, "the conversation has ended"),
            StepError::UnknownChoice(id) => write!(f, "no choice \"{id}\" here"),
            StepError::NotAvailable(id) => write!(f, "choice \"{id}\" is not available now"),
            StepError::Broken(why) => write!(f, "the scenario is broken: {why}"),
        }
    }
}

impl std::error::Error for StepError {}

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

fn chose(scenario: &Scenario, state: &State, id: &str) -> bool {
    state
        .chosen
        .iter()
        .any(|&(n, c)| choice_at(scenario, n, c).is_some_and(|x| x.id == id))
}

/// The choice at (node, choice) indices, if both exist.
pub(super) fn choice_at(scenario: &Scenario, node: u32, choice: u32) -> Option<&Choice> {
    scenario
        .nodes
        .get(node as usize)?
        .choices
        .get(choice as usize)
}

fn all_hold(scenario: &Scenario, state: &State, conditions: &[Condition]) -> bool {
    conditions.iter().all(|c| holds(scenario, state, c))
}

fn node_index(scenario: &Scenario, id: &str) -> Option<usize> {
    scenario.nodes.iter().position(|n| n.id == id)
}

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

/// The text whose placeholders count: Indonesian, or English where it is missing (validation
/// makes both state the same figures).
pub fn spoken(text: &super::scenario::Localized) -> &str {
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

fn says_something_new(kind: MoveKind) -> bool {
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

/// Applies a choice's effects, shaped by the persona's sensitivities and seeded noise. A
/// repeated move keeps only its harmful effects and annoys the worker.
fn apply_effects(
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

enum Route {
    Node(usize),
    End(Outcome),
}

/// Where the conversation goes after a choice; moves that ask for a decision ask the worker.
fn route(
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
    /// Whether the worker signed, the receipt move was offered, and the agent never made it.
    pub fn skipped_receipt(&self) -> bool {
        self.enrolled.is_some() && !self.receipt && self.receipt_offered
    }

    fn chosen_violation(&self, scenario: &Scenario) -> bool {
        self.chosen
            .iter()
            .any(|&(n, c)| choice_at(scenario, n, c).is_some_and(|x| x.kind.violation().is_some()))
    }
}

fn enter(
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

fn finish(state: &mut State, outcome: Outcome, events: &mut Vec<Event>) {
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

//! The simulation: a pure step from (scenario, state, choice, generator) to (state, events), and a
//! [`Session`] that keeps the run, saves it as (scenario, seed, choices) and replays it exactly.

use serde::{Deserialize, Serialize};

use super::rates::{Package, RatesTable};
use super::rng::WorkerRng;
use super::scenario::{
    Choice, Competency, Condition, Figure, MoveKind, Next, Node, Outcome, Quote, Scenario, Stat,
    Violation,
};
use super::scoring::{self, ScoreCard};

/// Patience every turn costs, before the move's own effect.
pub const PATIENCE_PER_TURN: i32 = 4;
/// After this many choices the worker leaves whatever happens (a guard against endless loops).
pub const MAX_TURNS: u32 = 60;
/// Points taken from accuracy for a wrong figure.
pub const WRONG_FIGURE_PENALTY: i32 = 4;

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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct State {
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
    /// The choices that were on offer (indices), for the debrief's "better move".
    pub available: Vec<u32>,
    /// Points earned per competency (in [`Competency::ALL`] order), after the figure check.
    pub points: [i32; 6],
    /// Ethics or accuracy violation, if any.
    pub violation: Option<Violation>,
    /// The check of a quoted figure.
    pub accuracy: Option<AccuracyCheck>,
    /// The worker before the move.
    pub before: WorkerState,
    /// The worker after it.
    pub after: WorkerState,
}

/// A quoted figure against the correct one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct AccuracyCheck {
    /// Which figure.
    pub figure: Figure,
    /// Which package, for contributions.
    pub package: Option<Package>,
    /// What the agent said.
    pub said: u64,
    /// What is correct for this worker on the scenario's date (None if the rates table has no
    /// rate for that date; then the figure is not judged).
    pub correct: Option<u64>,
}

impl AccuracyCheck {
    /// Whether the figure was wrong.
    pub fn is_wrong(&self) -> bool {
        self.correct.is_some_and(|c| c != self.said)
    }
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
        Condition::Chose(choice) => state
            .chosen
            .iter()
            .any(|&(n, c)| choice_at(scenario, n, c).is_some_and(|x| x.id == *choice)),
    }
}

/// The choice at (node, choice) indices, if both exist.
fn choice_at(scenario: &Scenario, node: u32, choice: u32) -> Option<&Choice> {
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

/// The state at the start of a run, and the opening events (the worker's first line).
pub fn start(scenario: &Scenario, rng: &mut WorkerRng) -> Result<(State, Vec<Event>), StepError> {
    start_at(scenario, rng, &scenario.start, initial_worker(scenario))
}

/// A run that starts at node `at` with the worker in state `worker` (the trainer's playtest
/// "from here"), and its opening events.
pub fn start_at(
    scenario: &Scenario,
    rng: &mut WorkerRng,
    at: &str,
    worker: WorkerState,
) -> Result<(State, Vec<Event>), StepError> {
    let node = node_index(scenario, at)
        .ok_or_else(|| StepError::Broken(format!("start node \"{at}\" missing")))?;
    let clamp = |v: i32| v.clamp(0, 100);
    let mut state = State {
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
    };
    let mut events = Vec::new();
    enter(scenario, &mut state, node, rng, &mut events);
    Ok((state, events))
}

/// The choices on offer now, as indices into the current node's choices.
pub fn available(scenario: &Scenario, state: &State) -> Vec<u32> {
    let Some(node) = scenario.nodes.get(state.node as usize) else {
        return Vec::new();
    };
    if state.end.is_some() {
        return Vec::new();
    }
    (0..node.choices.len() as u32)
        .filter(|&i| all_hold(scenario, state, &node.choices[i as usize].requires))
        .collect()
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
    apply_effects(scenario, state, choice, rng, &mut events);
    // Repeating a move earns nothing more (a failed close tried again is not more closing);
    // its penalties count every time.
    let repeated = state.chosen.contains(&(node_ix, choice_ix as u32));
    state.chosen.push((node_ix, choice_ix as u32));

    let accuracy = choice.quote.as_ref().map(|q| check_quote(scenario, q));
    let mut points = [0i32; 6];
    for (competency, p) in &choice.scores {
        let p = (*p).clamp(-10, 10);
        points[competency.index()] = if repeated { p.min(0) } else { p };
    }
    let mut violation = choice.kind.violation();
    if accuracy.is_some_and(|a| a.is_wrong()) {
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
        accuracy,
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

/// Applies a choice's effects, shaped by the persona's sensitivities and seeded noise.
fn apply_effects(
    scenario: &Scenario,
    state: &mut State,
    choice: &Choice,
    rng: &mut WorkerRng,
    events: &mut Vec<Event>,
) {
    let sens = scenario.persona.sensitivities;
    let e = &choice.effects;
    let trust_scale = match choice.kind {
        MoveKind::Rapport | MoveKind::SocialProof if e.trust > 0 => sens.rapport,
        MoveKind::Pressure | MoveKind::Disrespect | MoveKind::FalsePromise if e.trust < 0 => {
            sens.pressure
        }
        _ => 100,
    };
    let changes = [
        (Stat::Trust, e.trust, trust_scale),
        (Stat::Interest, e.interest, 100),
        (Stat::CostWorry, e.cost_worry, sens.price),
        (Stat::Patience, e.patience - PATIENCE_PER_TURN, 100),
    ];
    for (stat, delta, scale) in changes {
        if delta == 0 {
            continue;
        }
        let scaled = delta.clamp(-100, 100) * scale.min(300) as i32 / 100;
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

/// The correct value of a quoted figure for this persona on the scenario's date.
pub fn correct_figure(
    scenario: &Scenario,
    figure: Figure,
    package: Option<Package>,
) -> Option<u64> {
    let rates = RatesTable::bundled();
    let date = scenario.meta.date;
    let persona = &scenario.persona;
    let contribution = || {
        rates
            .contribution(
                persona.declared_income,
                package.unwrap_or(Package::JkkJkm),
                persona.occupation,
                date,
            )
            .ok()
    };
    match figure {
        Figure::MonthlyContribution => contribution().map(|c| c.total),
        Figure::DailyContribution => contribution().map(|c| c.daily()),
        Figure::DeathBenefit => rates.benefits(date).ok().map(|b| b.death_benefit),
        Figure::FuneralBenefit => rates.benefits(date).ok().map(|b| b.funeral_benefit),
        Figure::ScholarshipCeiling => rates.benefits(date).ok().map(|b| b.scholarship_ceiling),
        Figure::MinimumIncome => rates.minimum_income(date).ok(),
    }
}

fn check_quote(scenario: &Scenario, quote: &Quote) -> AccuracyCheck {
    AccuracyCheck {
        figure: quote.figure,
        package: quote.package,
        said: quote.amount,
        correct: correct_figure(scenario, quote.figure, quote.package),
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
            if agreed {
                state.enrolled = Some(package);
                follow(scenario, state, &choice.next, Outcome::Enrolled)
            } else {
                let near = if ready >= threshold - 15 {
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
        MoveKind::FollowUp if state.enrolled.is_none() => Route::End(if ready >= threshold - 25 {
            Outcome::FollowUp
        } else {
            Outcome::Declined
        }),
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
    // Variants whose conditions hold; the most specific (most conditions) win, then weight.
    let mut best = 0usize;
    let mut candidates: Vec<(usize, u32)> = Vec::new();
    for (i, line) in node.lines.iter().enumerate() {
        if !all_hold(scenario, state, &line.when) {
            continue;
        }
        let specificity = line.when.len();
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
        events.push(Event::WorkerSays {
            node: node_ix as u32,
            variant: variant as u32,
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

/// A run saved as what it takes to replay it exactly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveState {
    /// Scenario id.
    pub scenario: String,
    /// Scenario content version.
    pub version: u32,
    /// The seed of the worker's generator.
    pub seed: u64,
    /// The choices made, by id.
    pub choices: Vec<String>,
}

/// Why a saved run cannot be replayed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReplayError {
    /// The save belongs to another scenario or another version of it.
    WrongScenario {
        /// What the save names.
        saved: String,
        /// What was given.
        given: String,
    },
    /// A saved choice is no longer possible at its point.
    Step {
        /// Which choice (0-based).
        at: usize,
        /// Why.
        error: StepError,
    },
}

impl std::fmt::Display for ReplayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReplayError::WrongScenario { saved, given } => {
                write!(f, "the run was saved for {saved}, not {given}")
            }
            ReplayError::Step { at, error } => {
                write!(f, "choice {} cannot be replayed: {error}", at + 1)
            }
        }
    }
}

impl std::error::Error for ReplayError {}

/// A run in progress: the scenario, the state, the generator, and everything that happened.
#[derive(Clone, Debug)]
pub struct Session<'s> {
    scenario: &'s Scenario,
    seed: u64,
    rng: WorkerRng,
    state: State,
    choices: Vec<String>,
    events: Vec<Event>,
}

impl<'s> Session<'s> {
    /// Starts a run of `scenario` with `seed`.
    pub fn start(scenario: &'s Scenario, seed: u64) -> Result<Session<'s>, StepError> {
        Session::start_at(scenario, seed, &scenario.start, initial_worker(scenario))
    }

    /// Starts a playtest at node `at` with the worker in state `worker` (not a saved run:
    /// [`Session::save`] of it does not replay the same way).
    pub fn start_at(
        scenario: &'s Scenario,
        seed: u64,
        at: &str,
        worker: WorkerState,
    ) -> Result<Session<'s>, StepError> {
        let mut rng = WorkerRng::new(seed);
        let (state, events) = start_at(scenario, &mut rng, at, worker)?;
        Ok(Session {
            scenario,
            seed,
            rng,
            state,
            choices: Vec::new(),
            events,
        })
    }

    /// Replays a saved run; the result is identical to the original, event for event.
    pub fn replay(scenario: &'s Scenario, save: &SaveState) -> Result<Session<'s>, ReplayError> {
        if save.scenario != scenario.id || save.version != scenario.version {
            return Err(ReplayError::WrongScenario {
                saved: format!("{} v{}", save.scenario, save.version),
                given: format!("{} v{}", scenario.id, scenario.version),
            });
        }
        let mut session = Session::start(scenario, save.seed)
            .map_err(|error| ReplayError::Step { at: 0, error })?;
        for (at, choice) in save.choices.iter().enumerate() {
            session
                .choose(choice)
                .map_err(|error| ReplayError::Step { at, error })?;
        }
        Ok(session)
    }

    /// Makes a choice (by id); returns what happened. On error nothing changes.
    pub fn choose(&mut self, choice_id: &str) -> Result<&[Event], StepError> {
        let new = advance(self.scenario, &mut self.state, choice_id, &mut self.rng)?;
        self.choices.push(choice_id.to_owned());
        let from = self.events.len();
        self.events.extend(new);
        Ok(&self.events[from..])
    }

    /// The scenario being played.
    pub fn scenario(&self) -> &'s Scenario {
        self.scenario
    }

    /// The current state.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// Every event so far (the transcript).
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The choices on offer now.
    pub fn available(&self) -> Vec<&'s Choice> {
        available(self.scenario, &self.state)
            .into_iter()
            .filter_map(|i| choice_at(self.scenario, self.state.node, i))
            .collect()
    }

    /// How it ended, once it has.
    pub fn end(&self) -> Option<End> {
        self.state.end
    }

    /// The turns so far.
    pub fn turns(&self) -> impl Iterator<Item = &Turn> {
        self.events.iter().filter_map(|e| match e {
            Event::Feedback(turn) => Some(turn),
            _ => None,
        })
    }

    /// The score card, once the conversation has ended.
    pub fn score_card(&self) -> Option<ScoreCard> {
        let end = self.state.end?;
        Some(scoring::score(
            self.scenario,
            self.turns(),
            end,
            self.state.skipped_receipt(),
        ))
    }

    /// What it takes to replay this run.
    pub fn save(&self) -> SaveState {
        SaveState {
            scenario: self.scenario.id.clone(),
            version: self.scenario.version,
            seed: self.seed,
            choices: self.choices.clone(),
        }
    }
}

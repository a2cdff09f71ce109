//! The simulation: a pure step from (scenario, state, choice, generator) to (state, events). A
//! run built on it, saved, replayed and scored, is a [`super::session::Session`].
//!
//! A run takes place on a date under a rates table ([`Terms`]): every figure stated in it is
//! computed or checked for that date. The order choices are shown in is drawn from the seed, so
//! the same run always shows the same order and the best move is not always in the same place.
//! Repeating a move the worker has already heard, or asking to sign again with nothing new said
//! since the worker declined, earns nothing and tries the worker's patience.
//!
//! This file holds the types of a run; the modules around it hold the steps: `start` (the
//! opening state), `offer` (which choices are shown, in what order), `step` (one choice made),
//! `effects` (how a choice moves the worker), `route` (where the conversation goes next, and
//! how it ends) and `conditions` (what conditions ask of a run).

use serde::{Deserialize, Serialize};

use super::figures::{Check, Context};
use super::rates::RatesTable;
use super::scenario::{Outcome, Scenario, Stat, Violation};
use super::terms::{Date, Package};

mod conditions;
mod effects;
mod offer;
mod route;
mod start;
mod step;

pub(in crate::engine) use conditions::choice_at;
pub use conditions::holds;
pub use offer::{available, is_repeat, shown_order, spoken};
pub use start::{initial_worker, start, start_at};
pub use step::{advance, step};

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
    ///
    /// [`Competency::ALL`]: super::scenario::Competency::ALL
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

impl State {
    /// Whether the worker signed, the receipt move was offered, and the agent never made it.
    pub fn skipped_receipt(&self) -> bool {
        self.enrolled.is_some() && !self.receipt && self.receipt_offered
    }
}

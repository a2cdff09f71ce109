//! A run of a scenario: [`Session`] keeps the state, the generator and everything that happened,
//! saves the run as (scenario, seed, date, rates, choices) ([`SaveState`]), replays a save
//! exactly, and scores the run when it has ended. Each choice goes through the pure
//! [`super::sim::step`]; the score comes from [`super::scoring`], which reads the record of
//! turns and never the session, so the two do not depend on each other.

use super::terms::Lang;
use serde::{Deserialize, Serialize};

use super::figures::{self, Context};
use super::messages::{message, text, Msg};
use super::rates::RatesTable;
use super::rng::WorkerRng;
use super::scenario::{Choice, Scenario};
use super::scoring::{self, ScoreCard};
use super::sim::*;
use super::terms::Date;

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
    /// The run's date (missing in saves made before runs had dates: those cannot be replayed).
    #[serde(default)]
    pub date: Option<Date>,
    /// The version of the rates table the run was scored with.
    #[serde(default)]
    pub rates: String,
}

impl SaveState {
    /// The terms the run was played under, if this build has its rates table.
    pub fn terms(&self) -> Result<Terms, ReplayError> {
        let date = self.date.ok_or(ReplayError::Undated)?;
        let rates = RatesTable::find(&self.rates).ok_or_else(|| ReplayError::UnknownRates {
            version: self.rates.clone(),
        })?;
        Ok(Terms { date, rates })
    }
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
    /// The save was made before runs had dates, under rules that have changed.
    Undated,
    /// The save was scored with a rates table this build does not have.
    UnknownRates {
        /// The table's version.
        version: String,
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
            ReplayError::Undated => write!(
                f,
                "the run was saved by an earlier Latih, before runs had dates"
            ),
            ReplayError::UnknownRates { version } => {
                write!(
                    f,
                    "the run was scored with rates table {version}, which this Latih does not have"
                )
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

/// Words of a transcript, by who says them (see [`Session::words`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Words {
    /// The worker speaks.
    Worker(String),
    /// The agent speaks.
    Agent(String),
    /// A fact about the worker came out.
    Fact(String),
}

impl<'s> Session<'s> {
    /// Starts a run of `scenario` with `seed` on `terms`.
    pub fn start(
        scenario: &'s Scenario,
        seed: u64,
        terms: Terms,
    ) -> Result<Session<'s>, StepError> {
        Session::start_at(
            scenario,
            seed,
            terms,
            &scenario.start,
            initial_worker(scenario),
        )
    }

    /// Starts a playtest at node `at` with the worker in state `worker` (not a saved run:
    /// [`Session::save`] of it does not replay the same way).
    pub fn start_at(
        scenario: &'s Scenario,
        seed: u64,
        terms: Terms,
        at: &str,
        worker: WorkerState,
    ) -> Result<Session<'s>, StepError> {
        let mut rng = WorkerRng::new(seed);
        let (state, events) = start_at(scenario, &mut rng, terms, at, worker)?;
        Ok(Session {
            scenario,
            seed,
            rng,
            state,
            choices: Vec::new(),
            events,
        })
    }

    /// Replays a saved run under the terms it was played on; the result is identical to the
    /// original, event for event.
    pub fn replay(scenario: &'s Scenario, save: &SaveState) -> Result<Session<'s>, ReplayError> {
        if save.scenario != scenario.id || save.version != scenario.version {
            return Err(ReplayError::WrongScenario {
                saved: format!("{} v{}", save.scenario, save.version),
                given: format!("{} v{}", scenario.id, scenario.version),
            });
        }
        let mut session = Session::start(scenario, save.seed, save.terms()?)
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

    /// The run's date and rates.
    pub fn terms(&self) -> Terms {
        self.state.terms
    }

    /// What the scenario's text needs to fill in its figures on this run.
    pub fn context(&self) -> Context<'static> {
        self.state.terms.context(self.scenario)
    }

    /// A text of the scenario with its figures filled in for this run.
    pub fn render(&self, text: &super::scenario::Localized, lang: Lang) -> String {
        figures::render_localized(text, &self.context(), lang)
    }

    /// The words a transcript shows for `event` in `lang`, with the run's figures filled in:
    /// the worker's line (a line said again, an answer to a repeated choice, the ending's
    /// line), the agent's line, or a fact learned. `None` for what is not words (coaching,
    /// the decision) and for an event that names no part of this scenario.
    pub fn words(&self, event: &Event, lang: Lang) -> Option<Words> {
        let s = self.scenario;
        let say = |t: &super::scenario::Localized| self.render(t, lang);
        Some(match event {
            Event::WorkerSays {
                node,
                variant,
                again,
            } => {
                let line = say(&s
                    .nodes
                    .get(*node as usize)?
                    .lines
                    .get(*variant as usize)?
                    .text);
                Words::Worker(if *again {
                    message(Msg::EAgain, &[("line", line)]).get(lang).to_owned()
                } else {
                    line
                })
            }
            Event::Repeated { close } => Words::Worker(
                text(if *close {
                    Msg::ERepeatedClose
                } else {
                    Msg::ERepeated
                })
                .get(lang)
                .to_owned(),
            ),
            Event::AgentSays { node, choice } => Words::Agent(say(&s
                .nodes
                .get(*node as usize)?
                .choices
                .get(*choice as usize)?
                .text)),
            Event::FactRevealed { fact } => {
                Words::Fact(say(&s.persona.hidden_facts.get(*fact as usize)?.text))
            }
            Event::Ended(end) => Words::Worker(say(&s.ending(end.outcome)?.text)),
            Event::Feedback(_) | Event::Decision { .. } => return None,
        })
    }

    /// Every event so far (the transcript).
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The choices on offer now, in the order shown.
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
            self.state.terms,
        ))
    }

    /// What it takes to replay this run.
    pub fn save(&self) -> SaveState {
        SaveState {
            scenario: self.scenario.id.clone(),
            version: self.scenario.version,
            seed: self.seed,
            choices: self.choices.clone(),
            date: Some(self.state.terms.date),
            rates: self.state.terms.rates.version.clone(),
        }
    }
}

//! The scenario format: what a trainer writes and what the engine plays. It is serde JSON; see
//! docs/scenario-format.md for the reference and a complete example.
//!
//! This file holds the whole scenario, its text type and the format's version; each part has its
//! own module: `meta` (metadata and pinned dates), `persona` (the worker), `rubric`
//! (competencies and the pass mark), `nodes` (nodes and choices), `conditions` and `endings`
//! (where a choice leads). All of them are re-exported here, so paths stay `scenario::X`.

use serde::{Deserialize, Serialize};
use std::rc::Rc;

use super::terms::Lang;

mod conditions;
mod endings;
mod island;
mod meta;
mod nodes;
mod persona;
mod rubric;

pub use conditions::{Condition, Stat};
pub use endings::{Branch, Ending, Next, Outcome};
pub use island::{island_of, Island};
pub use meta::{Difficulty, Meta, Objection, PinnedDate};
pub use nodes::{Choice, Effects, LineVariant, MoveKind, Node, Violation};
pub use persona::{Attitudes, Coverage, HiddenFact, IncomePattern, Persona, Sensitivities};
pub use rubric::{Competency, Points, Rubric};

/// The format version this engine writes.
pub const SCHEMA_VERSION: u32 = 3;
/// The oldest format version this engine can read (older files are migrated on import).
pub const OLDEST_READABLE_VERSION: u32 = 1;

/// Text in both interface languages. An empty string is a missing translation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    /// Bahasa Indonesia.
    #[serde(default)]
    pub id: String,
    /// English.
    #[serde(default)]
    pub en: String,
}

impl Localized {
    /// Text in both languages.
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Localized {
        Localized {
            id: id.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`; the other language if that one is missing.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::En => (&self.en, &self.id),
            Lang::Id => (&self.id, &self.en),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }
}

/// A whole scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The format version the file was written in.
    pub schema_version: u32,
    /// The oldest engine format version that can still play this file.
    pub min_compatible_version: u32,
    /// Stable identifier, lowercase with dashes (e.g. `fisher-lombok-timur`).
    pub id: String,
    /// Content version; bump it when choices or scoring change, so saved runs can tell.
    pub version: u32,
    /// Title, summary, difficulty and the like.
    pub meta: Meta,
    /// The simulated worker.
    pub persona: Persona,
    /// How the final score is weighted and what passes.
    #[serde(default)]
    pub rubric: Rubric,
    /// The node where the conversation starts.
    pub start: String,
    /// The conversation graph. Each node is shared (`Rc`), so a copy of a scenario with one node
    /// changed shares the others: the editor keeps a copy per undo step and validates after
    /// every edit, and a 2,000-node scenario must not be copied and compared whole each time.
    /// Change a node through [`Scenario::node_mut`].
    pub nodes: Vec<Rc<Node>>,
    /// How the conversation can end.
    pub endings: Vec<Ending>,
}

impl Scenario {
    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id).map(|n| &**n)
    }

    /// Node `index`, to change. Nodes are shared between copies of a scenario (the editor's
    /// undo steps, its validation): this copies the one node if another copy still shares it.
    pub fn node_mut(&mut self, index: usize) -> Option<&mut Node> {
        self.nodes.get_mut(index).map(Rc::make_mut)
    }

    /// The index of the hidden fact with this id.
    pub fn fact_index(&self, id: &str) -> Option<usize> {
        self.persona.hidden_facts.iter().position(|f| f.id == id)
    }

    /// The ending for an outcome.
    pub fn ending(&self, outcome: Outcome) -> Option<&Ending> {
        self.endings.iter().find(|e| e.outcome == outcome)
    }
}

/// The name the file format writes for a unit enum value (`answer_objection`, `ojek_driver`...).
pub fn format_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

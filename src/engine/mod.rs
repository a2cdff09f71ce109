//! The role-play engine: scenarios, the simulated worker, scoring, validation, import and
//! balance analysis. Pure Rust: no UI or browser types, so everything here is tested natively.
//!
//! The flow: [`import()`] reads a scenario file (with migrations and limits) and [`validate()`]
//! reports what is wrong with it. A [`Session`] plays it: each choice goes through the pure
//! [`sim::step`], which returns [`sim::Event`]s for the UI to show. When the conversation ends,
//! [`debrief`] turns the record into a [`ScoreCard`] and coaching. [`RatesTable`] holds the
//! contribution rates and the calculator; [`figures`] fills the figures in scenario text from it
//! for the run's date and checks the figures an agent states. [`balance`] plays scenarios with
//! scripted policies, honest and test-wise.
//!
//! **The facade.** What the apps, the command-line tool and the tests use is here, in two
//! kinds:
//! - the core types and functions, re-exported flat (`engine::Scenario`, `engine::import`,
//!   `engine::Session`, `engine::Date`): the scenario format and its shared terms, reading and
//!   checking files, playing and scoring, rates and result codes. Their modules are private.
//! - namespaces whose functions read best with their module's name in front
//!   (`messages::text`, `figures::check`, `pack::load`, `sim::step`, `edit::add_node`,
//!   `workshop::verify`, `monev::dashboard`, `balance::analyse`, `graph::layout`).
//!
//! Every module is a folder or file of its own with its public face in `mod.rs`; none imports
//! another that imports it back (`tests/layout.rs` checks). `notes` (the catalogue of messages
//! for authors) and `order` (the small sort that keeps the download small) are internal;
//! `generate` builds large valid scenarios for tests and benchmarks, behind the
//! `test-support` feature, so nothing the apps run can link it.

// Private: their public items are re-exported below.
mod code;
mod import;
pub(crate) mod notes;
pub(crate) mod order;
mod rates;
mod rng;
mod scenario;
mod scoring;
mod session;
mod terms;
mod validate;

// Namespaces.
pub mod balance;
pub mod edit;
pub mod figures;
#[cfg(feature = "test-support")]
pub mod generate;
pub mod graph;
pub mod messages;
pub mod monev;
pub mod pack;
pub mod sim;
pub mod workshop;

// The scenario format and the terms every part shares.
pub use scenario::{
    format_name, island_of, Attitudes, Branch, Choice, Competency, Condition, Coverage, Difficulty,
    Effects, Ending, HiddenFact, IncomePattern, Island, LineVariant, Localized, Meta, MoveKind,
    Next, Node, Objection, Outcome, Persona, PinnedDate, Points, Rubric, Scenario, Sensitivities,
    Stat, Violation, SCHEMA_VERSION,
};
pub use terms::{Date, Lang, Occupation, Package};

// Reading, checking and writing scenario files.
pub use import::{
    export, export_compact, import, parse_stored, too_large, CompactExport, ImportError, Imported,
    MAX_BYTES, MAX_NODES, MAX_PARTS,
};
pub use validate::{has_errors, validate, Diagnostic, Severity, Validator};

// Playing a scenario and scoring the run.
pub use rng::WorkerRng;
pub use scoring::{cap_note, debrief, ScoreCard, MAX_FIXES, REPEAT_OFFENDER_CAP};
pub use session::{ReplayError, SaveState, Session, Words};

// Contributions, benefits and who may join.
pub use rates::{money, Eligibility, RatesTable, Worker, Workers};

// Result codes: the text an agent sends, and links.
pub use code::{from_base64url, percent_encode, to_base32, to_base64url};

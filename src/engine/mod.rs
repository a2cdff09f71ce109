//! The role-play engine: scenarios, the simulated worker, scoring, validation, import and
//! balance analysis. Pure Rust: no UI or browser types, so everything here is tested natively.
//!
//! The flow: [`import::import`] reads a scenario file (with migrations and limits) and
//! [`validate::validate`] reports what is wrong with it. A [`session::Session`] plays it: each
//! choice goes through the pure [`sim::step`], which returns [`sim::Event`]s for the UI to show.
//! When the conversation ends, [`scoring`] turns the record into a [`scoring::ScoreCard`] and a
//! debrief. [`rates`] holds the contribution rates and the calculator; [`figures`] fills the
//! figures in scenario text from it for the run's date and checks the figures an agent states.
//! [`balance`] plays scenarios with scripted policies, honest and test-wise.
//!
//! Every module is a folder or file of its own with its public face in `mod.rs`; none imports
//! another that imports it back (`tests/layout.rs` checks). `notes` (the catalogue of messages
//! for authors, reached through validation, import and balance) and `order` (the small sort
//! that keeps the download small) are internal to the crate; [`generate`] builds large valid
//! scenarios for tests and benchmarks, and is linked by nothing the apps run.

pub mod balance;
pub mod code;
pub mod edit;
pub mod figures;
pub mod generate;
pub mod graph;
pub mod import;
pub mod messages;
pub mod monev;
pub(crate) mod notes;
pub(crate) mod order;
pub mod pack;
pub mod rates;
pub mod rng;
pub mod scenario;
pub mod scoring;
pub mod session;
pub mod sim;
pub mod terms;
pub mod validate;
pub mod workshop;

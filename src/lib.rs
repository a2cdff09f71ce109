//! Latih: a role-play trainer for BPJS Ketenagakerjaan's Perisai agents.
//!
//! The crate is both the browser app (built for wasm32 by Trunk from `src/main.rs`) and a library, so
//! native tests can render its components and drive its logic without a browser.
//!
//! Layout:
//! - [`engine`]: the role-play model (scenarios, simulation, scoring, validation); no UI types.
//! - [`i18n`]: every user-facing string, in Bahasa Indonesia and English, loaded from translation data.
//! - [`platform`]: the thin layer over browser effects (storage), behind traits with in-memory twins.
//! - [`context`]: the contexts components read (the language, the device's storage).
//! - [`router`]: addresses ([`router::Route`]), links and navigation.
//! - [`shell`]: the frame both apps share, and mounting an app into its page.
//! - [`app`]: the agents' app (its routes and root); [`trainer`]: the trainer's app;
//!   [`install`]: the page that installs a workshop package on a phone.
//! - [`components`] and [`pages`]: Yew components; pages compose components. Nothing below
//!   [`app`] imports it.
#![warn(missing_docs)]

pub mod engine;
pub mod i18n;

#[cfg(feature = "ui")]
pub mod app;
#[cfg(feature = "ui")]
pub mod backup;
#[cfg(feature = "ui")]
pub mod components;
#[cfg(feature = "ui")]
pub mod context;
#[cfg(feature = "ui")]
pub mod envelope;
#[cfg(feature = "ui")]
pub mod install;
#[cfg(feature = "ui")]
pub mod loader;
#[cfg(feature = "ui")]
pub mod pages;
#[cfg(feature = "ui")]
pub mod platform;
#[cfg(feature = "ui")]
pub mod practice;
#[cfg(feature = "ui")]
pub mod router;
#[cfg(feature = "ui")]
pub mod shell;
#[cfg(feature = "ui")]
pub mod trainer;

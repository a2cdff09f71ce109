//! Reading scenario files safely: size and nesting limits, JSON errors with line and column,
//! migration of older format versions with a list of what was repaired, then validation.
//! Nothing here panics on any input.
//!
//! This file holds the public face (the limits, [`import`], [`parse`] and their errors) and the
//! order of the steps; `limits` checks size and nesting and places JSON errors, `migrate`
//! brings older format versions up to date, and `export` writes scenarios back out.

use serde_json::Value;

use super::messages::message;
use super::notes::Note;
use super::scenario::{Localized, Scenario, OLDEST_READABLE_VERSION, SCHEMA_VERSION};
use super::validate::{validate, Diagnostic};

mod export;
mod limits;
mod migrate;

use limits::{check_depth, check_limits, located};
use migrate::{migrate_v1, migrate_v2};

pub use export::{export, export_compact, CompactExport};
pub use limits::too_large;

/// Largest file accepted: 2 MiB.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
/// Deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 64;
/// Most objects (`{...}`: nodes, lines, choices, texts...) a file may hold: 16 times the
/// largest bundled scenario (506). Past this, reading, checking and drawing a file blocks a
/// phone's or laptop's page for longer than people wait (the page must never freeze for more
/// than 200 ms at a time), so such a file is refused with a message saying why.
pub const MAX_PARTS: usize = 8_000;
/// Most conversation nodes a file may hold: 20 times the largest bundled scenario (13). A
/// scenario can still grow past this in the editor, which keeps it as it grows.
pub const MAX_NODES: usize = 250;

/// A scenario that was read, with what was repaired and what is still wrong.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The scenario, in the current format.
    pub scenario: Scenario,
    /// What migration from an older version changed.
    pub repairs: Vec<Localized>,
    /// Validation of the result (may hold errors: the caller decides what to allow).
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a file could not be read at all. Nothing already stored is touched.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportError {
    /// What went wrong, in both languages.
    pub message: Localized,
    /// Line and column (1-based) for syntax and format errors.
    pub position: Option<(usize, usize)>,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message.en)
    }
}

impl std::error::Error for ImportError {}

fn fail(message: Localized) -> ImportError {
    ImportError {
        message,
        position: None,
    }
}

/// Reads a scenario file and validates it.
pub fn import(text: &str) -> Result<Imported, ImportError> {
    let (scenario, repairs) = parse(text)?;
    let diagnostics = validate(&scenario);
    Ok(Imported {
        scenario,
        repairs,
        diagnostics,
    })
}

/// Reads a scenario file without validating it (for files already validated, such as the
/// bundled pack, whose tests validate every scenario): limits, migration and the typed parse.
pub fn parse(text: &str) -> Result<(Scenario, Vec<Localized>), ImportError> {
    check_limits(text)?;
    parse_text(text, true)
}

/// Reads a scenario text this app stored itself, without validating it (the editor validates
/// what it shows, once). No size limit applies: storage quota bounds it, and a scenario that
/// grew past [`MAX_BYTES`] or [`MAX_NODES`] while being edited must still open.
pub fn parse_stored(text: &str) -> Result<Scenario, ImportError> {
    check_depth(text)?;
    parse_text(text, false).map(|(scenario, _)| scenario)
}

/// Migrates and reads `text`; `limited` (a file from outside) also refuses more than
/// [`MAX_NODES`] nodes.
fn parse_text(text: &str, limited: bool) -> Result<(Scenario, Vec<Localized>), ImportError> {
    // A file in the current format reads straight into its typed form, in one pass; anything
    // else (an older format, an error to explain) goes through the generic reading below.
    if let Ok(scenario) = serde_json::from_str::<Scenario>(text) {
        if scenario.schema_version == SCHEMA_VERSION
            && scenario.min_compatible_version <= SCHEMA_VERSION
            && !(limited && scenario.nodes.len() > MAX_NODES)
        {
            return Ok((scenario, Vec::new()));
        }
    }
    let value: Value = serde_json::from_str(text).map_err(|e| located(Note::IJson, &e))?;
    let Value::Object(mut object) = value else {
        return Err(fail(message(Note::INotObject, &[])));
    };
    let nodes = object
        .get("nodes")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    if limited && nodes > MAX_NODES {
        return Err(fail(message(
            Note::ITooManyNodes,
            &[("count", nodes.to_string()), ("max", MAX_NODES.to_string())],
        )));
    }
    let version = object
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or_else(|| fail(message(Note::INoVersion, &[])))?;
    let min_compatible = object
        .get("min_compatible_version")
        .and_then(Value::as_u64)
        .unwrap_or(version);
    if min_compatible > u64::from(SCHEMA_VERSION) {
        return Err(fail(message(
            Note::ITooNew,
            &[
                ("version", version.to_string()),
                ("supported", SCHEMA_VERSION.to_string()),
            ],
        )));
    }
    if version < u64::from(OLDEST_READABLE_VERSION) {
        return Err(fail(message(
            Note::ITooOld,
            &[("version", version.to_string())],
        )));
    }
    let mut repairs = Vec::new();
    let scenario: Scenario = if version < u64::from(SCHEMA_VERSION) {
        if version < 2 {
            migrate_v1(&mut object, &mut repairs);
        }
        migrate_v2(&mut object, &mut repairs);
        // Positions refer to the migrated text, which keeps the original's order and names.
        let migrated = serde_json::to_string_pretty(&Value::Object(object)).unwrap_or_default();
        serde_json::from_str(&migrated).map_err(|e| located(Note::IShape, &e))?
    } else {
        serde_json::from_str(text).map_err(|e| located(Note::IShape, &e))?
    };
    Ok((scenario, repairs))
}

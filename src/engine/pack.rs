//! The bundled scenario pack, compiled into the app and the command-line tool.

use super::import::{import, ImportError};
use super::scenario::Scenario;

/// The bundled scenario files: (file name, JSON text).
pub const FILES: &[(&str, &str)] = &[(
    "fisher-lombok-timur.json",
    include_str!("pack/fisher-lombok-timur.json"),
)];

/// Loads every bundled scenario. The test suite makes sure each one imports without error.
pub fn load() -> Result<Vec<Scenario>, (String, ImportError)> {
    FILES
        .iter()
        .map(|(name, text)| {
            import(text)
                .map(|i| i.scenario)
                .map_err(|e| ((*name).to_owned(), e))
        })
        .collect()
}

//! The bundled scenario pack, compiled into the app and the command-line tool.

use super::import::{import, ImportError};
use super::scenario::Scenario;

/// The bundled scenario files: (file name, JSON text).
pub const FILES: &[(&str, &str)] = &[
    (
        "construction-labourer.json",
        include_str!("pack/construction-labourer.json"),
    ),
    (
        "farmer-lombok-tengah.json",
        include_str!("pack/farmer-lombok-tengah.json"),
    ),
    (
        "fisher-lombok-timur.json",
        include_str!("pack/fisher-lombok-timur.json"),
    ),
    (
        "household-helper-sertakan.json",
        include_str!("pack/household-helper-sertakan.json"),
    ),
    (
        "ojek-driver-mataram.json",
        include_str!("pack/ojek-driver-mataram.json"),
    ),
    (
        "street-food-seller.json",
        include_str!("pack/street-food-seller.json"),
    ),
    (
        "trader-mataram.json",
        include_str!("pack/trader-mataram.json"),
    ),
    (
        "weaver-sukarara.json",
        include_str!("pack/weaver-sukarara.json"),
    ),
];

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

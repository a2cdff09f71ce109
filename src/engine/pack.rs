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

/// What the scenario library shows before a scenario is opened: one entry of `pack/index.json`,
/// which the app fetches first so a phone downloads each full scenario only when it is played.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    /// Scenario id.
    pub id: String,
    /// Content version.
    pub version: u32,
    /// File name under `pack/`.
    pub file: String,
    /// Title.
    pub title: super::scenario::Localized,
    /// Library-card summary.
    pub summary: super::scenario::Localized,
    /// Difficulty.
    pub difficulty: super::scenario::Difficulty,
    /// Objections trained.
    pub objections: Vec<super::scenario::Objection>,
    /// Estimated minutes.
    pub estimated_minutes: u32,
    /// The worker's name.
    pub name: String,
    /// The worker's work, in words.
    pub occupation: super::scenario::Localized,
    /// Where.
    pub place: String,
    /// Avatar drawing key.
    pub avatar: String,
}

impl Summary {
    /// The summary of a scenario stored as `file`.
    pub fn of(scenario: &Scenario, file: &str) -> Summary {
        Summary {
            id: scenario.id.clone(),
            version: scenario.version,
            file: file.to_owned(),
            title: scenario.meta.title.clone(),
            summary: scenario.meta.summary.clone(),
            difficulty: scenario.meta.difficulty,
            objections: scenario.meta.objections.clone(),
            estimated_minutes: scenario.meta.estimated_minutes,
            name: scenario.persona.name.clone(),
            occupation: scenario.persona.occupation_label.clone(),
            place: scenario.persona.place.clone(),
            avatar: scenario.persona.avatar.clone(),
        }
    }
}

/// The library index of the bundled pack, as `pack/index.json` holds it (a test keeps the
/// committed file equal to this).
pub fn index_json() -> Result<String, (String, ImportError)> {
    let scenarios = load()?;
    let summaries: Vec<Summary> = scenarios
        .iter()
        .zip(FILES)
        .map(|(s, (file, _))| Summary::of(s, file))
        .collect();
    Ok(serde_json::to_string_pretty(&summaries).unwrap_or_default() + "\n")
}

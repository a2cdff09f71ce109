//! The agent's practice data on this device: the run in progress per scenario (saved after every
//! choice, so a reload resumes it) and the history of finished attempts. Data that cannot be
//! read is never dropped: it is moved aside under a quarantine key and offered for download.

use serde::{Deserialize, Serialize};

use crate::engine::rates::Package;
use crate::engine::scenario::Outcome;
use crate::engine::scoring::ScoreCard;
use crate::engine::sim::SaveState;
use crate::platform::storage::{Store, StoreError};

/// How feedback is given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Coaching after every choice.
    #[default]
    Practice,
    /// Feedback held back until the debrief.
    Assessment,
}

/// A run in progress.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedRun {
    /// Scenario, seed and choices.
    pub save: SaveState,
    /// Practice or assessment.
    pub mode: Mode,
    /// When it started (ms since the epoch).
    pub started_ms: u64,
}

/// A finished attempt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    /// Scenario, seed and choices: replaying them verifies the score.
    pub save: SaveState,
    /// Practice or assessment.
    pub mode: Mode,
    /// When it started and ended (ms since the epoch).
    pub started_ms: u64,
    /// When it ended.
    pub finished_ms: u64,
    /// Total score.
    pub total: u32,
    /// Whether it passed.
    pub passed: bool,
    /// How it ended.
    pub outcome: Outcome,
    /// The package signed, if any.
    pub package: Option<Package>,
    /// The six competency scores.
    pub competencies: [u32; 6],
}

impl Attempt {
    /// The attempt record of a finished run.
    pub fn new(run: &SavedRun, card: &ScoreCard, finished_ms: u64) -> Attempt {
        Attempt {
            save: run.save.clone(),
            mode: run.mode,
            started_ms: run.started_ms,
            finished_ms,
            total: card.total,
            passed: card.passed,
            outcome: card.outcome,
            package: card.package,
            competencies: card.competencies,
        }
    }
}

/// Storage key prefix of runs in progress.
pub const RUN_KEY: &str = "latih.run.";
/// Storage key of the attempt history.
pub const HISTORY_KEY: &str = "latih.history";
/// Storage key prefix of data set aside because it could not be read.
pub const QUARANTINE_KEY: &str = "latih.unreadable.";

/// Reads and writes practice data through a [`Store`].
#[derive(Clone, Debug, PartialEq)]
pub struct PracticeStore {
    store: Store,
}

impl PracticeStore {
    /// Practice data in `store`.
    pub fn new(store: Store) -> PracticeStore {
        PracticeStore { store }
    }

    /// Reads `key` as JSON. Unreadable data is moved to a quarantine key (returned in the error)
    /// instead of being lost or overwritten.
    fn read<T: for<'de> Deserialize<'de>>(&self, key: &str) -> Result<Option<T>, ReadError> {
        let Some(raw) = self.store.get(key).map_err(ReadError::Store)? else {
            return Ok(None);
        };
        match serde_json::from_str(&raw) {
            Ok(value) => Ok(Some(value)),
            Err(_) => {
                // A fresh key each time, so a second unreadable copy never replaces the first.
                let n = self.store.keys().map_or(0, |k| k.len());
                let aside = format!(
                    "{QUARANTINE_KEY}{key}.{}.{n}",
                    crate::platform::clock::now_ms()
                );
                self.store.set(&aside, &raw).map_err(ReadError::Store)?;
                self.store.remove(key).map_err(ReadError::Store)?;
                Err(ReadError::SetAside(aside))
            }
        }
    }

    /// The run in progress for a scenario.
    pub fn run(&self, scenario: &str) -> Result<Option<SavedRun>, ReadError> {
        self.read(&format!("{RUN_KEY}{scenario}"))
    }

    /// Saves the run in progress.
    pub fn save_run(&self, run: &SavedRun) -> Result<(), StoreError> {
        let json = serde_json::to_string(run).unwrap_or_default();
        self.store
            .set(&format!("{RUN_KEY}{}", run.save.scenario), &json)
    }

    /// Forgets the run in progress.
    pub fn clear_run(&self, scenario: &str) -> Result<(), StoreError> {
        self.store.remove(&format!("{RUN_KEY}{scenario}"))
    }

    /// Every finished attempt, oldest first.
    pub fn history(&self) -> Result<Vec<Attempt>, ReadError> {
        Ok(self.read(HISTORY_KEY)?.unwrap_or_default())
    }

    /// Records a finished attempt (and ends the run in progress); returns its index.
    pub fn finish(&self, attempt: Attempt) -> Result<usize, StoreError> {
        // Unreadable history was set aside (kept), so starting afresh loses nothing; a storage
        // failure, though, must not be answered by overwriting the history.
        let mut all = match self.history() {
            Ok(all) => all,
            Err(ReadError::SetAside(_)) => Vec::new(),
            Err(ReadError::Store(e)) => return Err(e),
        };
        all.push(attempt);
        let json = serde_json::to_string(&all).unwrap_or_default();
        self.store.set(HISTORY_KEY, &json)?;
        let _ = self.clear_run(&all[all.len() - 1].save.scenario);
        Ok(all.len() - 1)
    }

    /// The raw text of data set aside under `key`, for download.
    pub fn quarantined(&self, key: &str) -> Option<String> {
        self.store.get(key).ok().flatten()
    }
}

/// Why practice data could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The storage itself failed.
    Store(StoreError),
    /// The data was unreadable and was moved to this key.
    SetAside(String),
}

/// The best total per scenario in a history.
pub fn best_of(history: &[Attempt], scenario: &str) -> Option<u32> {
    history
        .iter()
        .filter(|a| a.save.scenario == scenario)
        .map(|a| a.total)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(id: &str) -> SavedRun {
        SavedRun {
            save: SaveState {
                scenario: id.into(),
                version: 1,
                seed: 7,
                choices: vec!["a".into()],
            },
            mode: Mode::Practice,
            started_ms: 1,
        }
    }

    #[test]
    fn runs_round_trip_and_clear() {
        let p = PracticeStore::new(Store::memory());
        assert_eq!(p.run("x"), Ok(None));
        p.save_run(&run("x")).unwrap();
        assert_eq!(p.run("x"), Ok(Some(run("x"))));
        p.clear_run("x").unwrap();
        assert_eq!(p.run("x"), Ok(None));
    }

    #[test]
    fn unreadable_data_is_set_aside_not_lost() {
        let store = Store::memory();
        store.set("latih.run.x", "{not json").unwrap();
        let p = PracticeStore::new(store.clone());
        let err = p.run("x").unwrap_err();
        let ReadError::SetAside(key) = err else {
            panic!("{err:?}")
        };
        assert!(key.starts_with("latih.unreadable.latih.run.x"), "{key}");
        assert_eq!(p.quarantined(&key).as_deref(), Some("{not json"));
        assert_eq!(p.run("x"), Ok(None), "the slot is free for a new run");
        // A second unreadable copy is kept next to the first.
        store.set("latih.run.x", "{also bad").unwrap();
        let Err(ReadError::SetAside(second)) = p.run("x") else {
            panic!("not set aside")
        };
        assert_ne!(key, second);
        assert_eq!(p.quarantined(&key).as_deref(), Some("{not json"));
        assert_eq!(p.quarantined(&second).as_deref(), Some("{also bad"));
    }

    #[test]
    fn history_keeps_attempts_and_bests() {
        let p = PracticeStore::new(Store::memory());
        let card = |total| ScoreCard {
            competencies: [total; 6],
            uncapped: total,
            total,
            cap: None,
            pass_mark: 80,
            passed: total >= 80,
            outcome: Outcome::Enrolled,
            package: None,
            suitable: None,
            violations: vec![],
        };
        p.save_run(&run("x")).unwrap();
        assert_eq!(p.finish(Attempt::new(&run("x"), &card(60), 2)), Ok(0));
        assert_eq!(p.run("x"), Ok(None), "finishing ends the run in progress");
        p.finish(Attempt::new(&run("x"), &card(90), 3)).unwrap();
        p.finish(Attempt::new(&run("y"), &card(40), 4)).unwrap();
        let h = p.history().unwrap();
        assert_eq!(h.len(), 3);
        assert_eq!(best_of(&h, "x"), Some(90));
        assert_eq!(best_of(&h, "z"), None);
    }
}

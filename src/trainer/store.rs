//! The trainer's workshops on this device. A workshop is kept as its code, and its results as
//! the result codes the agents sent. Every figure is recomputed from them by replaying, so no
//! stored number can drift from what the engine says. Unreadable data is set aside, not lost.

use serde::{Deserialize, Serialize};

use crate::engine::workshop::{verified_results, Verified, Workshop};
use crate::platform::storage::{Store, StoreError};
use crate::practice::{read_json, ReadError};

/// Storage key of the trainer's workshops.
pub const WORKSHOPS_KEY: &str = "latih.trainer.workshops";
/// Whether a storage key holds workshop data.
pub fn is_workshop_key(key: &str) -> bool {
    key == WORKSHOPS_KEY
}

/// What the `kind` field of a workshop backup file says.
pub const BACKUP_KIND: &str = "latih-workshop";
/// The workshop backup format version.
pub const BACKUP_FORMAT: u32 = 1;

/// One workshop as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedWorkshop {
    /// The workshop's code (what the agents' link carries).
    pub code: String,
    /// When it was created (ms since the epoch).
    pub created_ms: u64,
    /// The result codes accepted so far, in the order they arrived.
    #[serde(default)]
    pub results: Vec<String>,
    /// Attempts (UUIDs) whose results the trainer decided to count although the engine had a
    /// doubt about them (too fast, or far from the workshop's date).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counted_anyway: Vec<String>,
    /// This device's id for it when it differs from the workshop's own: a backup whose
    /// workshop has the id of one here but another definition is kept beside it under this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_id: Option<String>,
}

impl SavedWorkshop {
    /// The workshop the code carries.
    pub fn workshop(&self) -> Option<Workshop> {
        Workshop::from_code(&self.code).ok()
    }

    /// The id this device knows it by (its page's address).
    pub fn key(&self) -> Option<String> {
        self.local_id
            .clone()
            .or_else(|| self.workshop().map(|w| w.id))
    }

    /// Takes in `other`'s results and decisions (the same workshop from elsewhere).
    fn absorb(&mut self, other: SavedWorkshop) {
        for code in other.results {
            if !self.results.contains(&code) {
                self.results.push(code);
            }
        }
        for attempt in other.counted_anyway {
            if !self.counted_anyway.contains(&attempt) {
                self.counted_anyway.push(attempt);
            }
        }
    }

    /// Its results that verify, split into those counted (no doubt, or counted by the
    /// trainer's decision) and those set apart for the trainer to look at.
    pub fn results(
        &self,
        workshop: &Workshop,
        scenarios: &[crate::engine::scenario::Scenario],
    ) -> (Vec<Verified>, Vec<Verified>) {
        verified_results(&self.results, workshop, scenarios)
            .into_iter()
            .partition(|v| {
                v.doubts.is_empty() || self.counted_anyway.contains(&v.record.attempt.uuid())
            })
    }
}

/// A workshop with its results, as a file: it imports again without loss.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkshopBackup {
    /// Always [`BACKUP_KIND`].
    pub kind: String,
    /// Format version.
    pub format: u32,
    /// The workshop and its results.
    pub workshop: SavedWorkshop,
}

/// What adding a workshop (new, or from a backup) did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Added {
    /// It was not here; its id is its key.
    New,
    /// It was here with the same definition: the results were merged, none lost.
    Merged,
    /// One with its id but another definition is here: both are kept, this one under the key.
    Beside(String),
}

/// Adds `incoming` to `newest_first`: merged into the same workshop, or kept beside one with
/// its id and another definition, never replacing a definition. The one rule for the
/// workshops page's restore and the settings restore.
pub fn merge_into(newest_first: &mut Vec<SavedWorkshop>, incoming: SavedWorkshop) -> Added {
    let Some(id) = incoming.workshop().map(|w| w.id) else {
        return Added::Merged;
    };
    if let Some(same) = newest_first.iter_mut().find(|w| w.code == incoming.code) {
        same.absorb(incoming);
        return Added::Merged;
    }
    let taken = |key: &str| newest_first.iter().any(|w| w.key().as_deref() == Some(key));
    let mut incoming = incoming;
    let added = if taken(&id) {
        let mut n = 2;
        while taken(&format!("{id}-{n}")) {
            n += 1;
        }
        let key = format!("{id}-{n}");
        incoming.local_id = Some(key.clone());
        Added::Beside(key)
    } else {
        incoming.local_id = None;
        Added::New
    };
    newest_first.insert(0, incoming);
    added
}

/// Why a workshop backup could not be restored. Nothing is written in any of these cases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestoreError {
    /// Not a workshop backup, or its workshop code is damaged.
    NotABackup,
    /// Made by a newer Latih.
    TooNew,
}

/// Reads and writes the trainer's workshops.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkshopStore {
    store: Store,
}

impl WorkshopStore {
    /// Workshops in `store`.
    pub fn new(store: Store) -> WorkshopStore {
        WorkshopStore { store }
    }

    /// Every workshop, newest first.
    pub fn all(&self) -> Result<Vec<SavedWorkshop>, ReadError> {
        let mut all: Vec<SavedWorkshop> =
            read_json(&self.store, WORKSHOPS_KEY)?.unwrap_or_default();
        all.reverse();
        Ok(all)
    }

    /// The workshop this device knows by `key` (see [`SavedWorkshop::key`]).
    pub fn get(&self, key: &str) -> Result<Option<SavedWorkshop>, ReadError> {
        Ok(self
            .all()?
            .into_iter()
            .find(|w| w.key().as_deref() == Some(key)))
    }

    fn write(&self, mut newest_first: Vec<SavedWorkshop>) -> Result<(), StoreError> {
        newest_first.reverse();
        let json = serde_json::to_string(&newest_first).unwrap_or_default();
        self.store.set(WORKSHOPS_KEY, &json)
    }

    /// Reads the list for a change; unreadable data was set aside (kept), so a change then
    /// starts from an empty list, but a storage failure stops it.
    fn for_change(&self) -> Result<Vec<SavedWorkshop>, StoreError> {
        match self.all() {
            Ok(all) => Ok(all),
            Err(ReadError::SetAside(_)) => Ok(Vec::new()),
            Err(ReadError::Store(e)) => Err(e),
        }
    }

    /// Adds a workshop (new, or from a backup): see [`merge_into`]. One write, so it is all or
    /// nothing.
    pub fn save(&self, saved: SavedWorkshop) -> Result<Added, StoreError> {
        let mut all = self.for_change()?;
        let added = merge_into(&mut all, saved);
        self.write(all)?;
        Ok(added)
    }

    /// Adds result codes (already verified) to a workshop; codes it has are skipped. Returns
    /// how many were new.
    pub fn add_results(&self, key: &str, codes: &[String]) -> Result<usize, StoreError> {
        let mut all = self.for_change()?;
        let Some(w) = all.iter_mut().find(|w| w.key().as_deref() == Some(key)) else {
            return Ok(0);
        };
        let before = w.results.len();
        for code in codes {
            if !w.results.contains(code) {
                w.results.push(code.clone());
            }
        }
        let added = w.results.len() - before;
        self.write(all)?;
        Ok(added)
    }

    /// Counts a result the engine had a doubt about (the trainer decided), by its attempt.
    pub fn count_anyway(&self, key: &str, attempt: &str) -> Result<(), StoreError> {
        let mut all = self.for_change()?;
        if let Some(w) = all.iter_mut().find(|w| w.key().as_deref() == Some(key)) {
            if !w.counted_anyway.iter().any(|a| a == attempt) {
                w.counted_anyway.push(attempt.to_owned());
            }
        }
        self.write(all)
    }

    /// Deletes a workshop and its results.
    pub fn remove(&self, key: &str) -> Result<(), StoreError> {
        let mut all = self.for_change()?;
        all.retain(|w| w.key().as_deref() != Some(key));
        self.write(all)
    }
}

/// The backup file of one workshop.
pub fn backup(saved: &SavedWorkshop) -> String {
    serde_json::to_string_pretty(&WorkshopBackup {
        kind: BACKUP_KIND.into(),
        format: BACKUP_FORMAT,
        workshop: saved.clone(),
    })
    .unwrap_or_default()
}

/// Reads a workshop backup file, checking it whole.
pub fn read_backup(text: &str) -> Result<SavedWorkshop, RestoreError> {
    let backup: WorkshopBackup =
        serde_json::from_str(text).map_err(|_| RestoreError::NotABackup)?;
    if backup.kind != BACKUP_KIND {
        return Err(RestoreError::NotABackup);
    }
    if backup.format > BACKUP_FORMAT {
        return Err(RestoreError::TooNew);
    }
    backup.workshop.workshop().ok_or(RestoreError::NotABackup)?;
    Ok(backup.workshop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rates::Date;

    fn saved(seed: u64, results: &[&str]) -> SavedWorkshop {
        let w = Workshop {
            id: Workshop::new_id(seed),
            name: format!("W{seed}"),
            date: Date::new(2026, 12, 1).unwrap(),
            place: "Mataram".into(),
            wadah: vec!["A".into()],
            pre_test: vec![],
            post_test: vec![],
            practice: vec![],
            post_after_practice: false,
        };
        SavedWorkshop {
            code: w.to_code(),
            created_ms: seed,
            results: results.iter().map(|s| s.to_string()).collect(),
            counted_anyway: Vec::new(),
            local_id: None,
        }
    }

    #[test]
    fn workshops_keep_their_results_and_merge_on_restore() {
        let store = WorkshopStore::new(Store::memory());
        store.save(saved(1, &[])).unwrap();
        store.save(saved(2, &[])).unwrap();
        let id1 = saved(1, &[]).workshop().unwrap().id;
        assert_eq!(store.add_results(&id1, &["a".into(), "b".into()]), Ok(2));
        assert_eq!(
            store.add_results(&id1, &["b".into(), "c".into()]),
            Ok(1),
            "a code counts once"
        );
        let all = store.all().unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].created_ms, 2, "newest first");
        assert_eq!(
            store.get(&id1).unwrap().unwrap().results,
            vec!["a", "b", "c"]
        );

        // A backup from another device with one more result merges, nothing is lost.
        let file = backup(&saved(1, &["a", "d"]));
        let restored = read_backup(&file).unwrap();
        store.save(restored).unwrap();
        let merged = store.get(&id1).unwrap().unwrap();
        assert_eq!(merged.results.len(), 4, "{:?}", merged.results);
        assert!(merged.results.contains(&"d".to_owned()));

        store.remove(&id1).unwrap();
        assert_eq!(store.all().unwrap().len(), 1);
    }

    #[test]
    fn a_backup_with_another_definition_is_kept_beside_with_both_results() {
        let store = WorkshopStore::new(Store::memory());
        let here = saved(7, &["a", "b"]);
        let id = here.workshop().unwrap().id;
        assert_eq!(store.save(here.clone()), Ok(Added::New));
        // Same id, another definition (a forged or edited backup).
        let mut other = here.workshop().unwrap();
        other.name = "Someone else's".into();
        let theirs = SavedWorkshop {
            code: other.to_code(),
            results: vec!["c".into()],
            ..here.clone()
        };
        let file = backup(&theirs);
        let beside = store.save(read_backup(&file).unwrap()).unwrap();
        assert_eq!(beside, Added::Beside(format!("{id}-2")));
        let kept = store.get(&id).unwrap().unwrap();
        assert_eq!(kept.code, here.code, "the definition here is kept");
        assert_eq!(kept.results, vec!["a", "b"]);
        let restored = store.get(&format!("{id}-2")).unwrap().unwrap();
        assert_eq!(restored.workshop().unwrap().name, "Someone else's");
        assert_eq!(restored.results, vec!["c"]);
        // Restoring it again merges into the one beside, not a third.
        assert_eq!(store.save(read_backup(&file).unwrap()), Ok(Added::Merged));
        assert_eq!(store.all().unwrap().len(), 2);
        store
            .add_results(&format!("{id}-2"), &["d".into()])
            .unwrap();
        assert_eq!(store.get(&id).unwrap().unwrap().results.len(), 2);
    }

    #[test]
    fn bad_backups_are_refused() {
        assert_eq!(read_backup("nope"), Err(RestoreError::NotABackup));
        assert_eq!(
            read_backup(
                r#"{"kind":"latih-workshop","format":9,"workshop":{"code":"X","created_ms":0}}"#
            ),
            Err(RestoreError::TooNew)
        );
        assert_eq!(
            read_backup(
                r#"{"kind":"latih-workshop","format":1,"workshop":{"code":"X","created_ms":0}}"#
            ),
            Err(RestoreError::NotABackup),
            "a damaged workshop code"
        );
        let mut file = backup(&saved(3, &["a"]));
        file = file.replace("latih-workshop", "something-else");
        assert_eq!(read_backup(&file), Err(RestoreError::NotABackup));
    }

    #[test]
    fn unreadable_storage_is_set_aside() {
        let mem = Store::memory();
        mem.set(WORKSHOPS_KEY, "{broken").unwrap();
        let store = WorkshopStore::new(mem.clone());
        assert!(matches!(store.all(), Err(ReadError::SetAside(_))));
        store.save(saved(4, &[])).unwrap();
        assert_eq!(store.all().unwrap().len(), 1);
        let kept = mem
            .keys()
            .unwrap()
            .into_iter()
            .filter(|k| k.starts_with("latih.unreadable."))
            .count();
        assert_eq!(kept, 1, "the broken list was kept aside");
    }
}

//! The trainer's workshops on this device. A workshop is kept as its code, and its results as
//! the result codes the agents sent. Every figure is recomputed from them by replaying, so no
//! stored number can drift from what the engine says. Unreadable data is set aside, not lost.

use serde::{Deserialize, Serialize};

use crate::engine::workshop::{verified_results, Verified, Workshop};
pub use crate::envelope::RestoreError;
use crate::envelope::{open, seal};
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
    /// When the workshop uses scenarios of the trainer's own: the package shared with the
    /// agents (the workshop and those scenarios exactly as shipped). Results are verified
    /// against these copies, whatever the editor does to the scenarios later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package: Option<String>,
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

    /// The scenarios its results are verified against: the bundled ones (`bundled`) and those
    /// its package carries, as shipped.
    pub fn scenarios(&self, bundled: &[crate::engine::Scenario]) -> Vec<crate::engine::Scenario> {
        let mut all = bundled.to_vec();
        // Read against the workshop's own list, so a later update of a bundled scenario it
        // names does not make the package "incomplete" and its results vanish.
        let here: Vec<crate::engine::workshop::ScenarioRef> = self
            .workshop()
            .map(|w| w.uses().cloned().collect())
            .unwrap_or_default();
        if let Some(package) = self
            .package
            .as_deref()
            .and_then(|t| crate::engine::workshop::Package::read(t, &here).ok())
        {
            all.retain(|b| !package.scenarios.iter().any(|s| s.id == b.id));
            all.extend(package.scenarios);
        }
        all
    }

    /// Takes in `other`'s results and decisions (the same workshop from elsewhere).
    fn absorb(&mut self, other: SavedWorkshop) {
        if self.package.is_none() {
            self.package = other.package.clone();
        }
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
        scenarios: &[crate::engine::Scenario],
    ) -> (Vec<Verified>, Vec<Verified>) {
        verified_results(&self.results, workshop, scenarios)
            .into_iter()
            .partition(|v| {
                v.doubts.is_empty() || self.counted_anyway.contains(&v.record.attempt.uuid())
            })
    }
}

/// A workshop with its results, as a file (inside an [`crate::envelope::Envelope`] of kind
/// [`BACKUP_KIND`]): it imports again without loss.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkshopBackup {
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
        self.adopt_restored(&mut all);
        Ok(all)
    }

    /// Merges into `newest_first` the workshop lists a restore in the agents' app left to
    /// merge (see [`crate::backup::pending`]), like a workshop backup: a conflicting
    /// definition is kept beside, results are joined. Each list's key is removed once the
    /// merged list is saved; an unreadable one stays where it is (and in backups).
    fn adopt_restored(&self, newest_first: &mut Vec<SavedWorkshop>) {
        for (key, text) in crate::backup::pending(&self.store, WORKSHOPS_KEY) {
            let Ok(theirs) = serde_json::from_str::<Vec<SavedWorkshop>>(&text) else {
                continue;
            };
            let mut merged = newest_first.clone();
            for w in theirs {
                merge_into(&mut merged, w);
            }
            if self.write(merged.clone()).is_ok() {
                *newest_first = merged;
                // Clean-up only: the merged list is stored; a copy left behind is merged again.
                let _ = self.store.remove(&key);
            }
        }
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
    seal(
        BACKUP_KIND,
        BACKUP_FORMAT,
        WorkshopBackup {
            workshop: saved.clone(),
        },
    )
}

/// Reads a workshop backup file, checking it whole.
pub fn read_backup(text: &str) -> Result<SavedWorkshop, RestoreError> {
    let backup: WorkshopBackup = open(text, BACKUP_KIND, BACKUP_FORMAT)?;
    backup.workshop.workshop().ok_or(RestoreError::NotABackup)?;
    Ok(backup.workshop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Date;

    fn saved(seed: u64, results: &[&str]) -> SavedWorkshop {
        named(seed, &format!("W{seed}"), results)
    }

    pub(super) fn named(seed: u64, name: &str, results: &[&str]) -> SavedWorkshop {
        let w = Workshop {
            id: Workshop::new_id(seed),
            name: name.into(),
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
            package: None,
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

#[cfg(test)]
mod restored_in_the_agents_app {
    use super::tests::named;
    use super::*;
    use crate::backup::{create, restore, Differing};
    use crate::engine::Localized;
    use crate::trainer::storage::scenarios::{Entry, ScenarioStore, INDEX_KEY};

    fn entry(uid: &str) -> Entry {
        Entry {
            uid: uid.into(),
            id: uid.into(),
            title: Localized {
                id: uid.into(),
                en: uid.into(),
            },
            updated_ms: 1,
            deleted_ms: None,
            versioned_ms: None,
        }
    }

    fn list<T: serde::Serialize>(items: &[T]) -> String {
        serde_json::to_string(items).unwrap()
    }

    #[test]
    fn the_trainers_lists_from_a_settings_restore_are_merged_when_the_trainer_reads_them() {
        // The backup's device: workshop 1 with results a, d; workshop 2 defined as "Old";
        // scenarios x and y.
        let old = Store::memory();
        old.set(
            WORKSHOPS_KEY,
            &list(&[named(1, "W1", &["a", "d"]), named(2, "Old", &["e"])]),
        )
        .unwrap();
        old.set(INDEX_KEY, &list(&[entry("x"), entry("y")]))
            .unwrap();
        let file = crate::backup::file(&create(&old, 1).unwrap());

        // This device: workshop 1 with results a, b; workshop 2's id with another definition;
        // scenario x and z.
        let here = Store::memory();
        here.set(
            WORKSHOPS_KEY,
            &list(&[named(1, "W1", &["a", "b"]), named(2, "New", &["f"])]),
        )
        .unwrap();
        here.set(INDEX_KEY, &list(&[entry("x"), entry("z")]))
            .unwrap();
        let done = restore(&here, &file, Differing::TakeBackup).unwrap();
        assert_eq!(done.merged, 2);
        assert_eq!(
            done.replaced, 0,
            "the trainer's lists are never replaced, even when asked"
        );
        // Restored twice before the trainer's app opens: both wait, neither replaces the other.
        restore(&here, &file, Differing::KeepHere).unwrap();
        let waiting = |key: &str| crate::backup::pending(&here, key).len();
        assert_eq!((waiting(WORKSHOPS_KEY), waiting(INDEX_KEY)), (2, 2));

        // The trainer's app reads the lists: merged, nothing of either side lost.
        let workshops = WorkshopStore::new(here.clone()).all().unwrap();
        let id1 = named(1, "W1", &[]).workshop().unwrap().id;
        let w1: Vec<&SavedWorkshop> = workshops
            .iter()
            .filter(|w| w.key().as_deref() == Some(id1.as_str()))
            .collect();
        assert_eq!(w1.len(), 1);
        assert_eq!(w1[0].results, ["a", "b", "d"]);
        let names: Vec<String> = workshops
            .iter()
            .filter_map(|w| w.workshop().map(|d| d.name))
            .collect();
        assert!(names.contains(&"New".to_string()) && names.contains(&"Old".to_string()));
        assert_eq!(
            workshops.len(),
            3,
            "the other definition is kept beside: {names:?}"
        );
        let uids: Vec<String> = ScenarioStore::new(here.clone())
            .entries()
            .unwrap()
            .into_iter()
            .map(|e| e.uid)
            .collect();
        assert_eq!(uids.len(), 3);
        for uid in ["x", "y", "z"] {
            assert!(uids.contains(&uid.to_string()), "{uid} in {uids:?}");
        }
        assert_eq!(
            (waiting(WORKSHOPS_KEY), waiting(INDEX_KEY)),
            (0, 0),
            "adopted once"
        );
        // Stored, not only shown.
        assert_eq!(WorkshopStore::new(here.clone()).all().unwrap().len(), 3);
    }

    #[test]
    fn an_unreadable_waiting_list_is_kept_and_the_rest_still_read() {
        let here = Store::memory();
        here.set(WORKSHOPS_KEY, &list(&[named(1, "W1", &[])]))
            .unwrap();
        here.set(&format!("{WORKSHOPS_KEY}.from-backup.1"), "{broken")
            .unwrap();
        assert_eq!(WorkshopStore::new(here.clone()).all().unwrap().len(), 1);
        assert_eq!(
            crate::backup::pending(&here, WORKSHOPS_KEY).len(),
            1,
            "kept"
        );
    }
}

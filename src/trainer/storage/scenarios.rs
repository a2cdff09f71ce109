//! The trainer's own scenarios on this device. Each is kept as the JSON text the engine exports
//! (one storage key per scenario, so a large one does not rewrite the others), with its last
//! few versions, and deleting moves it to a trash from which it can be restored.

use serde::{Deserialize, Serialize};

use crate::engine::pack::{decode_published, encode_published, PUBLISHED_KEY};
use crate::engine::{export_compact, import, parse_stored, ImportError, Imported};
use crate::engine::{Localized, Scenario};
use crate::platform::storage::{Store, StoreError};
use crate::practice::{read_json, ReadError};

/// Storage key of the list of the trainer's scenarios.
pub const INDEX_KEY: &str = "latih.trainer.scenarios";
/// Storage key prefix of each scenario's text (then its local id; `.vN` for older versions).
pub const TEXT_PREFIX: &str = "latih.trainer.scenario.";
/// How many of the trainer's scenarios the agents' app on this device lists at once.
pub const PUBLISHED_MAX: usize = 3;
/// How many earlier versions of each scenario are kept.
pub const VERSIONS: usize = 5;

/// A new local id for a scenario on this device: 6 random bytes in base32 (ten characters).
pub fn new_uid() -> String {
    crate::engine::to_base32(&crate::platform::clock::random_u64().to_be_bytes()[2..])
}
/// The least time between two kept versions. Autosave writes after every pause in typing; a
/// version at each of those would fill the five with the last few seconds of work (and copy
/// every version on every save: about 180 ms for a 2,000-node scenario). One version at most
/// every five minutes of editing makes the five span a working session.
pub const VERSION_EVERY_MS: u64 = 5 * 60 * 1000;

/// One of the trainer's scenarios, as listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// This device's id for it (a scenario's own id can repeat across copies).
    pub uid: String,
    /// The scenario's id.
    pub id: String,
    /// Its title.
    pub title: Localized,
    /// When it last changed (ms since the epoch).
    pub updated_ms: u64,
    /// When it was moved to the trash, if it was.
    #[serde(default)]
    pub deleted_ms: Option<u64>,
    /// When an earlier version was last kept (see [`VERSION_EVERY_MS`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versioned_ms: Option<u64>,
}

/// Why a scenario's save did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Storage refused it; the earlier text and versions are as they were.
    Store(StoreError),
    /// The scenario is no longer in the library (purged in another tab); nothing was written.
    Gone,
}

impl From<StoreError> for SaveError {
    fn from(e: StoreError) -> SaveError {
        SaveError::Store(e)
    }
}

/// Whether `uid` is a local id this app makes (letters, digits, `-`, `_`): anything else could
/// name another scenario's version slot (`<uid>.v1`).
pub fn valid_uid(uid: &str) -> bool {
    !uid.is_empty()
        && uid.len() <= 64
        && uid
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Reads and writes the trainer's scenarios.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioStore {
    pub(super) store: Store,
}

/// The storage key of a scenario's text.
pub fn text_key(uid: &str) -> String {
    format!("{TEXT_PREFIX}{uid}")
}

fn version_key(uid: &str, n: usize) -> String {
    format!("{TEXT_PREFIX}{uid}.v{n}")
}

impl ScenarioStore {
    /// Scenarios in `store`.
    pub fn new(store: Store) -> ScenarioStore {
        ScenarioStore { store }
    }

    /// Every scenario, newest change first (trashed ones included; see [`Entry::deleted_ms`]).
    pub fn entries(&self) -> Result<Vec<Entry>, ReadError> {
        let mut all: Vec<Entry> = read_json(&self.store, INDEX_KEY)?.unwrap_or_default();
        self.adopt_restored(&mut all);
        crate::engine::order::sort_small_by_key(&mut all, |e| std::cmp::Reverse(e.updated_ms));
        Ok(all)
    }

    /// Adds to `all` the scenarios of the lists a restore in the agents' app left to merge
    /// (see [`crate::backup::pending`]) that are not here (each scenario's text has a key of
    /// its own, restored with the backup). Each list's key is removed once the joined list is
    /// saved; an unreadable one stays where it is (and in backups).
    fn adopt_restored(&self, all: &mut Vec<Entry>) {
        for (key, text) in crate::backup::pending(&self.store, INDEX_KEY) {
            let Ok(theirs) = serde_json::from_str::<Vec<Entry>>(&text) else {
                continue;
            };
            let mut joined = all.clone();
            for e in theirs {
                if !joined.iter().any(|h| h.uid == e.uid) {
                    joined.push(e);
                }
            }
            if self.write_entries(&joined).is_ok() {
                *all = joined;
                // Clean-up only: a failed removal leaves a copy nothing refers to, never a loss.
                let _ = self.store.remove(&key);
            }
        }
    }

    pub(super) fn entries_for_change(&self) -> Result<Vec<Entry>, StoreError> {
        match self.entries() {
            Ok(all) => Ok(all),
            Err(ReadError::SetAside(_)) => Ok(Vec::new()),
            Err(ReadError::Store(e)) => Err(e),
        }
    }

    pub(super) fn write_entries(&self, entries: &[Entry]) -> Result<(), StoreError> {
        let json = serde_json::to_string(entries).unwrap_or_default();
        self.store.set(INDEX_KEY, &json)
    }

    /// The stored text of a scenario.
    pub fn text(&self, uid: &str) -> Result<Option<String>, StoreError> {
        self.store.get(&text_key(uid))
    }

    /// Adds a scenario (from an import or a copy); returns its local id. On a storage failure
    /// nothing is left half-written.
    pub fn add(&self, scenario: &Scenario, uid: String, now_ms: u64) -> Result<String, StoreError> {
        let mut entries = self.entries_for_change()?;
        self.store.set(&text_key(&uid), &export_compact(scenario))?;
        entries.push(Entry {
            uid: uid.clone(),
            id: scenario.id.clone(),
            title: scenario.meta.title.clone(),
            updated_ms: now_ms,
            deleted_ms: None,
            versioned_ms: None,
        });
        if let Err(e) = self.write_entries(&entries) {
            // Undoing the text of an entry the index could not take; if this fails too, it is
            // a copy nothing refers to.
            let _ = self.store.remove(&text_key(&uid));
            return Err(e);
        }
        Ok(uid)
    }

    /// Saves a new text for a scenario, keeping the previous one among its versions. The new
    /// text comes first: when storage is too full for the versions as well, the oldest
    /// versions make room one by one, and if the text still does not fit they are put back and
    /// the save fails, changing nothing. A scenario no longer in the list (purged in another
    /// tab) is not written to a key nothing lists: the save says [`SaveError::Gone`].
    pub fn save(&self, uid: &str, scenario: &Scenario, now_ms: u64) -> Result<(), SaveError> {
        self.save_text(uid, scenario, export_compact(scenario), now_ms)
    }

    /// [`save`](ScenarioStore::save) with the stored form of `scenario` already written
    /// (`export_compact`, or a [`CompactExport`](crate::engine::CompactExport) done in
    /// slices).
    pub fn save_text(
        &self,
        uid: &str,
        scenario: &Scenario,
        text: String,
        now_ms: u64,
    ) -> Result<(), SaveError> {
        let mut entries = self.entries_for_change()?;
        if !entries.iter().any(|e| e.uid == uid) {
            return Err(SaveError::Gone);
        }
        let previous = self.text(uid)?;
        if previous.as_deref() == Some(text.as_str()) {
            return Ok(());
        }
        if let Err(e) = self.store.set(&text_key(uid), &text) {
            self.make_room_for(uid, &text).map_err(|_| e)?;
        }
        let entry = entries.iter_mut().find(|e| e.uid == uid);
        let due = entry.as_ref().is_none_or(|e| {
            e.versioned_ms
                .is_none_or(|at| now_ms.saturating_sub(at) >= VERSION_EVERY_MS || now_ms < at)
        });
        let mut kept = false;
        if let Some(previous) = previous.filter(|_| due) {
            self.keep_version(uid, previous);
            kept = true;
        }
        if let Some(e) = entry {
            e.id = scenario.id.clone();
            e.title = scenario.meta.title.clone();
            e.updated_ms = now_ms;
            if kept {
                e.versioned_ms = Some(now_ms);
            }
        }
        Ok(self.write_entries(&entries)?)
    }

    /// Writes `text` as the scenario's text after giving up its versions, oldest first, only
    /// as far as needed; when even that is not enough, every version given up is put back.
    fn make_room_for(&self, uid: &str, text: &str) -> Result<(), StoreError> {
        let mut given_up = Vec::new();
        for n in (1..=VERSIONS).rev() {
            let Ok(Some(old)) = self.store.get(&version_key(uid, n)) else {
                continue;
            };
            self.store.remove(&version_key(uid, n))?;
            given_up.push((n, old));
            if self.store.set(&text_key(uid), text).is_ok() {
                return Ok(());
            }
        }
        for (n, old) in given_up.into_iter().rev() {
            let _ = self.store.set(&version_key(uid, n), &old);
        }
        Err(StoreError::Full)
    }

    /// Shifts the versions down and keeps `previous` as the newest; versions that no longer fit
    /// are dropped, oldest first.
    fn keep_version(&self, uid: &str, previous: String) {
        for n in (1..VERSIONS).rev() {
            if let Ok(Some(older)) = self.store.get(&version_key(uid, n)) {
                if self.store.set(&version_key(uid, n + 1), &older).is_err() {
                    // A version that no longer fits is dropped (see above); if even that fails,
                    // one more is kept.
                    let _ = self.store.remove(&version_key(uid, n + 1));
                }
            }
        }
        let mut oldest = VERSIONS;
        while self.store.set(&version_key(uid, 1), &previous).is_err() && oldest > 1 {
            // Room for the newest, oldest first (see above); a failed removal only keeps one more.
            let _ = self.store.remove(&version_key(uid, oldest));
            oldest -= 1;
        }
    }

    /// The kept earlier versions of a scenario, newest first.
    pub fn versions(&self, uid: &str) -> Vec<String> {
        (1..=VERSIONS)
            .filter_map(|n| self.store.get(&version_key(uid, n)).ok().flatten())
            .collect()
    }

    /// Moves a scenario to the trash, or back out of it.
    pub fn set_deleted(&self, uid: &str, deleted_ms: Option<u64>) -> Result<(), StoreError> {
        let mut entries = self.entries_for_change()?;
        if let Some(e) = entries.iter_mut().find(|e| e.uid == uid) {
            e.deleted_ms = deleted_ms;
            if deleted_ms.is_some() {
                // A scenario in the trash is no longer offered to play.
                self.unpublish(&e.id)?;
            }
        }
        self.write_entries(&entries)
    }

    /// The scenarios published to the agents' app on this device.
    pub fn published(&self) -> Vec<Scenario> {
        self.store
            .get(PUBLISHED_KEY)
            .ok()
            .flatten()
            .and_then(|t| decode_published(&t).ok())
            .unwrap_or_default()
    }

    /// Lists `scenario` in the agents' app on this device, to play as an agent (replacing an
    /// earlier one with its id). Only the last [`PUBLISHED_MAX`] stay, so copies do not eat
    /// the room autosave needs.
    pub fn publish(&self, scenario: &Scenario) -> Result<(), StoreError> {
        let mut list = self.published();
        list.retain(|s| s.id != scenario.id);
        list.push(scenario.clone());
        let extra = list.len().saturating_sub(PUBLISHED_MAX);
        list.drain(..extra);
        // The workshop form lists published scenarios: it must see this one at once.
        crate::loader::forget_index();
        self.store.set(PUBLISHED_KEY, &encode_published(&list))
    }

    /// Takes the scenario with this id out of the agents' app on this device.
    pub fn unpublish(&self, id: &str) -> Result<(), StoreError> {
        let mut list = self.published();
        let before = list.len();
        list.retain(|s| s.id != id);
        if list.len() == before {
            return Ok(());
        }
        crate::loader::forget_index();
        self.store.set(PUBLISHED_KEY, &encode_published(&list))
    }

    /// Removes a trashed scenario and its versions for good.
    pub fn purge(&self, uid: &str) -> Result<(), StoreError> {
        let mut entries = self.entries_for_change()?;
        entries.retain(|e| e.uid != uid);
        self.write_entries(&entries)?;
        // Clean-up only: a failed removal leaves a copy nothing refers to, never a loss.
        let _ = self.store.remove(&text_key(uid));
        for n in 1..=VERSIONS {
            let _ = self.store.remove(&version_key(uid, n));
        }
        Ok(())
    }

    /// Reads a stored scenario (it was valid JSON when stored; this only fails if storage was
    /// edited by hand).
    pub fn load(&self, uid: &str) -> Option<Scenario> {
        read_stored(&self.text(uid).ok()??).ok()
    }
}

/// Reads a scenario text from this app's storage (a saved version, or another tab's save):
/// no file-size limit, since a scenario may grow past it while being edited.
pub fn read_stored(text: &str) -> Result<Scenario, ImportError> {
    parse_stored(text)
}

/// Reads a file the trainer picked: the importer's answer, or why it cannot be read (with the
/// line and column for JSON errors). Nothing is stored here.
pub fn read_file(text: &str) -> Result<Imported, ImportError> {
    import(text)
}

/// A copy of `scenario` with its own id (`-salinan`, numbered when taken) and title.
pub fn copy_of(scenario: &Scenario, taken: &[String]) -> Scenario {
    let mut copy = scenario.clone();
    let base = format!("{}-salinan", scenario.id);
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    copy.id = id;
    copy.meta.title = Localized::new(
        format!("{} (salinan)", scenario.meta.title.id),
        format!("{} (copy)", scenario.meta.title.en),
    );
    copy
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{export, MAX_BYTES};
    use crate::engine::{generate, pack};

    #[test]
    fn scenarios_keep_versions_and_survive_the_trash() {
        let store = ScenarioStore::new(Store::memory());
        let s = pack::load().unwrap().remove(0);
        let uid = store.add(&s, "u1".into(), 1).unwrap();
        let mut edited = s.clone();
        for n in 0..7u32 {
            edited.meta.title.en = format!("Edit {n}");
            store
                .save(&uid, &edited, 2 + u64::from(n) * VERSION_EVERY_MS)
                .unwrap();
        }
        let versions = store.versions(&uid);
        assert_eq!(versions.len(), VERSIONS);
        assert!(
            versions[0].contains("Edit 5"),
            "newest earlier version first"
        );
        assert_eq!(store.entries().unwrap()[0].title.en, "Edit 6");

        store.publish(&edited).unwrap();
        assert_eq!(store.published(), vec![edited.clone()]);
        store.publish(&edited).unwrap();
        assert_eq!(store.published().len(), 1, "publishing again replaces");
        store.set_deleted(&uid, Some(99)).unwrap();
        assert!(
            store.published().is_empty(),
            "the trash takes it out of the agents' app"
        );
        for n in 0..5u32 {
            let mut s = edited.clone();
            s.id = format!("s-{n}");
            store.publish(&s).unwrap();
        }
        let ids: Vec<String> = store.published().into_iter().map(|s| s.id).collect();
        assert_eq!(ids, ["s-2", "s-3", "s-4"], "only the latest few stay");
        for id in ids {
            store.unpublish(&id).unwrap();
        }
        assert_eq!(store.entries().unwrap()[0].deleted_ms, Some(99));
        assert!(
            store.text(&uid).unwrap().is_some(),
            "the trash keeps the text"
        );
        store.set_deleted(&uid, None).unwrap();
        assert_eq!(store.load(&uid).unwrap().meta.title.en, "Edit 6");
        store.purge(&uid).unwrap();
        assert!(store.entries().unwrap().is_empty());
        assert_eq!(store.text(&uid).unwrap(), None);
        assert!(store.versions(&uid).is_empty());
    }

    #[test]
    fn autosaves_keep_one_version_every_five_minutes_and_always_the_latest_text() {
        let store = ScenarioStore::new(Store::memory());
        let s = pack::load().unwrap().remove(0);
        let uid = store.add(&s, "u1".into(), 0).unwrap();
        let mut edited = s.clone();
        let start = 10 * VERSION_EVERY_MS;
        // A minute of typing, an autosave every two seconds: the text before it is kept once.
        for n in 0..30u64 {
            edited.meta.title.en = format!("Typing {n}");
            store.save(&uid, &edited, start + n * 2000).unwrap();
            assert_eq!(
                store.load(&uid).unwrap().meta.title.en,
                format!("Typing {n}")
            );
        }
        let versions = store.versions(&uid);
        assert_eq!(versions.len(), 1, "one version for a minute of typing");
        assert!(
            !versions[0].contains("Typing"),
            "the text from before the session"
        );
        // Five minutes after that version, the next save keeps another.
        edited.meta.title.en = "Later".into();
        store.save(&uid, &edited, start + VERSION_EVERY_MS).unwrap();
        let versions = store.versions(&uid);
        assert_eq!(versions.len(), 2);
        assert!(versions[0].contains("Typing 29"));
        // A clock set back (another device's time in a restored list) does not stop versions.
        edited.meta.title.en = "Clock back".into();
        store.save(&uid, &edited, 1).unwrap();
        assert_eq!(store.versions(&uid).len(), 3);
    }

    #[test]
    fn a_full_storage_gives_up_old_versions_before_the_latest_edit() {
        let s = pack::load().unwrap().remove(0);
        let size = export_compact(&s).len();
        // Room for the list, the text and about two versions, not five.
        let store = ScenarioStore::new(Store::memory_with_quota(size * 3 + size / 2));
        let uid = store.add(&s, "u".into(), 1).unwrap();
        let mut edited = s.clone();
        for n in 0..6u32 {
            edited.meta.title.en = format!("Edit {n}");
            store
                .save(&uid, &edited, 2 + u64::from(n) * VERSION_EVERY_MS)
                .unwrap();
            assert_eq!(
                store.load(&uid).unwrap().meta.title.en,
                format!("Edit {n}"),
                "the latest edit is always kept"
            );
        }
        let versions = store.versions(&uid);
        assert!(
            !versions.is_empty() && versions.len() < VERSIONS,
            "{}",
            versions.len()
        );
        assert!(
            versions[0].contains("Edit 4"),
            "the newest earlier version is the one kept"
        );

        // A text too large for the storage at all is refused, and nothing changes.
        let tiny = ScenarioStore::new(Store::memory_with_quota(size + 2000));
        let uid = tiny.add(&s, "t".into(), 1).unwrap();
        let mut huge = s.clone();
        huge.meta.summary.en = "x".repeat(size);
        assert_eq!(
            tiny.save(&uid, &huge, 2),
            Err(SaveError::Store(StoreError::Full))
        );
        assert_eq!(tiny.load(&uid).unwrap(), s);
    }

    #[test]
    fn copies_get_fresh_ids_and_bad_files_are_explained() {
        let s = pack::load().unwrap().remove(0);
        let first = copy_of(&s, &[]);
        assert_eq!(first.id, format!("{}-salinan", s.id));
        let second = copy_of(&s, std::slice::from_ref(&first.id));
        assert_eq!(second.id, format!("{}-salinan-2", s.id));
        let err = read_file("{\n  \"schema_version\": 2,\n  oops\n}").unwrap_err();
        assert_eq!(
            err.position.map(|p| p.0),
            Some(3),
            "the line of the JSON error"
        );
        assert!(read_file(&export(&s)).is_ok());
    }

    #[test]
    fn a_save_that_does_not_fit_keeps_every_earlier_version() {
        let s = pack::load().unwrap().remove(0);
        let size = export_compact(&s).len();
        let store = ScenarioStore::new(Store::memory_with_quota(size * 5));
        let uid = store.add(&s, "u".into(), 1).unwrap();
        let mut edited = s.clone();
        for n in 0..3u32 {
            edited.meta.title.en = format!("Edit {n}");
            store
                .save(&uid, &edited, 2 + u64::from(n) * VERSION_EVERY_MS)
                .unwrap();
        }
        let versions = store.versions(&uid);
        assert_eq!(versions.len(), 3);
        // Larger than the text and every version together: it cannot fit however much room
        // the versions give; they must all come back.
        let mut huge = edited.clone();
        huge.meta.summary.en = "x".repeat(size * 5);
        assert_eq!(
            store.save(&uid, &huge, 20 * VERSION_EVERY_MS),
            Err(SaveError::Store(StoreError::Full))
        );
        assert_eq!(store.versions(&uid), versions, "every version is back");
        assert_eq!(store.load(&uid).unwrap(), edited);

        // One that fits once the oldest version makes room gives up only that one.
        let mut bigger = edited.clone();
        bigger.meta.summary.en = "y".repeat(size / 2);
        store.save(&uid, &bigger, 21 * VERSION_EVERY_MS).unwrap();
        assert_eq!(store.load(&uid).unwrap(), bigger);
        assert!(store.versions(&uid)[0].contains("Edit 2"));
    }

    #[test]
    fn a_purged_scenario_is_not_saved_to_a_key_nothing_lists() {
        let s = pack::load().unwrap().remove(0);
        let mem = Store::memory();
        let store = ScenarioStore::new(mem.clone());
        let uid = store.add(&s, "u".into(), 1).unwrap();
        store.set_deleted(&uid, Some(2)).unwrap();
        store.purge(&uid).unwrap();
        let keys = mem.keys().unwrap();
        assert_eq!(store.save(&uid, &s, 3), Err(SaveError::Gone));
        assert_eq!(mem.keys().unwrap(), keys, "nothing written");
    }

    #[test]
    fn a_scenario_that_grew_past_the_file_limit_still_opens() {
        let big = generate::large(2000);
        let store = ScenarioStore::new(Store::memory());
        let uid = store.add(&big, "big".into(), 1).unwrap();
        let stored = store.text(&uid).unwrap().unwrap();
        assert!(stored.len() > MAX_BYTES, "{} bytes", stored.len());
        assert!(read_file(&stored).is_err(), "as a file it is too large");
        assert_eq!(store.load(&uid).unwrap(), big);
        assert!(!stored.contains("\n "), "stored without indentation");
    }
}

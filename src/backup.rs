//! A backup of everything Latih keeps on this device (every `latih.` key in storage), as a file
//! the user can download and restore on another phone or after clearing the browser.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use crate::envelope::RestoreError;
use crate::envelope::{open, seal};
use crate::platform::storage::{Store, StoreError};

/// Prefix of every key the app stores.
pub const PREFIX: &str = "latih.";
/// What the `kind` of a backup file says (files before the envelope said it in `app`).
pub const KIND: &str = "latih";
/// The backup format version.
pub const FORMAT: u32 = 1;

/// What a backup file holds (inside an [`crate::envelope::Envelope`] of kind [`KIND`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    /// When it was made (ms since the epoch).
    pub created_ms: u64,
    /// Every stored key and its value.
    pub entries: BTreeMap<String, String>,
}

/// What to do with data here that differs from the backup's and cannot be merged (a run in
/// progress, the joined workshop, a scenario's text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Differing {
    /// Keep this device's (the default: the user is asked before anything is replaced).
    KeepHere,
    /// Take the backup's (the user asked for it).
    TakeBackup,
}

/// What a restore did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Restored {
    /// Entries that were not here and now are.
    pub added: usize,
    /// Lists merged with the backup's: the history here; the trainer's workshops and
    /// scenario list when the trainer's app next reads them. Nothing of either side lost.
    pub merged: usize,
    /// Entries here exactly as in the backup.
    pub unchanged: usize,
    /// Entries that differ and were kept as they are here (see [`Differing`]).
    pub kept_here: usize,
    /// Entries replaced by the backup's, when asked.
    pub replaced: usize,
}

/// Collects every Latih key from `store`.
pub fn create(store: &Store, created_ms: u64) -> Result<Backup, StoreError> {
    let mut entries = BTreeMap::new();
    for key in store.keys()? {
        if key.starts_with(PREFIX) {
            if let Some(value) = store.get(&key)? {
                entries.insert(key, value);
            }
        }
    }
    Ok(Backup {
        created_ms,
        entries,
    })
}

/// The backup file's text.
pub fn file(backup: &Backup) -> String {
    seal(KIND, FORMAT, backup)
}

/// Whether a key holds a preference of this device (language, meters shown, notices
/// dismissed), which a restore never counts as a difference worth asking about.
fn is_preference(key: &str) -> bool {
    key == crate::platform::prefs::LANG_KEY
        || key == crate::pages::play::METERS_KEY
        || key.starts_with(crate::practice::DISMISSED_KEY)
}

/// The two values merged, for the keys whose values are lists that can be joined without
/// losing either side; `None` for any other key, or when either side is unreadable.
fn merged(key: &str, here: &str, theirs: &str) -> Option<String> {
    use crate::practice::{Attempt, HISTORY_KEY};
    if key != HISTORY_KEY {
        return None;
    }
    let mut all: Vec<Attempt> = serde_json::from_str(here).ok()?;
    let theirs: Vec<Attempt> = serde_json::from_str(theirs).ok()?;
    for a in theirs {
        let known = all.iter().any(|b| {
            if a.id.is_empty() {
                *b == a
            } else {
                b.id == a.id
            }
        });
        if !known {
            all.push(a);
        }
    }
    // Both lists are in order of play already: an insertion sort is quick and small in wasm.
    crate::engine::order::sort_small_by_key(&mut all, |a| a.finished_ms);
    serde_json::to_string(&all).ok()
}

/// The trainer's lists (workshops, the scenario list). A backup's differing list is not
/// merged here, in the agents' app that restores backups, but kept whole under a pending key
/// that the trainer's app merges when it next reads the list: nothing of either side is lost,
/// and the agents' download does not carry the trainer's merge code (about 7 KB).
fn is_trainer_list(key: &str) -> bool {
    key == crate::trainer::storage::workshops::WORKSHOPS_KEY
        || key == crate::trainer::storage::scenarios::INDEX_KEY
}

/// What a pending key of `list` starts with.
fn pending_prefix(list: &str) -> String {
    format!("{list}.from-backup.")
}

/// A key for a backup's `list` to wait under that neither `store` nor `taken` uses.
fn pending_key(
    store: &Store,
    list: &str,
    taken: &[(String, String)],
) -> Result<String, StoreError> {
    let keys = store.keys()?;
    let used = |k: &str| keys.iter().any(|x| x == k) || taken.iter().any(|(x, _)| x == k);
    let mut n = 1;
    while used(&format!("{}{n}", pending_prefix(list))) {
        n += 1;
    }
    Ok(format!("{}{n}", pending_prefix(list)))
}

/// The trainer's app: every list of `list` a restore left to merge, oldest first, as
/// (key, text). Merge each into the list, then remove its key.
pub fn pending(store: &Store, list: &str) -> Vec<(String, String)> {
    let prefix = pending_prefix(list);
    let mut keys: Vec<(u64, String)> = store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|k| Some((k.strip_prefix(&prefix)?.parse().ok()?, k)))
        .collect();
    crate::engine::order::sort_small_by_key(&mut keys, |(n, _)| *n);
    keys.into_iter()
        .filter_map(|(_, k)| Some((k.clone(), store.get(&k).ok()??)))
        .collect()
}

/// Reads a backup file and brings its entries into `store`. Nothing here is lost: entries not
/// here are added, lists (history, workshops, the trainer's scenarios) are merged, and other
/// entries that differ are kept as they are here unless `differing` says to take the
/// backup's. The file is checked completely first, and the restore is all or nothing: when
/// storage refuses a write, every entry written is put back as it was.
pub fn restore(store: &Store, text: &str, differing: Differing) -> Result<Restored, RestoreError> {
    let backup: Backup = open(text, KIND, FORMAT)?;
    if backup.entries.keys().any(|k| !k.starts_with(PREFIX)) {
        return Err(RestoreError::NotABackup);
    }
    if backup.entries.is_empty() {
        return Err(RestoreError::Empty);
    }
    let mut done = Restored::default();
    let mut writes: Vec<(String, String)> = Vec::new();
    for (key, theirs) in backup.entries {
        let here = store.get(&key).map_err(RestoreError::Store)?;
        match here {
            None => {
                done.added += 1;
                writes.push((key, theirs));
            }
            Some(here) if here == theirs => done.unchanged += 1,
            Some(_) if is_trainer_list(&key) => {
                done.merged += 1;
                let pending = pending_key(store, &key, &writes).map_err(RestoreError::Store)?;
                writes.push((pending, theirs));
            }
            Some(here) => match merged(&key, &here, &theirs) {
                Some(value) if value == here => done.unchanged += 1,
                Some(value) => {
                    done.merged += 1;
                    writes.push((key, value));
                }
                None if is_preference(&key) => done.unchanged += 1,
                None if differing == Differing::TakeBackup => {
                    done.replaced += 1;
                    writes.push((key, theirs));
                }
                None => done.kept_here += 1,
            },
        }
    }
    let mut undo: Vec<(String, Option<String>)> = Vec::new();
    for (key, value) in writes {
        let before = store.get(&key).ok().flatten();
        if let Err(e) = store.set(&key, &value) {
            for (key, before) in undo.into_iter().rev() {
                let _ = match before {
                    Some(v) => store.set(&key, &v),
                    None => store.remove(&key),
                };
            }
            return Err(RestoreError::Store(e));
        }
        undo.push((key, before));
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_then_restore_reproduces_every_latih_key_and_nothing_else() {
        let a = Store::memory();
        a.set("latih.history", "[1,2]").unwrap();
        a.set("latih.lang", "en").unwrap();
        a.set("other.app", "x").unwrap();
        let backup = create(&a, 5).unwrap();
        assert_eq!(backup.entries.len(), 2);
        let text = file(&backup);
        let b = Store::memory();
        let done = restore(&b, &text, Differing::KeepHere).unwrap();
        assert_eq!((done.added, done.kept_here), (2, 0));
        assert_eq!(b.get("latih.history").unwrap().as_deref(), Some("[1,2]"));
        assert_eq!(b.get("other.app").unwrap(), None);
    }

    fn restore_keep(store: &Store, text: &str) -> Result<Restored, RestoreError> {
        restore(store, text, Differing::KeepHere)
    }

    fn attempt(id: &str, finished_ms: u64) -> crate::practice::Attempt {
        let save = crate::engine::SaveState {
            scenario: "s".into(),
            version: 1,
            seed: 1,
            choices: Vec::new(),
            date: None,
            rates: String::new(),
        };
        crate::practice::Attempt {
            save,
            mode: crate::practice::Mode::Practice,
            started_ms: finished_ms - 1,
            finished_ms,
            total: 50,
            passed: false,
            outcome: crate::engine::Outcome::Declined,
            package: None,
            competencies: [0; 6],
            id: id.into(),
            code: None,
        }
    }

    #[test]
    fn an_older_backup_merges_into_newer_history_and_asks_before_replacing() {
        use crate::practice::{HISTORY_KEY, JOINED_KEY};
        let old = Store::memory();
        let history = |list: &[crate::practice::Attempt]| serde_json::to_string(list).unwrap();
        old.set(HISTORY_KEY, &history(&[attempt("a", 10)])).unwrap();
        old.set(JOINED_KEY, "\"old workshop\"").unwrap();
        old.set("latih.lang", "en").unwrap();
        let file = file(&create(&old, 1).unwrap());

        let here = Store::memory();
        here.set(HISTORY_KEY, &history(&[attempt("a", 10), attempt("b", 20)]))
            .unwrap();
        here.set(JOINED_KEY, "\"new workshop\"").unwrap();
        here.set("latih.lang", "id").unwrap();
        let done = restore(&here, &file, Differing::KeepHere).unwrap();
        assert_eq!((done.unchanged, done.kept_here, done.added), (2, 1, 0));
        let kept: Vec<crate::practice::Attempt> =
            serde_json::from_str(&here.get(HISTORY_KEY).unwrap().unwrap()).unwrap();
        assert_eq!(kept.len(), 2, "the newer history is not replaced");
        assert_eq!(
            here.get(JOINED_KEY).unwrap().as_deref(),
            Some("\"new workshop\"")
        );

        // History from both devices is joined, in order of play.
        old.set(HISTORY_KEY, &history(&[attempt("c", 5), attempt("a", 10)]))
            .unwrap();
        let file = super::file(&create(&old, 2).unwrap());
        let done = restore(&here, &file, Differing::KeepHere).unwrap();
        assert_eq!(done.merged, 1);
        let joined: Vec<crate::practice::Attempt> =
            serde_json::from_str(&here.get(HISTORY_KEY).unwrap().unwrap()).unwrap();
        let ids: Vec<&str> = joined.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["c", "a", "b"]);

        // Asked, the backup's differing entry replaces this device's.
        let done = restore(&here, &file, Differing::TakeBackup).unwrap();
        assert_eq!(done.replaced, 1);
        assert_eq!(
            here.get(JOINED_KEY).unwrap().as_deref(),
            Some("\"old workshop\"")
        );
        assert_eq!(here.get("latih.lang").unwrap().as_deref(), Some("id"));
    }

    #[test]
    fn a_backup_that_does_not_fit_changes_nothing() {
        let a = Store::memory();
        a.set("latih.history", "[]").unwrap();
        a.set("latih.run.x", &"x".repeat(500)).unwrap();
        a.set("latih.run.y", &"y".repeat(500)).unwrap();
        let file = file(&create(&a, 1).unwrap());
        let b = Store::memory_with_quota(800);
        b.set("latih.history", "[]").unwrap();
        let before: Vec<_> = b.keys().unwrap();
        assert!(matches!(
            restore(&b, &file, Differing::TakeBackup),
            Err(RestoreError::Store(_))
        ));
        assert_eq!(b.keys().unwrap(), before, "what was written is undone");
    }

    #[test]
    fn bad_files_are_refused_without_writing() {
        let s = Store::memory();
        assert_eq!(restore_keep(&s, "not json"), Err(RestoreError::NotABackup));
        assert_eq!(
            restore_keep(
                &s,
                r#"{"app":"other","format":1,"created_ms":0,"entries":{"latih.x":"1"}}"#
            ),
            Err(RestoreError::NotABackup)
        );
        assert_eq!(
            restore_keep(
                &s,
                r#"{"app":"latih","format":9,"created_ms":0,"entries":{"latih.x":"1"}}"#
            ),
            Err(RestoreError::TooNew)
        );
        assert_eq!(
            restore_keep(
                &s,
                r#"{"app":"latih","format":1,"created_ms":0,"entries":{}}"#
            ),
            Err(RestoreError::Empty)
        );
        assert_eq!(
            restore_keep(
                &s,
                r#"{"app":"latih","format":1,"created_ms":0,"entries":{"latih.x":"1","evil":"2"}}"#
            ),
            Err(RestoreError::NotABackup)
        );
        assert!(s.keys().unwrap().is_empty(), "nothing written");
    }
}

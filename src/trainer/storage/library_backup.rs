//! The trainer's whole scenario library as one file, and restoring it: every scenario (the
//! trash included) as stored, checked whole before anything is written, all or nothing, and
//! never overwriting a scenario here.

use serde::{Deserialize, Serialize};

use super::scenarios::{read_stored, text_key, valid_uid, Entry, ScenarioStore};
use crate::envelope::{open, seal, RestoreError};
use crate::platform::storage::StoreError;

/// What the `kind` field of a scenario library backup says.
pub const LIBRARY_KIND: &str = "latih-scenario-library";
/// The library backup format version.
pub const LIBRARY_FORMAT: u32 = 1;

/// The trainer's whole library as a file (inside an [`crate::envelope::Envelope`] of kind
/// [`LIBRARY_KIND`]): every scenario (the trash included) as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LibraryBackup {
    /// The scenarios.
    pub scenarios: Vec<BackedUp>,
}

/// One scenario in a [`LibraryBackup`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackedUp {
    /// Its list entry.
    pub entry: Entry,
    /// Its text, in the format export writes.
    pub text: String,
}

/// What restoring a library backup did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Restored {
    /// Scenarios added (new here, or kept next to a different version already here).
    pub added: usize,
    /// Scenarios already here exactly as in the file.
    pub unchanged: usize,
}

impl ScenarioStore {
    /// The whole library as a backup file. A text that cannot be read is left out (its page
    /// offers it as a file), so the backup always restores.
    pub fn backup(&self) -> Result<String, StoreError> {
        let entries = self.entries_for_change()?;
        let mut scenarios = Vec::with_capacity(entries.len());
        for entry in entries {
            if let Some(text) = self.text(&entry.uid)? {
                if read_stored(&text).is_ok() {
                    scenarios.push(BackedUp { entry, text });
                }
            }
        }
        Ok(seal(
            LIBRARY_KIND,
            LIBRARY_FORMAT,
            LibraryBackup { scenarios },
        ))
    }

    /// Restores a library backup, checking the whole file before writing. It is all or
    /// nothing: when storage refuses a write, what this restore wrote is removed again. Nothing
    /// here is overwritten: a scenario already here in another version, or whose local id is
    /// taken or not one this app makes, is added next to it under a new local id.
    pub fn restore(
        &self,
        text: &str,
        new_uid: impl Fn() -> String,
    ) -> Result<Restored, RestoreError> {
        let backup: LibraryBackup = open(text, LIBRARY_KIND, LIBRARY_FORMAT)?;
        let mut incoming = Vec::with_capacity(backup.scenarios.len());
        for b in backup.scenarios {
            let scenario = read_stored(&b.text).map_err(|_| RestoreError::NotABackup)?;
            incoming.push((b, scenario));
        }
        let mut entries = match self.entries_for_change() {
            Ok(entries) => entries,
            Err(e) => return Err(RestoreError::Store(e)),
        };
        let mut done = Restored {
            added: 0,
            unchanged: 0,
        };
        let mut written: Vec<String> = Vec::new();
        let undo = |written: &[String]| {
            for uid in written {
                let _ = self.store.remove(&text_key(uid));
            }
        };
        for (b, scenario) in incoming {
            let listed = entries.iter().any(|e| e.uid == b.entry.uid);
            if listed && self.load(&b.entry.uid).as_ref() == Some(&scenario) {
                done.unchanged += 1;
                continue;
            }
            let free =
                valid_uid(&b.entry.uid) && !listed && matches!(self.text(&b.entry.uid), Ok(None));
            let uid = if free { b.entry.uid.clone() } else { new_uid() };
            if let Err(e) = self.store.set(&text_key(&uid), &b.text) {
                undo(&written);
                return Err(RestoreError::Store(e));
            }
            written.push(uid.clone());
            entries.push(Entry { uid, ..b.entry });
            done.added += 1;
        }
        if done.added > 0 {
            if let Err(e) = self.write_entries(&entries) {
                undo(&written);
                return Err(RestoreError::Store(e));
            }
        }
        Ok(done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::export_compact;
    use crate::engine::pack;
    use crate::platform::storage::Store;

    #[test]
    fn a_library_backup_restores_whole_and_never_overwrites() {
        let pack = pack::load().unwrap();
        let a = ScenarioStore::new(Store::memory());
        let u1 = a.add(&pack[0], "u1".into(), 1).unwrap();
        let u2 = a.add(&pack[1], "u2".into(), 2).unwrap();
        a.set_deleted(&u2, Some(3)).unwrap();
        let file = a.backup().unwrap();

        // A fresh device gets everything, the trash included.
        let b = ScenarioStore::new(Store::memory());
        let done = b.restore(&file, || "x".into()).unwrap();
        assert_eq!((done.added, done.unchanged), (2, 0));
        assert_eq!(b.entries().unwrap(), a.entries().unwrap());
        assert_eq!(b.load(&u1).unwrap(), pack[0]);

        // Again: nothing new. After an edit here, the file's version comes back as a copy.
        assert_eq!(b.restore(&file, || "y".into()).unwrap().added, 0);
        let mut edited = pack[0].clone();
        edited.meta.title.en = "Edited here".into();
        b.save(&u1, &edited, 9).unwrap();
        let done = b.restore(&file, || "copy".into()).unwrap();
        assert_eq!((done.added, done.unchanged), (1, 1));
        assert_eq!(b.load(&u1).unwrap(), edited, "the edit here is kept");
        assert_eq!(b.load("copy").unwrap(), pack[0]);

        // Damaged or foreign files change nothing.
        let before = b.entries().unwrap();
        let mut damaged: LibraryBackup = serde_json::from_str(&file).unwrap();
        damaged.scenarios[1].text = damaged.scenarios[1].text.replace("\"nodes\"", "\"simpul\"");
        let damaged = serde_json::to_string(&damaged).unwrap();
        assert!(b.restore(&damaged, || "z".into()).is_err());
        assert!(b
            .restore("{\"kind\":\"latih-workshop\"}", || "z".into())
            .is_err());
        assert_eq!(b.entries().unwrap(), before);
    }

    #[test]
    fn a_restore_cannot_claim_another_scenarios_slot_and_is_all_or_nothing() {
        let pack = pack::load().unwrap();
        let mem = Store::memory();
        let a = ScenarioStore::new(mem.clone());
        let u1 = a.add(&pack[0], "u1".into(), 1).unwrap();
        let mut edited = pack[0].clone();
        edited.meta.title.en = "Edited".into();
        a.save(&u1, &edited, 2).unwrap();
        let version = a.versions(&u1);

        // An entry naming u1's version slot, one naming u1 itself, one with a dot.
        let file = seal(
            LIBRARY_KIND,
            LIBRARY_FORMAT,
            LibraryBackup {
                scenarios: ["u1.v1", "u1", "../x"]
                    .iter()
                    .zip(&pack[1..4])
                    .map(|(uid, s)| BackedUp {
                        entry: Entry {
                            uid: (*uid).into(),
                            id: s.id.clone(),
                            title: s.meta.title.clone(),
                            updated_ms: 5,
                            deleted_ms: None,
                            versioned_ms: None,
                        },
                        text: export_compact(s),
                    })
                    .collect(),
            },
        );
        let n = std::cell::Cell::new(0);
        let done = a
            .restore(&file, || {
                n.set(n.get() + 1);
                format!("new{}", n.get())
            })
            .unwrap();
        assert_eq!(done.added, 3);
        assert_eq!(a.versions(&u1), version, "u1's version untouched");
        assert_eq!(a.load(&u1).unwrap(), edited, "u1 untouched");
        for (uid, s) in ["new1", "new2", "new3"].iter().zip(&pack[1..4]) {
            assert_eq!(a.load(uid).unwrap(), *s);
        }

        // Storage that holds only part of a backup: nothing of it stays.
        let size = export_compact(&pack[0]).len();
        let b_mem = Store::memory_with_quota(size * 3);
        let b = ScenarioStore::new(b_mem.clone());
        let whole = a.backup().unwrap();
        assert!(matches!(
            b.restore(&whole, || "z".into()),
            Err(RestoreError::Store(StoreError::Full))
        ));
        assert!(b_mem.keys().unwrap().is_empty(), "{:?}", b_mem.keys());
    }
}

//! A backup of everything Latih keeps on this device (every `latih.` key in storage), as a file
//! the user can download and restore on another phone or after clearing the browser.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::platform::storage::{Store, StoreError};

/// Prefix of every key the app stores.
pub const PREFIX: &str = "latih.";
/// What the `app` field of a backup says.
pub const APP: &str = "latih";
/// The backup format version.
pub const FORMAT: u32 = 1;

/// The backup file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    /// Always `latih`.
    pub app: String,
    /// Backup format version.
    pub format: u32,
    /// When it was made (ms since the epoch).
    pub created_ms: u64,
    /// Every stored key and its value.
    pub entries: BTreeMap<String, String>,
}

/// Why a backup could not be restored. Nothing is written in any of these cases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreError {
    /// Not a Latih backup (or not JSON at all).
    NotABackup,
    /// Made by a newer Latih.
    TooNew,
    /// A backup with nothing in it.
    Empty,
    /// Storage refused a write; how many entries were restored before it did.
    Store(StoreError, usize),
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
        app: APP.into(),
        format: FORMAT,
        created_ms,
        entries,
    })
}

/// Reads a backup file and writes its entries into `store` (replacing those keys); returns how
/// many were restored. The file is checked completely before anything is written.
pub fn restore(store: &Store, text: &str) -> Result<usize, RestoreError> {
    let backup: Backup = serde_json::from_str(text).map_err(|_| RestoreError::NotABackup)?;
    if backup.app != APP {
        return Err(RestoreError::NotABackup);
    }
    if backup.format > FORMAT {
        return Err(RestoreError::TooNew);
    }
    if backup.entries.keys().any(|k| !k.starts_with(PREFIX)) {
        return Err(RestoreError::NotABackup);
    }
    if backup.entries.is_empty() {
        return Err(RestoreError::Empty);
    }
    let mut restored = 0;
    for (key, value) in &backup.entries {
        store
            .set(key, value)
            .map_err(|e| RestoreError::Store(e, restored))?;
        restored += 1;
    }
    Ok(restored)
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
        let text = serde_json::to_string(&backup).unwrap();
        let b = Store::memory();
        assert_eq!(restore(&b, &text), Ok(2));
        assert_eq!(b.get("latih.history").unwrap().as_deref(), Some("[1,2]"));
        assert_eq!(b.get("other.app").unwrap(), None);
    }

    #[test]
    fn bad_files_are_refused_without_writing() {
        let s = Store::memory();
        assert_eq!(restore(&s, "not json"), Err(RestoreError::NotABackup));
        assert_eq!(
            restore(
                &s,
                r#"{"app":"other","format":1,"created_ms":0,"entries":{"latih.x":"1"}}"#
            ),
            Err(RestoreError::NotABackup)
        );
        assert_eq!(
            restore(
                &s,
                r#"{"app":"latih","format":9,"created_ms":0,"entries":{"latih.x":"1"}}"#
            ),
            Err(RestoreError::TooNew)
        );
        assert_eq!(
            restore(
                &s,
                r#"{"app":"latih","format":1,"created_ms":0,"entries":{}}"#
            ),
            Err(RestoreError::Empty)
        );
        assert_eq!(
            restore(
                &s,
                r#"{"app":"latih","format":1,"created_ms":0,"entries":{"latih.x":"1","evil":"2"}}"#
            ),
            Err(RestoreError::NotABackup)
        );
        assert!(s.keys().unwrap().is_empty(), "nothing written");
    }
}

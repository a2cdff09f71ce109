//! The outside of every file the apps write for a person to keep and bring back: the device
//! backup (settings), a workshop and the trainer's scenario library. Each is a JSON object
//! whose `kind` says what it is and whose `format` says which version wrote it, beside the
//! fields of what it holds; reading one checks both before anything is restored, and every
//! kind fails the same ways ([`RestoreError`]).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::platform::storage::StoreError;

/// A file of kind `kind`, format `format`, holding `body` (its fields sit beside these two).
/// Only written: [`open`] reads the kind and format, then the body from the same text (a body
/// ignores the two fields), because deserializing a flattened field would add the buffering
/// code serde needs for it to both apps' download.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Envelope<T> {
    /// What the file is.
    pub kind: String,
    /// The version of the format that wrote it.
    pub format: u32,
    /// What it holds.
    #[serde(flatten)]
    pub body: T,
}

/// Why a file could not be restored. Nothing is changed in any of these cases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreError {
    /// Not a file of this kind (or not JSON at all, or damaged inside).
    NotABackup,
    /// Written by a newer Latih: this one cannot know what it holds.
    TooNew,
    /// A backup with nothing in it.
    Empty,
    /// Storage refused a write; what the restore had written was undone.
    Store(StoreError),
}

/// `body` as a file of `kind`, at format `format`.
pub fn seal<T: Serialize>(kind: &str, format: u32, body: T) -> String {
    serde_json::to_string(&Envelope {
        kind: kind.to_owned(),
        format,
        body,
    })
    // Serializing plain data with string keys cannot fail; an empty file would be refused
    // on restore rather than restore something wrong.
    .unwrap_or_default()
}

/// What a file of `kind` holds, if it is one and no newer than `format`.
pub fn open<T: DeserializeOwned>(text: &str, kind: &str, format: u32) -> Result<T, RestoreError> {
    // The kind and format are read first, so a newer file is told apart from a broken one.
    #[derive(Deserialize)]
    struct Outside {
        #[serde(alias = "app")]
        kind: String,
        format: u32,
    }
    let outside: Outside = serde_json::from_str(text).map_err(|_| RestoreError::NotABackup)?;
    if outside.kind != kind {
        return Err(RestoreError::NotABackup);
    }
    if outside.format > format {
        return Err(RestoreError::TooNew);
    }
    serde_json::from_str(text).map_err(|_| RestoreError::NotABackup)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Body {
        items: Vec<u32>,
    }

    #[test]
    fn a_sealed_file_opens_to_what_it_holds() {
        let text = seal("latih-x", 2, Body { items: vec![1, 2] });
        assert!(text.contains(r#""kind":"latih-x""#), "{text}");
        assert!(
            text.contains("\"items\""),
            "the body's fields sit beside kind and format"
        );
        assert_eq!(
            open::<Body>(&text, "latih-x", 2),
            Ok(Body { items: vec![1, 2] })
        );
        // An older format is read by a newer app.
        assert_eq!(
            open::<Body>(&text, "latih-x", 3),
            Ok(Body { items: vec![1, 2] })
        );
    }

    #[test]
    fn another_kind_a_newer_format_or_damage_is_refused() {
        let text = seal("latih-x", 2, Body { items: vec![1] });
        assert_eq!(
            open::<Body>(&text, "latih-y", 2),
            Err(RestoreError::NotABackup)
        );
        assert_eq!(open::<Body>(&text, "latih-x", 1), Err(RestoreError::TooNew));
        // A newer file is "too new" even when its body no longer parses here.
        assert_eq!(
            open::<Body>(
                r#"{"kind":"latih-x","format":9,"items":"changed"}"#,
                "latih-x",
                2
            ),
            Err(RestoreError::TooNew)
        );
        assert_eq!(
            open::<Body>(r#"{"kind":"latih-x","format":2,"items":"x"}"#, "latih-x", 2),
            Err(RestoreError::NotABackup)
        );
        assert_eq!(
            open::<Body>("not json", "latih-x", 2),
            Err(RestoreError::NotABackup)
        );
        assert_eq!(
            open::<Body>("[1,2]", "latih-x", 2),
            Err(RestoreError::NotABackup)
        );
    }

    #[test]
    fn a_device_backup_from_before_the_envelope_still_opens() {
        // Device backups used to name their kind in `app`.
        let old = r#"{"app":"latih","format":1,"created_ms":5,"items":[3]}"#;
        assert_eq!(open::<Body>(old, "latih", 1), Ok(Body { items: vec![3] }));
    }
}

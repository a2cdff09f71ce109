//! The user's preferences on this device, read and written through a [`Store`].

use super::storage::{Store, StoreError};
use crate::i18n::Lang;

/// Storage key of the interface language.
pub const LANG_KEY: &str = "latih.lang";

/// The saved interface language; the default when nothing (or nothing readable) is saved.
pub fn load_lang(store: &Store) -> Lang {
    store
        .get(LANG_KEY)
        .ok()
        .flatten()
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

/// Saves the interface language.
pub fn save_lang(store: &Store, lang: Lang) -> Result<(), StoreError> {
    store.set(LANG_KEY, lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_round_trips_through_the_store() {
        let store = Store::memory();
        assert_eq!(load_lang(&store), Lang::Id, "Bahasa Indonesia by default");
        save_lang(&store, Lang::En).unwrap();
        assert_eq!(load_lang(&store), Lang::En);
    }

    #[test]
    fn unreadable_value_gives_the_default() {
        let store = Store::memory();
        store.set(LANG_KEY, "klingon").unwrap();
        assert_eq!(load_lang(&store), Lang::Id);
    }
}

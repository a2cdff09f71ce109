//! The contexts every component reads: the interface language ([`I18n`]) and the device's
//! storage ([`Store`]). Both apps provide them (through [`crate::shell::Shell`]); a component
//! outside a provider (an isolated render test) gets Bahasa Indonesia and memory storage.

use yew::prelude::*;

use crate::i18n::{t, Lang};
use crate::platform::prefs::{load_lang, save_lang};
use crate::platform::storage::{Store, StoreError};

/// The interface language and the way to change it, shared through context.
#[derive(Clone, Debug, PartialEq)]
pub struct I18n {
    /// The current language.
    pub lang: Lang,
    /// Switches the language (and remembers the choice).
    pub set_lang: Callback<Lang>,
}

impl I18n {
    /// The string for `text` in the current language.
    pub fn t<K: crate::i18n::Key>(&self, text: K) -> &'static str {
        t(self.lang, text)
    }
}

/// The language context; outside a provider (isolated component tests), Bahasa Indonesia.
#[hook]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n {
        lang: Lang::default(),
        set_lang: Callback::noop(),
    })
}

/// The interface language of an app on `store`: remembered across visits, written to the
/// page's `lang` attribute, and a storage failure to report (shared by the agent's and the
/// trainer's apps).
#[hook]
pub fn use_app_lang(store: &Store) -> (I18n, Option<StoreError>) {
    let lang = use_state(|| load_lang(store));
    let store_error = use_state(|| None::<StoreError>);
    {
        let store = store.clone();
        let store_error = store_error.clone();
        use_effect_with(*lang, move |lang| {
            let result = save_lang(&store, *lang).err();
            if *store_error != result {
                store_error.set(result);
            }
            set_document_lang(*lang);
        });
    }
    let i18n = I18n {
        lang: *lang,
        set_lang: {
            let lang = lang.clone();
            Callback::from(move |next: Lang| lang.set(next))
        },
    };
    (i18n, (*store_error).clone())
}

fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// The device's storage, shared through context (memory outside a provider).
#[hook]
pub fn use_store() -> Store {
    let fallback = use_memo((), |_| Store::memory());
    use_context::<Store>().unwrap_or_else(|| (*fallback).clone())
}

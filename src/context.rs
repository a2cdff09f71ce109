//! The contexts every component reads: the interface language ([`I18n`]), the device's
//! storage ([`Store`]) and what this visit holds beside storage ([`Visit`]). Both apps provide
//! them (through [`crate::shell::Shell`]); a component outside a provider (an isolated render
//! test) gets Bahasa Indonesia, memory storage and a visit of its own.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{t, Lang};
use crate::platform::prefs::{load_lang, save_lang};
use crate::platform::storage::{Store, StoreError};
use crate::practice::{Attempt, PracticeStore, SavedRun};

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
    crate::platform::page::set_lang_attribute(lang.code());
}

/// The device's storage, shared through context (memory outside a provider).
#[hook]
pub fn use_store() -> Store {
    let fallback = use_memo((), |_| Store::memory());
    use_context::<Store>().unwrap_or_else(|| (*fallback).clone())
}

/// What this visit holds beside storage, so that a storage failure loses nothing the agent
/// needs now: the run just started (handed from the briefing or the debrief to the play page,
/// so it plays even when storage refused it) and the attempts storage could not keep (so
/// their debrief still opens).
#[derive(Default)]
pub struct Visit {
    /// The run handed over, and whether storage kept it.
    handed_over: RefCell<Option<(SavedRun, bool)>>,
    /// Finished attempts storage refused, in the order they ended.
    unsaved: RefCell<Vec<Attempt>>,
}

impl Visit {
    /// Hands a freshly started run to the play page; `stored` says whether storage kept it.
    pub fn hand_over(&self, run: SavedRun, stored: bool) {
        *self.handed_over.borrow_mut() = Some((run, stored));
    }

    /// Takes the run handed over, if it is one of `scenario`'s (a run for another scenario is
    /// dropped: the agent went elsewhere), with whether storage kept it.
    pub fn take_run(&self, scenario: &str) -> Option<(SavedRun, bool)> {
        self.handed_over
            .borrow_mut()
            .take()
            .filter(|(run, _)| run.save.scenario == scenario)
    }

    /// Keeps an attempt storage refused; returns its index among [`Visit::attempts`].
    pub fn keep_unsaved(&self, practice: &PracticeStore, attempt: Attempt) -> usize {
        self.unsaved.borrow_mut().push(attempt);
        self.attempts(practice).len() - 1
    }

    /// The stored history followed by this visit's unsaved attempts (what debrief indices
    /// refer to).
    pub fn attempts(&self, practice: &PracticeStore) -> Vec<Attempt> {
        let mut all = practice.history().unwrap_or_default();
        all.extend(self.unsaved.borrow().iter().cloned());
        all
    }
}

/// The [`Visit`] as a context value: one per app, compared by identity.
#[derive(Clone, Default)]
pub struct VisitContext(pub Rc<Visit>);

impl PartialEq for VisitContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// This visit's runs and attempts beside storage. Outside a provider (a page rendered alone,
/// as in render tests) each render gets an empty visit of its own.
#[hook]
pub fn use_visit() -> Rc<Visit> {
    use_context::<VisitContext>()
        .map(|v| v.0)
        .unwrap_or_default()
}

//! The editor's autosave: shortly after the last change (so typing and large scenarios stay
//! quick), and at once when the page is hidden or closed or the trainer leaves the editor. It
//! never overwrites silently: when another tab saves the same scenario, or purges it, the
//! edit is held and the trainer chooses (take theirs, keep mine, or keep mine as a new
//! scenario); leaving while an edit is held keeps it as a new scenario, so nothing typed is
//! lost. The rules are in `saving.rs`, tested natively; this hook runs them on the
//! browser's timers and events.

use std::rc::Rc;

use yew::prelude::*;

use super::save_indicator::SaveState;
use super::saving::{other_tab, Leave, OtherTab, SaveBook, Settled};
use super::state::{Editor, EditorAction, Mirror};
use crate::context::use_store;
use crate::engine::Scenario;
use crate::platform::clock::now_ms;
use crate::trainer::storage::scenarios::{new_uid, SaveError, ScenarioStore};
use crate::trainer::TrainerRoute;

/// How long after the last change the editor saves.
const SAVE_DELAY_MS: i32 = 400;
/// Nodes the autosave writes per task: about 10 ms on a slow laptop.
const SAVE_SLICE_NODES: usize = 200;

/// What the autosave gives the editor page.
pub(super) struct Autosave {
    /// What the save indicator shows.
    pub(super) status: Rc<SaveState>,
    /// Saves what is unsaved now (unless a banner holds the edit).
    pub(super) flush: Rc<dyn Fn()>,
    /// The scenario was purged in another tab.
    pub(super) gone: bool,
    /// Another tab saved a different version of the scenario.
    pub(super) conflict: bool,
    /// Takes the other tab's version.
    pub(super) take_theirs: Callback<MouseEvent>,
    /// Keeps this tab's version, replacing the other tab's.
    pub(super) keep_mine: Callback<MouseEvent>,
    /// Keeps this tab's version as a new scenario and opens it.
    pub(super) keep_as_new: Callback<MouseEvent>,
}

/// Saves the scenario `uid` as `mirror` holds it after each change (`changes` counts them)
/// and watches other tabs; `editor` takes the other tab's version when the trainer asks.
#[hook]
pub(super) fn use_autosave(
    uid: &AttrValue,
    mirror: &Mirror,
    changes: u64,
    editor: UseReducerDispatcher<Editor>,
) -> Autosave {
    let store = ScenarioStore::new(use_store());
    let status = use_memo((), |_| Rc::new(SaveState::default()));
    let status = (*status).clone();

    // What was saved, and whether a banner holds the edit (see `saving.rs` for the rules).
    let book = use_mut_ref(SaveBook::default);
    let latest = {
        let mirror = mirror.clone();
        move || mirror.borrow().1
    };
    // True once the scenario was purged in another tab: nothing is saved under its id then,
    // and the trainer is offered to keep the text as a new scenario.
    let gone = use_state(|| false);
    // What a save's outcome does: remembers what was saved, or shows why not. A failed save
    // is tried again at the next change, hide or close.
    let settle = {
        let (status, book, gone) = (status.clone(), book.clone(), gone.setter());
        Rc::new(move |result: Result<(), SaveError>, changes: u64| {
            match book.borrow_mut().settle(result, changes) {
                Settled::Saved => status.set_failed(false),
                Settled::Failed => status.set_failed(true),
                Settled::Gone => gone.set(true),
            }
        })
    };
    let save = {
        let (store, uid, mirror, settle) = (
            store.clone(),
            uid.to_string(),
            mirror.clone(),
            settle.clone(),
        );
        Rc::new(move || {
            let (scenario, changes) = mirror.borrow().clone();
            settle(store.save(&uid, &scenario, now_ms()), changes);
        })
    };
    // The timer's save, written a slice of nodes per task so that a large scenario's autosave
    // never holds the page (hiding or leaving the page saves at once, in one go).
    let autosave = {
        let (store, uid, mirror, book, status, settle) = (
            store.clone(),
            uid.to_string(),
            mirror.clone(),
            book.clone(),
            status.clone(),
            settle.clone(),
        );
        Rc::new(move || {
            let (scenario, changes) = mirror.borrow().clone();
            if !book.borrow().still_wanted(changes, changes) {
                status.set_pending(false);
                return;
            }
            let (store, uid, mirror, book, status, settle) = (
                store.clone(),
                uid.clone(),
                mirror.clone(),
                book.clone(),
                status.clone(),
                settle.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let mut export = crate::engine::CompactExport::new(&scenario);
                while !export.step(&scenario, SAVE_SLICE_NODES) {
                    crate::platform::events::next_task().await;
                }
                let text = export.finish();
                crate::platform::events::next_task().await;
                let latest = mirror.borrow().1;
                if book.borrow().still_wanted(changes, latest) {
                    settle(store.save_text(&uid, &scenario, text, now_ms()), changes);
                }
                if latest <= changes {
                    status.set_pending(false);
                }
            });
        })
    };
    // Leaving with a held edit keeps it as a new scenario in the library, once.
    let keep_as_new = {
        let (store, mirror, book) = (store.clone(), mirror.clone(), book.clone());
        Rc::new(move || -> Option<String> {
            if let Some(uid) = book.borrow().kept() {
                return Some(uid);
            }
            let mine = mirror.borrow().0.clone();
            let taken: Vec<String> = store
                .entries()
                .map(|all| all.into_iter().map(|e| e.id).collect())
                .unwrap_or_default();
            let copy = crate::trainer::storage::scenarios::copy_of(&mine, &taken);
            let uid = store.add(&copy, new_uid(), now_ms()).ok()?;
            book.borrow_mut().kept_as(uid.clone());
            Some(uid)
        })
    };
    let flush = {
        let (save, book, status, latest) =
            (save.clone(), book.clone(), status.clone(), latest.clone());
        Rc::new(move || {
            // While a banner holds the edit nothing is saved, and the indicator stays as it is.
            if book.borrow().holding() {
                return;
            }
            let unsaved = book.borrow().unsaved(latest());
            if unsaved {
                save();
            }
            status.set_pending(false);
        })
    };
    let leave = {
        let (flush, book, keep_as_new, latest) = (
            flush.clone(),
            book.clone(),
            keep_as_new.clone(),
            latest.clone(),
        );
        Rc::new(move || {
            let leave = book.borrow().leave(latest());
            match leave {
                // Saved at once; the indicator is right if the page comes back from the cache.
                Leave::Save | Leave::Nothing => flush(),
                // A failed copy leaves the edit held here; the browser asked before closing.
                Leave::KeepCopy => drop(keep_as_new()),
                Leave::KeptAs(_) => {}
            }
        })
    };
    let timer = use_mut_ref(|| None::<crate::platform::events::Timer>);
    {
        let (autosave, timer, status) = (autosave.clone(), timer.clone(), status.clone());
        use_effect_with(changes, move |changes| {
            if *changes > 0 {
                status.set_pending(true);
                let autosave = autosave.clone();
                *timer.borrow_mut() =
                    crate::platform::events::Timer::new(SAVE_DELAY_MS, move || autosave());
            }
        });
    }
    {
        let (flush, leave, book, latest) =
            (flush.clone(), leave.clone(), book.clone(), latest.clone());
        use_effect_with((), move |_| {
            // The browser asks before closing or reloading a tab that holds an unsaved edit
            // (which, if the trainer leaves all the same, is kept as a copy).
            let ask = crate::platform::events::WindowListener::new("beforeunload", move |e| {
                if book.borrow().ask_before_closing(latest()) {
                    e.prevent_default();
                }
            });
            let on_hide = {
                let flush = flush.clone();
                move |_| {
                    if crate::platform::page::is_hidden() {
                        flush()
                    }
                }
            };
            let hidden = crate::platform::events::WindowListener::new("visibilitychange", on_hide);
            let closing = {
                let leave = leave.clone();
                crate::platform::events::WindowListener::new("pagehide", move |_| {
                    // Leaving the focused field commits what was typed in it (its change
                    // event is handled at once), then everything is saved.
                    crate::platform::page::commit_focused_field();
                    leave()
                })
            };
            move || {
                drop((ask, hidden, closing));
                leave();
            }
        });
    }
    // Another tab saving the same scenario: never overwrite silently, let the trainer choose.
    let conflict = use_state(|| None::<Rc<Scenario>>);
    {
        let (conflict, mirror, book, gone, uid) = (
            conflict.clone(),
            mirror.clone(),
            book.clone(),
            gone.clone(),
            uid.to_string(),
        );
        use_effect_with(uid, move |uid| {
            let uid = uid.clone();
            let listener = crate::platform::events::WindowListener::new("storage", move |e| {
                let Some(change) = crate::platform::events::storage_change(&e) else {
                    return;
                };
                let seen = other_tab(&change, &uid, &mirror.borrow().0);
                match seen {
                    OtherTab::Nothing => {}
                    OtherTab::Gone => {
                        book.borrow_mut().hold();
                        gone.set(true);
                    }
                    OtherTab::Changed(theirs) => {
                        book.borrow_mut().hold();
                        conflict.set(Some(Rc::new(*theirs)));
                    }
                }
            });
            move || drop(listener)
        });
    }
    let take_theirs = {
        let (editor, conflict, book) = (editor.clone(), conflict.clone(), book.clone());
        Callback::from(move |_| {
            book.borrow_mut().release();
            if let Some(theirs) = (*conflict).clone() {
                editor.dispatch(EditorAction::Replace(theirs));
            }
            conflict.set(None);
        })
    };
    let keep_mine = {
        let (save, conflict, book) = (save.clone(), conflict.clone(), book.clone());
        Callback::from(move |_| {
            book.borrow_mut().release();
            // Written even with nothing unsaved: this version replaces the other tab's.
            save();
            conflict.set(None);
        })
    };
    let keep_as_new_button = {
        let (keep_as_new, book, navigator) = (
            keep_as_new.clone(),
            book.clone(),
            crate::router::use_navigator(),
        );
        Callback::from(move |_| {
            if let Some(uid) = keep_as_new() {
                book.borrow_mut().release();
                navigator.push_path(TrainerRoute::Scenario { uid }.path());
            }
        })
    };
    Autosave {
        status,
        flush,
        gone: *gone,
        conflict: conflict.is_some(),
        take_theirs,
        keep_mine,
        keep_as_new: keep_as_new_button,
    }
}

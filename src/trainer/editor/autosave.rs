//! The editor's autosave: shortly after the last change (so typing and large scenarios stay
//! quick), and at once when the page is hidden or closed or the trainer leaves the editor. It
//! never overwrites silently: when another tab saves the same scenario, or purges it, the
//! edit is held and the trainer chooses (take theirs, keep mine, or keep mine as a new
//! scenario); leaving while an edit is held keeps it as a new scenario, so nothing typed is
//! lost.

use std::rc::Rc;

use yew::prelude::*;

use super::save_indicator::SaveState;
use super::state::{Editor, EditorAction, Mirror};
use crate::context::use_store;
use crate::engine::Scenario;
use crate::platform::clock::now_ms;
use crate::trainer::storage::scenarios::{new_uid, ScenarioStore};
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

    // Autosave: shortly after the last change (so typing and large scenarios stay quick),
    // and at once when the page is hidden or closed, or the trainer leaves the editor. What is
    // saved is `mirror`, the scenario as last edited.
    let saved_changes = use_mut_ref(|| 0u64);
    // True while the other-tab banner waits for the trainer's choice: nothing is saved then.
    let held = use_mut_ref(|| false);
    // Writes the latest scenario; a failed save is tried again at the next change, hide or close.
    // True once the scenario was purged in another tab: nothing is saved under its id then,
    // and the trainer is offered to keep the text as a new scenario.
    let gone = use_state(|| false);
    // What a save's outcome does: remembers what was saved, or shows why not.
    let settle = {
        let (status, saved_changes, gone, held) = (
            status.clone(),
            saved_changes.clone(),
            gone.setter(),
            held.clone(),
        );
        Rc::new(
            move |result: Result<(), crate::trainer::storage::scenarios::SaveError>,
                  changes: u64| {
                match result {
                    Ok(()) => {
                        status.set_failed(false);
                        *saved_changes.borrow_mut() = changes;
                    }
                    Err(crate::trainer::storage::scenarios::SaveError::Gone) => {
                        *held.borrow_mut() = true;
                        gone.set(true);
                    }
                    Err(crate::trainer::storage::scenarios::SaveError::Store(_)) => {
                        status.set_failed(true)
                    }
                }
            },
        )
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
    // never holds the page (hiding or leaving the page saves at once, in one go). A save that
    // finds the same or a newer edit already saved (by the page being hidden meanwhile) stops.
    let autosave = {
        let (store, uid, mirror, saved_changes, held, status, settle) = (
            store.clone(),
            uid.to_string(),
            mirror.clone(),
            saved_changes.clone(),
            held.clone(),
            status.clone(),
            settle.clone(),
        );
        Rc::new(move || {
            let (scenario, changes) = mirror.borrow().clone();
            let unsaved = {
                let (mirror, saved_changes, held) =
                    (mirror.clone(), saved_changes.clone(), held.clone());
                move || {
                    !*held.borrow()
                        && changes > *saved_changes.borrow()
                        && changes <= mirror.borrow().1
                }
            };
            if !unsaved() {
                status.set_pending(false);
                return;
            }
            let (store, uid, mirror, status, settle) = (
                store.clone(),
                uid.clone(),
                mirror.clone(),
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
                if unsaved() {
                    settle(store.save_text(&uid, &scenario, text, now_ms()), changes);
                }
                if mirror.borrow().1 <= changes {
                    status.set_pending(false);
                }
            });
        })
    };
    // Leaving (closing, reloading or another page) while the banner holds an edit: the edit
    // is kept as a new scenario in the library, once, so nothing typed here is lost.
    let kept_as_copy = use_mut_ref(|| None::<String>);
    let keep_as_new = {
        let (store, mirror, kept_as_copy) = (store.clone(), mirror.clone(), kept_as_copy.clone());
        Rc::new(move || -> Option<String> {
            if let Some(uid) = kept_as_copy.borrow().clone() {
                return Some(uid);
            }
            let mine = mirror.borrow().0.clone();
            let taken: Vec<String> = store
                .entries()
                .map(|all| all.into_iter().map(|e| e.id).collect())
                .unwrap_or_default();
            let copy = crate::trainer::storage::scenarios::copy_of(&mine, &taken);
            let uid = store.add(&copy, new_uid(), now_ms()).ok()?;
            *kept_as_copy.borrow_mut() = Some(uid.clone());
            Some(uid)
        })
    };
    let flush = {
        let (save, mirror, saved_changes, held, status) = (
            save.clone(),
            mirror.clone(),
            saved_changes.clone(),
            held.clone(),
            status.clone(),
        );
        Rc::new(move || {
            if *held.borrow() {
                return;
            }
            if mirror.borrow().1 > *saved_changes.borrow() {
                save();
            }
            status.set_pending(false);
        })
    };
    let leave = {
        let (flush, held, mirror, saved_changes, keep_as_new) = (
            flush.clone(),
            held.clone(),
            mirror.clone(),
            saved_changes.clone(),
            keep_as_new.clone(),
        );
        Rc::new(move || {
            if *held.borrow() {
                if mirror.borrow().1 > *saved_changes.borrow() {
                    let _ = keep_as_new();
                }
            } else {
                flush();
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
        let (flush, leave, held, mirror, saved_changes) = (
            flush.clone(),
            leave.clone(),
            held.clone(),
            mirror.clone(),
            saved_changes.clone(),
        );
        use_effect_with((), move |_| {
            // The browser asks before closing or reloading a tab that holds an unsaved edit
            // (which, if the trainer leaves all the same, is kept as a copy).
            let ask = crate::platform::events::WindowListener::new("beforeunload", move |e| {
                if *held.borrow() && mirror.borrow().1 > *saved_changes.borrow() {
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
        let (conflict, mirror, held, gone, uid) = (
            conflict.clone(),
            mirror.clone(),
            held.clone(),
            gone.clone(),
            uid.to_string(),
        );
        use_effect_with(uid, move |uid| {
            let key = crate::trainer::storage::scenarios::text_key(uid);
            let uid = uid.clone();
            let listener = crate::platform::events::WindowListener::new("storage", move |e| {
                let Some(e) = crate::platform::events::storage_change(&e) else {
                    return;
                };
                // Purged in another tab (or storage cleared): the list no longer has it.
                let index = e
                    .key
                    .as_deref()
                    .is_none_or(|k| k == crate::trainer::storage::scenarios::INDEX_KEY);
                if index {
                    let listed = e
                        .new_value
                        .as_deref()
                        .and_then(|t| {
                            serde_json::from_str::<Vec<crate::trainer::storage::scenarios::Entry>>(
                                t,
                            )
                            .ok()
                        })
                        .is_some_and(|all| all.iter().any(|en| en.uid == uid));
                    if !listed {
                        *held.borrow_mut() = true;
                        gone.set(true);
                    }
                    return;
                }
                if e.key.as_deref() != Some(key.as_str()) {
                    return;
                }
                let Some(theirs) = e
                    .new_value
                    .as_deref()
                    .and_then(|t| crate::trainer::storage::scenarios::read_stored(t).ok())
                else {
                    return;
                };
                if theirs != *mirror.borrow().0 {
                    *held.borrow_mut() = true;
                    conflict.set(Some(Rc::new(theirs)));
                }
            });
            move || drop(listener)
        });
    }
    let take_theirs = {
        let (editor, conflict, held) = (editor.clone(), conflict.clone(), held.clone());
        Callback::from(move |_| {
            *held.borrow_mut() = false;
            if let Some(theirs) = (*conflict).clone() {
                editor.dispatch(EditorAction::Replace(theirs));
            }
            conflict.set(None);
        })
    };
    let keep_mine = {
        let (save, conflict, held) = (save.clone(), conflict.clone(), held.clone());
        Callback::from(move |_| {
            *held.borrow_mut() = false;
            // Written even with nothing unsaved: this version replaces the other tab's.
            save();
            conflict.set(None);
        })
    };
    let keep_as_new_button = {
        let (keep_as_new, held, navigator) = (
            keep_as_new.clone(),
            held.clone(),
            crate::router::use_navigator(),
        );
        Callback::from(move |_| {
            if let Some(uid) = keep_as_new() {
                *held.borrow_mut() = false;
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

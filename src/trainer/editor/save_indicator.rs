//! The editor's save indicator ("Saving...", "Saved", "Not saved", "No changes") and the state
//! the autosave sets it from without rendering the editor again.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::context::use_i18n;
use crate::i18n::TrainerText;

/// What the editor's save indicator says, changed by the autosave without rendering the editor
/// again: on a large scenario a render of the editor is tens of milliseconds, and the autosave
/// would otherwise cause two per edit (saving..., then saved).
#[derive(Default)]
pub(super) struct SaveState {
    /// A change waits for the autosave.
    pending: std::cell::Cell<bool>,
    /// The last save failed (the storage is full or refused).
    failed: std::cell::Cell<bool>,
    /// Redraws the indicator (set by [`SaveIndicator`] while it is on the page).
    redraw: RefCell<Option<Callback<()>>>,
}

impl SaveState {
    pub(super) fn set_pending(&self, pending: bool) {
        if self.pending.replace(pending) != pending {
            self.redraw();
        }
    }

    pub(super) fn set_failed(&self, failed: bool) {
        if self.failed.replace(failed) != failed {
            self.redraw();
        }
    }

    fn redraw(&self) {
        let redraw = self.redraw.borrow().clone();
        if let Some(redraw) = redraw {
            redraw.emit(());
        }
    }
}

/// Props of [`SaveIndicator`].
#[derive(Properties)]
pub(super) struct SaveIndicatorProps {
    pub(super) state: Rc<SaveState>,
    /// The scenario was changed in this editor.
    pub(super) changed: bool,
}

impl PartialEq for SaveIndicatorProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.state, &other.state) && self.changed == other.changed
    }
}

/// "Saving...", "Saved", "Not saved" or "No changes", beside the editor's buttons.
#[function_component]
pub(super) fn SaveIndicator(props: &SaveIndicatorProps) -> Html {
    let i18n = use_i18n();
    let update = use_force_update();
    {
        let state = props.state.clone();
        use_effect_with((), move |_| {
            *state.redraw.borrow_mut() = Some(Callback::from(move |_| update.force_update()));
            move || drop(state.redraw.borrow_mut().take())
        });
    }
    let state = &props.state;
    let text = if state.failed.get() {
        TrainerText::ScenarioNotSaved
    } else if state.pending.get() {
        TrainerText::Saving
    } else if props.changed {
        TrainerText::Saved
    } else {
        TrainerText::NoChanges
    };
    html! { <span class="hint" role="status" data-testid="save-state">{ i18n.t(text) }</span> }
}

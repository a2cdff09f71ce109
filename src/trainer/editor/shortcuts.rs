//! The editor's keyboard shortcuts: Ctrl+Z undoes and Ctrl+Y (or Ctrl+Shift+Z) redoes, outside
//! text fields, which have their own undo. Cmd works for Ctrl on a Mac.

use yew::prelude::*;

use super::state::{Editor, EditorAction};

/// Listens for the shortcuts while the editor is on the page.
#[hook]
pub(super) fn use_undo_shortcuts(dispatcher: UseReducerDispatcher<Editor>) {
    use_effect_with((), move |_| {
        let listener = crate::platform::events::WindowListener::new("keydown", move |e| {
            let Some(key) = crate::platform::events::key_press(&e).filter(|k| k.command) else {
                return;
            };
            match (key.key.to_ascii_lowercase().as_str(), key.shift) {
                ("z", false) => {
                    e.prevent_default();
                    dispatcher.dispatch(EditorAction::Undo)
                }
                ("z", true) | ("y", _) => {
                    e.prevent_default();
                    dispatcher.dispatch(EditorAction::Redo)
                }
                _ => {}
            }
        });
        move || drop(listener)
    });
}

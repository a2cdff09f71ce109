//! The editor's keyboard shortcuts: Ctrl+Z undoes and Ctrl+Y (or Ctrl+Shift+Z) redoes, outside
//! text fields, which have their own undo. Cmd works for Ctrl on a Mac.

use yew::prelude::*;

use super::state::{Editor, EditorAction};

/// Listens for the shortcuts while the editor is on the page.
#[hook]
pub(super) fn use_undo_shortcuts(dispatcher: UseReducerDispatcher<Editor>) {
    use_effect_with((), move |_| {
        let listener = crate::platform::events::WindowListener::new("keydown", move |e| {
            use wasm_bindgen::JsCast;
            let Ok(key) = e.dyn_into::<web_sys::KeyboardEvent>() else {
                return;
            };
            let in_field = key
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                });
            if in_field || !(key.ctrl_key() || key.meta_key()) {
                return;
            }
            match (key.key().to_ascii_lowercase().as_str(), key.shift_key()) {
                ("z", false) => {
                    key.prevent_default();
                    dispatcher.dispatch(EditorAction::Undo)
                }
                ("z", true) | ("y", _) => {
                    key.prevent_default();
                    dispatcher.dispatch(EditorAction::Redo)
                }
                _ => {}
            }
        });
        move || drop(listener)
    });
}

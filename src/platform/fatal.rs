//! What the user sees when the app dies. With `panic = "abort"` a panic ends the wasm instance,
//! so the message is written into a static element of index.html before the abort, in the saved
//! language, and the element's reload link needs no wasm to work.

use super::prefs::load_lang;
use super::storage::Store;
use crate::i18n::{t, Text};

/// Logs panics to the console and shows the fatal-error banner.
pub fn install_panic_handler() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal_banner();
    }));
}

fn show_fatal_banner() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lang = load_lang(&Store::browser());
    for (id, text) in [
        ("fatal-title", Text::FatalTitle),
        ("fatal-body", Text::FatalBody),
        ("fatal-reload", Text::FatalReload),
    ] {
        if let Some(el) = document.get_element_by_id(id) {
            el.set_text_content(Some(t(lang, text)));
        }
    }
    if let Some(banner) = document.get_element_by_id("fatal") {
        let _ = banner.remove_attribute("hidden");
    }
}

//! The page the app runs in: its address, focus, printing, new tabs, whether it is hidden, its
//! language attribute, and performance marks for the benchmarks. Components call these
//! instead of reaching for `window` and `document`; outside a browser (native tests) each does
//! nothing and reports the page as plain: no address, not hidden.

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The page's full address (empty outside a browser).
pub fn address() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Focuses the first element `selector` matches and brings it into view; nothing happens if
/// none does.
pub fn focus(selector: &str) {
    if let Some(el) = document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
        el.scroll_into_view();
    }
}

/// Focuses the element `node` holds, if it holds one that can take the focus; `scroll` also
/// brings it into view.
pub fn focus_node(node: &yew::NodeRef, scroll: bool) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
        if scroll {
            el.scroll_into_view();
        }
    }
}

/// Clicks the element with `id` (e.g. a hidden file input behind a styled button).
pub fn click(id: &str) {
    if let Some(el) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.click();
    }
}

/// Leaves the focused field, so what was typed in it is committed (its change event runs at
/// once) before the page goes away.
pub fn commit_focused_field() {
    if let Some(field) = document()
        .and_then(|d| d.active_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = field.blur();
    }
}

/// Whether the page is hidden (another tab, the phone locked, the app in the background).
pub fn is_hidden() -> bool {
    document().is_some_and(|d| d.hidden())
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Opens `url` in a new tab.
pub fn open_in_new_tab(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.open_with_url_and_target(url, "_blank");
    }
}

/// Writes the interface language to the page's `lang` attribute (for screen readers and
/// the browser's spelling and hyphenation).
pub fn set_lang_attribute(code: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", code);
    }
}

/// Sets a performance mark the benchmarks read (`performance.mark`).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Measures from the mark `start` to now as `name`, and clears `start`; nothing if `start` was
/// not set.
pub fn measure(name: &str, start: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        if p.get_entries_by_name(start).length() != 0 {
            let _ = p.measure_with_start_mark(name, start);
            p.clear_marks_with_mark_name(start);
        }
    }
}

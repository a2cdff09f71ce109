//! The page the app runs in: its `#app` element, its address and the address's fragment (the
//! route), focus, scrolling (the page's top, a scrolling element's box), printing, new tabs,
//! whether it is hidden, its language attribute, and performance marks for the benchmarks. Components call these
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

/// The page's `#app` element, where an app is mounted.
pub fn app_element() -> Option<web_sys::Element> {
    document().and_then(|d| d.get_element_by_id("app"))
}

/// The address's fragment without its `#` ("" if none).
pub fn hash() -> String {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_owned()
}

/// Sets the address's fragment (the browser then fires `hashchange`).
pub fn set_hash(fragment: &str) {
    if let Some(location) = web_sys::window().map(|w| w.location()) {
        // Setting the fragment of the page's own address cannot be refused.
        let _ = location.set_hash(fragment);
    }
}

/// Leaves this page for `url` (e.g. from the install page to the agents' app).
pub fn open(url: &str) {
    if let Some(location) = web_sys::window().map(|w| w.location()) {
        let _ = location.assign(url);
    }
}

/// Goes back one step in the tab's history (from the QR page to the debrief).
pub fn back() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.back();
    }
}

/// Scrolls the page to its top.
pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Where a scrolling element is scrolled to and how much of it shows, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScrollBox {
    /// How far it is scrolled from its left edge.
    pub left: i32,
    /// How far it is scrolled from its top.
    pub top: i32,
    /// The width that shows.
    pub width: i32,
    /// The height that shows.
    pub height: i32,
}

/// The scroll position and visible size of the element `node` holds.
pub fn scroll_box(node: &yew::NodeRef) -> Option<ScrollBox> {
    node.cast::<web_sys::Element>().map(|el| ScrollBox {
        left: el.scroll_left(),
        top: el.scroll_top(),
        width: el.client_width(),
        height: el.client_height(),
    })
}

/// Scrolls the element `node` holds to `left`, `top`.
pub fn scroll_to(node: &yew::NodeRef, left: i32, top: i32) {
    if let Some(el) = node.cast::<web_sys::Element>() {
        el.set_scroll_left(left);
        el.set_scroll_top(top);
    }
}

/// Whether the event's target is inside an element `selector` matches (or is one).
pub fn target_within(e: &web_sys::Event, selector: &str) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(selector).ok().flatten())
        .is_some()
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

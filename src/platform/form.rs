//! Form fields, read and written from event handlers and node refs: a field's value, whether a
//! box is ticked, and the files a picker holds. Components call these instead of casting event
//! targets to `web_sys` element types. An input, a select and a text area all have a `value`
//! (and a checkbox a `checked`) but no shared interface, so the property is read by name; a
//! target without it reads as empty or unticked, never as a panic.

use wasm_bindgen::JsValue;
use yew::{Event, NodeRef};

fn get(target: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn set(target: &JsValue, value: &str) {
    // Setting `value` throws only where a field refuses the value (a file input given text),
    // which no caller does; a refusal leaves the field as it was.
    let _ = js_sys::Reflect::set(
        target,
        &JsValue::from_str("value"),
        &JsValue::from_str(value),
    );
}

fn target(e: &Event) -> JsValue {
    e.target().map_or(JsValue::UNDEFINED, JsValue::from)
}

fn node(field: &NodeRef) -> JsValue {
    field.get().map_or(JsValue::UNDEFINED, JsValue::from)
}

/// The value of the field the event came from ("" if it has none).
pub fn value_of(e: &Event) -> String {
    get(&target(e), "value").as_string().unwrap_or_default()
}

/// Writes the value of the field the event came from (e.g. to show the number kept).
pub fn set_value_of(e: &Event, value: &str) {
    set(&target(e), value);
}

/// Whether the checkbox the event came from is ticked.
pub fn checked_of(e: &Event) -> bool {
    get(&target(e), "checked").as_bool().unwrap_or(false)
}

/// The value of the field `field` holds (`None` if it holds none).
pub fn value_at(field: &NodeRef) -> Option<String> {
    get(&node(field), "value").as_string()
}

/// Writes the value of the field `field` holds, if it holds one.
pub fn set_value_at(field: &NodeRef, value: &str) {
    let target = node(field);
    if !target.is_undefined() {
        set(&target, value);
    }
}

/// Whether the checkbox `field` holds is ticked.
pub fn checked_at(field: &NodeRef) -> bool {
    get(&node(field), "checked").as_bool().unwrap_or(false)
}

/// The files picked in the file input the event came from; the input is emptied, so picking
/// the same file again is a change too.
pub fn take_files(e: &Event) -> Vec<super::files::File> {
    use wasm_bindgen::JsCast;
    let Some(input) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = super::files::files_of(input.files());
    input.set_value("");
    files
}

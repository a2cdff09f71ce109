//! Handing text to the agent's other apps: the clipboard, and the phone's share sheet
//! (WhatsApp and the like). Both are looked up at run time, so a browser without them just
//! gets no share button, never an error.

use wasm_bindgen::JsValue;

fn navigator_member(name: &str) -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Whether the browser has a share sheet (`navigator.share`).
pub fn can_share() -> bool {
    navigator_member("share").is_some()
}

async fn call(target: &JsValue, method: &str, arg: &JsValue) -> bool {
    use wasm_bindgen::JsCast;
    let Some(function) = js_sys::Reflect::get(target, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    let Ok(promise) = function.call1(target, arg) else {
        return false;
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Copies `text` to the clipboard; false if the browser refused.
pub async fn copy_text(text: &str) -> bool {
    match navigator_member("clipboard") {
        Some(clipboard) => call(&clipboard, "writeText", &text.into()).await,
        None => false,
    }
}

/// Opens the share sheet with `text`; false if there is none or the agent cancelled.
pub async fn share_text(title: &str, text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| JsValue::from(w.navigator())) else {
        return false;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"text".into(), &text.into());
    call(&navigator, "share", &data).await
}

//! The browser's storage manager (usage, quota, persistence) and the service worker's update
//! signal (set by static/sw-register.js).

use wasm_bindgen::JsCast;

/// Storage used and available to the app, in bytes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Usage {
    /// Bytes used.
    pub used: f64,
    /// Bytes the browser allows.
    pub quota: f64,
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older browsers have no navigator.storage.
    js_sys::Reflect::get(&navigator, &"storage".into())
        .ok()
        .filter(|v| !v.is_undefined())?;
    Some(navigator.storage())
}

async fn await_promise(
    p: Result<js_sys::Promise, wasm_bindgen::JsValue>,
) -> Option<wasm_bindgen::JsValue> {
    wasm_bindgen_futures::JsFuture::from(p.ok()?).await.ok()
}

/// How much storage the app uses, if the browser says.
pub async fn usage() -> Option<Usage> {
    // A dictionary, not a class instance: no instanceof check is possible.
    let estimate: web_sys::StorageEstimate =
        await_promise(manager()?.estimate()).await?.unchecked_into();
    Some(Usage {
        used: estimate.get_usage()?,
        quota: estimate.get_quota()?,
    })
}

/// Whether the browser has promised to keep the app's storage.
pub async fn persisted() -> Option<bool> {
    await_promise(manager()?.persisted()).await?.as_bool()
}

/// Asks the browser to keep the app's storage under pressure; returns whether it agreed.
pub async fn request_persistence() -> Option<bool> {
    await_promise(manager()?.persist()).await?.as_bool()
}

/// Whether a new version of the app is installed and waiting for a reload.
pub fn update_ready() -> bool {
    if !cfg!(target_arch = "wasm32") {
        return false;
    }
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"latihUpdateReady".into()).ok())
        .is_some_and(|v| v.is_truthy())
}

/// Switches to the waiting version and reloads.
pub fn apply_update() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let apply = js_sys::Reflect::get(&window, &"latihApplyUpdate".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match apply {
        Some(f) => {
            let _ = f.call0(&window);
        }
        None => {
            let _ = window.location().reload();
        }
    }
}

/// Whether the browser says it is online (outside a browser: yes).
pub fn online() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window().is_none_or(|w| w.navigator().on_line())
    }
    #[cfg(not(target_arch = "wasm32"))]
    true
}

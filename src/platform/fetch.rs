//! Fetching the app's own files (the scenario pack) from the same origin; natively, from files
//! a test serves with [`serve`].

/// Why a file could not be fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// No network and not cached, or the request failed.
    Network,
    /// The server answered with this HTTP status.
    Status(u16),
}

/// The bytes of `path` (relative to the app).
#[cfg(target_arch = "wasm32")]
pub async fn fetch_bytes(path: &str) -> Result<Vec<u8>, FetchError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| FetchError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| FetchError::Network)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| FetchError::Network)?)
        .await
        .map_err(|_| FetchError::Network)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

// Outside the browser (native tests): the answers [`serve`] set, per thread.
#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static SERVED: std::cell::RefCell<std::collections::HashMap<String, Result<Vec<u8>, FetchError>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Outside the browser (native tests): makes [`fetch_bytes`] of `path` answer `answer` on
/// this thread. A path never served answers as a server would: 404.
#[cfg(not(target_arch = "wasm32"))]
pub fn serve(path: &str, answer: Result<Vec<u8>, FetchError>) {
    SERVED.with(|s| s.borrow_mut().insert(path.to_owned(), answer));
}

/// The in-memory twin: what [`serve`] set for `path`.
#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_bytes(path: &str) -> Result<Vec<u8>, FetchError> {
    SERVED
        .with(|s| s.borrow().get(path).cloned())
        .unwrap_or(Err(FetchError::Status(404)))
}

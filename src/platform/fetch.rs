//! Fetching the app's own files (the scenario pack) from the same origin.

/// Why a file could not be fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// No network and not cached, or the request failed.
    Network,
    /// The server answered with this HTTP status.
    Status(u16),
}

/// The text of `path` (relative to the app).
#[cfg(target_arch = "wasm32")]
pub async fn fetch_text(path: &str) -> Result<String, FetchError> {
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
    let text = JsFuture::from(response.text().map_err(|_| FetchError::Network)?)
        .await
        .map_err(|_| FetchError::Network)?;
    text.as_string().ok_or(FetchError::Network)
}

/// Outside the browser there is nothing to fetch from.
#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_text(_path: &str) -> Result<String, FetchError> {
    Err(FetchError::Network)
}

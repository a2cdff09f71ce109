//! Fetching the app's own files (the scenario pack) from the same origin.

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

/// Outside the browser there is nothing to fetch from.
#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_bytes(_path: &str) -> Result<Vec<u8>, FetchError> {
    Err(FetchError::Network)
}

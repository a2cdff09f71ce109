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

/// An HTTP answer: its status and body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// HTTP status.
    pub status: u16,
    /// The body as text.
    pub body: String,
}

/// A request to another server (the learning record store): `method` on `url` with `headers`
/// and a text `body`. `Err(Network)` when no answer came (offline, refused, or blocked by
/// CORS: a browser does not say which).
#[cfg(target_arch = "wasm32")]
pub async fn request(
    method: &str,
    url: &str,
    headers: &[(&str, String)],
    body: Option<&str>,
) -> Result<Answer, FetchError> {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    let object = js_sys::Object::new();
    for (name, value) in headers {
        js_sys::Reflect::set(&object, &JsValue::from_str(name), &JsValue::from_str(value))
            .map_err(|_| FetchError::Network)?;
    }
    init.set_headers(&object);
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(body));
    }
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| FetchError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| FetchError::Network)?;
    let text = JsFuture::from(response.text().map_err(|_| FetchError::Network)?)
        .await
        .map_err(|_| FetchError::Network)?;
    Ok(Answer {
        status: response.status(),
        body: text.as_string().unwrap_or_default(),
    })
}

/// Outside the browser (native tests): no other server answers.
#[cfg(not(target_arch = "wasm32"))]
pub async fn request(
    _method: &str,
    _url: &str,
    _headers: &[(&str, String)],
    _body: Option<&str>,
) -> Result<Answer, FetchError> {
    Err(FetchError::Network)
}

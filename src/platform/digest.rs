//! Content hashes of compiled scenarios, with the browser's own SHA-256 (`crypto.subtle`), so
//! the agents' app does not carry a hash function of its own; natively, the engine's. A page
//! not served over HTTPS (or 127.0.0.1) has no `crypto.subtle`: its result codes then carry no
//! hash and are checked by scenario id and version, as codes from before hashes were.

use crate::engine::pack::ContentHash;

/// The content hash of a compiled scenario: the first 16 bytes of its SHA-256 (`None` where
/// the browser cannot hash).
#[cfg(target_arch = "wasm32")]
pub async fn content_hash(compiled: &[u8]) -> Option<ContentHash> {
    let digest = subtle_sha256(compiled).await?;
    let mut out = [0u8; 16];
    out.copy_from_slice(&digest[..16]);
    Some(out)
}

#[cfg(target_arch = "wasm32")]
async fn subtle_sha256(bytes: &[u8]) -> Option<Vec<u8>> {
    use wasm_bindgen::{JsCast, JsValue};
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &JsValue::from_str(k)).ok();
    let subtle = get(&js_sys::global(), "crypto")
        .and_then(|c| get(&c, "subtle"))
        .filter(|s| s.is_object())?;
    let digest: js_sys::Function = get(&subtle, "digest")?.dyn_into().ok()?;
    let data = js_sys::Uint8Array::from(bytes);
    let promise: js_sys::Promise = digest
        .call2(&subtle, &JsValue::from_str("SHA-256"), &data)
        .ok()?
        .dyn_into()
        .ok()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let out = js_sys::Uint8Array::new(&buffer).to_vec();
    (out.len() == 32).then_some(out)
}

/// The content hash of a compiled scenario (natively: the engine's SHA-256).
#[cfg(not(target_arch = "wasm32"))]
pub async fn content_hash(compiled: &[u8]) -> Option<ContentHash> {
    Some(crate::engine::pack::content_hash(compiled))
}

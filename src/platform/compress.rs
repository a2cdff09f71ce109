//! Raw DEFLATE with the browser's own compression streams (`CompressionStream`,
//! `DecompressionStream`), so no compressor is compiled into the apps: the trainer's app
//! compresses a workshop package into its link, the install page expands it.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStream, ReadableWritablePair, WritableStream};

/// A `CompressionStream` or `DecompressionStream` for raw DEFLATE, as the pair a stream pipes
/// through (web-sys binds these only under its unstable APIs, so they are reached by name).
fn codec(class: &str) -> Option<ReadableWritablePair> {
    let global = js_sys::global();
    let class: js_sys::Function = js_sys::Reflect::get(&global, &JsValue::from_str(class))
        .ok()?
        .dyn_into()
        .ok()?;
    let args = js_sys::Array::of1(&JsValue::from_str("deflate-raw"));
    let codec = js_sys::Reflect::construct(&class, &args).ok()?;
    let side = |name: &str| js_sys::Reflect::get(&codec, &JsValue::from_str(name)).ok();
    let readable: ReadableStream = side("readable")?.dyn_into().ok()?;
    let writable: WritableStream = side("writable")?.dyn_into().ok()?;
    Some(ReadableWritablePair::new(&readable, &writable))
}

fn stream_of(bytes: &[u8]) -> Option<ReadableStream> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    Some(
        web_sys::Blob::new_with_u8_array_sequence(&parts)
            .ok()?
            .stream(),
    )
}

/// Reads `stream` to its end, or gives up (`None`) once it holds more than `limit` bytes:
/// a small link that expands to gigabytes is stopped early.
async fn read_all(stream: ReadableStream, limit: usize) -> Option<Vec<u8>> {
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().dyn_into().ok()?;
    let mut out = Vec::new();
    loop {
        let step = JsFuture::from(reader.read()).await.ok()?;
        let done = js_sys::Reflect::get(&step, &JsValue::from_str("done")).ok()?;
        if done.as_bool() == Some(true) {
            return Some(out);
        }
        let chunk: js_sys::Uint8Array = js_sys::Reflect::get(&step, &JsValue::from_str("value"))
            .ok()?
            .dyn_into()
            .ok()?;
        if out.len() + chunk.length() as usize > limit {
            let _ = reader.cancel();
            return None;
        }
        out.extend(chunk.to_vec());
    }
}

/// `bytes` compressed with raw DEFLATE (`None` where the browser cannot).
pub async fn deflate_raw(bytes: &[u8]) -> Option<Vec<u8>> {
    let pair = codec("CompressionStream")?;
    read_all(stream_of(bytes)?.pipe_through(&pair), usize::MAX).await
}

/// `bytes` expanded from raw DEFLATE, if they are that and expand to at most `limit` bytes.
pub async fn inflate_raw(bytes: &[u8], limit: usize) -> Option<Vec<u8>> {
    let pair = codec("DecompressionStream")?;
    read_all(stream_of(bytes)?.pipe_through(&pair), limit).await
}

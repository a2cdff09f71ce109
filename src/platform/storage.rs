//! Key-value storage: the browser's `localStorage`, or memory for tests.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

/// Why a storage operation failed. Callers show these to the user; none of them is fatal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser gives no storage (private mode, disabled, or not a browser).
    Unavailable,
    /// The storage quota is used up.
    Full,
    /// Any other failure, with the browser's words.
    Other(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable => write!(f, "storage unavailable"),
            StoreError::Full => write!(f, "storage full"),
            StoreError::Other(msg) => write!(f, "storage error: {msg}"),
        }
    }
}

impl std::error::Error for StoreError {}

/// A string key-value store.
pub trait KeyValueStore {
    /// The value under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Stores `value` under `key`.
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key`; removing a missing key is not an error.
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key in the store.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// A shared handle to a store, comparable by identity so it can travel in component props.
#[derive(Clone)]
pub struct Store(Rc<dyn KeyValueStore>);

impl Store {
    /// Wraps a store.
    pub fn new(inner: impl KeyValueStore + 'static) -> Store {
        Store(Rc::new(inner))
    }

    /// A fresh, empty in-memory store.
    pub fn memory() -> Store {
        Store::new(MemoryStore::default())
    }

    /// An in-memory store that holds at most `bytes` (keys and values), then reports itself
    /// full, as a browser does.
    pub fn memory_with_quota(bytes: usize) -> Store {
        Store::new(MemoryStore {
            quota: Some(bytes),
            ..MemoryStore::default()
        })
    }

    /// The browser's `localStorage`; when the browser refuses it, an in-memory store that reports
    /// itself unavailable on writes, so the app still runs and can say why nothing is kept.
    pub fn browser() -> Store {
        match BrowserStore::open() {
            Ok(store) => Store::new(store),
            Err(_) => Store::new(UnavailableStore),
        }
    }
}

impl std::ops::Deref for Store {
    type Target = dyn KeyValueStore;
    fn deref(&self) -> &Self::Target {
        &*self.0
    }
}

impl PartialEq for Store {
    fn eq(&self, other: &Store) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Store")
    }
}

/// An in-memory store, for tests and as a stand-in; optionally with a quota in bytes (keys and
/// values counted), to test what happens when storage is full.
#[derive(Default)]
pub struct MemoryStore {
    entries: RefCell<HashMap<String, String>>,
    quota: Option<usize>,
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota {
            let used: usize = self
                .entries
                .borrow()
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if used + key.len() + value.len() > quota {
                return Err(StoreError::Full);
            }
        }
        self.entries
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}

/// A store that keeps nothing: every operation says storage is unavailable.
struct UnavailableStore;

impl KeyValueStore for UnavailableStore {
    fn get(&self, _: &str) -> Result<Option<String>, StoreError> {
        Err(StoreError::Unavailable)
    }
    fn set(&self, _: &str, _: &str) -> Result<(), StoreError> {
        Err(StoreError::Unavailable)
    }
    fn remove(&self, _: &str) -> Result<(), StoreError> {
        Err(StoreError::Unavailable)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Err(StoreError::Unavailable)
    }
}

/// The browser's `localStorage`.
struct BrowserStore {
    storage: web_sys::Storage,
}

impl BrowserStore {
    fn open() -> Result<BrowserStore, StoreError> {
        if !cfg!(target_arch = "wasm32") {
            return Err(StoreError::Unavailable);
        }
        let window = web_sys::window().ok_or(StoreError::Unavailable)?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(BrowserStore { storage }),
            _ => Err(StoreError::Unavailable),
        }
    }
}

/// Maps a JS exception from `localStorage` to a [`StoreError`].
fn js_error(err: wasm_bindgen::JsValue) -> StoreError {
    let text = js_error_text(&err);
    if text.contains("Quota") || text.contains("quota") {
        StoreError::Full
    } else {
        StoreError::Other(text)
    }
}

fn js_error_text(err: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match err.dyn_ref::<js_sys_error::Error>() {
        Some(e) => format!("{}: {}", e.name(), e.message()),
        None => err.as_string().unwrap_or_else(|| "unknown".to_owned()),
    }
}

/// The DOMException type, declared here so the crate needs no js-sys feature for it.
mod js_sys_error {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// A DOMException or Error thrown by a browser API.
        pub type Error;
        #[wasm_bindgen(method, getter)]
        pub fn name(this: &Error) -> String;
        #[wasm_bindgen(method, getter)]
        pub fn message(this: &Error) -> String;
    }
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(js_error)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(js_error)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage.remove_item(key).map_err(js_error)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let n = self.storage.length().map_err(js_error)?;
        Ok((0..n)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_store_keeps_and_forgets() {
        let store = Store::memory();
        assert_eq!(store.get("k"), Ok(None));
        store.set("k", "v").unwrap();
        assert_eq!(store.get("k"), Ok(Some("v".to_owned())));
        store.remove("k").unwrap();
        store.remove("k").unwrap();
        assert_eq!(store.get("k"), Ok(None));
    }

    #[test]
    fn outside_a_browser_the_browser_store_reports_unavailable() {
        let store = Store::browser();
        assert_eq!(store.set("k", "v"), Err(StoreError::Unavailable));
        assert_eq!(store.get("k"), Err(StoreError::Unavailable));
    }

    #[test]
    fn handles_compare_by_identity() {
        let a = Store::memory();
        let b = a.clone();
        assert_eq!(a, b);
        assert_ne!(a, Store::memory());
    }
}

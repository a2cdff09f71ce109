//! The thin layer over browser effects: components call these, never `web_sys` for them.
//!
//! What pages read while they render has a twin outside the browser, so components and logic
//! are tested natively: storage (`storage::Store` over the `KeyValueStore` trait, with an
//! in-memory store, also with a quota), the clock (`clock::set_now_ms`; native time otherwise)
//! and fetching the pack (`fetch::serve`). The rest (downloads, sharing, files, form fields,
//! focus, scrolling, the address, printing, events) runs only from event handlers in the
//! browser, which the end-to-end journeys test. Nothing above this folder names a `web_sys`
//! type (`tests/layout.rs` checks).

pub mod clock;
pub mod compress;
pub mod device;
pub mod digest;
pub mod download;
pub mod events;
pub mod fatal;
pub mod fetch;
pub mod files;
pub mod form;
pub mod page;
pub mod prefs;
pub mod share;
pub mod storage;

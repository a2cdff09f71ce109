//! The thin layer over browser effects. Everything here sits behind a trait with an in-memory
//! twin, so components and logic can be tested natively.

pub mod clock;
pub mod device;
pub mod download;
pub mod events;
pub mod fatal;
pub mod fetch;
pub mod files;
pub mod page;
pub mod prefs;
pub mod share;
pub mod storage;

//! Reusable components. Each takes props (or reads the language context) and renders one thing.

pub mod header;
pub mod lang_switch;
pub mod storage_notice;

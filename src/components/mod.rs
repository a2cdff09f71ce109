//! Reusable components. Each takes props (or reads the language context) and renders one thing.

pub mod avatar;
pub mod header;
pub mod lang_switch;
pub mod mood;
pub mod notice;
pub mod qr;
pub mod result_code;
pub mod score_chart;
pub mod storage_notice;
pub mod tools;
pub mod update_banner;

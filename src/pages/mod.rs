//! One component per route.

pub mod home;
pub mod not_found;

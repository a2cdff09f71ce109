//! What the trainer's app keeps on this device: its own scenarios (with versions, trash and
//! the library backup) and its workshops (kept as codes, with the agents' result codes).

pub mod library_backup;
pub mod scenarios;
pub mod workshops;

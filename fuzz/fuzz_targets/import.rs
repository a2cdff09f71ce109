//! Fuzz target: the scenario importer, and a short play of whatever it accepts, must never panic.
#![no_main]

use latih::engine::import::import;
use latih::engine::sim::Session;
use latih::engine::validate::has_errors;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(imported) = import(text) else {
        return;
    };
    if has_errors(&imported.diagnostics) {
        return;
    }
    if let Ok(mut session) = Session::start(&imported.scenario, data.len() as u64) {
        for (i, byte) in data.iter().take(40).enumerate() {
            let offered: Vec<String> = session.available().iter().map(|c| c.id.clone()).collect();
            if offered.is_empty() {
                break;
            }
            let _ = session.choose(&offered[(*byte as usize + i) % offered.len()]);
        }
        let _ = session.score_card();
    }
});

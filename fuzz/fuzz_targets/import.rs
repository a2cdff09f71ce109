//! Fuzz target: the scenario importer, and every engine entry point fed whatever it reads
//! (scenarios with errors included, as the editor's playtest and balance report meet them),
//! must never panic: validation, a run on a date drawn from the input, its figures and coaching,
//! the score card and debrief, a replay, and a scripted agent.
#![no_main]

use latih::engine::balance::{play, Policy};
use latih::engine::figures;
use latih::engine::import;
use latih::engine::figures::wrong_figure;
use latih::engine::debrief;
use latih::engine::Session;
use latih::engine::sim::Terms;
use latih::engine::Date;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(imported) = import(text) else {
        return;
    };
    let s = &imported.scenario;
    // A day in 2025-2028 chosen by the input.
    let date = Date::from_unix_days(20_089 + (data.len() as i64 * 37) % 1_461);
    let terms = Terms::of(s, date);
    let ctx = terms.context(s);
    for node in &s.nodes {
        for line in &node.lines {
            let _ = figures::render_localized(&line.text, &ctx, latih::engine::Lang::Id);
        }
        for choice in &node.choices {
            let _ = figures::render_localized(&choice.text, &ctx, latih::engine::Lang::En);
            let _ = figures::sayable(&choice.text.id, &ctx);
        }
    }
    if let Ok(mut session) = Session::start(s, data.len() as u64, terms) {
        for (i, byte) in data.iter().take(40).enumerate() {
            let offered: Vec<String> = session.available().iter().map(|c| c.id.clone()).collect();
            if offered.is_empty() {
                break;
            }
            let _ = session.choose(&offered[(*byte as usize + i) % offered.len()]);
        }
        for turn in session.turns() {
            for check in &turn.checks {
                let _ = wrong_figure(check, s, terms.rates);
            }
        }
        if let Some(card) = session.score_card() {
            let _ = debrief(s, session.turns(), &card, terms);
        }
        let _ = Session::replay(s, &session.save());
    }
    let _ = play(s, Policy::ALL[data.len() % Policy::ALL.len()], data.len() as u64, terms);
});

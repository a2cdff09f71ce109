//! Engine benchmarks with budgets: full playthroughs per second on one core over the bundled
//! pack, and validation and graph layout of a generated 2,000-node scenario. Prints the figures,
//! writes them to artifacts/bench-engine.json, and exits 1 when a budget is broken.
//!
//! The machines these run on are shared and differ 2-3x in speed, so every budget is a ratio to
//! a fixed reference workload measured in the same run (strings built, sorted, hashed and put in
//! a map: the kind of work the engine does); the absolute figures are printed beside the goals.
//!
//! Run: `cargo bench --bench engine`

use std::time::{Duration, Instant};

use latih::engine::balance::{play, Policy};
use latih::engine::generate;
use latih::engine::graph::layout;
use latih::engine::pack;
use latih::engine::validate;

// Budgets about half as demanding as what a 2-core machine of the kind CI uses measured (about
// 920 playthroughs per reference, validation 2.7-4.2 and layout 0.13 references), so a shared or
// slower machine passes while a change that doubles the cost fails.
/// Playthroughs in the time of one reference workload: at least this many.
const BUDGET_PLAYTHROUGHS_PER_REFERENCE: f64 = 450.0;
/// Validating a 2,000-node scenario: at most this many reference workloads.
const BUDGET_VALIDATE_2000_RATIO: f64 = 6.0;
/// Laying out its graph: at most this many reference workloads (the editor redraws the graph
/// after every edit; the goal for the whole edit is 50 ms in the browser).
const BUDGET_LAYOUT_2000_RATIO: f64 = 1.0;
/// The absolute goals, printed beside the figures.
const GOAL_PLAYTHROUGHS_PER_S: f64 = 200_000.0;
const GOAL_VALIDATE_2000_MS: f64 = 20.0;
const GOAL_LAYOUT_2000_MS: f64 = 10.0;

/// The reference workload: median ms of 21 runs.
fn reference_ms() -> f64 {
    let mut times: Vec<f64> = (0..21u64)
        .map(|run| {
            let t = Instant::now();
            let mut words: Vec<String> = (0..20_000u64)
                .map(|i| format!("item-{}-{run}", (i * 7919) % 20_011))
                .collect();
            words.sort();
            let mut map = std::collections::BTreeMap::new();
            let mut hash = 0xcbf2_9ce4_8422_2325u64;
            for w in &words {
                for b in w.bytes() {
                    hash = (hash ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
                }
                map.insert(hash, w.len());
            }
            std::hint::black_box(map);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let reference = reference_ms();
    let scenarios = pack::load().expect("the bundled pack loads");
    let terms =
        latih::engine::sim::Terms::on(latih::engine::Date::parse("2026-06-15").expect("a date"));

    // Playthroughs: random agents (the longest runs), every scenario in turn, for about 2 s.
    let mut played = 0u64;
    let mut seed = 0u64;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) {
        for s in &scenarios {
            for _ in 0..100 {
                seed += 1;
                std::hint::black_box(play(s, Policy::Random, seed, terms));
                played += 1;
            }
        }
    }
    let per_second = played as f64 / start.elapsed().as_secs_f64();

    // Validation and graph layout of a 2,000-node scenario: medians of 21 runs.
    let big = generate::large(2000);
    let timed = |f: &dyn Fn()| {
        let mut times: Vec<f64> = (0..21)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        times
    };
    let times = timed(&|| {
        std::hint::black_box(validate(std::hint::black_box(&big)));
    });
    let median = times[times.len() / 2];
    let layout_median = timed(&|| {
        std::hint::black_box(layout(std::hint::black_box(&big)));
    })[10];

    println!(
        "engine benchmarks ({} scenarios in the pack)",
        scenarios.len()
    );
    println!(
        "  full playthroughs (random agent, scored): {per_second:>12.0} per second on one core"
    );
    println!("  validate a generated 2,000-node scenario: {median:>12.2} ms (median of 21; min {:.2}, max {:.2})", times[0], times[20]);
    println!("  lay out its graph:                        {layout_median:>12.2} ms (median of 21)");
    let _ = std::fs::create_dir_all("artifacts");
    let _ = std::fs::write(
        "artifacts/bench-engine.json",
        format!("{{\"playthroughs_per_second\": {per_second:.0}, \"validate_2000_nodes_ms\": {median:.3}, \"layout_2000_nodes_ms\": {layout_median:.3}, \"reference_ms\": {reference:.3}}}\n"),
    );
    println!("  reference workload:                       {reference:>12.2} ms (median of 21)");
    let mut broken = 0;
    let mut check = |ok: bool, what: String, goal: bool| {
        let goal = if goal {
            "goal met"
        } else {
            "goal not met on this machine"
        };
        println!("{} {what} ({goal})", if ok { "ok  " } else { "FAIL" });
        broken += usize::from(!ok);
    };
    let per_reference = per_second * reference / 1000.0;
    check(
        per_reference >= BUDGET_PLAYTHROUGHS_PER_REFERENCE,
        format!("playthroughs: {per_reference:.0} per reference >= budget {BUDGET_PLAYTHROUGHS_PER_REFERENCE:.0}; {per_second:.0}/s against a goal of {GOAL_PLAYTHROUGHS_PER_S:.0}/s"),
        per_second >= GOAL_PLAYTHROUGHS_PER_S,
    );
    let validate_ratio = median / reference;
    check(
        validate_ratio <= BUDGET_VALIDATE_2000_RATIO,
        format!("validation: {validate_ratio:.2} x reference <= budget {BUDGET_VALIDATE_2000_RATIO}; {median:.2} ms against a goal of {GOAL_VALIDATE_2000_MS} ms"),
        median <= GOAL_VALIDATE_2000_MS,
    );
    let layout_ratio = layout_median / reference;
    check(
        layout_ratio <= BUDGET_LAYOUT_2000_RATIO,
        format!("layout: {layout_ratio:.2} x reference <= budget {BUDGET_LAYOUT_2000_RATIO}; {layout_median:.2} ms against a goal of {GOAL_LAYOUT_2000_MS} ms"),
        layout_median <= GOAL_LAYOUT_2000_MS,
    );
    std::process::exit(i32::from(broken > 0));
}

//! Engine benchmarks with budgets: full playthroughs per second on one core over the bundled
//! pack, and validation and graph layout of a generated 2,000-node scenario. Prints the figures, writes them to
//! artifacts/bench-engine.json, and exits 1 when a budget is broken.
//!
//! Run: `cargo bench --bench engine`

use std::time::{Duration, Instant};

use latih::engine::balance::{play, Policy};
use latih::engine::generate;
use latih::engine::graph::layout;
use latih::engine::pack;
use latih::engine::validate::validate;

const BUDGET_PLAYTHROUGHS_PER_S: f64 = 200_000.0;
const BUDGET_VALIDATE_2000_MS: f64 = 20.0;
/// The editor redraws the graph after every edit (budget 50 ms in the browser for the whole).
const BUDGET_LAYOUT_2000_MS: f64 = 10.0;

fn main() {
    let scenarios = pack::load().expect("the bundled pack loads");

    // Playthroughs: random agents (the longest runs), every scenario in turn, for about 2 s.
    let mut played = 0u64;
    let mut seed = 0u64;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) {
        for s in &scenarios {
            for _ in 0..100 {
                seed += 1;
                std::hint::black_box(play(s, Policy::Random, seed));
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
        format!("{{\"playthroughs_per_second\": {per_second:.0}, \"validate_2000_nodes_ms\": {median:.3}, \"layout_2000_nodes_ms\": {layout_median:.3}}}\n"),
    );
    let mut broken = 0;
    let mut check = |ok: bool, what: String| {
        println!("{} {what}", if ok { "ok  " } else { "FAIL" });
        broken += usize::from(!ok);
    };
    check(
        per_second >= BUDGET_PLAYTHROUGHS_PER_S,
        format!("playthroughs {per_second:.0}/s >= budget {BUDGET_PLAYTHROUGHS_PER_S:.0}/s"),
    );
    check(
        median <= BUDGET_VALIDATE_2000_MS,
        format!("validation {median:.2} ms <= budget {BUDGET_VALIDATE_2000_MS} ms"),
    );
    check(
        layout_median <= BUDGET_LAYOUT_2000_MS,
        format!("layout {layout_median:.2} ms <= budget {BUDGET_LAYOUT_2000_MS} ms"),
    );
    std::process::exit(i32::from(broken > 0));
}

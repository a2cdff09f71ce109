//! `latih-cli`: the command-line tool for trainers who keep scenarios in files, and for CI.
//!
//! ```text
//! latih-cli validate FILE...            check scenario files; exit 1 if any has errors
//! latih-cli balance FILE... [--runs N] [--date D]
//!                                      play each with the scripted policies (over the reference
//!                                      dates, or on D); exit 1 if a target is missed
//! latih-cli play FILE --seed S --choices a,2,c [--date D] [--lang en]
//!                                      play a run (choices by id, or by their number as shown)
//!                                      and print the transcript, the order shown, and the score
//! latih-cli pack [--runs N]             validate and balance every bundled scenario
//! latih-cli index                       print the library index of the bundled pack as JSON
//! latih-cli compile-pack DIR            write the pack as the app reads it (index.bin, ID.bin)
//! latih-cli generate --runs N           a valid generated scenario of N nodes (for benchmarks;
//!                                      needs the test-support feature)
//! latih-cli workshop --name ... --date D --wadah 'A;B' --pre ID,.. --post ID,..
//!                                      print a workshop code over bundled scenarios
//! latih-cli workshop ... FILE...        with scenario files of the trainer's own: print the
//!                                      workshop package that carries them (JSON)
//! latih-cli check-workshop FILE         read a workshop package as a phone does
//! latih-cli verify --workshop CODE | --workshop-file FILE [--xapi] [CODES | stdin]
//!                                      replay result codes; one line per code (with --xapi,
//!                                      the JSON array of the xAPI statements the trainer's
//!                                      app exports for the verified ones instead)
//! latih-cli result --workshop CODE --name N [--wadah W] [--phase pre_test|post_test]
//!                  [--policy P] [--seed S] [--started UNIX_SECONDS] [--agents N]
//!                                      result codes of a scripted agent taking the phase's
//!                                      tests, as the agents' app makes them (for tests; needs
//!                                      the test-support feature)
//! latih-cli path FILE --policy P --seed S [--date D]
//!                                      the choice ids a scripted policy makes in one run
//! latih-cli calc --income N [--package P] [--occupation O] [--date D] [--months M] [--government-paid]
//!                                      the contribution, itemised, with both discounts, as JSON
//! ```
//! Dates are `YYYY-MM-DD`; without `--date`, a run takes place today (as in the app), unless
//! the scenario pins its date.
//! Exit codes: 0 all good, 1 problems found, 2 bad usage or unreadable file.
//!
//! The code is split by command: `args` reads the command line, `check` validates and balances
//! scenario files and the pack, `play` plays a run or prints a policy's path, `workshop` makes
//! workshop codes, verifies result codes (and exports them as xAPI) and, for tests, makes result
//! codes, and `calc` prints a contribution.

use std::process::ExitCode;

use latih::engine::pack;

mod args;
mod calc;
mod check;
mod play;
mod workshop;

use args::{parse, Args};
use calc::calc;
use check::{balance_files, check_pack, compile_pack, validate_files};
use play::{play_file, policy_path};
use workshop::{check_workshop, result_codes, verify_codes, workshop_code};

const USAGE: &str = "usage:
  latih-cli validate FILE...
  latih-cli balance FILE... [--runs N] [--date YYYY-MM-DD]
  latih-cli play FILE --seed S --choices ID|N,... [--date YYYY-MM-DD] [--lang id|en]
  latih-cli pack [--runs N]
  latih-cli index
  latih-cli compile-pack DIR
  latih-cli generate --runs N                (a valid scenario of N nodes, for benchmarks; --features test-support)
  latih-cli workshop --name N --date YYYY-MM-DD --place P --wadah 'A;B' --pre ID,.. --post ID,.. [--practice ID,..] [--after-practice] [SCENARIO_FILE...]
  latih-cli check-workshop WORKSHOP_FILE
  latih-cli verify --workshop WORKSHOP_CODE | --workshop-file WORKSHOP_FILE [--xapi] [RESULT_CODE... | text with codes on stdin]
                                             (--xapi: print the verified results' xAPI statements, a JSON array)
  latih-cli result --workshop WORKSHOP_CODE --name N [--wadah W] [--phase pre_test|post_test] [--policy P] [--seed S] [--started UNIX_SECONDS] [--agents N]
                                             (a scripted agent's result codes, for tests; --features test-support)
  latih-cli path FILE --policy best_practice|random|pushy|passive|first|last|longest|shortest|mimic|persistent --seed S [--date YYYY-MM-DD]
  latih-cli calc --income N [--package jkk_jkm|jkk_jkm_jht] [--occupation fisher|ojek_driver|...] [--date YYYY-MM-DD] [--months 1-12] [--government-paid]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let a = match parse(rest) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match command.as_str() {
        "validate" if !a.files.is_empty() => validate_files(&a),
        "balance" if !a.files.is_empty() => balance_files(&a),
        "play" if a.files.len() == 1 => play_file(&a),
        "pack" => check_pack(&a),
        "index" => pack::index_json()
            .map(|json| {
                print!("{json}");
                true
            })
            .map_err(|(name, e)| format!("{name}: {e}")),
        "compile-pack" if a.files.len() == 1 => compile_pack(&a.files[0]),
        "workshop" => workshop_code(&a),
        "verify" => verify_codes(&a),
        "result" => result_codes(&a),
        "check-workshop" => check_workshop(&a),
        "path" if a.files.len() == 1 && a.policy.is_some() => policy_path(&a),
        "calc" => calc(&a),
        "generate" => generate(&a),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// A valid generated scenario of `--runs` nodes, for benchmarks (built with `test-support`).
#[cfg(feature = "test-support")]
fn generate(a: &Args) -> Result<bool, String> {
    let nodes = usize::try_from(a.runs).unwrap_or(2000);
    print!(
        "{}",
        latih::engine::export(&latih::engine::generate::large(nodes))
    );
    Ok(true)
}

/// Without `test-support` the tool has no generator: say how to get one.
#[cfg(not(feature = "test-support"))]
fn generate(_: &Args) -> Result<bool, String> {
    Err("generate is test support: run the tool with `cargo run --features test-support --bin latih-cli -- generate`".into())
}

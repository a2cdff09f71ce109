//! The command-line tool, run as a trainer or CI would: exit codes, messages and output.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn cli(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_latih-cli"))
        .args(args)
        .output()
        .expect("the CLI runs");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

const FISHER: &str = "src/engine/pack/fisher-lombok-timur.json";

#[test]
fn validate_passes_a_bundled_scenario() {
    let (code, out) = cli(&["validate", FISHER]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 errors"), "{out}");
}

#[test]
fn validate_fails_a_broken_file_with_line_and_column() {
    let dir = std::env::temp_dir().join(format!("latih-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\n \"schema_version\": 2,\n \"id\": ,\n}").unwrap();
    let (code, out) = cli(&["validate", bad.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("baris 3 kolom"), "{out}");
    let (code, out) = cli(&["validate", bad.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(out.contains("line 3 column"), "{out}");

    let broken = std::fs::read_to_string(FISHER).unwrap().replacen(
        "\"node\": \"discovery\"",
        "\"node\": \"nowhere\"",
        1,
    );
    let file = dir.join("broken.json");
    std::fs::write(&file, broken).unwrap();
    let (code, out) = cli(&["validate", file.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("error: node greeting choice greet_respect") && out.contains("\"nowhere\""),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn balance_prints_every_policy_and_meets_targets() {
    let (code, out) = cli(&["balance", FISHER, "--runs", "300"]);
    assert_eq!(code, 0, "{out}");
    for policy in ["best_practice", "random", "pushy", "passive"] {
        assert!(out.contains(policy), "{out}");
    }
    assert!(!out.contains("TARGET MISSED"));
}

#[test]
fn play_prints_the_transcript_and_score_card() {
    let choices = "greet_respect,ask_work,ask_income,ask_coverage,move_on,remember_friend,pay_ahead,close_two,register_with_receipt";
    let (code, out) = cli(&[
        "play",
        FISHER,
        "--seed",
        "3",
        "--choices",
        choices,
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Salim: Yes? What is it?"), "{out}");
    assert!(out.contains("TOTAL") && out.contains("passed"), "{out}");
    let (code, out) = cli(&[
        "play",
        FISHER,
        "--seed",
        "3",
        "--choices",
        "greet_respect,no_such_move",
    ]);
    assert_eq!(code, 1);
    assert!(
        out.contains("no_such_move") && out.contains("on offer now"),
        "{out}"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(cli(&[]).0, 2);
    assert_eq!(cli(&["frobnicate"]).0, 2);
    assert_eq!(cli(&["balance", FISHER, "--runs", "many"]).0, 2);
    assert_eq!(cli(&["validate", "/no/such/file.json"]).0, 2);
}

#[test]
fn generate_writes_a_valid_scenario_of_the_size_asked() {
    let (code, out) = cli(&["generate", "--runs", "60"]);
    assert_eq!(code, 0, "{out}");
    let imported = latih::engine::import::import(&out).expect("the generated file imports");
    assert_eq!(imported.scenario.nodes.len(), 60);
    assert!(!latih::engine::validate::has_errors(&imported.diagnostics));
}

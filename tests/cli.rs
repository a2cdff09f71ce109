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

/// The frozen fixture (the pack's content may change; its choice ids do not).
const FISHER: &str = "tests/fixtures/fisher-fixture.json";

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
fn balance_prints_every_policy_and_says_which_targets_are_missed() {
    let (code, out) = cli(&["balance", FISHER, "--runs", "200"]);
    for policy in [
        "best_practice",
        "random",
        "pushy",
        "passive",
        "first",
        "last",
        "longest",
        "shortest",
        "mimic",
        "persistent",
    ] {
        assert!(out.contains(&format!("  {policy} ")), "{policy}: {out}");
    }
    assert_eq!(code == 1, out.contains("TARGET MISSED"), "{out}");
    // The fixture was written before choice order was shuffled: its best answer is the
    // longest, which the test-wise targets catch.
    assert!(out.contains("TARGET MISSED: longest"), "{out}");
}

#[test]
fn calc_gives_the_figure_of_the_day_for_every_worker() {
    let total = |args: &[&str]| {
        let (code, out) = cli(args);
        assert_eq!(code, 0, "{out}");
        let v: serde_json::Value = serde_json::from_str(out.trim()).expect("JSON");
        (v["total"].as_u64().unwrap(), v)
    };
    let farmer = [
        "calc",
        "--income",
        "1000000",
        "--package",
        "jkk_jkm",
        "--occupation",
        "farmer",
    ];
    assert_eq!(
        total(&[&farmer[..], &["--date", "2026-11-30"]].concat()).0,
        8_400
    );
    assert_eq!(
        total(&[&farmer[..], &["--date", "2027-01-15"]].concat()).0,
        16_800
    );
    let (three, v) = total(&[
        "calc",
        "--income",
        "1000000",
        "--package",
        "jkk_jkm_jht",
        "--occupation",
        "farmer",
        "--date",
        "2026-11-30",
    ]);
    assert_eq!(three, 28_400);
    assert_eq!(
        v["jkk"].as_u64().unwrap() + v["jkm"].as_u64().unwrap() + v["jht"].as_u64().unwrap()
            - v["discount"].as_u64().unwrap(),
        three
    );
    let (ojek, _) = total(&[
        "calc",
        "--income",
        "1000000",
        "--occupation",
        "ojek_driver",
        "--date",
        "2027-03-31",
    ]);
    assert_eq!(ojek, 8_400);
    let (paid, _) = total(&[&farmer[..], &["--date", "2026-11-30", "--government-paid"]].concat());
    assert_eq!(paid, 16_800);
    let (_, v) = total(&[&farmer[..], &["--date", "2026-11-30", "--months", "3"]].concat());
    assert_eq!(v["months_total"], 8_400 + 8_400 + 16_800);
    let (band, v) = total(&[
        "calc",
        "--income",
        "1200000",
        "--occupation",
        "farmer",
        "--date",
        "2027-06-15",
    ]);
    assert_eq!((band, v["jkk"].as_u64().unwrap()), (18_800, 12_000));
    let (_, v) = total(&[
        "calc",
        "--income",
        "3000000",
        "--occupation",
        "farmer",
        "--date",
        "2027-06-15",
    ]);
    assert_eq!(v["exact"], false, "an unsourced band is marked approximate");
}

#[test]
fn play_prints_the_transcript_and_score_card() {
    let choices = "greet_respect,ask_work,ask_income,ask_coverage,move_on,remember_friend,pay_ahead,close_two,register_with_receipt";
    let (code, out) = cli(&[
        "play",
        FISHER,
        "--seed",
        "3",
        "--date",
        "2026-11-30",
        "--choices",
        choices,
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("a run on 30 November 2026"), "{out}");
    assert!(out.contains("Salim: Yes? What is it?"), "{out}");
    assert!(out.contains("TOTAL") && out.contains("passed"), "{out}");
    // Figures are filled in for the run's date (a fisher is discounted in November 2026).
    assert!(out.contains("Rp 8,400 a month"), "{out}");
    // The choices are listed in the order shown, numbered, and a number picks by that order.
    let first = out
        .lines()
        .find(|l| l.starts_with("  1. ["))
        .expect("a numbered choice");
    let id = first.split('[').nth(1).unwrap().split(']').next().unwrap();
    let (code, by_number) = cli(&[
        "play",
        FISHER,
        "--seed",
        "3",
        "--choices",
        "1",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{by_number}");
    let said = FISHER_TEXTS
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, t)| *t)
        .unwrap();
    assert!(
        by_number.contains(&format!("> {said}")),
        "{id}: {by_number}"
    );
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

/// The English text of the fixture's opening choices, by id.
const FISHER_TEXTS: &[(&str, &str)] = &[
    ("greet_respect", "Good afternoon, Pak. I'm Rina"),
    (
        "show_credentials",
        "Good afternoon, Pak. Here are my ID card",
    ),
    ("straight_pitch", "Pak, I want to offer you BPJS"),
    ("deadline", "Pak, today is the last day"),
];

#[test]
fn path_refuses_a_scenario_with_errors_like_play() {
    let dir = std::env::temp_dir().join(format!("latih-cli-path-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = std::fs::read_to_string(FISHER).unwrap().replacen(
        "\"node\": \"discovery\"",
        "\"node\": \"nowhere\"",
        1,
    );
    let file = dir.join("broken.json");
    std::fs::write(&file, broken).unwrap();
    let (code, out) = cli(&[
        "path",
        file.to_str().unwrap(),
        "--policy",
        "first",
        "--seed",
        "1",
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("errors"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
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
    let imported = latih::engine::import(&out).expect("the generated file imports");
    assert_eq!(imported.scenario.nodes.len(), 60);
    assert!(!latih::engine::has_errors(&imported.diagnostics));
}

/// Every integer in `value` replaced by `to` (an extreme a hostile or careless file could hold).
fn with_every_integer(value: &serde_json::Value, to: i64) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Number(n) if n.is_i64() || n.is_u64() => Value::from(to),
        Value::Array(items) => items.iter().map(|v| with_every_integer(v, to)).collect(),
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| {
                // The format version stays, so the values reach the engine and are not
                // refused as an unknown format.
                let v = if k.ends_with("_version") {
                    v.clone()
                } else {
                    with_every_integer(v, to)
                };
                (k.clone(), v)
            })
            .collect(),
        other => other.clone(),
    }
}

/// `base` with every number the validator bounds set to the high (`high`) or low end of its
/// range: the most extreme scenario that is still played.
fn at_the_validators_edges(base: &serde_json::Value, high: bool) -> serde_json::Value {
    let mut s = base.clone();
    let pick = |lo: i64, hi: i64| serde_json::Value::from(if high { hi } else { lo });
    for a in ["trust", "need", "price_worry", "patience"] {
        s["persona"]["attitudes"][a] = pick(0, 100);
    }
    for k in ["price", "pressure", "rapport"] {
        s["persona"]["sensitivities"][k] = pick(0, 300);
    }
    s["persona"]["decision_threshold"] = pick(0, 100);
    s["rubric"]["pass_mark"] = pick(0, 100);
    for node in s["nodes"].as_array_mut().unwrap() {
        for choice in node["choices"].as_array_mut().unwrap() {
            if let Some(effects) = choice["effects"].as_object_mut() {
                for v in effects.values_mut().filter(|v| v.is_i64()) {
                    *v = pick(-50, 50);
                }
            }
        }
    }
    s
}

#[test]
fn extreme_values_never_panic_in_any_command() {
    // Debug builds check arithmetic: an overflow anywhere the values reach is a panic here.
    let dir = std::env::temp_dir().join(format!("latih-cli-extreme-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let base: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(FISHER).unwrap()).unwrap();
    let mut reached_engine = 0;
    // The first two are played (at the edges of what validation allows); the rest are refused.
    for (n, to) in [
        0,
        0,
        i64::from(i32::MAX),
        i64::from(i32::MIN),
        i64::from(i32::MAX),
        i64::from(i32::MIN),
        1_000_000_000,
        -1,
        0,
    ]
    .into_iter()
    .enumerate()
    {
        let file = dir.join(format!("extreme-{n}.json"));
        let scenario = match n {
            0 | 1 => at_the_validators_edges(&base, n == 0),
            // Only the signed numbers the simulation does arithmetic on, out of range: the
            // rest of the file reads, so only validation stands between them and the engine.
            2 | 3 => {
                let mut s = base.clone();
                for a in ["trust", "need", "price_worry", "patience"] {
                    s["persona"]["attitudes"][a] = to.into();
                }
                s["persona"]["decision_threshold"] = to.into();
                s
            }
            _ => with_every_integer(&base, to),
        };
        std::fs::write(&file, scenario.to_string()).unwrap();
        let f = file.to_str().unwrap();
        let mut runs = vec![
            vec!["validate", f],
            vec!["balance", f, "--runs", "5"],
            vec!["play", f, "--seed", "7", "--choices", "1"],
        ];
        for policy in ["best_practice", "random", "pushy", "persistent"] {
            runs.push(vec!["path", f, "--policy", policy, "--seed", "3"]);
        }
        for args in runs {
            let (code, out) = cli(&args);
            assert!(!out.contains("panicked"), "{args:?} with {to}: {out}");
            // 0: played; 1: refused for its errors; 2: not readable as a scenario. Each with a
            // message, never a crash.
            assert!(
                (0..=2).contains(&code),
                "{args:?} with {to}: exit {code}: {out}"
            );
            // Played to the end (balance exits 1 when a policy misses its target).
            let played = code == 0 || out.contains("TARGET MISSED");
            reached_engine += usize::from(played && args[0] != "validate");
        }
    }
    for income in ["18446744073709551615", "4294967295", "0"] {
        for months in ["1", "12"] {
            let (code, out) = cli(&["calc", "--income", income, "--months", months]);
            assert!(!out.contains("panicked"), "calc {income} x{months}: {out}");
            assert!(
                code == 0 || code == 2,
                "calc {income} x{months}: exit {code}: {out}"
            );
        }
    }
    assert!(
        reached_engine >= 12,
        "both edge files are played ({reached_engine} runs)"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_workshop_over_a_trainers_own_scenario_is_written_as_a_package_and_read_as_a_phone_does() {
    let dir = std::env::temp_dir().join(format!("latih-cli-package-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut own: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(FISHER).unwrap()).unwrap();
    own["id"] = "nelayan-sape-kkp".into();
    let own_file = dir.join("own.json");
    std::fs::write(&own_file, own.to_string()).unwrap();
    let own_path = own_file.to_str().unwrap();
    let workshop = |extra: &[&str]| {
        let mut args = vec![
            "workshop",
            "--name",
            "Upgrading Skill Bima",
            "--date",
            "2026-12-10",
            "--wadah",
            "Koperasi Nelayan Sape",
            "--pre",
            "nelayan-sape-kkp",
            "--post",
            "nelayan-sape-kkp",
            "--practice",
            "trader-mataram",
        ];
        args.extend_from_slice(extra);
        cli(&args)
    };
    let (code, text) = workshop(&[own_path]);
    assert_eq!(code, 0, "{text}");
    assert!(text.starts_with(r#"{"kind":"latih-workshop""#), "{text}");
    let package = dir.join("workshop.json");
    std::fs::write(&package, &text).unwrap();
    let package_path = package.to_str().unwrap();
    // Read as a phone does: the workshop, and the one scenario it carries (the practice
    // scenario is bundled, so it is not carried).
    let (code, out) = cli(&["check-workshop", package_path]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("Upgrading Skill Bima\t2026-12-10"), "{out}");
    assert_eq!(
        out.lines().filter(|l| l.contains("\tversion ")).count(),
        1,
        "{out}"
    );
    assert!(out.contains("nelayan-sape-kkp\tversion"), "{out}");
    // Codes are verified against the scenarios the package carries.
    let (code, out) = cli(&["verify", "--workshop-file", package_path, "no codes here"]);
    assert_eq!(code, 0, "{out}");
    // A damaged package is refused with the reason, in the language asked.
    std::fs::write(&package, &text[..text.len() / 2]).unwrap();
    let (code, out) = cli(&["check-workshop", package_path, "--lang", "en"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("not a Latih workshop file"), "{out}");
    // A scenario of one's own under a bundled scenario's id is refused before anything is written.
    own["id"] = "trader-mataram".into();
    std::fs::write(&own_file, own.to_string()).unwrap();
    let (code, out) = workshop(&[own_path]);
    assert_ne!(code, 0, "{out}");
    assert!(out.contains("bundled scenario's"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn result_codes_of_a_scripted_agent_verify_and_export_as_xapi() {
    let (code, workshop) = cli(&[
        "workshop",
        "--name",
        "Upgrading Skill Perisai",
        "--date",
        "2026-12-03",
        "--wadah",
        "Koperasi A;Koperasi B",
        "--pre",
        "fisher-lombok-timur",
        "--post",
        "trader-mataram",
    ]);
    assert_eq!(code, 0, "{workshop}");
    let workshop = workshop.trim();
    // 12:00 in Lombok on the workshop's day.
    let result = |phase: &str| {
        cli(&[
            "result",
            "--workshop",
            workshop,
            "--name",
            "Rina",
            "--wadah",
            "Koperasi B",
            "--phase",
            phase,
            "--seed",
            "7",
            "--started",
            "1796270400",
        ])
    };
    let (code, pre) = result("pre_test");
    assert_eq!(code, 0, "{pre}");
    let (pre, post) = (
        pre.trim().to_owned(),
        result("post_test").1.trim().to_owned(),
    );
    assert_eq!(
        pre.lines().count(),
        1,
        "a code per test of the phase: {pre}"
    );
    assert_ne!(pre, post, "each attempt its own code");
    assert_eq!(
        result("pre_test").1.trim(),
        pre,
        "the same options make the same code"
    );
    let (code, out) = cli(&["verify", "--workshop", workshop, &pre, &post]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("ok\tRina\tKoperasi B\tpre_test\tfisher-lombok-timur\t")
            && out.contains("ok\tRina\tKoperasi B\tpost_test\ttrader-mataram\t"),
        "{out}"
    );
    assert!(!out.contains("doubt"), "a plausible time and day: {out}");

    let (code, json) = cli(&["verify", "--workshop", workshop, "--xapi", &pre]);
    assert_eq!(code, 0, "{json}");
    let statements: serde_json::Value = serde_json::from_str(&json).expect("a JSON array");
    let statements = statements.as_array().unwrap();
    let verbs: Vec<&str> = statements
        .iter()
        .map(|s| {
            s["verb"]["id"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
        })
        .collect();
    assert!(verbs.len() > 2 && verbs[..verbs.len() - 2].iter().all(|v| *v == "answered"));
    assert_eq!(verbs[verbs.len() - 2..], ["completed", "passed"]);
    assert!(statements.iter().all(|s| s["actor"]["name"] == "Rina"));
    // A refused code: exit 1, its line on stderr.
    let (code, out) = cli(&[
        "verify",
        "--workshop",
        workshop,
        "--xapi",
        &pre[..pre.len() - 3],
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("rejected\t"), "{out}");

    assert_eq!(result("later").0, 2);
}

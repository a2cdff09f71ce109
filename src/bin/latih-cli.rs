//! `latih-cli`: the command-line tool for trainers who keep scenarios in files, and for CI.
//!
//! ```text
//! latih-cli validate FILE...            check scenario files; exit 1 if any has errors
//! latih-cli balance FILE... [--runs N]  play each with the scripted policies; exit 1 if a target is missed
//! latih-cli play FILE --seed S --choices a,b,c [--lang en]
//!                                      play a run and print the transcript and score card
//! latih-cli pack [--runs N]             validate and balance every bundled scenario
//! latih-cli index                       print the library index of the bundled pack as JSON
//! latih-cli compile-pack DIR            write the pack as the app reads it (index.bin, ID.bin)
//! latih-cli path FILE --policy P --seed S  the choice ids a scripted policy makes in one run
//! latih-cli calc --income N --package jkk_jkm|jkk_jkm_jht --occupation O --date YYYY-MM-DD
//!                                      the monthly contribution, itemised, as JSON
//! ```
//! Exit codes: 0 all good, 1 problems found, 2 bad usage or unreadable file.

use std::process::ExitCode;

use latih::engine::balance::{analyse_all, missed_targets, Policy, PolicyReport};
use latih::engine::import::{import, Imported};
use latih::engine::messages::{
    competency as competency_name, message_with, outcome as outcome_name, text,
    violation as violation_name, wrong_figure, Msg,
};
use latih::engine::pack;
use latih::engine::scenario::{Competency, Scenario};
use latih::engine::scoring::debrief;
use latih::engine::sim::{Event, Session};
use latih::engine::validate::{has_errors, Diagnostic, Severity};
use latih::engine::workshop::{verify, Phase, Rejection, ResultRecord, ScenarioRef, Workshop};

const USAGE: &str = "usage:
  latih-cli validate FILE...
  latih-cli balance FILE... [--runs N]
  latih-cli play FILE --seed S --choices ID,ID,... [--lang id|en]
  latih-cli pack [--runs N]
  latih-cli index
  latih-cli compile-pack DIR
  latih-cli generate --runs N                (a valid scenario of N nodes, for benchmarks)
  latih-cli workshop --name N --date YYYY-MM-DD --place P --wadah 'A;B' --pre ID,.. --post ID,.. [--practice ID,..]
  latih-cli verify --workshop WORKSHOP_CODE [RESULT_CODE... | text with codes on stdin]
  latih-cli path FILE --policy best_practice|random|pushy|passive --seed S
  latih-cli calc --income N --package jkk_jkm|jkk_jkm_jht --occupation fisher|ojek_driver|... --date YYYY-MM-DD";

struct Args {
    files: Vec<String>,
    runs: u32,
    seed: u64,
    choices: Vec<String>,
    english: bool,
    policy: Option<Policy>,
    calc: Vec<(String, String)>,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut a = Args {
        files: Vec::new(),
        runs: 2000,
        seed: 1,
        choices: Vec::new(),
        english: false,
        policy: None,
        calc: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--runs" => {
                a.runs = value("--runs")?
                    .parse()
                    .map_err(|_| "--runs takes a number")?
            }
            "--seed" => {
                a.seed = value("--seed")?
                    .parse()
                    .map_err(|_| "--seed takes a number")?
            }
            "--choices" => {
                a.choices = value("--choices")?
                    .split(',')
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect()
            }
            "--lang" => a.english = value("--lang")? == "en",
            "--policy" => {
                let name = value("--policy")?;
                a.policy = Some(
                    Policy::ALL
                        .into_iter()
                        .find(|p| p.name() == name)
                        .ok_or(format!("unknown policy {name}"))?,
                )
            }
            "--income" | "--package" | "--occupation" | "--date" | "--name" | "--place"
            | "--wadah" | "--pre" | "--post" | "--practice" | "--workshop" => {
                let v = value(arg)?;
                a.calc.push((arg.trim_start_matches("--").to_owned(), v));
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file => a.files.push(file.to_owned()),
        }
    }
    Ok(a)
}

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
        "path" if a.files.len() == 1 && a.policy.is_some() => policy_path(&a),
        "calc" => calc(&a),
        "generate" => {
            let nodes = usize::try_from(a.runs).unwrap_or(2000);
            print!(
                "{}",
                latih::engine::import::export(&latih::engine::generate::large(nodes))
            );
            Ok(true)
        }
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

fn load(path: &str, english: bool) -> Result<Imported, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    import(&text).map_err(|e| format!("{path}: {}", e.message.get(english)))
}

fn print_diagnostics(name: &str, imported: &Imported, english: bool) -> bool {
    for repair in &imported.repairs {
        println!("{name}: repaired: {}", repair.get(english));
    }
    print_list(name, &imported.diagnostics, english);
    !has_errors(&imported.diagnostics)
}

fn print_list(name: &str, diagnostics: &[Diagnostic], english: bool) {
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut place = String::new();
        if let Some(node) = &d.location.node {
            place += &format!(" node {node}");
        }
        if let Some(choice) = &d.location.choice {
            place += &format!(" choice {choice}");
        }
        println!(
            "{name}: {level}:{place} [{}] {}",
            d.location.field,
            d.message.get(english)
        );
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    println!(
        "{name}: {errors} errors, {} warnings",
        diagnostics.len() - errors
    );
}

fn validate_files(a: &Args) -> Result<bool, String> {
    let mut ok = true;
    for path in &a.files {
        let imported = load(path, a.english)?;
        ok &= print_diagnostics(path, &imported, a.english);
    }
    Ok(ok)
}

fn print_balance(name: &str, reports: &[PolicyReport]) -> bool {
    println!("{name}");
    println!(
        "  {:<14}{:>7}{:>6}{:>6}{:>6}{:>6}{:>6}{:>7}{:>9}  outcomes",
        "policy", "mean", "min", "p10", "p50", "p90", "max", "pass", "enrolled"
    );
    for r in reports {
        let outcomes: Vec<String> = r
            .outcomes
            .iter()
            .map(|(o, n)| format!("{o:?}={n}"))
            .collect();
        println!(
            "  {:<14}{:>7.1}{:>6}{:>6}{:>6}{:>6}{:>6}{:>6.0}%{:>9}  {}",
            r.policy.name(),
            r.mean,
            r.min,
            r.p10,
            r.median,
            r.p90,
            r.max,
            r.pass_rate * 100.0,
            r.mean_when_enrolled
                .map_or("-".to_owned(), |m| format!("{m:.1}")),
            outcomes.join(" ")
        );
    }
    let missed = missed_targets(reports);
    for m in &missed {
        println!("  TARGET MISSED: {m}");
    }
    missed.is_empty()
}

fn balance_files(a: &Args) -> Result<bool, String> {
    let mut ok = true;
    for path in &a.files {
        let imported = load(path, a.english)?;
        if has_errors(&imported.diagnostics) {
            print_diagnostics(path, &imported, a.english);
            ok = false;
            continue;
        }
        ok &= print_balance(path, &analyse_all(&imported.scenario, a.runs, a.seed));
    }
    Ok(ok)
}

fn check_pack(a: &Args) -> Result<bool, String> {
    let mut ok = true;
    for (name, body) in pack::FILES {
        let imported = import(body).map_err(|e| format!("{name}: {}", e.message.get(a.english)))?;
        ok &= print_diagnostics(name, &imported, a.english);
        ok &= print_balance(name, &analyse_all(&imported.scenario, a.runs, a.seed));
    }
    Ok(ok)
}

fn calc(a: &Args) -> Result<bool, String> {
    let get = |k: &str| a.calc.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let income: u64 = get("income")
        .ok_or("--income is needed")?
        .parse()
        .map_err(|_| "--income takes a number")?;
    let package_name = get("package").unwrap_or("jkk_jkm");
    let package: latih::engine::rates::Package =
        serde_json::from_value(serde_json::Value::from(package_name))
            .map_err(|_| format!("bad --package {package_name}"))?;
    let occupation_name = get("occupation").unwrap_or("other");
    let occupation: latih::engine::scenario::Occupation =
        serde_json::from_value(serde_json::Value::from(occupation_name))
            .map_err(|_| format!("bad --occupation {occupation_name}"))?;
    let date = latih::engine::rates::Date::parse(get("date").ok_or("--date is needed")?)
        .ok_or("--date takes YYYY-MM-DD")?;
    let c = latih::engine::rates::RatesTable::bundled()
        .contribution(income, package, occupation, date)
        .map_err(|e| e.to_string())?;
    println!(
        "{}",
        serde_json::json!({
            "declared_income": c.declared_income, "jkk": c.jkk, "jkm": c.jkm, "jht": c.jht,
            "discount": c.discount, "total": c.total, "daily": c.daily()
        })
    );
    Ok(true)
}

/// Prints the code of a workshop over bundled scenarios (what the trainer shares as a link).
fn workshop_code(a: &Args) -> Result<bool, String> {
    let get = |k: &str| a.calc.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let scenarios = pack::load().map_err(|(name, e)| format!("{name}: {e}"))?;
    let refs = |key: &str| -> Result<Vec<ScenarioRef>, String> {
        get(key)
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(|id| {
                scenarios
                    .iter()
                    .find(|s| s.id == id)
                    .map(ScenarioRef::of)
                    .ok_or(format!("no bundled scenario {id}"))
            })
            .collect()
    };
    let workshop = Workshop {
        id: Workshop::new_id(u64::from(std::process::id()) ^ now_seconds().rotate_left(20)),
        name: get("name").ok_or("--name is needed")?.to_owned(),
        date: latih::engine::rates::Date::parse(get("date").ok_or("--date is needed")?)
            .ok_or("--date takes YYYY-MM-DD")?,
        place: get("place").unwrap_or("").to_owned(),
        wadah: get("wadah")
            .ok_or("--wadah is needed")?
            .split(';')
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect(),
        pre_test: refs("pre")?,
        post_test: refs("post")?,
        practice: refs("practice")?,
    };
    println!("{}", workshop.to_code());
    Ok(true)
}

fn now_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Verifies result codes against a workshop by replaying them; one line per code.
fn verify_codes(a: &Args) -> Result<bool, String> {
    let get = |k: &str| a.calc.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let workshop = Workshop::from_code(get("workshop").ok_or("--workshop is needed")?)
        .map_err(|e| e.message().get(a.english).to_owned())?;
    let scenarios = pack::load().map_err(|(name, e)| format!("{name}: {e}"))?;
    let mut text = a.files.join("\n");
    if text.is_empty() {
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .map_err(|e| e.to_string())?;
    }
    let mut all_ok = true;
    for code in latih::engine::workshop::find_codes(&text) {
        let result = ResultRecord::from_code(code)
            .map_err(Rejection::Code)
            .and_then(|r| verify(&r, &workshop, &scenarios));
        match result {
            Ok(v) => println!(
                "ok\t{}\t{}\t{}\t{}\t{}",
                v.record.agent,
                v.record.wadah,
                match v.record.phase {
                    Phase::PreTest => "pre_test",
                    Phase::PostTest => "post_test",
                },
                v.record.scenario,
                v.card.total
            ),
            Err(why) => {
                all_ok = false;
                println!("rejected\t{}", why.message().get(a.english));
            }
        }
    }
    Ok(all_ok)
}

/// Writes the bundled pack in the form the browser app reads (`index.bin`, `ID.bin`) into `dir`.
fn compile_pack(dir: &str) -> Result<bool, String> {
    let files = pack::compiled().map_err(|(name, e)| format!("{name}: {e}"))?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: {e}"))?;
    for (name, bytes) in &files {
        let path = std::path::Path::new(dir).join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    println!("{} files written to {dir}", files.len());
    Ok(true)
}

fn policy_path(a: &Args) -> Result<bool, String> {
    let imported = load(&a.files[0], a.english)?;
    let s = &imported.scenario;
    let policy = a.policy.unwrap_or(Policy::BestPractice);
    let session =
        latih::engine::balance::scripted_session(s, policy, a.seed).map_err(|e| e.to_string())?;
    println!("{}", session.save().choices.join(","));
    Ok(true)
}

fn play_file(a: &Args) -> Result<bool, String> {
    let imported = load(&a.files[0], a.english)?;
    if has_errors(&imported.diagnostics) {
        print_diagnostics(&a.files[0], &imported, a.english);
        return Ok(false);
    }
    let s = &imported.scenario;
    let en = a.english;
    let mut session = Session::start(s, a.seed).map_err(|e| e.to_string())?;
    let mut failed = None;
    for (i, choice) in a.choices.iter().enumerate() {
        if let Err(e) = session.choose(choice) {
            failed = Some(format!("choice {} ({choice}): {e}", i + 1));
            break;
        }
    }
    for event in session.events() {
        print_event(s, event, en);
    }
    if let Some(why) = failed {
        let offered: Vec<&str> = session.available().iter().map(|c| c.id.as_str()).collect();
        println!("\nstopped: {why}\non offer now: {}", offered.join(", "));
        return Ok(false);
    }
    let Some(card) = session.score_card() else {
        let offered: Vec<&str> = session.available().iter().map(|c| c.id.as_str()).collect();
        println!(
            "\n(the conversation goes on; on offer now: {})",
            offered.join(", ")
        );
        return Ok(true);
    };
    println!("\n== score card");
    for c in Competency::ALL {
        println!(
            "  {:<28}{:>4}",
            competency_name(c).get(en),
            card.competency(c)
        );
    }
    println!(
        "  {:<28}{:>4}  (pass mark {}, {})",
        "TOTAL",
        card.total,
        card.pass_mark,
        if card.passed { "passed" } else { "not passed" }
    );
    println!("  outcome: {}", outcome_name(card.outcome).get(en));
    if let Some(suitable) = card.suitable {
        println!(
            "  {}",
            text(if suitable {
                Msg::CardSuitable
            } else {
                Msg::CardUnsuitable
            })
            .get(en)
        );
    }
    if let Some((v, cap)) = card.cap {
        println!(
            "  {}",
            message_with(
                Msg::CardCap,
                &[("cap", cap.to_string())],
                &[("violation", &violation_name(v))]
            )
            .get(en)
        );
    }
    let d = debrief(s, session.turns(), &card);
    for m in &d.fixes {
        let node = &s.nodes[m.node as usize];
        println!(
            "  fix at turn {}: chose \"{}\"",
            m.turn + 1,
            node.choices[m.chose as usize].text.get(en)
        );
        if let Some(b) = m.better {
            println!("    better: \"{}\"", node.choices[b as usize].text.get(en));
        }
    }
    Ok(true)
}

fn print_event(s: &Scenario, event: &Event, en: bool) {
    match event {
        Event::WorkerSays { node, variant } => {
            println!(
                "{}: {}",
                s.persona.name,
                s.nodes[*node as usize].lines[*variant as usize]
                    .text
                    .get(en)
            )
        }
        Event::AgentSays { node, choice } => {
            println!(
                "> {}",
                s.nodes[*node as usize].choices[*choice as usize]
                    .text
                    .get(en)
            )
        }
        Event::FactRevealed { fact } => {
            println!(
                "  (learned: {})",
                s.persona.hidden_facts[*fact as usize].text.get(en)
            )
        }
        Event::Feedback(turn) => {
            let choice = &s.nodes[turn.node as usize].choices[turn.choice as usize];
            println!("  coach: {}", choice.feedback.get(en));
            if let Some(check) = turn.accuracy.filter(|c| c.is_wrong()) {
                println!("  coach: {}", wrong_figure(&check, s.meta.date).get(en));
            }
            if let Some(v) = turn.violation {
                println!("  ethics: {}", violation_name(v).get(en));
            }
        }
        Event::Decision { agreed, .. } => println!(
            "  (the worker {})",
            if *agreed { "agrees" } else { "is not ready" }
        ),
        Event::Ended(end) => {
            if let Some(ending) = s.ending(end.outcome) {
                println!("{}: {}", s.persona.name, ending.text.get(en));
            }
            println!("== {}", outcome_name(end.outcome).get(en));
        }
    }
}

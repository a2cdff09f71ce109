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
//! latih-cli generate --runs N           a valid generated scenario of N nodes (for benchmarks)
//! latih-cli workshop --name ... --date D --wadah 'A;B' --pre ID,.. --post ID,..
//!                                      print a workshop code over bundled scenarios
//! latih-cli verify --workshop CODE [CODES | stdin]
//!                                      replay result codes; one line per code
//! latih-cli path FILE --policy P --seed S [--date D]
//!                                      the choice ids a scripted policy makes in one run
//! latih-cli calc --income N [--package P] [--occupation O] [--date D] [--months M] [--government-paid]
//!                                      the contribution, itemised, with both discounts, as JSON
//! ```
//! Dates are `YYYY-MM-DD`; without `--date`, a run takes place today (as in the app), unless
//! the scenario pins its date.
//! Exit codes: 0 all good, 1 problems found, 2 bad usage or unreadable file.

use std::process::ExitCode;

use latih::engine::balance::{analyse, analyse_all, missed_targets, Policy, PolicyReport};
use latih::engine::import::{import, Imported};
use latih::engine::messages::{
    competency as competency_name, message, outcome as outcome_name, text,
    violation as violation_name, wrong_figure, Msg,
};
use latih::engine::pack;
use latih::engine::rates::{Eligibility, RatesTable, Worker};
use latih::engine::scenario::Competency;
use latih::engine::scoring::debrief;
use latih::engine::session::Session;
use latih::engine::sim::{Event, Terms};
use latih::engine::terms::Date;
use latih::engine::terms::Lang;
use latih::engine::validate::{has_errors, Diagnostic, Severity};
use latih::engine::workshop::{verify, Phase, Rejection, ResultRecord, ScenarioRef, Workshop};

const USAGE: &str = "usage:
  latih-cli validate FILE...
  latih-cli balance FILE... [--runs N] [--date YYYY-MM-DD]
  latih-cli play FILE --seed S --choices ID|N,... [--date YYYY-MM-DD] [--lang id|en]
  latih-cli pack [--runs N]
  latih-cli index
  latih-cli compile-pack DIR
  latih-cli generate --runs N                (a valid scenario of N nodes, for benchmarks)
  latih-cli workshop --name N --date YYYY-MM-DD --place P --wadah 'A;B' --pre ID,.. --post ID,.. [--practice ID,..] [--after-practice]
  latih-cli verify --workshop WORKSHOP_CODE [RESULT_CODE... | text with codes on stdin]
  latih-cli path FILE --policy best_practice|random|pushy|passive|first|last|longest|shortest|mimic|persistent --seed S [--date YYYY-MM-DD]
  latih-cli calc --income N [--package jkk_jkm|jkk_jkm_jht] [--occupation fisher|ojek_driver|...] [--date YYYY-MM-DD] [--months 1-12] [--government-paid]";

struct Args {
    files: Vec<String>,
    runs: u32,
    seed: u64,
    choices: Vec<String>,
    lang: Lang,
    policy: Option<Policy>,
    calc: Vec<(String, String)>,
    government_paid: bool,
    after_practice: bool,
}

impl Args {
    fn get(&self, key: &str) -> Option<&str> {
        self.calc
            .iter()
            .find(|(n, _)| n == key)
            .map(|(_, v)| v.as_str())
    }

    /// `--date`, or today.
    fn date(&self) -> Result<Date, String> {
        match self.get("date") {
            Some(d) => Date::parse(d).ok_or_else(|| format!("--date takes YYYY-MM-DD, not {d}")),
            None => Ok(today()),
        }
    }
}

/// Today's date in NTB (UTC+8), where the app is used.
fn today() -> Date {
    Date::from_unix_days(((now_seconds() + 8 * 3600) / 86_400) as i64)
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut a = Args {
        files: Vec::new(),
        runs: 2000,
        seed: 1,
        choices: Vec::new(),
        lang: Lang::Id,
        policy: None,
        calc: Vec::new(),
        government_paid: false,
        after_practice: false,
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
            "--lang" => a.lang = Lang::from_code(&value("--lang")?).ok_or("--lang is id or en")?,
            "--policy" => {
                let name = value("--policy")?;
                a.policy = Some(
                    Policy::ALL
                        .into_iter()
                        .find(|p| p.name() == name)
                        .ok_or(format!("unknown policy {name}"))?,
                )
            }
            "--government-paid" => a.government_paid = true,
            "--after-practice" => a.after_practice = true,
            "--income" | "--package" | "--occupation" | "--date" | "--name" | "--place"
            | "--wadah" | "--pre" | "--post" | "--practice" | "--workshop" | "--months" => {
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

fn load(path: &str, lang: Lang) -> Result<Imported, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    import(&text).map_err(|e| format!("{path}: {}", e.message.get(lang)))
}

fn print_diagnostics(name: &str, imported: &Imported, lang: Lang) -> bool {
    for repair in &imported.repairs {
        println!("{name}: repaired: {}", repair.get(lang));
    }
    print_list(name, &imported.diagnostics, lang);
    !has_errors(&imported.diagnostics)
}

fn print_list(name: &str, diagnostics: &[Diagnostic], lang: Lang) {
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
            d.message.get(lang)
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
        let imported = load(path, a.lang)?;
        ok &= print_diagnostics(path, &imported, a.lang);
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
        let imported = load(path, a.lang)?;
        if has_errors(&imported.diagnostics) {
            print_diagnostics(path, &imported, a.lang);
            ok = false;
            continue;
        }
        let reports = match a.get("date") {
            Some(_) => {
                let date = [a.date()?];
                Policy::ALL
                    .iter()
                    .map(|p| analyse(&imported.scenario, *p, a.runs, a.seed, &date))
                    .collect()
            }
            None => analyse_all(&imported.scenario, a.runs, a.seed),
        };
        ok &= print_balance(path, &reports);
    }
    Ok(ok)
}

fn check_pack(a: &Args) -> Result<bool, String> {
    let mut ok = true;
    for (name, body) in pack::FILES {
        let imported = import(body).map_err(|e| format!("{name}: {}", e.message.get(a.lang)))?;
        ok &= print_diagnostics(name, &imported, a.lang);
        ok &= print_balance(name, &analyse_all(&imported.scenario, a.runs, a.seed));
    }
    Ok(ok)
}

fn calc(a: &Args) -> Result<bool, String> {
    let income: u64 = a
        .get("income")
        .ok_or("--income is needed")?
        .parse()
        .map_err(|_| "--income takes a number")?;
    let package_name = a.get("package").unwrap_or("jkk_jkm");
    let package: latih::engine::terms::Package =
        serde_json::from_value(serde_json::Value::from(package_name))
            .map_err(|_| format!("bad --package {package_name}"))?;
    let occupation_name = a.get("occupation").unwrap_or("other");
    let occupation: latih::engine::terms::Occupation =
        serde_json::from_value(serde_json::Value::from(occupation_name))
            .map_err(|_| format!("bad --occupation {occupation_name}"))?;
    let date = a.date()?;
    let months: u32 = a
        .get("months")
        .unwrap_or("1")
        .parse()
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or("--months takes 1 to 12")?;
    let worker = Worker {
        income,
        occupation,
        government_paid: a.government_paid,
    };
    let rates = RatesTable::bundled();
    let c = rates
        .contribution(&worker, package, date)
        .map_err(|e| e.to_string())?;
    let ahead = rates
        .ahead(&worker, package, date, months)
        .map_err(|e| e.to_string())?;
    let discounts: Vec<serde_json::Value> = rates
        .discounts
        .iter()
        .map(|d| {
            serde_json::json!({
                "workers": d.value.workers,
                "percent": d.value.percent,
                "from": d.valid_from,
                "to": d.valid_to,
                "applies": match rates.eligibility(d, &worker, date) {
                    Eligibility::Applies => "yes",
                    Eligibility::OutsideWindow => "no: outside its window",
                    Eligibility::OtherWorkers => "no: for other workers",
                    Eligibility::GovernmentPaid => "no: paid by a government budget",
                },
                "source": d.source,
            })
        })
        .collect();
    println!(
        "{}",
        serde_json::json!({
            "date": date, "rates": rates.version, "declared_income": c.declared_income,
            "jkk_band": { "from": c.band.from, "to": c.band.to, "exact": c.band.exact },
            "jkk": c.jkk, "jkm": c.jkm, "jht": c.jht, "discount": c.discount,
            "total": c.total, "daily": c.daily(), "exact": c.exact(),
            "months": months, "months_total": ahead.total,
            "discounts": discounts,
        })
    );
    Ok(true)
}

/// Prints the code of a workshop over bundled scenarios (what the trainer shares as a link).
fn workshop_code(a: &Args) -> Result<bool, String> {
    let get = |k: &str| a.get(k);
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
        date: latih::engine::terms::Date::parse(get("date").ok_or("--date is needed")?)
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
        post_after_practice: a.after_practice,
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
    let get = |k: &str| a.get(k);
    let workshop = Workshop::from_code(get("workshop").ok_or("--workshop is needed")?)
        .map_err(|e| e.message().get(a.lang).to_owned())?;
    let scenarios = pack::load().map_err(|(name, e)| format!("{name}: {e}"))?;
    let mut text = a.files.join("\n");
    if text.is_empty() {
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .map_err(|e| e.to_string())?;
    }
    let mut all_ok = true;
    let mut verified = Vec::new();
    for code in latih::engine::workshop::find_codes(&text) {
        let result = ResultRecord::from_code(code)
            .map_err(Rejection::Code)
            .and_then(|r| verify(&r, &workshop, &scenarios));
        if let Ok(v) = &result {
            verified.push(v.clone());
        }
        match result {
            Ok(v) => {
                // A doubt does not refuse a result: the trainer decides (a column per doubt).
                let doubts: String = v
                    .doubts
                    .iter()
                    .map(|d| format!("\tdoubt: {}", d.message().get(a.lang)))
                    .collect();
                println!(
                    "ok\t{}\t{}\t{}\t{}\t{}{doubts}",
                    v.record.agent,
                    v.record.wadah,
                    match v.record.phase {
                        Phase::PreTest => "pre_test",
                        Phase::PostTest => "post_test",
                    },
                    v.record.scenario,
                    v.card.total
                )
            }
            Err(why) => {
                all_ok = false;
                println!("rejected\t{}", why.message().get(a.lang));
            }
        }
    }
    print_items(&verified, &scenarios);
    Ok(all_ok)
}

/// The item analysis of the verified results: per node of each test, how often each choice
/// was taken, by agents of what mean total, and whether the node separates strong from weak.
fn print_items(
    verified: &[latih::engine::workshop::Verified],
    scenarios: &[latih::engine::scenario::Scenario],
) {
    use latih::engine::monev::{item_analysis, ItemFlag};
    let refs: Vec<_> = verified.iter().collect();
    let rows = item_analysis(&refs, scenarios);
    if rows.is_empty() {
        return;
    }
    println!(
        "\nitems\tscenario\tnode\treached\tbest%\tD\tflags\tchoices (taken, mean total; * = best)"
    );
    for row in rows {
        let Some(s) = scenarios.iter().find(|s| s.id == row.scenario) else {
            continue;
        };
        let node = &s.nodes[row.node as usize];
        let choices: Vec<String> = row
            .choices
            .iter()
            .map(|c| {
                format!(
                    "{}{} {} ({})",
                    node.choices[c.choice as usize].id,
                    if c.best { "*" } else { "" },
                    c.taken,
                    c.mean_total.map_or("-".to_owned(), |m| m.to_string())
                )
            })
            .collect();
        let flags: Vec<&str> = row
            .flags
            .iter()
            .map(|f| match f {
                ItemFlag::NobodyErs => "nobody errs",
                ItemFlag::EverybodyErs => "everybody errs",
                ItemFlag::Reversed => "weak agents do better",
            })
            .collect();
        println!(
            "item\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            row.scenario,
            node.id,
            row.reached,
            row.best_percent,
            row.discrimination
                .map_or("-".to_owned(), |d| format!("{:+}", d)),
            if flags.is_empty() {
                "-".to_owned()
            } else {
                flags.join(", ")
            },
            choices.join(", ")
        );
    }
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
    let imported = load(&a.files[0], a.lang)?;
    if has_errors(&imported.diagnostics) {
        print_diagnostics(&a.files[0], &imported, a.lang);
        return Ok(false);
    }
    let s = &imported.scenario;
    let policy = a.policy.unwrap_or(Policy::BestPractice);
    let terms = Terms::of(s, a.date()?);
    let session = latih::engine::balance::scripted_session(s, policy, a.seed, terms)
        .map_err(|e| e.to_string())?;
    println!("{}", session.save().choices.join(","));
    Ok(true)
}

/// The choices on offer, numbered in the order shown.
fn shown(session: &Session, lang: Lang) -> String {
    session
        .available()
        .iter()
        .enumerate()
        .map(|(i, c)| format!("  {}. [{}] {}", i + 1, c.id, session.render(&c.text, lang)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn play_file(a: &Args) -> Result<bool, String> {
    let imported = load(&a.files[0], a.lang)?;
    if has_errors(&imported.diagnostics) {
        print_diagnostics(&a.files[0], &imported, a.lang);
        return Ok(false);
    }
    let s = &imported.scenario;
    let lang = a.lang;
    let terms = Terms::of(s, a.date()?);
    let mut session = Session::start(s, a.seed, terms).map_err(|e| e.to_string())?;
    println!(
        "(a run on {}, rates {})\n",
        latih::engine::messages::long_date(terms.date, lang),
        terms.rates.version
    );
    let mut printed = 0;
    let mut failed = None;
    for (i, wanted) in a.choices.iter().enumerate() {
        // Print what happened so far, then the order the next choices are shown in.
        for event in &session.events()[printed..] {
            print_event(&session, event, lang);
        }
        printed = session.events().len();
        println!("{}", shown(&session, lang));
        // A number picks a choice by its place in the order shown (as the number keys do).
        let offered = session.available();
        let id = match wanted.parse::<usize>() {
            Ok(n) if n >= 1 && n <= offered.len() && !offered.iter().any(|c| c.id == *wanted) => {
                offered[n - 1].id.clone()
            }
            _ => wanted.clone(),
        };
        if let Err(e) = session.choose(&id) {
            failed = Some(format!("choice {} ({wanted}): {e}", i + 1));
            break;
        }
    }
    for event in &session.events()[printed..] {
        print_event(&session, event, lang);
    }
    if let Some(why) = failed {
        println!(
            "\nstopped: {why}\non offer now, as shown:\n{}",
            shown(&session, lang)
        );
        return Ok(false);
    }
    let Some(card) = session.score_card() else {
        println!(
            "\n(the conversation goes on; on offer now, as shown:)\n{}",
            shown(&session, lang)
        );
        return Ok(true);
    };
    println!("\n== score card");
    for c in Competency::ALL {
        println!(
            "  {:<28}{:>4}",
            competency_name(c).get(lang),
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
    println!("  outcome: {}", outcome_name(card.outcome).get(lang));
    if let Some(suitable) = card.suitable {
        println!(
            "  {}",
            text(if suitable {
                Msg::CardSuitable
            } else {
                Msg::CardUnsuitable
            })
            .get(lang)
        );
    }
    if let Some(note) = latih::engine::messages::cap_note(&card, violation_name) {
        println!("  {}", note.get(lang));
    }
    let d = debrief(s, session.turns(), &card, terms);
    for m in &d.fixes {
        let node = &s.nodes[m.node as usize];
        println!(
            "  fix at turn {}: chose \"{}\"",
            m.turn + 1,
            session.render(&node.choices[m.chose as usize].text, lang)
        );
        if let Some(b) = m.better {
            println!(
                "    better: \"{}\"",
                session.render(&node.choices[b as usize].text, lang)
            );
        }
    }
    Ok(true)
}

fn print_event(session: &Session, event: &Event, lang: Lang) {
    let s = session.scenario();
    let say = |t: &latih::engine::scenario::Localized| session.render(t, lang);
    match event {
        Event::WorkerSays {
            node,
            variant,
            again,
        } => {
            let line = say(&s.nodes[*node as usize].lines[*variant as usize].text);
            let line = if *again {
                message(Msg::EAgain, &[("line", line)]).get(lang).to_owned()
            } else {
                line
            };
            println!("{}: {line}", s.persona.name)
        }
        Event::AgentSays { node, choice } => {
            println!(
                "> {}",
                say(&s.nodes[*node as usize].choices[*choice as usize].text)
            )
        }
        Event::Repeated { close } => println!(
            "{}: {}",
            s.persona.name,
            text(if *close {
                Msg::ERepeatedClose
            } else {
                Msg::ERepeated
            })
            .get(lang)
        ),
        Event::FactRevealed { fact } => {
            println!(
                "  (learned: {})",
                say(&s.persona.hidden_facts[*fact as usize].text)
            )
        }
        Event::Feedback(turn) => {
            let choice = &s.nodes[turn.node as usize].choices[turn.choice as usize];
            println!("  coach: {}", say(&choice.feedback));
            if turn.repeated {
                println!("  coach: {}", text(Msg::ERepeatCoach).get(lang));
            }
            for check in turn.checks.iter().filter(|c| c.is_wrong()) {
                println!(
                    "  coach: {}",
                    wrong_figure(check, s, session.terms()).get(lang)
                );
            }
            if let Some(v) = turn.violation {
                println!("  ethics: {}", violation_name(v).get(lang));
            }
        }
        Event::Decision { agreed, .. } => println!(
            "  (the worker {})",
            if *agreed { "agrees" } else { "is not ready" }
        ),
        Event::Ended(end) => {
            if let Some(ending) = s.ending(end.outcome) {
                println!("{}: {}", s.persona.name, say(&ending.text));
            }
            println!("== {}", outcome_name(end.outcome).get(lang));
        }
    }
}

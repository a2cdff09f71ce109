//! Workshops from the command line: `workshop` prints the code of a workshop over bundled
//! scenarios (or, given scenario files of the trainer's own, the workshop package that carries
//! them), `check-workshop` reads a package as a phone does, and `verify` replays result codes
//! against a workshop and prints the item analysis (or, with `--xapi`, the xAPI statements the
//! trainer's app exports for them). With `test-support`, `result` makes result codes as the
//! agents' app does, played by a scripted policy, for tests of what reads codes.

use latih::engine::workshop::{
    verify, Package, Phase, Rejection, ResultRecord, ScenarioRef, Workshop,
};
use latih::engine::{has_errors, pack, Scenario};

use crate::args::{now_seconds, Args};
use crate::check::load;

/// The bundled scenarios, as every phone has them.
fn bundled() -> Result<Vec<Scenario>, String> {
    pack::load().map_err(|(name, e)| format!("{name}: {e}"))
}

/// Reads a workshop package file as a phone does; the reason in the chosen language if not.
fn read_package(path: &str, a: &Args) -> Result<Package, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let here: Vec<ScenarioRef> = bundled()?.iter().map(ScenarioRef::of).collect();
    Package::read(&text, &here).map_err(|e| format!("{path}: {}", e.message().get(a.lang)))
}

/// Prints the code of a workshop over bundled scenarios (what the trainer shares as a link);
/// with scenario files, the workshop package that carries those that are not bundled.
pub(crate) fn workshop_code(a: &Args) -> Result<bool, String> {
    let get = |k: &str| a.get(k);
    let mut scenarios = bundled()?;
    let mut own = Vec::new();
    for path in &a.files {
        let imported = load(path, a.lang)?;
        if has_errors(&imported.diagnostics) {
            return Err(format!("{path} has errors: see latih-cli validate {path}"));
        }
        if scenarios.iter().any(|s| s.id == imported.scenario.id) {
            return Err(format!(
                "{path}: the id {} is a bundled scenario's; give your own scenario an id of its own",
                imported.scenario.id
            ));
        }
        own.push(imported.scenario.clone());
        scenarios.push(imported.scenario);
    }
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
                    .ok_or(format!("no bundled scenario or given file has the id {id}"))
            })
            .collect()
    };
    let workshop = Workshop {
        id: Workshop::new_id(u64::from(std::process::id()) ^ now_seconds().rotate_left(20)),
        name: get("name").ok_or("--name is needed")?.to_owned(),
        date: latih::engine::Date::parse(get("date").ok_or("--date is needed")?)
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
    if a.files.is_empty() {
        println!("{}", workshop.to_code());
        return Ok(true);
    }
    own.retain(|s| workshop.uses().any(|r| r.id == s.id));
    let package = Package {
        workshop,
        scenarios: own,
    };
    println!("{}", package.to_text());
    Ok(true)
}

/// Reads a workshop package as a phone does and prints what it holds, or why it is refused.
pub(crate) fn check_workshop(a: &Args) -> Result<bool, String> {
    let [path] = a.files.as_slice() else {
        return Err("check-workshop takes one file".into());
    };
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let here: Vec<ScenarioRef> = bundled()?.iter().map(ScenarioRef::of).collect();
    let package = match Package::read(&text, &here) {
        Ok(p) => p,
        // A refused package is a verdict, like a scenario with errors: exit 1.
        Err(e) => {
            println!("refused\t{}", e.message().get(a.lang));
            return Ok(false);
        }
    };
    let w = &package.workshop;
    println!(
        "{}\t{}\t{}\t{}",
        w.name,
        w.date,
        w.place,
        w.wadah.join("; ")
    );
    for s in &package.scenarios {
        println!(
            "{}\tversion {}\t{}",
            s.id,
            s.version,
            s.meta.title.get(a.lang)
        );
    }
    Ok(true)
}

/// Verifies result codes against a workshop by replaying them; one line per code. With
/// `--xapi`, prints instead the JSON array of xAPI statements of the verified results (what
/// the trainer's app exports), and the rejected codes' lines on stderr.
pub(crate) fn verify_codes(a: &Args) -> Result<bool, String> {
    let get = |k: &str| a.get(k);
    let mut scenarios = bundled()?;
    let workshop = match (get("workshop"), get("workshop-file")) {
        (_, Some(path)) => {
            let package = read_package(path, a)?;
            scenarios.extend(package.scenarios);
            package.workshop
        }
        (Some(code), None) => {
            Workshop::from_code(code).map_err(|e| e.message().get(a.lang).to_owned())?
        }
        (None, None) => return Err("--workshop or --workshop-file is needed".into()),
    };
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
        if a.xapi {
            if let Err(why) = result {
                all_ok = false;
                eprintln!("rejected\t{}", why.message().get(a.lang));
            }
            continue;
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
    if a.xapi {
        let statements = latih::engine::monev::xapi(&workshop, &verified, &scenarios);
        println!(
            "{}",
            serde_json::to_string_pretty(&statements).map_err(|e| e.to_string())?
        );
    } else {
        print_items(&verified, &scenarios);
    }
    Ok(all_ok)
}

/// Result codes as the agents' app makes them, for each test of `--phase` (`pre_test` or
/// `post_test`) of the workshop `--workshop`, taken by `--name` of `--wadah` (the first Wadah
/// if not given) playing as the scripted `--policy` (best practice if not given); the attempt
/// is drawn from `--seed`, and it starts at `--started` (Unix seconds; now if not given) and
/// takes 20 seconds a choice; `--agents N` makes the codes of N agents "NAME 1" to "NAME N"
/// (seeds from `--seed` on). Test support: such a code passes `verify` without anyone playing.
#[cfg(feature = "test-support")]
pub(crate) fn result_codes(a: &Args) -> Result<bool, String> {
    use latih::engine::balance::Policy;
    use latih::engine::workshop::clean_name;

    let code = a.get("workshop").ok_or("--workshop is needed")?;
    let workshop = Workshop::from_code(code).map_err(|e| e.message().get(a.lang).to_owned())?;
    let name = a.get("name").ok_or("--name is needed")?;
    clean_name(name).map_err(|_| "--name needs a name an agent could type")?;
    // `--agents N`: N agents "NAME 1" to "NAME N", each with a seed of their own (load tests).
    let agents: u64 = match a.get("agents") {
        Some(n) => n.parse().map_err(|_| "--agents takes a number")?,
        None => 1,
    };
    let wadah = match a.get("wadah") {
        Some(w) if workshop.wadah.iter().any(|x| x == w) => w.to_owned(),
        Some(w) => return Err(format!("the workshop has no Wadah {w}")),
        None => workshop
            .wadah
            .first()
            .ok_or("the workshop has no Wadah")?
            .clone(),
    };
    let phase = match a.get("phase").unwrap_or("pre_test") {
        "pre_test" => Phase::PreTest,
        "post_test" => Phase::PostTest,
        other => return Err(format!("--phase is pre_test or post_test, not {other}")),
    };
    let started_s = match a.get("started") {
        Some(s) => s.parse().map_err(|_| "--started takes Unix seconds")?,
        None => now_seconds(),
    };
    let policy = a.policy.unwrap_or(Policy::BestPractice);
    let scenarios = bundled()?;
    for k in 0..agents {
        let agent = if agents == 1 {
            clean_name(name).map_err(|_| "--name needs a name an agent could type")?
        } else {
            format!("{name} {}", k + 1)
        };
        let seed = a.seed.wrapping_add(k);
        one_agent(
            &workshop, &scenarios, &agent, &wadah, phase, policy, seed, started_s,
        )?;
    }
    Ok(true)
}

/// Prints the result codes of one agent's tests of `phase` (see [`result_codes`]).
#[cfg(feature = "test-support")]
#[allow(clippy::too_many_arguments)]
fn one_agent(
    workshop: &Workshop,
    scenarios: &[latih::engine::Scenario],
    agent: &str,
    wadah: &str,
    phase: Phase,
    policy: latih::engine::balance::Policy,
    seed_of_attempts: u64,
    started_s: u64,
) -> Result<(), String> {
    use latih::engine::balance::scripted_session;
    use latih::engine::sim::Terms;
    use latih::engine::workshop::{test_seed, AttemptId, Taker};
    // The run's date is the day it starts in NTB (UTC+8), as on the agent's phone.
    let date = latih::engine::Date::from_unix_days(((started_s + 8 * 3600) / 86_400) as i64);
    for (i, test) in workshop.tests(phase).iter().enumerate() {
        let scenario = scenarios
            .iter()
            .find(|s| s.id == test.id && s.version == test.version)
            .ok_or(format!(
                "no bundled scenario {} at version {}",
                test.id, test.version
            ))?;
        // One attempt per seed, phase and test, its bits spread over the UUID as random ones are.
        let nth = i as u64 * 2 + u64::from(phase == Phase::PostTest) + 1;
        let attempt = AttemptId::from_random(
            seed_of_attempts.wrapping_mul(0x9e37_79b9_7f4a_7c15),
            nth.wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ seed_of_attempts,
        );
        let seed = test_seed(&workshop.id, attempt);
        let session = scripted_session(scenario, policy, seed, Terms::of(scenario, date))
            .map_err(|e| format!("{}: {e}", scenario.id))?;
        let taker = Taker {
            workshop: workshop.id.clone(),
            agent: agent.to_owned(),
            wadah: wadah.to_owned(),
            phase,
        };
        let turns = session.turns().count() as u32;
        let record = ResultRecord::of(
            &session,
            Some(pack::content_hash_of(scenario)),
            taker,
            attempt,
            started_s,
            turns * 20,
        )
        .ok_or(format!("{}: the scripted run did not end", scenario.id))?;
        println!("{}", record.to_code());
    }
    Ok(())
}

/// Without `test-support` the tool makes no result codes: say how to get it.
#[cfg(not(feature = "test-support"))]
pub(crate) fn result_codes(_: &Args) -> Result<bool, String> {
    Err("result is test support: run the tool with `cargo run --features test-support --bin latih-cli -- result`".into())
}

/// The item analysis of the verified results: per node of each test, how often each choice
/// was taken, by agents of what mean total, and whether the node separates strong from weak.
fn print_items(
    verified: &[latih::engine::workshop::Verified],
    scenarios: &[latih::engine::Scenario],
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

//! Workshops from the command line: `workshop` prints the code of a workshop over bundled
//! scenarios, and `verify` replays result codes against it and prints the item analysis.

use latih::engine::pack;
use latih::engine::workshop::{verify, Phase, Rejection, ResultRecord, ScenarioRef, Workshop};

use crate::args::{now_seconds, Args};

/// Prints the code of a workshop over bundled scenarios (what the trainer shares as a link).
pub(crate) fn workshop_code(a: &Args) -> Result<bool, String> {
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
    println!("{}", workshop.to_code());
    Ok(true)
}

/// Verifies result codes against a workshop by replaying them; one line per code.
pub(crate) fn verify_codes(a: &Args) -> Result<bool, String> {
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

//! Playing from the command line: `play` runs a scenario with given choices and prints the
//! transcript, the order shown and the score; `path` prints the choices a scripted policy makes.

use latih::engine::balance::Policy;
use latih::engine::debrief;
use latih::engine::figures::wrong_figure;
use latih::engine::has_errors;
use latih::engine::messages::{
    competency as competency_name, outcome as outcome_name, text, violation as violation_name, Msg,
};
use latih::engine::sim::{Event, Terms};
use latih::engine::Competency;
use latih::engine::Lang;
use latih::engine::{Session, Words};

use crate::args::Args;
use crate::check::{load, print_diagnostics};

/// `path`: the choice ids a scripted policy makes in one run, comma-separated.
pub(crate) fn policy_path(a: &Args) -> Result<bool, String> {
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

/// `play`: plays the given choices and prints the transcript and the score.
pub(crate) fn play_file(a: &Args) -> Result<bool, String> {
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
    if let Some(note) = latih::engine::cap_note(&card, violation_name) {
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

/// Prints one event of a run as the transcript shows it.
fn print_event(session: &Session, event: &Event, lang: Lang) {
    let s = session.scenario();
    let say = |t: &latih::engine::Localized| session.render(t, lang);
    match session.words(event, lang) {
        Some(Words::Worker(line)) => println!("{}: {line}", s.persona.name),
        Some(Words::Agent(line)) => println!("> {line}"),
        Some(Words::Fact(fact)) => println!("  (learned: {fact})"),
        None => {}
    }
    match event {
        Event::Feedback(turn) => {
            let choice = &s.nodes[turn.node as usize].choices[turn.choice as usize];
            println!("  coach: {}", say(&choice.feedback));
            if turn.repeated {
                println!("  coach: {}", text(Msg::ERepeatCoach).get(lang));
            }
            for check in turn.checks.iter().filter(|c| c.is_wrong()) {
                println!(
                    "  coach: {}",
                    wrong_figure(check, s, session.terms().rates).get(lang)
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
        Event::Ended(end) => println!("== {}", outcome_name(end.outcome).get(lang)),
        _ => {}
    }
}

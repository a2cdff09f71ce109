//! Checking scenarios: `validate` and `balance` over files, `pack` over the bundled scenarios,
//! and `compile-pack`, with the printing of diagnostics and balance reports they share.

use latih::engine::balance::{analyse, analyse_all, missed_targets, Policy, PolicyReport};
use latih::engine::pack;
use latih::engine::Lang;
use latih::engine::{has_errors, Diagnostic, Severity};
use latih::engine::{import, Imported};

use crate::args::Args;

/// Reads and imports a scenario file; an unreadable file is a usage error (exit 2).
pub(crate) fn load(path: &str, lang: Lang) -> Result<Imported, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    import(&text).map_err(|e| format!("{path}: {}", e.message.get(lang)))
}

/// Prints an import's repairs and diagnostics; true if it has no errors.
pub(crate) fn print_diagnostics(name: &str, imported: &Imported, lang: Lang) -> bool {
    for repair in &imported.repairs {
        println!("{name}: repaired: {}", repair.get(lang));
    }
    print_list(name, &imported.diagnostics, lang);
    !has_errors(&imported.diagnostics)
}

/// Prints diagnostics one a line, with where they are, then the counts.
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

/// `validate`: true if no file has errors.
pub(crate) fn validate_files(a: &Args) -> Result<bool, String> {
    let mut ok = true;
    for path in &a.files {
        let imported = load(path, a.lang)?;
        ok &= print_diagnostics(path, &imported, a.lang);
    }
    Ok(ok)
}

/// Prints a balance table per policy and any target missed; true if none is.
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

/// `balance`: over the reference dates, or on `--date`; true if every target is met.
pub(crate) fn balance_files(a: &Args) -> Result<bool, String> {
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

/// `pack`: validates and balances every bundled scenario.
pub(crate) fn check_pack(a: &Args) -> Result<bool, String> {
    let mut ok = true;
    for (name, body) in pack::FILES {
        let imported = import(body).map_err(|e| format!("{name}: {}", e.message.get(a.lang)))?;
        ok &= print_diagnostics(name, &imported, a.lang);
        ok &= print_balance(name, &analyse_all(&imported.scenario, a.runs, a.seed));
    }
    Ok(ok)
}

/// Writes the bundled pack in the form the browser app reads (`index.bin`, `ID.bin`) into `dir`.
pub(crate) fn compile_pack(dir: &str) -> Result<bool, String> {
    let files = pack::compiled().map_err(|(name, e)| format!("{name}: {e}"))?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: {e}"))?;
    for (name, bytes) in &files {
        let path = std::path::Path::new(dir).join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    println!("{} files written to {dir}", files.len());
    Ok(true)
}

//! The CSV export: one row per verified attempt, in the columns docs/monev.md documents, with
//! cells a spreadsheet would run as formulas defused.

use crate::engine::scenario::format_name;
use crate::engine::workshop::{Phase, Verified, Workshop};

/// The CSV columns, in order (documented in docs/monev.md).
pub const CSV_COLUMNS: &[&str] = &[
    "attempt_id",
    "workshop_id",
    "workshop_name",
    "workshop_date",
    "agent",
    "wadah",
    "phase",
    "scenario",
    "scenario_version",
    "seed",
    "started_utc",
    "duration_s",
    "score",
    "passed",
    "outcome",
    "package",
    "suitable",
    "rapport",
    "discovery",
    "accuracy",
    "objections",
    "closing",
    "ethics",
    "violations",
    "choices",
];

/// The phase as the exports name it.
pub(super) fn phase_name(p: Phase) -> &'static str {
    match p {
        Phase::PreTest => "pre_test",
        Phase::PostTest => "post_test",
    }
}

/// A field quoted when it holds a comma, quote or line break (RFC 4180), and defused when it
/// starts like a spreadsheet formula.
pub(super) fn csv_field(text: &str) -> String {
    // A spreadsheet reads a cell starting with = + - @ (or a tab or carriage return, or any of
    // them after spaces) as a formula: such a cell starts with an apostrophe instead.
    let risky = text
        .trim_start_matches(' ')
        .starts_with(['=', '+', '-', '@', '\t', '\r']);
    let text = if risky {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Seconds since the epoch as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn utc(seconds: u64) -> String {
    let days = seconds / 86_400;
    let rem = seconds % 86_400;
    // Civil-from-days (Howard Hinnant's algorithm), valid for any date after 1970.
    let z = days as i64 + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// One row per verified attempt, with a header row.
pub fn csv(workshop: &Workshop, results: &[Verified]) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    for v in results {
        let r = &v.record;
        let c = &v.card;
        let mut row: Vec<String> = vec![
            r.attempt.uuid(),
            workshop.id.clone(),
            workshop.name.clone(),
            workshop.date.to_string(),
            r.agent.clone(),
            r.wadah.clone(),
            phase_name(r.phase).into(),
            r.scenario.clone(),
            r.version.to_string(),
            r.seed.to_string(),
            utc(r.started_s),
            r.duration_s.to_string(),
            c.total.to_string(),
            c.passed.to_string(),
            format_name(&c.outcome),
            c.package.map(|p| format_name(&p)).unwrap_or_default(),
            c.suitable.map(|s| s.to_string()).unwrap_or_default(),
        ];
        row.extend(c.competencies.iter().map(u32::to_string));
        row.push(
            c.violations
                .iter()
                .map(format_name)
                .collect::<Vec<_>>()
                .join(";"),
        );
        row.push(v.save.choices.join(";"));
        let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

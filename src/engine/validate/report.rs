//! The list of problems as validation builds it, and what every part of validation shares: an
//! error or warning at a place, a number that must lie in a range, a text that must be written
//! in both languages, and a field path put into words for the message.

use super::{Diagnostic, Location, Severity};
use crate::engine::messages::message_with;
use crate::engine::notes::Note;
use crate::engine::scenario::Localized;

/// The problems found so far, in the order found.
pub(super) struct Report {
    pub(super) out: Vec<Diagnostic>,
}

/// What gathers problems: validation's [`Report`] and the word checks' `Lint`. One place
/// makes a diagnostic, so both say a place and a severity the same way.
pub(super) trait Collect {
    /// The problems found so far.
    fn found(&mut self) -> &mut Vec<Diagnostic>;

    /// A problem that stops the scenario from being played.
    fn error(
        &mut self,
        node: Option<&str>,
        choice: Option<&str>,
        field: impl Into<String>,
        message: Localized,
    ) {
        add(
            self.found(),
            Severity::Error,
            node,
            choice,
            field.into(),
            message,
        );
    }

    /// A problem worth fixing that does not stop the scenario from being played.
    fn warning(
        &mut self,
        node: Option<&str>,
        choice: Option<&str>,
        field: impl Into<String>,
        message: Localized,
    ) {
        add(
            self.found(),
            Severity::Warning,
            node,
            choice,
            field.into(),
            message,
        );
    }
}

fn add(
    out: &mut Vec<Diagnostic>,
    severity: Severity,
    node: Option<&str>,
    choice: Option<&str>,
    field: String,
    message: Localized,
) {
    out.push(Diagnostic {
        severity,
        location: Location {
            node: node.map(str::to_owned),
            choice: choice.map(str::to_owned),
            field,
        },
        message,
    });
}

impl Collect for Report {
    fn found(&mut self) -> &mut Vec<Diagnostic> {
        &mut self.out
    }
}

impl Report {
    pub(super) fn new() -> Report {
        Report { out: Vec::new() }
    }

    /// An error unless `min <= value <= max`.
    pub(super) fn range(
        &mut self,
        node: Option<&str>,
        choice: Option<&str>,
        field: &str,
        value: i64,
        min: i64,
        max: i64,
    ) {
        if value < min || value > max {
            let args = [
                ("value", value.to_string()),
                ("min", min.to_string()),
                ("max", max.to_string()),
            ];
            self.error(node, choice, field, named(Note::VOutOfRange, field, &args));
        }
    }

    /// An error for a text empty in both languages, a warning for one missing a language.
    pub(super) fn text(
        &mut self,
        node: Option<&str>,
        choice: Option<&str>,
        field: &str,
        t: &Localized,
    ) {
        let id = t.id.trim().is_empty();
        let en = t.en.trim().is_empty();
        let args = |lang: &str| [("lang", lang.to_owned())];
        match (id, en) {
            (true, true) => self.error(node, choice, field, named(Note::VEmptyText, field, &[])),
            (true, false) => self.warning(
                node,
                choice,
                field,
                named(Note::VMissingTranslation, field, &args("Bahasa Indonesia")),
            ),
            (false, true) => self.warning(
                node,
                choice,
                field,
                named(Note::VMissingTranslation, field, &args("English")),
            ),
            (false, false) => {}
        }
    }
}

/// A field path (`choices[1].feedback`) in words, for people who edit in the app rather than
/// in the JSON: "pilihan 2 › umpan balik" / "choice 2 › feedback". Unknown parts are kept as
/// written, so nothing is hidden.
pub fn field_name(path: &str) -> Localized {
    let mut id = Vec::new();
    let mut en = Vec::new();
    for part in path.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        let words: Option<(&str, &str)> = match name {
            "meta" | "text" => None,
            "title" => Some(("judul", "title")),
            "summary" => Some(("ringkasan", "summary")),
            "briefing" => Some(("pengarahan", "briefing")),
            "estimated_minutes" => Some(("perkiraan menit", "estimated minutes")),
            "pinned_date" => Some(("tanggal tetap", "pinned date")),
            "date" => Some(("tanggal", "date")),
            "reason" => Some(("alasan", "reason")),
            "persona" => Some(("pekerja", "worker")),
            "name" => Some(("nama", "name")),
            "age" => Some(("umur", "age")),
            "occupation_label" => Some(("pekerjaan", "occupation")),
            "household" => Some(("keluarga", "household")),
            "declared_income" => Some(("penghasilan", "income")),
            "decision_threshold" => Some(("ambang keputusan", "decision threshold")),
            "attitudes" => Some(("sikap", "attitudes")),
            "sensitivities" => Some(("kepekaan", "sensitivities")),
            "hidden_facts" => Some(("fakta tersembunyi", "hidden fact")),
            "risks" => Some(("risiko", "risk")),
            "rubric" => Some(("penilaian", "rubric")),
            "pass_mark" => Some(("nilai lulus", "pass mark")),
            "weights" => Some(("bobot", "weights")),
            "full_marks" => Some(("nilai penuh", "full marks")),
            "nodes" => Some(("simpul", "node")),
            "lines" => Some(("ucapan pekerja", "worker's line")),
            "weight" => Some(("bobot", "weight")),
            "when" | "requires" => Some(("syarat", "condition")),
            "choices" => Some(("pilihan", "choice")),
            "feedback" => Some(("umpan balik", "feedback")),
            "effects" => Some(("efek", "effects")),
            "scores" => Some(("skor", "scores")),
            "reveals" => Some(("membuka fakta", "reveals")),
            "next" => Some(("lalu ke", "next")),
            "branches" => Some(("cabang", "branch")),
            "endings" => Some(("penutup", "ending")),
            "outcome" => Some(("hasil", "outcome")),
            _ => Some((name, name)),
        };
        if let Some((i, e)) = words {
            match index {
                Some(n) => {
                    id.push(format!("{i} {}", n + 1));
                    en.push(format!("{e} {}", n + 1));
                }
                None => {
                    id.push(i.to_owned());
                    en.push(e.to_owned());
                }
            }
        }
    }
    if id.is_empty() {
        return Localized::new("teks".to_owned(), "text".to_owned());
    }
    Localized::new(id.join(" › "), en.join(" › "))
}

/// A message about a field, the field named in words (see [`field_name`]).
pub(super) fn named(note: Note, field: &str, args: &[(&str, String)]) -> Localized {
    message_with(note, args, &[("field", &field_name(field))])
}

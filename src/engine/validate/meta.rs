//! The checks of what a scenario says about itself: its id, title, summary, briefing,
//! estimated time and pinned date, and its rubric (the weights and marks scoring uses).

use super::lint::{Lint, Place};
use super::report::Collect;
use super::report::{named, Report};
use crate::engine::messages::{message, text};
use crate::engine::notes::Note;
use crate::engine::rates::RatesTable;
use crate::engine::scenario::Scenario;
use crate::engine::terms::Package;

/// Checks the id and the metadata.
pub(super) fn check_meta(r: &mut Report, lint: &mut Lint<'_>, s: &Scenario) {
    if s.id.trim().is_empty() {
        r.error(None, None, "id", named(Note::VEmptyId, "id", &[]));
    }
    r.text(None, None, "meta.title", &s.meta.title);
    r.text(None, None, "meta.summary", &s.meta.summary);
    r.text(None, None, "meta.briefing", &s.meta.briefing);
    lint.text(None, None, "meta.title", &s.meta.title, Place::NoRun, false);
    lint.text(
        None,
        None,
        "meta.summary",
        &s.meta.summary,
        Place::NoRun,
        false,
    );
    lint.text(
        None,
        None,
        "meta.briefing",
        &s.meta.briefing,
        Place::Run,
        false,
    );
    r.range(
        None,
        None,
        "meta.estimated_minutes",
        s.meta.estimated_minutes.into(),
        1,
        120,
    );
    if let Some(pinned) = &s.meta.pinned_date {
        r.text(None, None, "meta.pinned_date.reason", &pinned.reason);
        // A pinned date the bundled rates do not cover could never be played.
        if RatesTable::bundled()
            .contribution(&s.persona.worker(), Package::JkkJkm, pinned.date)
            .is_err()
        {
            r.error(
                None,
                None,
                "meta.pinned_date.date",
                message(Note::VNoRates, &[("date", pinned.date.to_string())]),
            );
        }
    }
}

/// Checks the rubric: some weight to score by, and marks within their ranges.
pub(super) fn check_rubric(r: &mut Report, s: &Scenario) {
    if s.rubric.weights.values().all(|w| *w == 0) {
        r.error(None, None, "rubric.weights", text(Note::VNoWeights));
    }
    r.range(
        None,
        None,
        "rubric.pass_mark",
        s.rubric.pass_mark.into(),
        0,
        100,
    );
    for (c, v) in &s.rubric.full_marks {
        r.range(
            None,
            None,
            &format!("rubric.full_marks.{c:?}").to_lowercase(),
            (*v).into(),
            1,
            100,
        );
    }
}

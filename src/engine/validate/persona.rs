//! The checks of the simulated worker: its texts in both languages, its age, attitudes,
//! sensitivities, threshold and income within their ranges, and its hidden facts' ids.

use std::collections::HashSet;

use super::lint::{Lint, Place};
use super::report::Collect;
use super::report::{named, Report};
use crate::engine::notes::Note;
use crate::engine::scenario::Persona;

/// Checks the worker, and gives the ids of its hidden facts (what choices may reveal and
/// conditions may ask about).
pub(super) fn check_persona<'s>(
    r: &mut Report,
    lint: &mut Lint<'_>,
    p: &'s Persona,
) -> HashSet<&'s str> {
    r.text(None, None, "persona.occupation_label", &p.occupation_label);
    r.text(None, None, "persona.household", &p.household);
    lint.text(
        None,
        None,
        "persona.occupation_label",
        &p.occupation_label,
        Place::NoRun,
        false,
    );
    lint.text(
        None,
        None,
        "persona.household",
        &p.household,
        Place::Run,
        false,
    );
    for (i, risk) in p.risks.iter().enumerate() {
        r.text(None, None, &format!("persona.risks[{i}]"), risk);
        lint.text(
            None,
            None,
            &format!("persona.risks[{i}]"),
            risk,
            Place::Run,
            false,
        );
    }
    r.range(None, None, "persona.age", p.age.into(), 15, 90);
    for (name, v) in [
        ("trust", p.attitudes.trust),
        ("need", p.attitudes.need),
        ("price_worry", p.attitudes.price_worry),
        ("patience", p.attitudes.patience),
    ] {
        r.range(
            None,
            None,
            &format!("persona.attitudes.{name}"),
            v.into(),
            0,
            100,
        );
    }
    for (name, v) in [
        ("price", p.sensitivities.price),
        ("pressure", p.sensitivities.pressure),
        ("rapport", p.sensitivities.rapport),
    ] {
        r.range(
            None,
            None,
            &format!("persona.sensitivities.{name}"),
            v.into(),
            0,
            300,
        );
    }
    r.range(
        None,
        None,
        "persona.decision_threshold",
        p.decision_threshold.into(),
        0,
        100,
    );
    r.range(
        None,
        None,
        "persona.declared_income",
        p.declared_income.min(i64::MAX as u64) as i64,
        0,
        1_000_000_000,
    );
    let mut fact_ids = HashSet::new();
    for (i, fact) in p.hidden_facts.iter().enumerate() {
        if fact.id.trim().is_empty() || !fact_ids.insert(fact.id.as_str()) {
            let field = format!("persona.hidden_facts[{i}].id");
            let note = named(Note::VEmptyId, &field, &[]);
            r.error(None, None, field, note);
        }
        r.text(
            None,
            None,
            &format!("persona.hidden_facts[{i}].text"),
            &fact.text,
        );
        lint.text(
            None,
            None,
            &format!("persona.hidden_facts[{i}].text"),
            &fact.text,
            Place::Run,
            false,
        );
    }
    fact_ids
}

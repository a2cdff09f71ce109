//! The checks of a scenario's endings: their texts, one ending per outcome, scores within
//! range, and endings no choice in the scenario can lead to.

use std::collections::HashSet;
use std::rc::Rc;

use super::lint::{Lint, Place};
use super::nodes::NodeCheck;
use super::report::Collect;
use super::report::Report;
use crate::engine::messages::{message, message_with, text};
use crate::engine::notes::Note;
use crate::engine::scenario::{Outcome, Scenario};

/// Checks the endings. `checks` are the nodes' findings, which say what kinds of move the
/// scenario offers at all (an enrolment ending with no closing move is never shown).
pub(super) fn check_endings(
    r: &mut Report,
    lint: &mut Lint<'_>,
    s: &Scenario,
    checks: &[Rc<NodeCheck>],
) {
    let can_close = checks.iter().any(|c| c.can_close);
    let can_follow_up = checks.iter().any(|c| c.can_follow_up);
    let can_violate = checks.iter().any(|c| c.can_violate);
    let mut seen_outcomes = HashSet::new();
    for (i, ending) in s.endings.iter().enumerate() {
        r.text(None, None, &format!("endings[{i}].text"), &ending.text);
        lint.text(
            None,
            None,
            &format!("endings[{i}].text"),
            &ending.text,
            Place::Run,
            false,
        );
        if !seen_outcomes.insert(ending.outcome) {
            r.error(
                None,
                None,
                format!("endings[{i}].outcome"),
                message(
                    Note::VDuplicateEnding,
                    &[("outcome", outcome_key(ending.outcome).into())],
                ),
            );
        }
        for (comp, v) in &ending.scores {
            r.range(
                None,
                None,
                &format!("endings[{i}].scores.{comp:?}").to_lowercase(),
                (*v).into(),
                -10,
                10,
            );
        }
        let why = match ending.outcome {
            Outcome::Enrolled if !can_close => Some(Note::VWhyNoClose),
            Outcome::FollowUp if !can_follow_up => Some(Note::VWhyNoFollowUp),
            Outcome::Complained if !can_violate => Some(Note::VWhyNoViolation),
            _ => None,
        };
        if let Some(why) = why {
            r.warning(
                None,
                None,
                format!("endings[{i}]"),
                message_with(
                    Note::VUnreachableEnding,
                    &[("outcome", outcome_key(ending.outcome).into())],
                    &[("why", &text(why))],
                ),
            );
        }
    }
    for outcome in Outcome::ALL {
        if !seen_outcomes.contains(&outcome) {
            r.warning(
                None,
                None,
                "endings",
                message(
                    Note::VNoEndingText,
                    &[("outcome", outcome_key(outcome).into())],
                ),
            );
        }
    }
}

fn outcome_key(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Enrolled => "enrolled",
        Outcome::FollowUp => "follow_up",
        Outcome::Declined => "declined",
        Outcome::WalkedAway => "walked_away",
        Outcome::Complained => "complained",
    }
}

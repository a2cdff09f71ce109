//! The editor's problems panel: what validation found, errors first, each a button that opens
//! the node it is about and focuses the control of its field.

use std::rc::Rc;

use yew::prelude::*;

use crate::context::use_i18n;
use crate::engine::{Diagnostic, Severity};
use crate::i18n::{t_with, TrainerText};

/// The editor control (its `data-testid`, or the prefix of a bilingual pair's) that edits the
/// field a problem is about, so clicking the problem takes the trainer there.
pub fn field_control(path: &str) -> Option<String> {
    let mut parts = path.split('.');
    let first = parts.next()?;
    let second = parts.next();
    let index =
        |p: &str| -> Option<usize> { p.split_once('[')?.1.trim_end_matches(']').parse().ok() };
    let control = match (first, second) {
        ("meta", Some("estimated_minutes")) => "meta-minutes".to_owned(),
        ("meta", Some("pinned_date")) => "meta-pin-date".to_owned(),
        ("meta", Some(field)) => format!("meta-{}", field.replace('_', "-")),
        ("persona", Some("occupation_label")) => "persona-occupation".to_owned(),
        ("persona", Some("declared_income")) => "persona-income".to_owned(),
        ("persona", Some("decision_threshold")) => "persona-threshold".to_owned(),
        ("persona", Some(f)) if f.starts_with("hidden_facts[") => format!("fact-{}", index(f)?),
        ("persona", Some(f)) if f.starts_with("risks[") => format!("risk-{}", index(f)?),
        ("persona", Some(field)) => format!("persona-{}", field.replace('_', "-")),
        ("rubric", Some("pass_mark")) => "rubric-pass".to_owned(),
        ("start", None) => "meta-start".to_owned(),
        (f, _) if f.starts_with("endings[") => format!("ending-{}", index(f)?),
        (f, Some(field)) if f.starts_with("choices[") => {
            format!("choice-{}-{}", index(f)?, field.replace('_', "-"))
        }
        (f, None) if f.starts_with("choices[") => format!("choice-{}-text", index(f)?),
        (f, _) if f.starts_with("lines[") => format!("line-{}", index(f)?),
        _ => return None,
    };
    Some(control)
}

/// Focuses the control `field_control` names (the Indonesian half of a pair) and brings it
/// into view; nothing happens if it is not on the page.
pub(super) fn focus_control(testid: &str) {
    crate::platform::page::focus(&format!(
        "[data-testid=\"{testid}-id\"], [data-testid=\"{testid}\"]"
    ));
}

/// How many problems the panel lists: the first are what to fix first, and thousands of rows
/// (a badly broken file) would freeze the page at every edit.
pub(super) const PROBLEMS_SHOWN: usize = 100;

/// Props of [`Problems`].
#[derive(Properties)]
pub(super) struct ProblemsProps {
    /// What validation found.
    pub(super) diagnostics: Rc<Vec<Diagnostic>>,
    /// Called with the node a problem is about (its id) and the control of its field.
    pub(super) on_open: Callback<(Option<String>, Option<String>)>,
}

impl PartialEq for ProblemsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.diagnostics, &other.diagnostics) && self.on_open == other.on_open
    }
}

/// The first [`PROBLEMS_SHOWN`] problems, and how many more there are.
#[function_component]
pub(super) fn Problems(props: &ProblemsProps) -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let diagnostics = &props.diagnostics;
    let open = |d: &Diagnostic| {
        let (on_open, node, control) = (
            props.on_open.clone(),
            d.location.node.clone(),
            field_control(&d.location.field),
        );
        Callback::from(move |_: MouseEvent| on_open.emit((node.clone(), control.clone())))
    };
    html! {
        <section class="card" data-testid="diagnostics">
            <h2>{ i18n.t(TrainerText::ScenarioProblems) }</h2>
            if diagnostics.is_empty() {
                <p class="ok" data-testid="no-problems">{ i18n.t(TrainerText::ScenarioNoProblems) }</p>
            }
            <ul class="diagnostics">
                { for diagnostics.iter().take(PROBLEMS_SHOWN).map(|d| html! {
                    <li>
                        <button type="button" class={classes!("diagnostic", if d.severity == Severity::Error { "diagnostic--error" } else { "diagnostic--warning" })}
                            onclick={open(d)} data-testid="diagnostic">
                            <strong>{ i18n.t(if d.severity == Severity::Error { TrainerText::ScenarioError } else { TrainerText::ScenarioWarning }) }</strong>
                            if let Some(n) = &d.location.node { { format!(" · {n}") } }
                            <br />{ d.message.get(lang).to_owned() }
                        </button>
                    </li>
                }) }
            </ul>
            if diagnostics.len() > PROBLEMS_SHOWN {
                <p class="hint" data-testid="more-problems">{ t_with(i18n.lang, TrainerText::MoreProblems, &[("count", &(diagnostics.len() - PROBLEMS_SHOWN).to_string())]) }</p>
            }
        </section>
    }
}

#[cfg(test)]
#[cfg(test)]
mod tests {
    use super::field_control;

    #[test]
    fn a_problem_leads_to_the_control_of_its_field() {
        // Every problem of a new scenario names a control the editor has.
        let s = crate::engine::edit::new_scenario("x".into());
        for d in crate::engine::validate(&s) {
            assert!(
                field_control(&d.location.field).is_some(),
                "{}",
                d.location.field
            );
        }
        assert_eq!(
            field_control("meta.summary").as_deref(),
            Some("meta-summary")
        );
        assert_eq!(
            field_control("persona.occupation_label").as_deref(),
            Some("persona-occupation")
        );
        assert_eq!(
            field_control("choices[1].feedback").as_deref(),
            Some("choice-1-feedback")
        );
        assert_eq!(field_control("lines[0].text").as_deref(), Some("line-0"));
        assert_eq!(
            field_control("endings[3].text").as_deref(),
            Some("ending-3")
        );
        assert_eq!(field_control("nonsense"), None);
    }
}

//! The editor's rubric: the pass mark, each competency's weight, and the points that make full
//! marks in each.

use yew::prelude::*;

use super::fields::Number;
use super::forms::{edit, lz, FormProps};
use crate::context::use_i18n;
use crate::engine::messages;
use crate::engine::*;
use crate::i18n::TrainerText;

/// How the run is scored.
#[function_component]
pub(super) fn RubricForm(props: &FormProps) -> Html {
    let i18n = use_i18n();
    let t = |k: TrainerText| AttrValue::from(i18n.t(k));
    let (s, ed) = (&props.scenario, &props.editor);
    let weights = &s.rubric.weights;
    html! {
        <>
            <h3>{ t(TrainerText::Rubric) }</h3>
            <p class="hint">{ t(TrainerText::HelpRubric) }</p>
            <Number label={t(TrainerText::PassMark)} value={i64::from(s.rubric.pass_mark)} min={0} max={100}
                on_change={edit(ed, |s, v: i64| s.rubric.pass_mark = v as u32)} testid="rubric-pass" />
            <fieldset class="numbers">
                <legend>{ t(TrainerText::Weights) }</legend>
                { for Competency::ALL.iter().map(|&comp| html! {
                    <Number label={lz(&i18n, messages::competency(comp))} value={i64::from(weights.get(&comp).copied().unwrap_or(0))} min={0} max={100}
                        on_change={edit(ed, move |s, v: i64| { if v == 0 { s.rubric.weights.remove(&comp); } else { s.rubric.weights.insert(comp, v as u32); } })}
                        testid={format!("rubric-weight-{}", comp.index())} />
                }) }
            </fieldset>
            <fieldset class="numbers">
                <legend>{ t(TrainerText::FullMarks) }</legend>
                { for Competency::ALL.iter().filter(|c| **c != Competency::Ethics).map(|&comp| html! {
                    <Number label={lz(&i18n, messages::competency(comp))} value={i64::from(s.rubric.full_marks.get(&comp).copied().unwrap_or(0))} min={1} max={60}
                        on_change={edit(ed, move |s, v: i64| { s.rubric.full_marks.insert(comp, v as i32); })}
                        testid={format!("rubric-full-{}", comp.index())} />
                }) }
            </fieldset>

        </>
    }
}

//! The editor's endings: the text and points of each outcome, and a button per outcome that
//! has none yet.

use yew::prelude::*;

use super::forms::{edit, lz, points, FormProps};
use super::pair::Pair;
use crate::context::use_i18n;
use crate::engine::messages;
use crate::engine::*;
use crate::i18n::{action_on, t_with, TrainerText};

/// How a run can end.
#[function_component]
pub(super) fn EndingsForm(props: &FormProps) -> Html {
    let i18n = use_i18n();
    let t = |k: TrainerText| AttrValue::from(i18n.t(k));
    let (s, ed) = (&props.scenario, &props.editor);
    let missing_outcomes: Vec<Outcome> = Outcome::ALL
        .into_iter()
        .filter(|o| s.ending(*o).is_none())
        .collect();
    html! {
        <>
            <h3>{ t(TrainerText::Endings) }</h3>
            { for s.endings.iter().enumerate().map(|(n, ending)| html! {
                <div class="list-editor__item" data-testid={format!("ending-editor-{}", format_name(&ending.outcome))}>
                    <Pair label={lz(&i18n, messages::outcome(ending.outcome))} value={ending.text.clone()} long=true testid={format!("ending-{n}")}
                        on_change={edit(ed, move |s, v| if let Some(e) = s.endings.get_mut(n) { e.text = v })} />
                    { points(&i18n, TrainerText::EndingScores, &ending.scores, (-10, 20),
                        edit(ed, move |s, v: Points| if let Some(e) = s.endings.get_mut(n) { e.scores = v }), &format!("ending-{n}-score")) }
                    <button type="button" class="button button--secondary button--small" data-testid={format!("ending-{n}-remove")}
                        aria-label={action_on(i18n.lang, TrainerText::Remove, messages::outcome(ending.outcome).get(i18n.lang))}
                        onclick={edit(ed, move |s, _: MouseEvent| { if n < s.endings.len() { s.endings.remove(n); } })}>{ t(TrainerText::Remove) }</button>
                </div>
            }) }
            if !missing_outcomes.is_empty() {
                <div class="actions">
                    { for missing_outcomes.into_iter().map(|o| html! {
                        <button type="button" class="button button--secondary button--small" data-testid={format!("add-ending-{}", format_name(&o))}
                            onclick={edit(ed, move |s, _: MouseEvent| s.endings.push(Ending { outcome: o, text: Localized::default(), scores: Points::new() }))}>
                            { t_with(i18n.lang, TrainerText::AddEnding, &[("outcome", messages::outcome(o).get(i18n.lang))]) }
                        </button>
                    }) }
                </div>
            }
        </>
    }
}

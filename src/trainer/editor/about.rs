//! The editor's "about" panel: the scenario's title, texts, id, version, difficulty, date,
//! start and objections, then the worker, the rubric and the endings.

use yew::prelude::*;

use super::endings::EndingsForm;
use super::fields::{options, Checks, Number, Options, Pick};
use super::forms::{edit, edit_text, find, find_all, names, FormProps};
use super::pair::Pair;
use super::persona::PersonaForm;
use super::rubric::RubricForm;
use crate::context::use_i18n;
use crate::engine::messages;
use crate::engine::Date;
use crate::engine::*;
use crate::i18n::TrainerText;
use crate::platform::form::checked_of;

const DIFFICULTIES: [Difficulty; 3] = [
    Difficulty::Beginner,
    Difficulty::Intermediate,
    Difficulty::Advanced,
];

/// Everything about the scenario that is not a node.
#[function_component]
pub(super) fn AboutEditor(props: &FormProps) -> Html {
    let i18n = use_i18n();
    let t = |k: TrainerText| AttrValue::from(i18n.t(k));
    let (s, ed) = (&props.scenario, &props.editor);
    let difficulties = options(DIFFICULTIES, |d| {
        messages::difficulty(*d).get(i18n.lang).to_owned()
    });
    let objections: Options = options(Objection::ALL, |o| {
        messages::objection(*o).get(i18n.lang).to_owned()
    });
    html! {
        <section class="card about-editor" data-testid="about-editor">
            <h2>{ t(TrainerText::ScenarioAbout) }</h2>
            <Pair label={t(TrainerText::FieldTitle)} value={s.meta.title.clone()} on_change={edit(ed, |s, v| s.meta.title = v)} testid="meta-title" />
            <Pair label={t(TrainerText::FieldSummary)} value={s.meta.summary.clone()} on_change={edit(ed, |s, v| s.meta.summary = v)} long=true testid="meta-summary" />
            <Pair label={t(TrainerText::FieldBriefing)} value={s.meta.briefing.clone()} on_change={edit(ed, |s, v| s.meta.briefing = v)} long=true testid="meta-briefing" />
            <div class="form-grid">
                <label class="field">
                    <span>{ t(TrainerText::FieldId) }</span>
                    <input type="text" value={s.id.clone()} onchange={edit_text(ed, |s, v| s.id = v.trim().to_owned())} data-testid="meta-id" />
                    <span class="hint">{ t(TrainerText::FieldIdHelp) }</span>
                </label>
                <Number label={t(TrainerText::FieldVersion)} value={i64::from(s.version)} min={1} max={9999} help={t(TrainerText::FieldVersionHelp)}
                    on_change={edit(ed, |s, v: i64| s.version = v as u32)} testid="meta-version" />
                <Pick label={t(TrainerText::FieldDifficulty)} options={difficulties} value={format_name(&s.meta.difficulty)}
                    on_change={edit(ed, |s, v: AttrValue| if let Some(d) = find(&DIFFICULTIES, &v) { s.meta.difficulty = d })} testid="meta-difficulty" />
                <Number label={t(TrainerText::FieldMinutes)} value={i64::from(s.meta.estimated_minutes)} min={1} max={120}
                    on_change={edit(ed, |s, v: i64| s.meta.estimated_minutes = v as u32)} testid="meta-minutes" />
                <div class="field">
                    <label class="field--check">
                        <input type="checkbox" checked={s.meta.pinned_date.is_some()} data-testid="meta-pin-date"
                            onchange={edit(ed, |s, e: Event| {
                                let on = checked_of(&e);
                                s.meta.pinned_date = on.then(|| PinnedDate {
                                    date: crate::platform::clock::today(),
                                    reason: Localized::default(),
                                });
                            })} />
                        <span>{ t(TrainerText::FieldDate) }</span>
                    </label>
                    if let Some(pinned) = &s.meta.pinned_date {
                        <input type="date" value={pinned.date.to_string()} data-testid="meta-date" aria-label={t(TrainerText::FieldDate)}
                            onchange={edit_text(ed, |s, v| if let (Some(d), Some(p)) = (Date::parse(v.trim()), s.meta.pinned_date.as_mut()) { p.date = d })} />
                    }
                    <span class="hint">{ t(TrainerText::FieldDateHelp) }</span>
                </div>
                <label class="field">
                    <span>{ t(TrainerText::FieldStart) }</span>
                    <input type="text" list="node-ids" value={s.start.clone()} onchange={edit_text(ed, |s, v| s.start = v.trim().to_owned())} data-testid="meta-start" />
                </label>
            </div>
            if let Some(pinned) = &s.meta.pinned_date {
                <Pair label={t(TrainerText::FieldPinReason)} value={pinned.reason.clone()} testid="meta-pin-reason"
                    on_change={edit(ed, |s, v| if let Some(p) = s.meta.pinned_date.as_mut() { p.reason = v })} />
            }
            <Checks label={t(TrainerText::FieldObjections)} options={objections} value={names(&s.meta.objections)}
                on_change={edit(ed, |s, v: Vec<AttrValue>| s.meta.objections = find_all(&Objection::ALL, &v))} testid="meta-objection" />
            <label class="field">
                <span>{ t(TrainerText::FieldTags) }</span>
                <input type="text" value={s.meta.tags.join(", ")} data-testid="meta-tags"
                    onchange={edit_text(ed, |s, v| s.meta.tags = v.split(',').map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect())} />
            </label>

            <PersonaForm scenario={props.scenario.clone()} editor={props.editor.clone()} />
            <RubricForm scenario={props.scenario.clone()} editor={props.editor.clone()} />
            <EndingsForm scenario={props.scenario.clone()} editor={props.editor.clone()} />
        </section>
    }
}

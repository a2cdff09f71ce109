//! The editor's forms: everything about the scenario (metadata, the whole persona, the rubric,
//! the endings) and one node (its lines with their conditions, and each choice with its kind,
//! links, branches, conditions, figures, effects, points and feedback). Every change is one
//! step of undo.

use std::rc::Rc;

use yew::prelude::*;

use super::fields::{options, value_of, Checks, Conditions, Number, Options, Pick};
use super::scenario_pages::{Editor, EditorAction, Pair};
use crate::context::I18n;
use crate::engine::figures::{self, Figure, Placeholder, Trap, FIGURES, TRAPS};
use crate::engine::messages;
use crate::engine::rates::{money, RatesTable};
use crate::engine::scenario::*;
use crate::engine::sim::spoken;
use crate::engine::terms::Occupation;
use crate::engine::terms::{Date, Package};
use crate::i18n::{action_on, t_with, Lang, TrainerText};

type Ed = UseReducerHandle<Editor>;

/// A callback that applies `f` with its value to the scenario, as one undo step.
fn edit<T: Clone + 'static>(ed: &Ed, f: impl Fn(&mut Scenario, T) + 'static) -> Callback<T> {
    let (ed, f) = (ed.clone(), Rc::new(f));
    Callback::from(move |v: T| {
        let f = f.clone();
        ed.dispatch(EditorAction::Edit(Rc::new(move |s: &mut Scenario| {
            f(s, v.clone())
        })))
    })
}

/// A callback from a text input's change event.
fn edit_text(ed: &Ed, f: impl Fn(&mut Scenario, String) + 'static) -> Callback<Event> {
    let set = edit(ed, f);
    Callback::from(move |e: Event| set.emit(value_of(&e)))
}

fn lz(i18n: &I18n, l: Localized) -> AttrValue {
    AttrValue::from(l.get(i18n.lang == Lang::En).to_owned())
}

const OCCUPATIONS: [(Occupation, TrainerText); 11] = [
    (Occupation::Fisher, TrainerText::OccFisher),
    (Occupation::Farmer, TrainerText::OccFarmer),
    (Occupation::Trader, TrainerText::OccTrader),
    (Occupation::OjekDriver, TrainerText::OccOjek),
    (Occupation::Courier, TrainerText::OccCourier),
    (Occupation::Driver, TrainerText::OccDriver),
    (Occupation::Artisan, TrainerText::OccArtisan),
    (
        Occupation::ConstructionLabourer,
        TrainerText::OccConstruction,
    ),
    (Occupation::StreetFoodSeller, TrainerText::OccStreetFood),
    (Occupation::HouseholdHelper, TrainerText::OccHelper),
    (Occupation::Other, TrainerText::OccOther),
];

/// The avatar drawings the app has (src/components/avatar.rs).
const AVATARS: [(&str, TrainerText); 8] = [
    ("fisher", TrainerText::OccFisher),
    ("farmer", TrainerText::OccFarmer),
    ("trader", TrainerText::OccTrader),
    ("street_food", TrainerText::OccStreetFood),
    ("ojek", TrainerText::OccOjek),
    ("weaver", TrainerText::OccArtisan),
    ("labourer", TrainerText::OccConstruction),
    ("helper", TrainerText::OccHelper),
];

fn strings(values: &[impl AsRef<str>]) -> Vec<AttrValue> {
    values
        .iter()
        .map(|v| AttrValue::from(v.as_ref().to_owned()))
        .collect()
}

fn names<T: serde::Serialize>(values: &[T]) -> Vec<AttrValue> {
    values
        .iter()
        .map(|v| AttrValue::from(format_name(v)))
        .collect()
}

/// The value of `all` the format names `name` (no parser per type: they add to the download).
fn find<T: serde::Serialize + Copy>(all: &[T], name: &str) -> Option<T> {
    all.iter().find(|v| format_name(*v) == name).copied()
}

fn find_all<T: serde::Serialize + Copy>(all: &[T], values: &[AttrValue]) -> Vec<T> {
    values.iter().filter_map(|v| find(all, v)).collect()
}

const DIFFICULTIES: [Difficulty; 3] = [
    Difficulty::Beginner,
    Difficulty::Intermediate,
    Difficulty::Advanced,
];
const PATTERNS: [IncomePattern; 3] = [
    IncomePattern::Regular,
    IncomePattern::Seasonal,
    IncomePattern::Irregular,
];
const COVERAGES: [Coverage; 3] = [
    Coverage::BpjsKesehatan,
    Coverage::BpjsKesehatanPbi,
    Coverage::LapsedBpjsKetenagakerjaan,
];

/// Facts' ids, for conditions and reveals.
pub fn fact_ids(s: &Scenario) -> Rc<Vec<AttrValue>> {
    Rc::new(
        s.persona
            .hidden_facts
            .iter()
            .map(|f| AttrValue::from(f.id.clone()))
            .collect(),
    )
}

/// Points per competency, each within `min..=max`.
fn points(
    i18n: &I18n,
    label: TrainerText,
    value: &Points,
    (min, max): (i64, i64),
    set: Callback<Points>,
    testid: &str,
) -> Html {
    html! {
        <fieldset class="numbers">
            <legend>{ i18n.t(label) }</legend>
            { for Competency::ALL.iter().map(|&comp| {
                let current = i64::from(value.get(&comp).copied().unwrap_or(0));
                let (value, set) = (value.clone(), set.clone());
                let on_change = Callback::from(move |v: i64| {
                    let mut next = value.clone();
                    if v == 0 { next.remove(&comp); } else { next.insert(comp, v as i32); }
                    set.emit(next);
                });
                html! { <Number label={lz(i18n, messages::competency(comp))} value={current}
                    {min} {max} {on_change} testid={format!("{testid}-{}", comp.index())} /> }
            }) }
        </fieldset>
    }
}

/// Everything about the scenario that is not a node.
pub(super) fn about_editor(i18n: &I18n, ed: &Ed, s: &Scenario) -> Html {
    let t = |k: TrainerText| AttrValue::from(i18n.t(k));
    let p = &s.persona;
    let difficulties = options(DIFFICULTIES, |d| {
        messages::difficulty(*d)
            .get(i18n.lang == Lang::En)
            .to_owned()
    });
    let objections: Options = options(Objection::ALL, |o| {
        messages::objection(*o)
            .get(i18n.lang == Lang::En)
            .to_owned()
    });
    let occupations = options(OCCUPATIONS.iter().map(|(o, _)| *o), |o| {
        OCCUPATIONS
            .iter()
            .find(|(x, _)| x == o)
            .map(|(_, k)| i18n.t(*k))
            .unwrap_or_default()
            .to_owned()
    });
    let patterns = options(PATTERNS, |p| {
        i18n.t(match p {
            IncomePattern::Regular => TrainerText::IncomeRegular,
            IncomePattern::Seasonal => TrainerText::IncomeSeasonal,
            IncomePattern::Irregular => TrainerText::IncomeIrregular,
        })
        .to_owned()
    });
    let coverages = options(COVERAGES, |c| {
        i18n.t(match c {
            Coverage::BpjsKesehatan => TrainerText::CoverHealth,
            Coverage::BpjsKesehatanPbi => TrainerText::CoverHealthPbi,
            Coverage::LapsedBpjsKetenagakerjaan => TrainerText::CoverLapsed,
        })
        .to_owned()
    });
    let avatars: Options = Rc::new(
        AVATARS
            .iter()
            .map(|(k, l)| (AttrValue::from(*k), t(*l)))
            .collect(),
    );
    let attitude = |label: TrainerText,
                    help: TrainerText,
                    value: i32,
                    f: fn(&mut Attitudes, i32),
                    id: &str| {
        html! {
            <Number label={t(label)} value={i64::from(value)} min={0} max={100} help={t(help)}
                on_change={edit(ed, move |s, v: i64| f(&mut s.persona.attitudes, v as i32))} testid={format!("persona-{id}")} />
        }
    };
    let sensitivity = |label: TrainerText, value: u32, f: fn(&mut Sensitivities, u32), id: &str| {
        html! {
            <Number label={t(label)} value={i64::from(value)} min={0} max={300} step={10}
                on_change={edit(ed, move |s, v: i64| f(&mut s.persona.sensitivities, v as u32))} testid={format!("persona-{id}")} />
        }
    };
    let weights = &s.rubric.weights;
    let missing_outcomes: Vec<Outcome> = Outcome::ALL
        .into_iter()
        .filter(|o| s.ending(*o).is_none())
        .collect();
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
                                let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
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

            <h3>{ t(TrainerText::Worker) }</h3>
            <div class="persona-head">
                // Named even before the persona is: an unnamed image is skipped by screen readers.
                <crate::components::avatar::Avatar kind={p.avatar.clone()}
                    label={if p.name.trim().is_empty() { t(TrainerText::AvatarUnnamed) } else { AttrValue::from(p.name.clone()) }} />
                <Pick label={t(TrainerText::FieldAvatar)} options={avatars} value={p.avatar.clone()}
                    on_change={edit(ed, |s, v: AttrValue| s.persona.avatar = v.to_string())} testid="persona-avatar" />
            </div>
            <div class="form-grid">
                <label class="field">
                    <span>{ t(TrainerText::FieldName) }</span>
                    <input type="text" value={p.name.clone()} onchange={edit_text(ed, |s, v| s.persona.name = v)} data-testid="persona-name" />
                </label>
                <Pick label={t(TrainerText::FieldOccupationKind)} options={occupations} value={format_name(&p.occupation)} help={t(TrainerText::FieldOccupationKindHelp)}
                    on_change={edit(ed, |s, v: AttrValue| if let Some(o) = find(&OCCUPATIONS.map(|(o, _)| o), &v) { s.persona.occupation = o })} testid="persona-occupation-kind" />
                <Number label={t(TrainerText::FieldAge)} value={i64::from(p.age)} min={15} max={90} help={t(TrainerText::FieldAgeHelp)}
                    on_change={edit(ed, |s, v: i64| s.persona.age = v as u32)} testid="persona-age" />
                <label class="field">
                    <span>{ t(TrainerText::FieldPlace) }</span>
                    <input type="text" value={p.place.clone()} onchange={edit_text(ed, |s, v| s.persona.place = v)} data-testid="persona-place" />
                </label>
                <Number label={t(TrainerText::FieldIncome)} value={p.declared_income as i64} min={0} max={100_000_000} step={50_000} help={t(TrainerText::FieldIncomeHelp)}
                    on_change={edit(ed, |s, v: i64| s.persona.declared_income = v as u64)} testid="persona-income" />
                <Pick label={t(TrainerText::FieldIncomePattern)} options={patterns} value={format_name(&p.income_pattern)}
                    on_change={edit(ed, |s, v: AttrValue| if let Some(x) = find(&PATTERNS, &v) { s.persona.income_pattern = x })} testid="persona-pattern" />
                <Number label={t(TrainerText::FieldCanPay)} value={p.can_keep_paying as i64} min={0} max={10_000_000} step={1_000} help={t(TrainerText::FieldCanPayHelp)}
                    on_change={edit(ed, |s, v: i64| s.persona.can_keep_paying = v as u64)} testid="persona-can-pay" />
                <label class="field field--check">
                    <input type="checkbox" checked={p.government_paid} data-testid="persona-government-paid"
                        onchange={edit(ed, |s, e: Event| s.persona.government_paid = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())} />
                    <span>{ t(TrainerText::FieldGovernmentPaid) }</span>
                </label>
                <Number label={t(TrainerText::FieldThreshold)} value={i64::from(p.decision_threshold)} min={0} max={100} help={t(TrainerText::FieldThresholdHelp)}
                    on_change={edit(ed, |s, v: i64| s.persona.decision_threshold = v as i32)} testid="persona-threshold" />
            </div>
            <Pair label={t(TrainerText::FieldOccupation)} value={p.occupation_label.clone()} on_change={edit(ed, |s, v| s.persona.occupation_label = v)} testid="persona-occupation" />
            <Pair label={t(TrainerText::FieldHousehold)} value={p.household.clone()} on_change={edit(ed, |s, v| s.persona.household = v)} testid="persona-household" />
            <Checks label={t(TrainerText::FieldCoverage)} options={coverages} value={names(&p.coverage)}
                on_change={edit(ed, |s, v: Vec<AttrValue>| s.persona.coverage = find_all(&COVERAGES, &v))} testid="persona-coverage" />
            <fieldset class="numbers">
                <legend>{ t(TrainerText::FieldAttitudes) }</legend>
                { attitude(TrainerText::Trust, TrainerText::HelpTrust, p.attitudes.trust, |a, v| a.trust = v, "trust") }
                { attitude(TrainerText::Interest, TrainerText::HelpNeed, p.attitudes.need, |a, v| a.need = v, "need") }
                { attitude(TrainerText::CostWorry, TrainerText::HelpWorry, p.attitudes.price_worry, |a, v| a.price_worry = v, "worry") }
                { attitude(TrainerText::Patience, TrainerText::HelpPatience, p.attitudes.patience, |a, v| a.patience = v, "patience") }
            </fieldset>
            <fieldset class="numbers">
                <legend>{ t(TrainerText::FieldSensitivities) }</legend>
                <p class="hint">{ t(TrainerText::HelpSensitivities) }</p>
                { sensitivity(TrainerText::SensPrice, p.sensitivities.price, |a, v| a.price = v, "sens-price") }
                { sensitivity(TrainerText::SensPressure, p.sensitivities.pressure, |a, v| a.pressure = v, "sens-pressure") }
                { sensitivity(TrainerText::SensRapport, p.sensitivities.rapport, |a, v| a.rapport = v, "sens-rapport") }
            </fieldset>
            <fieldset class="list-editor">
                <legend>{ t(TrainerText::FieldRisks) }</legend>
                { for p.risks.iter().enumerate().map(|(n, risk)| { let name = t_with(i18n.lang, TrainerText::RiskN, &[("n", &(n + 1).to_string())]); html! {
                    <div class="list-editor__item">
                        <Pair label={name.clone()} value={risk.clone()}
                            on_change={edit(ed, move |s, v| if let Some(r) = s.persona.risks.get_mut(n) { *r = v })} testid={format!("risk-{n}")} />
                        <button type="button" class="button button--secondary button--small" data-testid={format!("risk-{n}-remove")} aria-label={action_on(i18n.lang, TrainerText::Remove, &name)}
                            onclick={edit(ed, move |s, _: MouseEvent| { if n < s.persona.risks.len() { s.persona.risks.remove(n); } })}>{ t(TrainerText::Remove) }</button>
                    </div>
                } }) }
                <button type="button" class="button button--secondary button--small" data-testid="risk-add"
                    onclick={edit(ed, |s, _: MouseEvent| s.persona.risks.push(Localized::default()))}>{ t(TrainerText::AddRisk) }</button>
            </fieldset>
            <fieldset class="list-editor">
                <legend>{ t(TrainerText::HiddenFacts) }</legend>
                <p class="hint">{ t(TrainerText::HelpFacts) }</p>
                { for p.hidden_facts.iter().enumerate().map(|(n, fact)| html! {
                    <div class="list-editor__item">
                        <label class="field">
                            <span>{ t(TrainerText::FactId) }</span>
                            <input type="text" value={fact.id.clone()} data-testid={format!("fact-{n}-key")}
                                onchange={edit_text(ed, move |s, v| if let Some(f) = s.persona.hidden_facts.get_mut(n) { f.id = v.trim().to_owned() })} />
                        </label>
                        <Pair label={t(TrainerText::FactText)} value={fact.text.clone()}
                            on_change={edit(ed, move |s, v| if let Some(f) = s.persona.hidden_facts.get_mut(n) { f.text = v })} testid={format!("fact-{n}")} />
                        <button type="button" class="button button--secondary button--small" data-testid={format!("fact-{n}-remove")}
                            aria-label={action_on(i18n.lang, TrainerText::Remove, &format!("{} {}", t(TrainerText::HiddenFacts), n + 1))}
                            onclick={edit(ed, move |s, _: MouseEvent| { if n < s.persona.hidden_facts.len() { s.persona.hidden_facts.remove(n); } })}>{ t(TrainerText::Remove) }</button>
                    </div>
                }) }
                <button type="button" class="button button--secondary button--small" data-testid="fact-add"
                    onclick={edit(ed, |s, _: MouseEvent| {
                        let mut n = s.persona.hidden_facts.len() + 1;
                        while s.persona.hidden_facts.iter().any(|f| f.id == format!("fakta-{n}")) { n += 1; }
                        s.persona.hidden_facts.push(HiddenFact { id: format!("fakta-{n}"), text: Localized::default() });
                    })}>{ t(TrainerText::AddFact) }</button>
            </fieldset>

            <h3>{ t(TrainerText::Rubric) }</h3>
            <p class="hint">{ t(TrainerText::HelpRubric) }</p>
            <Number label={t(TrainerText::PassMark)} value={i64::from(s.rubric.pass_mark)} min={0} max={100}
                on_change={edit(ed, |s, v: i64| s.rubric.pass_mark = v as u32)} testid="rubric-pass" />
            <fieldset class="numbers">
                <legend>{ t(TrainerText::Weights) }</legend>
                { for Competency::ALL.iter().map(|&comp| html! {
                    <Number label={lz(i18n, messages::competency(comp))} value={i64::from(weights.get(&comp).copied().unwrap_or(0))} min={0} max={100}
                        on_change={edit(ed, move |s, v: i64| { if v == 0 { s.rubric.weights.remove(&comp); } else { s.rubric.weights.insert(comp, v as u32); } })}
                        testid={format!("rubric-weight-{}", comp.index())} />
                }) }
            </fieldset>
            <fieldset class="numbers">
                <legend>{ t(TrainerText::FullMarks) }</legend>
                { for Competency::ALL.iter().filter(|c| **c != Competency::Ethics).map(|&comp| html! {
                    <Number label={lz(i18n, messages::competency(comp))} value={i64::from(s.rubric.full_marks.get(&comp).copied().unwrap_or(0))} min={1} max={60}
                        on_change={edit(ed, move |s, v: i64| { s.rubric.full_marks.insert(comp, v as i32); })}
                        testid={format!("rubric-full-{}", comp.index())} />
                }) }
            </fieldset>

            <h3>{ t(TrainerText::Endings) }</h3>
            { for s.endings.iter().enumerate().map(|(n, ending)| html! {
                <div class="list-editor__item" data-testid={format!("ending-editor-{}", format_name(&ending.outcome))}>
                    <Pair label={lz(i18n, messages::outcome(ending.outcome))} value={ending.text.clone()} long=true testid={format!("ending-{n}")}
                        on_change={edit(ed, move |s, v| if let Some(e) = s.endings.get_mut(n) { e.text = v })} />
                    { points(i18n, TrainerText::EndingScores, &ending.scores, (-10, 20),
                        edit(ed, move |s, v: Points| if let Some(e) = s.endings.get_mut(n) { e.scores = v }), &format!("ending-{n}-score")) }
                    <button type="button" class="button button--secondary button--small" data-testid={format!("ending-{n}-remove")}
                        aria-label={action_on(i18n.lang, TrainerText::Remove, messages::outcome(ending.outcome).get(i18n.lang == Lang::En))}
                        onclick={edit(ed, move |s, _: MouseEvent| { if n < s.endings.len() { s.endings.remove(n); } })}>{ t(TrainerText::Remove) }</button>
                </div>
            }) }
            if !missing_outcomes.is_empty() {
                <div class="actions">
                    { for missing_outcomes.into_iter().map(|o| html! {
                        <button type="button" class="button button--secondary button--small" data-testid={format!("add-ending-{}", format_name(&o))}
                            onclick={edit(ed, move |s, _: MouseEvent| s.endings.push(Ending { outcome: o, text: Localized::default(), scores: Points::new() }))}>
                            { t_with(i18n.lang, TrainerText::AddEnding, &[("outcome", messages::outcome(o).get(i18n.lang == Lang::En))]) }
                        </button>
                    }) }
                </div>
            }
        </section>
    }
}

/// A callback that changes the branches of a choice's next step.
fn branch_edit<T: 'static>(
    set: &Callback<Next>,
    branches: &[Branch],
    otherwise: &str,
    f: impl Fn(&mut Vec<Branch>, T) + 'static,
) -> Callback<T> {
    let (set, branches, otherwise) = (set.clone(), branches.to_vec(), otherwise.to_owned());
    Callback::from(move |v: T| {
        let mut all = branches.clone();
        f(&mut all, v);
        set.emit(Next::Branch {
            branches: all,
            otherwise: otherwise.clone(),
        })
    })
}

/// Where a choice leads: a node typed (with the node ids offered), the end, or branches on
/// the worker's state with a node for each and one for otherwise.
fn next_editor(
    i18n: &I18n,
    label: TrainerText,
    empty: TrainerText,
    next: &Next,
    facts: &Rc<Vec<AttrValue>>,
    set: Callback<Next>,
    testid: &str,
) -> Html {
    let t = |k: TrainerText| AttrValue::from(i18n.t(k));
    match next {
        Next::Branch {
            branches,
            otherwise,
        } => {
            let to_simple = {
                let (set, otherwise) = (set.clone(), otherwise.clone());
                Callback::from(move |_: MouseEvent| set.emit(Next::Node(otherwise.clone())))
            };
            html! {
                <fieldset class="branches" data-testid={format!("{testid}-branches")}>
                    <legend>{ t(label) }</legend>
                    { for branches.iter().enumerate().map(|(b, branch)| {
                        let on_when = branch_edit(&set, branches, otherwise, move |all, v: Vec<Condition>| if let Some(x) = all.get_mut(b) { x.when = v });
                        let go = branch_edit(&set, branches, otherwise, move |all, v: String| if let Some(x) = all.get_mut(b) { x.go = v });
                        let on_go = Callback::from(move |e: Event| go.emit(value_of(&e).trim().to_owned()));
                        let remove = branch_edit(&set, branches, otherwise, move |all, _: MouseEvent| { if b < all.len() { all.remove(b); } });
                        html! {
                            <div class="branch">
                                <Conditions label={t_with(i18n.lang, TrainerText::BranchN, &[("n", &(b + 1).to_string())])} value={branch.when.clone()} facts={facts.clone()}
                                    on_change={on_when} testid={format!("{testid}-branch-{b}-when")} />
                                <label class="field">
                                    <span>{ t(TrainerText::BranchGo) }</span>
                                    <input type="text" list="node-ids" value={branch.go.clone()} onchange={on_go} data-testid={format!("{testid}-branch-{b}-go")} />
                                </label>
                                <button type="button" class="button button--secondary button--small" onclick={remove} data-testid={format!("{testid}-branch-{b}-remove")}
                                    aria-label={action_on(i18n.lang, TrainerText::Remove, &format!("{} ({})", t(label), b + 1))}>{ t(TrainerText::Remove) }</button>
                            </div>
                        }
                    }) }
                    <label class="field">
                        <span>{ t(TrainerText::BranchOtherwise) }</span>
                        <input type="text" list="node-ids" value={otherwise.clone()} data-testid={format!("{testid}-otherwise")}
                            onchange={{ let (set, branches) = (set.clone(), branches.clone()); Callback::from(move |e: Event| set.emit(Next::Branch { branches: branches.clone(), otherwise: value_of(&e).trim().to_owned() })) }} />
                    </label>
                    <div class="actions">
                        <button type="button" class="button button--secondary button--small" data-testid={format!("{testid}-branch-add")}
                            onclick={{ let (set, branches, otherwise) = (set.clone(), branches.clone(), otherwise.clone()); Callback::from(move |_: MouseEvent| {
                                let mut all = branches.clone();
                                all.push(Branch { when: Vec::new(), go: otherwise.clone() });
                                set.emit(Next::Branch { branches: all, otherwise: otherwise.clone() });
                            }) }}>{ t(TrainerText::BranchAdd) }</button>
                        <button type="button" class="button button--secondary button--small" onclick={to_simple} data-testid={format!("{testid}-unbranch")}>{ t(TrainerText::BranchRemoveAll) }</button>
                    </div>
                </fieldset>
            }
        }
        simple => {
            let value = match simple {
                Next::Node(id) => id.clone(),
                _ => String::new(),
            };
            let on_change = {
                let set = set.clone();
                Callback::from(move |e: Event| {
                    let v = value_of(&e).trim().to_owned();
                    set.emit(if v.is_empty() {
                        Next::End
                    } else {
                        Next::Node(v)
                    });
                })
            };
            let to_branch = {
                let (set, value) = (set.clone(), value.clone());
                Callback::from(move |_: MouseEvent| {
                    set.emit(Next::Branch {
                        branches: vec![Branch {
                            when: Vec::new(),
                            go: value.clone(),
                        }],
                        otherwise: value.clone(),
                    })
                })
            };
            html! {
                <div class="next-editor">
                    <label class="field">
                        <span>{ t(label) }</span>
                        <input type="text" list="node-ids" value={value} placeholder={t(empty)} onchange={on_change} data-testid={testid.to_owned()} />
                        <span class="hint">{ t(TrainerText::NextHint) }</span>
                    </label>
                    <button type="button" class="button button--secondary button--small" onclick={to_branch} data-testid={format!("{testid}-branch")}>{ t(TrainerText::BranchMake) }</button>
                </div>
            }
        }
    }
}

/// The editor of one node: its id, the worker's lines, and each choice.
pub(super) fn node_editor(
    i18n: &I18n,
    ed: &Ed,
    s: &Scenario,
    i: usize,
    rename: Callback<Event>,
    remove_node: Callback<MouseEvent>,
    problem: Option<TrainerText>,
) -> Html {
    let t = |k: TrainerText| AttrValue::from(i18n.t(k));
    let node = &s.nodes[i];
    let facts = fact_ids(s);
    let fact_options: Options = Rc::new(facts.iter().map(|f| (f.clone(), f.clone())).collect());
    let kinds: Options = Rc::new(
        MOVE_KINDS
            .iter()
            .map(|(k, l)| (AttrValue::from(format_name(k)), t(*l)))
            .collect(),
    );
    let objections: Options = options(Objection::ALL, |o| {
        messages::objection(*o)
            .get(i18n.lang == Lang::En)
            .to_owned()
    });
    let packages: Options = options(Package::ALL, |p| {
        messages::package(*p).get(i18n.lang == Lang::En).to_owned()
    });

    // Changes to this node's line `l` or choice `c`.
    let line = move |f: fn(&mut LineVariant, Localized), l: usize| {
        edit(ed, move |s: &mut Scenario, v: Localized| {
            if let Some(x) = s.node_mut(i).and_then(|n| n.lines.get_mut(l)) {
                f(x, v)
            }
        })
    };
    fn choice<T: Clone + 'static>(
        ed: &Ed,
        i: usize,
        c: usize,
        f: impl Fn(&mut Choice, T) + 'static,
    ) -> Callback<T> {
        edit(ed, move |s: &mut Scenario, v: T| {
            if let Some(x) = s.node_mut(i).and_then(|n| n.choices.get_mut(c)) {
                f(x, v)
            }
        })
    }
    html! {
        <section class="card node-editor" data-testid="node-editor">
            <h2>{ t(TrainerText::Node) }</h2>
            <label class="field">
                <span>{ t(TrainerText::NodeId) }</span>
                <input type="text" value={node.id.clone()} onchange={rename} data-testid="node-id" />
            </label>
            if let Some(p) = problem {
                <p class="warn" role="alert" data-testid="rename-problem">{ t(p) }</p>
            }
            <label class="field field--check">
                <input type="checkbox" checked={node.pin_order.is_some()} data-testid="node-pin-order"
                    onchange={edit(ed, move |s, e: Event| {
                        let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                        if let Some(n) = s.node_mut(i) { n.pin_order = on.then(Localized::default); }
                    })} />
                <span>{ t(TrainerText::NodePinOrder) }</span>
            </label>
            <p class="hint">{ t(TrainerText::NodePinOrderHelp) }</p>
            if let Some(why) = &node.pin_order {
                <Pair label={t(TrainerText::NodePinOrderReason)} value={why.clone()} testid="node-pin-order-reason"
                    on_change={edit(ed, move |s, v| if let Some(n) = s.node_mut(i) { n.pin_order = Some(v) })} />
            }
            <h3>{ t(TrainerText::WorkerLines) }</h3>
            <p class="hint">{ t(TrainerText::HelpLines) }</p>
            { for node.lines.iter().enumerate().map(|(l, variant)| html! {
                <div class="list-editor__item" data-testid={format!("line-editor-{l}")}>
                    <Pair label={t_with(i18n.lang, TrainerText::WorkerLine, &[("n", &(l + 1).to_string())])} value={variant.text.clone()}
                        on_change={line(|x, v| x.text = v, l)} long=true testid={format!("line-{l}")} />
                    <Number label={t(TrainerText::LineWeight)} value={i64::from(variant.weight)} min={0} max={100}
                        on_change={edit(ed, move |s, v: i64| if let Some(x) = s.node_mut(i).and_then(|n| n.lines.get_mut(l)) { x.weight = v as u32 })} testid={format!("line-{l}-weight")} />
                    <Conditions label={t(TrainerText::LineWhen)} value={variant.when.clone()} facts={facts.clone()} testid={format!("line-{l}-when")}
                        on_change={edit(ed, move |s, v: Vec<Condition>| if let Some(x) = s.node_mut(i).and_then(|n| n.lines.get_mut(l)) { x.when = v })} />
                    if node.lines.len() > 1 {
                        <button type="button" class="button button--secondary button--small" data-testid={format!("line-{l}-remove")}
                            aria-label={action_on(i18n.lang, TrainerText::Remove, &t_with(i18n.lang, TrainerText::WorkerLine, &[("n", &(l + 1).to_string())]))}
                            onclick={edit(ed, move |s, _: MouseEvent| if let Some(n) = s.node_mut(i) { if l < n.lines.len() { n.lines.remove(l); } })}>{ t(TrainerText::Remove) }</button>
                    }
                </div>
            }) }
            <button type="button" class="button button--secondary button--small" data-testid="line-add"
                onclick={edit(ed, move |s, _: MouseEvent| if let Some(n) = s.node_mut(i) { n.lines.push(LineVariant { when: Vec::new(), weight: 1, text: Localized::default() }) })}>{ t(TrainerText::AddLine) }</button>

            <h3>{ t(TrainerText::Choices) }</h3>
            { for node.choices.iter().enumerate().map(|(c, ch)| html! {
                <div class="choice-editor" data-testid={format!("choice-editor-{c}")}>
                    <label class="field">
                        <span>{ t(TrainerText::ChoiceId) }</span>
                        <input type="text" value={ch.id.clone()} data-testid={format!("choice-{c}-id")}
                            onchange={{ let set = choice(ed, i, c, |x, v: String| x.id = v.trim().to_owned()); Callback::from(move |e: Event| set.emit(value_of(&e))) }} />
                    </label>
                    <Pair label={t(TrainerText::ChoiceText)} value={ch.text.clone()} on_change={choice(ed, i, c, |x, v| x.text = v)} long=true testid={format!("choice-{c}-text")} />
                    <Pick label={t(TrainerText::ChoiceKind)} options={kinds.clone()} value={format_name(&ch.kind)} help={t(TrainerText::HelpKind)}
                        on_change={choice(ed, i, c, |x, v: AttrValue| if let Some(k) = find(&MOVE_KINDS.map(|(k, _)| k), &v) { x.kind = k })} testid={format!("choice-{c}-kind")} />
                    if ch.kind == MoveKind::AnswerObjection || ch.objection.is_some() {
                        <Pick label={t(TrainerText::ChoiceObjection)} options={objections.clone()} value={ch.objection.map(|o| format_name(&o)).unwrap_or_default()} none={AttrValue::from("–")}
                            on_change={choice(ed, i, c, |x, v: AttrValue| x.objection = find(&Objection::ALL, &v))} testid={format!("choice-{c}-objection")} />
                    }
                    if ch.kind == MoveKind::Close || ch.package.is_some() {
                        <Pick label={t(TrainerText::ChoicePackage)} options={packages.clone()} value={ch.package.map(|p| format_name(&p)).unwrap_or_default()} none={AttrValue::from("–")}
                            on_change={choice(ed, i, c, |x, v: AttrValue| x.package = find(&Package::ALL, &v))} testid={format!("choice-{c}-package")} />
                    }
                    { next_editor(i18n, TrainerText::ChoiceNext, TrainerText::NextEnd, &ch.next, &facts, choice(ed, i, c, |x, v: Next| x.next = v), &format!("choice-{c}-next")) }
                    if ch.kind == MoveKind::Close || ch.if_not_ready.is_some() {
                        // Empty: the worker's state decides between a follow-up and a refusal.
                        { next_editor(i18n, TrainerText::ChoiceIfNotReady, TrainerText::IfNotReadyDefault, &ch.if_not_ready.clone().unwrap_or_default(), &facts,
                            choice(ed, i, c, |x, v: Next| x.if_not_ready = (v != Next::End).then_some(v)), &format!("choice-{c}-not-ready")) }
                    }
                    <Pair label={t(TrainerText::ChoiceFeedback)} value={ch.feedback.clone()} on_change={choice(ed, i, c, |x, v| x.feedback = v)} long=true testid={format!("choice-{c}-feedback")} />
                    { points(i18n, TrainerText::ChoiceScores, &ch.scores, (-10, 10), choice(ed, i, c, |x, v: Points| x.scores = v), &format!("choice-{c}-score")) }
                    <fieldset class="numbers">
                        <legend>{ t(TrainerText::ChoiceEffects) }</legend>
                        { for [
                            (TrainerText::Trust, 0usize, ch.effects.trust),
                            (TrainerText::Interest, 1, ch.effects.interest),
                            (TrainerText::CostWorry, 2, ch.effects.cost_worry),
                            (TrainerText::Patience, 3, ch.effects.patience),
                        ].into_iter().map(|(label, which, value)| html! {
                            <Number label={t(label)} value={i64::from(value)} min={-100} max={100} testid={format!("choice-{c}-effect-{which}")}
                                on_change={choice(ed, i, c, move |x, v: i64| *match which { 0 => &mut x.effects.trust, 1 => &mut x.effects.interest, 2 => &mut x.effects.cost_worry, _ => &mut x.effects.patience } = v as i32)} />
                        }) }
                    </fieldset>
                    if !facts.is_empty() {
                        <Checks label={t(TrainerText::ChoiceReveals)} options={fact_options.clone()} value={strings(&ch.effects.reveals)}
                            on_change={choice(ed, i, c, |x, v: Vec<AttrValue>| x.effects.reveals = v.iter().map(|f| f.to_string()).collect())} testid={format!("choice-{c}-reveals")} />
                    }
                    <FigureInserter text={ch.text.clone()} worker={s.persona.worker()} date={crate::platform::clock::today()} testid={format!("choice-{c}-figure")}
                        on_insert={choice(ed, i, c, |x, p: String| {
                            for text in [&mut x.text.id, &mut x.text.en] {
                                if !text.is_empty() && !text.ends_with(' ') { text.push(' '); }
                                text.push_str(&p);
                            }
                        })} />
                    <Conditions label={t(TrainerText::ChoiceRequires)} value={ch.requires.clone()} facts={facts.clone()} testid={format!("choice-{c}-requires")}
                        on_change={choice(ed, i, c, |x, v: Vec<Condition>| x.requires = v)} />
                    <button type="button" class="button button--secondary" data-testid={format!("choice-{c}-remove")}
                        aria-label={action_on(i18n.lang, TrainerText::RemoveChoice, &ch.id)}
                        onclick={edit(ed, move |s, _: MouseEvent| crate::engine::edit::remove_choice(s, i, c))}>{ t(TrainerText::RemoveChoice) }</button>
                </div>
            }) }
            <div class="actions">
                <button type="button" class="button button--secondary" data-testid="add-choice"
                    onclick={edit(ed, move |s, _: MouseEvent| { crate::engine::edit::add_choice(s, i); })}>{ t(TrainerText::AddChoice) }</button>
                <button type="button" class="button button--secondary" onclick={remove_node} data-testid="remove-node">{ t(TrainerText::RemoveNode) }</button>
            </div>
        </section>
    }
}

/// Props of [`FigureInserter`].
#[derive(Properties, PartialEq)]
pub struct FigureInserterProps {
    /// The choice's text (its placeholders are previewed).
    pub text: Localized,
    /// The scenario's worker.
    pub worker: crate::engine::rates::Worker,
    /// The date to preview the figures on (today).
    pub date: Date,
    /// Called with a placeholder to append to both languages of the text.
    pub on_insert: Callback<String>,
    /// Test id prefix.
    pub testid: AttrValue,
}

/// The figures a choice states, as they read today (a trap: what it says and what is right,
/// or that it is not offered today), and a picker that writes a placeholder into the text.
#[function_component]
pub fn FigureInserter(props: &FigureInserterProps) -> Html {
    let i18n = crate::context::use_i18n();
    let en = i18n.lang == Lang::En;
    let t = |k: TrainerText| AttrValue::from(i18n.t(k));
    let figure = use_state(|| Figure::Monthly);
    let package = use_state(|| Package::JkkJkm);
    let trap = use_state(|| None::<Trap>);
    let ctx = figures::Context {
        worker: props.worker,
        date: props.date,
        rates: RatesTable::bundled(),
    };
    let previews = figures::figures_in(spoken(&props.text))
        .into_iter()
        .map(|p| {
            let written = figures::written(&p);
            let check = figures::check(&p, &ctx);
            let said = check.said.map(|v| money(v, en)).unwrap_or_default();
            let text = match (p.trap, check.correct) {
                (_, None) => t_with(
                    i18n.lang,
                    TrainerText::FigureApprox,
                    &[("placeholder", &written), ("value", &said)],
                ),
                (Some(_), Some(correct)) if check.is_wrong() => t_with(
                    i18n.lang,
                    TrainerText::FigureTrapToday,
                    &[
                        ("placeholder", &written),
                        ("said", &said),
                        ("correct", &money(correct, en)),
                    ],
                ),
                (Some(_), Some(_)) => t_with(
                    i18n.lang,
                    TrainerText::FigureTrapHidden,
                    &[("placeholder", &written)],
                ),
                (None, Some(_)) => t_with(
                    i18n.lang,
                    TrainerText::FigureToday,
                    &[("placeholder", &written), ("value", &said)],
                ),
            };
            html! { <li>{ text }</li> }
        });
    let figure_options: Options = options(FIGURES, |f| {
        format!("{} ({})", messages::figure_name(*f).get(en), f.name())
    });
    let fitting: Vec<Trap> = TRAPS.into_iter().filter(|x| x.fits(*figure)).collect();
    let trap_options: Options = options(fitting.clone(), |x| {
        messages::trap_name(*x).get(en).to_owned()
    });
    let packages: Options = options(Package::ALL, |p| messages::package(*p).get(en).to_owned());
    let placeholder = Placeholder {
        figure: *figure,
        package: matches!(
            *figure,
            Figure::Monthly | Figure::Daily | Figure::MonthsAhead
        )
        .then_some(*package),
        months: (*figure == Figure::MonthsAhead).then_some(3),
        on: None,
        after_discount: false,
        trap: (*trap).filter(|x| x.fits(*figure)),
        words: false,
    };
    let insert = {
        let (on_insert, written) = (props.on_insert.clone(), figures::written(&placeholder));
        Callback::from(move |_: MouseEvent| on_insert.emit(written.clone()))
    };
    let on_figure = {
        let (figure, trap) = (figure.clone(), trap.clone());
        Callback::from(move |v: AttrValue| {
            if let Some(f) = FIGURES.into_iter().find(|f| f.name() == v.as_str()) {
                figure.set(f);
                trap.set(None);
            }
        })
    };
    let on_package = {
        let package = package.clone();
        Callback::from(move |v: AttrValue| {
            if let Some(p) = find(&Package::ALL, &v) {
                package.set(p);
            }
        })
    };
    let on_trap = {
        let trap = trap.clone();
        Callback::from(move |v: AttrValue| {
            trap.set(TRAPS.into_iter().find(|x| format_name(x) == v.as_str()))
        })
    };
    html! {
        <fieldset class="quote" data-testid={props.testid.clone()}>
            <legend>{ t(TrainerText::Quote) }</legend>
            <p class="hint">{ t(TrainerText::HelpQuote) }</p>
            <ul class="quote__preview" data-testid={format!("{}-preview", props.testid)}>{ for previews }</ul>
            <div class="form-grid">
                <Pick label={t(TrainerText::QuoteFigure)} options={figure_options} value={AttrValue::from(figure.name())}
                    on_change={on_figure} testid={format!("{}-which", props.testid)} />
                if placeholder.package.is_some() {
                    <Pick label={t(TrainerText::ChoicePackage)} options={packages} value={format_name(&*package)}
                        on_change={on_package} testid={format!("{}-package", props.testid)} />
                }
                <Pick label={t(TrainerText::QuoteTrap)} options={trap_options} value={placeholder.trap.map(|x| format_name(&x)).unwrap_or_default()}
                    none={t(TrainerText::QuoteNoTrap)} on_change={on_trap} testid={format!("{}-trap", props.testid)} />
            </div>
            <button type="button" class="button button--secondary button--small" onclick={insert} data-testid={format!("{}-insert", props.testid)}>
                { format!("{} {}", t(TrainerText::QuoteAdd), figures::written(&placeholder)) }
            </button>
        </fieldset>
    }
}

/// Every move kind, with its label.
pub const MOVE_KINDS: [(MoveKind, TrainerText); 16] = [
    (MoveKind::Rapport, TrainerText::KindRapport),
    (MoveKind::Discover, TrainerText::KindDiscover),
    (MoveKind::Explain, TrainerText::KindExplain),
    (MoveKind::Quote, TrainerText::KindQuote),
    (MoveKind::AnswerObjection, TrainerText::KindAnswer),
    (MoveKind::SocialProof, TrainerText::KindSocialProof),
    (MoveKind::ShowCredentials, TrainerText::KindCredentials),
    (MoveKind::Close, TrainerText::KindClose),
    (MoveKind::Receipt, TrainerText::KindReceipt),
    (MoveKind::FollowUp, TrainerText::KindFollowUp),
    (MoveKind::Pressure, TrainerText::KindPressure),
    (MoveKind::FalsePromise, TrainerText::KindFalsePromise),
    (MoveKind::ConfuseAgencies, TrainerText::KindConfuse),
    (MoveKind::SkipReceipt, TrainerText::KindSkipReceipt),
    (MoveKind::Disrespect, TrainerText::KindDisrespect),
    (MoveKind::Leave, TrainerText::KindLeave),
];

//! The editor's worker: name, picture, occupation, age, place, income and what they can pay,
//! coverage, attitudes and sensitivities, risks, and the hidden facts the agent can find out.

use std::rc::Rc;

use yew::prelude::*;

use super::fields::{options, Checks, Number, Options, Pick};
use super::forms::{edit, edit_text, find, find_all, names, FormProps};
use super::pair::Pair;
use crate::context::use_i18n;
use crate::engine::Occupation;
use crate::engine::*;
use crate::i18n::{action_on, t_with, TrainerText};
use crate::platform::form::checked_of;

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

/// The worker the agent meets.
#[function_component]
pub(super) fn PersonaForm(props: &FormProps) -> Html {
    let i18n = use_i18n();
    let t = |k: TrainerText| AttrValue::from(i18n.t(k));
    let (s, ed) = (&props.scenario, &props.editor);
    let p = &s.persona;
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
    html! {
        <>
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
                        onchange={edit(ed, |s, e: Event| s.persona.government_paid = checked_of(&e))} />
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

        </>
    }
}

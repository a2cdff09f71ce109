//! The briefing: who the worker is, where, what the agent knows, and the goal; then start (or
//! resume) the visit in practice or assessment mode.

use crate::router::{query_param, use_navigator, Link};
use yew::prelude::*;

use crate::components::avatar::Avatar;
use crate::components::notice::{Notice, Tone};
use crate::context::{use_i18n, use_store, use_visit};
use crate::engine::figures;
use crate::engine::messages;
use crate::engine::messages::long_date;
use crate::engine::money;
use crate::engine::sim::Terms;
use crate::engine::workshop::Phase;
use crate::engine::Package;
use crate::i18n::{t_with, Text};
use crate::loader::use_scenario;
use crate::platform::clock::{fresh_seed, now_ms, random_u64, today};
use crate::practice::{Mode, PracticeStore, SavedRun};
use crate::router::Route;

/// Props of [`Briefing`].
#[derive(Properties, PartialEq)]
pub struct BriefingProps {
    /// Scenario id.
    pub id: AttrValue,
}

/// The briefing page.
#[function_component]
pub fn Briefing(props: &BriefingProps) -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let scenario = use_scenario(&props.id);
    let store = use_store();
    let navigator = use_navigator();
    // `?seed=N` on the briefing's address plays that exact situation (for trainers and tests).
    let seed = query_param(&navigator.path, "seed").and_then(|s| s.parse::<u64>().ok());
    // `?tes=pre` or `?tes=post`: a test of the workshop joined on this device.
    let phase = match query_param(&navigator.path, "tes").as_deref() {
        Some("pre") => Some(Phase::PreTest),
        Some("post") => Some(Phase::PostTest),
        _ => None,
    };
    let mode = use_state(|| Mode::Practice);
    let visit = use_visit();

    let s = match crate::pages::ready(&i18n, scenario) {
        Ok(value) => value,
        Err(page) => return page,
    };
    let practice = PracticeStore::new(store);
    // A run started now takes place today (or on the scenario's pinned date).
    let today = today();
    let terms = Terms::of(&s, today);
    let ctx = terms.context(&s);
    let say = |t: &crate::engine::Localized| figures::render_localized(t, &ctx, lang);
    let saved = practice
        .run(&s.id)
        .ok()
        .flatten()
        .filter(|r| r.save.version == s.version);
    // A workshop test is only taken as the joined agent, on the scenario the trainer chose.
    let taker = phase.and_then(|phase| {
        let joined = practice.joined().ok().flatten()?;
        let workshop = joined.workshop()?;
        workshop
            .tests(phase)
            .iter()
            .any(|r| r.id == s.id)
            .then(|| joined.taker(&workshop, phase))
    });
    // A finished test is not taken again, and a test in progress is only continued.
    let finished_test = taker
        .as_ref()
        .and_then(|t| crate::practice::test_attempt(&visit.attempts(&practice), t, &s.id));
    let test_running = saved.as_ref().is_some_and(|r| r.taker.is_some());
    // A post-test opens only when the workshop's order allows it.
    let locked = phase == Some(Phase::PostTest)
        && taker.is_some()
        && practice
            .joined()
            .ok()
            .flatten()
            .and_then(|j| j.workshop().map(|w| (j, w)))
            .is_some_and(|(j, w)| {
                !crate::practice::progress(&w, &j, &visit.attempts(&practice)).post_open
            });
    let test_title = taker.as_ref().map(|t| {
        i18n.t(match t.phase {
            Phase::PreTest => Text::WorkshopPreTest,
            Phase::PostTest => Text::WorkshopPostTest,
        })
    });

    let start = {
        let (practice, navigator, mode, visit, s, taker, terms) = (
            practice.clone(),
            navigator.clone(),
            mode.clone(),
            visit.clone(),
            s.clone(),
            taker.clone(),
            terms,
        );
        Callback::from(move |_| {
            // A test is always an assessment, on a fresh situation.
            let mode = if taker.is_some() {
                Mode::Assessment
            } else {
                *mode
            };
            // A fixed situation is for practice; an assessment always gets a fresh one, and a
            // workshop test the one its workshop and attempt fix.
            let run = SavedRun::start(
                &s,
                terms,
                mode,
                seed.filter(|_| mode == Mode::Practice)
                    .unwrap_or_else(fresh_seed),
                taker.clone(),
                (random_u64(), random_u64()),
                now_ms(),
            );
            // If storage fails the run still starts; the play page says it is not kept.
            let stored = practice.save_run(&run).is_ok();
            visit.hand_over(run, stored);
            navigator.push(&Route::Play { id: s.id.clone() });
        })
    };
    let set_mode = |m: Mode| {
        let mode = mode.clone();
        Callback::from(move |_| mode.set(m))
    };
    let p = &s.persona;
    let who = format!("{}, {}", p.name, p.occupation_label.get(lang));
    html! {
        <div class="page page--narrow briefing">
            <div class="briefing__head">
                <Avatar kind={p.avatar.clone()} label={who.clone()} />
                <div>
                    <p class="eyebrow">{ messages::difficulty(s.meta.difficulty).get(lang).to_owned() }</p>
                    <h1 data-testid="briefing-title">{ s.meta.title.get(lang).to_owned() }</h1>
                </div>
            </div>
            <section class="card">
                <h2>{ i18n.t(Text::BriefingSituation) }</h2>
                <p data-testid="briefing-text">{ say(&s.meta.briefing) }</p>
                <dl class="facts">
                    <dt>{ i18n.t(Text::BriefingWho) }</dt><dd>{ format!("{who}, {}", t_with(i18n.lang, Text::BriefingAge, &[("age", &p.age.to_string())])) }</dd>
                    <dt>{ i18n.t(Text::BriefingWhere) }</dt><dd>{ p.place.clone() }</dd>
                    <dt>{ i18n.t(Text::BriefingHousehold) }</dt><dd>{ say(&p.household) }</dd>
                    <dt>{ i18n.t(Text::BriefingIncome) }</dt><dd>{ t_with(i18n.lang, Text::BriefingIncomeValue, &[("amount", &money(p.declared_income, lang))]) }</dd>
                    <dt>{ i18n.t(Text::BriefingDate) }</dt><dd data-testid="briefing-date">{ long_date(terms.date, lang) }</dd>
                    <dt>{ i18n.t(Text::BriefingObjections) }</dt>
                    <dd>{ s.meta.objections.iter().map(|o| messages::objection(*o).get(lang).to_owned()).collect::<Vec<_>>().join(", ") }</dd>
                </dl>
                if let Some(pinned) = &s.meta.pinned_date {
                    <p class="hint" data-testid="briefing-pinned">{ t_with(i18n.lang, Text::BriefingPinned, &[("date", &long_date(pinned.date, lang)), ("reason", pinned.reason.get(lang))]) }</p>
                    if let Some((then, now)) = pinned_price_differs(&s, pinned.date, today) {
                        <Notice tone={Tone::Info} testid="briefing-rates-differ">{ t_with(i18n.lang, Text::BriefingRatesDiffer, &[
                            ("date", &long_date(pinned.date, lang)), ("then", &money(then, lang)), ("now", &money(now, lang)),
                        ]) }</Notice>
                    }
                } else {
                    <p class="hint" data-testid="briefing-today">{ t_with(i18n.lang, Text::BriefingToday, &[("date", &long_date(terms.date, lang))]) }</p>
                }
                if let Some(seed) = seed {
                    <p class="hint" data-testid="fixed-seed">{ t_with(i18n.lang, Text::BriefingSeed, &[("seed", &seed.to_string())]) }</p>
                }
            </section>
            if let Some(title) = test_title {
                <Notice tone={Tone::Info} testid="test-notice">
                    <strong>{ title }</strong>{ " · " }{ i18n.t(Text::BriefingTestNotice) }
                </Notice>
            } else {
            <fieldset class="mode">
                <legend>{ i18n.t(Text::ModeLabel) }</legend>
                <label class="mode__option">
                    <input type="radio" name="mode" checked={*mode == Mode::Practice} onchange={set_mode(Mode::Practice)} data-testid="mode-practice" />
                    <span><strong>{ i18n.t(Text::ModePractice) }</strong><br />{ i18n.t(Text::ModePracticeHelp) }</span>
                </label>
                <label class="mode__option">
                    <input type="radio" name="mode" checked={*mode == Mode::Assessment} onchange={set_mode(Mode::Assessment)} data-testid="mode-assessment" />
                    <span><strong>{ i18n.t(Text::ModeAssessment) }</strong><br />{ i18n.t(Text::ModeAssessmentHelp) }</span>
                </label>
            </fieldset>
            }
            <div class="actions">
                if finished_test.is_none() && saved.as_ref().is_some_and(|r| r.taker == taker || r.taker.is_some()) {
                    <Link to={Route::Play { id: s.id.clone() }} classes="button" >
                        <span data-testid="resume">{ i18n.t(Text::BriefingResume) }</span>
                    </Link>
                }
                if let Some(i) = finished_test {
                    <Notice tone={Tone::Info} testid="test-done">{ i18n.t(Text::BriefingTestDone) }</Notice>
                    <Link to={Route::Debrief { attempt: i }} classes="button">{ i18n.t(Text::WorkshopShowCode) }</Link>
                } else if locked && !test_running {
                    <Notice tone={Tone::Info} testid="test-locked">{ i18n.t(Text::BriefingTestLocked) }</Notice>
                    <Link to={Route::Workshop} classes="button button--secondary">{ i18n.t(Text::WorkshopTitle) }</Link>
                } else if test_running && saved.as_ref().is_some_and(|r| r.taker != taker) {
                    // Another start would overwrite the test in progress.
                    <Notice tone={Tone::Info} testid="test-running">{ i18n.t(Text::BriefingTestRunning) }</Notice>
                } else if !test_running {
                    <button type="button" class={classes!("button", saved.is_some().then_some("button--secondary"))}
                        onclick={start} data-testid="start">
                        { i18n.t(if saved.is_some() { Text::BriefingRestart } else { Text::BriefingStart }) }
                    </button>
                }
            </div>
        </div>
    }
}

/// The worker's monthly JKK+JKM on the pinned date and today, when they differ.
fn pinned_price_differs(
    s: &crate::engine::Scenario,
    pinned: crate::engine::Date,
    today: crate::engine::Date,
) -> Option<(u64, u64)> {
    let rates = crate::engine::RatesTable::bundled();
    let worker = s.persona.worker();
    let price = |date| {
        rates
            .contribution(&worker, Package::JkkJkm, date)
            .ok()
            .map(|c| c.total)
    };
    match (price(pinned), price(today)) {
        (Some(then), Some(now)) if then != now => Some((then, now)),
        _ => None,
    }
}

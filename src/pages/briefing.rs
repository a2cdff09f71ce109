//! The briefing: who the worker is, where, what the agent knows, and the goal; then start (or
//! resume) the visit in practice or assessment mode.

use crate::router::{query_param, use_navigator, Link};
use yew::prelude::*;

use crate::app::{use_i18n, use_store, Route};
use crate::components::avatar::Avatar;
use crate::engine::messages;
use crate::engine::rates::rupiah;
use crate::engine::sim::SaveState;
use crate::engine::workshop::Phase;
use crate::i18n::{t_with, Text};
use crate::loader::use_scenario;
use crate::platform::clock::{fresh_seed, now_ms};
use crate::practice::{Mode, PracticeStore, SavedRun};

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
    let en = i18n.lang == crate::i18n::Lang::En;
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
    let error = use_state(|| None::<Text>);

    let s = match crate::pages::ready(&i18n, scenario) {
        Ok(value) => value,
        Err(page) => return page,
    };
    let practice = PracticeStore::new(store);
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
    let finished_test = taker.as_ref().and_then(|t| {
        crate::practice::test_attempt(&crate::pages::play::all_attempts(&practice), t, &s.id)
    });
    let test_running = saved.as_ref().is_some_and(|r| r.taker.is_some());
    let test_title = taker.as_ref().map(|t| {
        i18n.t(match t.phase {
            Phase::PreTest => Text::WorkshopPreTest,
            Phase::PostTest => Text::WorkshopPostTest,
        })
    });

    let start = {
        let (practice, navigator, mode, error, s, taker) = (
            practice.clone(),
            navigator.clone(),
            mode.clone(),
            error.clone(),
            s.clone(),
            taker.clone(),
        );
        Callback::from(move |_| {
            // A test is always an assessment, on a fresh situation.
            let mode = if taker.is_some() {
                Mode::Assessment
            } else {
                *mode
            };
            let run = SavedRun {
                save: SaveState {
                    scenario: s.id.clone(),
                    version: s.version,
                    // A fixed situation is for practice; an assessment always gets a fresh one.
                    seed: seed
                        .filter(|_| mode == Mode::Practice)
                        .unwrap_or_else(fresh_seed),
                    choices: Vec::new(),
                },
                mode,
                started_ms: now_ms(),
                taker: taker.clone(),
            };
            // If storage fails the run still starts; the play page says why it is not kept.
            if practice.save_run(&run).is_err() {
                error.set(Some(Text::StorageRunNotSaved));
            }
            crate::pages::play::hand_over(run);
            navigator.push(&Route::Play { id: s.id.clone() });
        })
    };
    let set_mode = |m: Mode| {
        let mode = mode.clone();
        Callback::from(move |_| mode.set(m))
    };
    let p = &s.persona;
    let who = format!("{}, {}", p.name, p.occupation_label.get(en));
    html! {
        <div class="page page--narrow briefing">
            <div class="briefing__head">
                <Avatar kind={p.avatar.clone()} label={who.clone()} />
                <div>
                    <p class="eyebrow">{ messages::difficulty(s.meta.difficulty).get(en).to_owned() }</p>
                    <h1 data-testid="briefing-title">{ s.meta.title.get(en).to_owned() }</h1>
                </div>
            </div>
            <section class="card">
                <h2>{ i18n.t(Text::BriefingSituation) }</h2>
                <p data-testid="briefing-text">{ s.meta.briefing.get(en).to_owned() }</p>
                <dl class="facts">
                    <dt>{ i18n.t(Text::BriefingWho) }</dt><dd>{ format!("{who}, {}", t_with(i18n.lang, Text::BriefingAge, &[("age", &p.age.to_string())])) }</dd>
                    <dt>{ i18n.t(Text::BriefingWhere) }</dt><dd>{ p.place.clone() }</dd>
                    <dt>{ i18n.t(Text::BriefingHousehold) }</dt><dd>{ p.household.get(en).to_owned() }</dd>
                    <dt>{ i18n.t(Text::BriefingIncome) }</dt><dd>{ t_with(i18n.lang, Text::BriefingIncomeValue, &[("amount", &rupiah(p.declared_income))]) }</dd>
                    <dt>{ i18n.t(Text::BriefingObjections) }</dt>
                    <dd>{ s.meta.objections.iter().map(|o| messages::objection(*o).get(en).to_owned()).collect::<Vec<_>>().join(", ") }</dd>
                </dl>
                if let Some(seed) = seed {
                    <p class="hint" data-testid="fixed-seed">{ t_with(i18n.lang, Text::BriefingSeed, &[("seed", &seed.to_string())]) }</p>
                }
            </section>
            if let Some(title) = test_title {
                <p class="notice notice--info" data-testid="test-notice">
                    <strong>{ title }</strong>{ " · " }{ i18n.t(Text::BriefingTestNotice) }
                </p>
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
            if let Some(e) = *error {
                <p class="notice notice--warning" role="status">{ i18n.t(e) }</p>
            }
            <div class="actions">
                if finished_test.is_none() && saved.as_ref().is_some_and(|r| r.taker == taker || r.taker.is_some()) {
                    <Link to={Route::Play { id: s.id.clone() }} classes="button" >
                        <span data-testid="resume">{ i18n.t(Text::BriefingResume) }</span>
                    </Link>
                }
                if let Some(i) = finished_test {
                    <p class="notice notice--info" data-testid="test-done">{ i18n.t(Text::BriefingTestDone) }</p>
                    <Link to={Route::Debrief { attempt: i }} classes="button">{ i18n.t(Text::WorkshopShowCode) }</Link>
                } else if test_running && saved.as_ref().is_some_and(|r| r.taker != taker) {
                    // Another start would overwrite the test in progress.
                    <p class="notice notice--info" data-testid="test-running">{ i18n.t(Text::BriefingTestRunning) }</p>
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

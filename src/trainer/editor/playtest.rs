//! Trying a scenario while writing it: a playtest from any node with a chosen starting state,
//! with an inspector of the worker's state after each choice; and the balance report, where
//! the engine's scripted agents play the scenario thousands of times in slices short enough
//! that the page never freezes.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::notice::{Notice, Tone};
use crate::context::use_i18n;
use crate::engine::balance::{missed_targets, reference_dates, Policy, PolicyReport, Tally};
use crate::engine::messages::{self, Msg};
use crate::engine::sim::{initial_worker, Event as SimEvent, Terms, WorkerState};
use crate::engine::Date;
use crate::engine::Scenario;
use crate::engine::Session;
use crate::i18n::{t_with, TrainerText};
use crate::platform::form::{value_at, value_of};

/// Props of both panels.
#[derive(Properties)]
pub struct ScenarioProps {
    /// The scenario as it is being edited.
    pub scenario: Rc<Scenario>,
}

impl PartialEq for ScenarioProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.scenario, &other.scenario)
    }
}

#[derive(Clone, PartialEq)]
struct Run {
    node: String,
    worker: WorkerState,
    date: Date,
    seed: u64,
    choices: Vec<String>,
}

/// A playtest from a chosen node and worker state.
#[function_component]
pub fn Playtest(props: &ScenarioProps) -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let s = props.scenario.clone();
    let setup = {
        let s = s.clone();
        use_state(move || Run {
            node: s.start.clone(),
            worker: initial_worker(&s),
            date: crate::platform::clock::today(),
            seed: 1,
            choices: Vec::new(),
        })
    };
    let run = use_state(|| None::<Run>);
    let node_ref = use_node_ref();
    let stat = |get: fn(&WorkerState) -> i32, set: fn(&mut WorkerState, i32)| {
        let setup = setup.clone();
        let value = get(&setup.worker);
        let onchange = Callback::from(move |e: Event| {
            if let Ok(v) = value_of(&e).parse::<i32>() {
                let mut next = (*setup).clone();
                set(&mut next.worker, v.clamp(0, 100));
                setup.set(next);
            }
        });
        (value.to_string(), onchange)
    };
    let (trust, on_trust) = stat(|w| w.trust, |w, v| w.trust = v);
    let (interest, on_interest) = stat(|w| w.interest, |w, v| w.interest = v);
    let (worry, on_worry) = stat(|w| w.cost_worry, |w, v| w.cost_worry = v);
    let (patience, on_patience) = stat(|w| w.patience, |w, v| w.patience = v);
    let on_date = {
        let setup = setup.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = Date::parse(&value_of(&e)) {
                let mut next = (*setup).clone();
                next.date = d;
                setup.set(next);
            }
        })
    };
    let start = {
        let (setup, run, node_ref) = (setup.clone(), run.clone(), node_ref.clone());
        Callback::from(move |_| {
            let mut r = (*setup).clone();
            if let Some(node) = value_at(&node_ref) {
                r.node = node.trim().to_owned();
            }
            r.choices.clear();
            run.set(Some(r));
        })
    };
    let session = run.as_ref().map(|r| {
        let terms = Terms::of(&s, r.date);
        let mut session = Session::start_at(&s, r.seed, terms, &r.node, r.worker)?;
        for c in &r.choices {
            session.choose(c)?;
        }
        Ok::<_, crate::engine::sim::StepError>(session)
    });
    let choose = |id: String| {
        let run = run.clone();
        Callback::from(move |_| {
            if let Some(mut r) = (*run).clone() {
                r.choices.push(id.clone());
                run.set(Some(r));
            }
        })
    };
    let stats = |w: &WorkerState| {
        html! {
            <dl class="inspector" data-testid="inspector">
                <dt>{ i18n.t(TrainerText::Trust) }</dt><dd data-testid="inspect-trust">{ w.trust }</dd>
                <dt>{ i18n.t(TrainerText::Interest) }</dt><dd data-testid="inspect-interest">{ w.interest }</dd>
                <dt>{ i18n.t(TrainerText::CostWorry) }</dt><dd data-testid="inspect-worry">{ w.cost_worry }</dd>
                <dt>{ i18n.t(TrainerText::Patience) }</dt><dd data-testid="inspect-patience">{ w.patience }</dd>
                <dt>{ i18n.t(TrainerText::Readiness) }</dt><dd>{ w.readiness() }</dd>
            </dl>
        }
    };
    html! {
        <details class="card" data-testid="playtest">
            <summary><h2>{ i18n.t(TrainerText::Playtest) }</h2></summary>
            <div class="playtest__setup">
                <label class="field">
                    <span>{ i18n.t(TrainerText::PlaytestFrom) }</span>
                    // The editor's list of node ids (a select of 2,000 nodes would slow every edit).
                    <input type="text" ref={node_ref} list="node-ids" value={setup.node.clone()} data-testid="playtest-node" />
                </label>
                <label class="field"><span>{ i18n.t(TrainerText::Trust) }</span><input type="number" min="0" max="100" value={trust} onchange={on_trust} data-testid="playtest-trust" /></label>
                <label class="field"><span>{ i18n.t(TrainerText::Interest) }</span><input type="number" min="0" max="100" value={interest} onchange={on_interest} /></label>
                <label class="field"><span>{ i18n.t(TrainerText::CostWorry) }</span><input type="number" min="0" max="100" value={worry} onchange={on_worry} /></label>
                <label class="field"><span>{ i18n.t(TrainerText::Patience) }</span><input type="number" min="0" max="100" value={patience} onchange={on_patience} /></label>
                <label class="field"><span>{ i18n.t(TrainerText::PlaytestDate) }</span><input type="date" value={setup.date.to_string()} onchange={on_date} data-testid="playtest-date" /></label>
            </div>
            <button type="button" class="button" onclick={start} data-testid="playtest-start">{ i18n.t(TrainerText::PlaytestStart) }</button>
            { match session {
                None => html! {},
                // E.g. a node id that does not exist: the problems panel says what is broken.
                Some(Err(_)) => html! { <Notice tone={Tone::Warning} urgent=true testid="playtest-problem">{ i18n.t(TrainerText::PlaytestCannotStart) }</Notice> },
                Some(Ok(session)) => {
                    // A node still being written: say what is missing instead of an empty
                    // bubble or an unnamed button.
                    let unwritten = |text: String, id: &str| {
                        if text.trim().is_empty() {
                            t_with(i18n.lang, TrainerText::PlaytestUnwritten, &[("id", id)])
                        } else {
                            text
                        }
                    };
                    html! {
                    <div class="playtest__run">
                        <ol class="playtest__log" data-testid="playtest-log">
                            { for session.events().iter().map(|e| match e {
                                SimEvent::WorkerSays { node, variant, again } => {
                                    let line = s.nodes.get(*node as usize).and_then(|n| n.lines.get(*variant as usize)).map_or_else(String::new, |l| session.render(&l.text, lang));
                                    let line = unwritten(line, s.nodes.get(*node as usize).map_or("", |n| n.id.as_str()));
                                    let line = if *again { messages::message(Msg::EAgain, &[("line", line)]).get(lang).to_owned() } else { line };
                                    html! { <li class="bubble bubble--worker">{ line }</li> }
                                }
                                SimEvent::Repeated { close } => html! { <li class="bubble bubble--worker">{ messages::text(if *close { Msg::ERepeatedClose } else { Msg::ERepeated }).get(lang).to_owned() }</li> },
                                SimEvent::AgentSays { node, choice } => html! { <li class="bubble bubble--agent">{ s.nodes.get(*node as usize).and_then(|n| n.choices.get(*choice as usize)).map_or_else(String::new, |c| unwritten(session.render(&c.text, lang), &c.id)) }</li> },
                                SimEvent::FactRevealed { fact } => html! { <li class="hint">{ s.persona.hidden_facts.get(*fact as usize).map_or_else(String::new, |f| session.render(&f.text, lang)) }</li> },
                                SimEvent::Feedback(turn) => html! {
                                    <li class="hint">
                                        { t_with(i18n.lang, TrainerText::PlaytestChange, &[
                                            ("trust", &format!("{:+}", turn.after.trust - turn.before.trust)),
                                            ("interest", &format!("{:+}", turn.after.interest - turn.before.interest)),
                                            ("worry", &format!("{:+}", turn.after.cost_worry - turn.before.cost_worry))]) }
                                        if turn.repeated {
                                            <br />{ messages::text(Msg::ERepeatCoach).get(lang).to_owned() }
                                        }
                                        { for turn.checks.iter().filter(|c| c.is_wrong()).map(|c| html! {
                                            <><br />{ crate::engine::figures::wrong_figure(c, &s, session.terms().rates).get(lang).to_owned() }</>
                                        }) }
                                    </li>
                                },
                                SimEvent::Decision { package, agreed } => html! { <li class="hint">{ format!("{} · {}", messages::package(*package).get(lang), if *agreed { "✓" } else { "✗" }) }</li> },
                                SimEvent::Ended(end) => html! { <li data-testid="playtest-ended"><strong>{ messages::outcome(end.outcome).get(lang).to_owned() }</strong></li> },
                            }) }
                        </ol>
                        { stats(&session.state().worker) }
                        if let Some(card) = session.score_card() {
                            <p data-testid="playtest-score">{ t_with(i18n.lang, TrainerText::PlaytestScore, &[("score", &card.total.to_string())]) }</p>
                        }
                        // In the order an agent would see them on this run.
                        <ol class="playtest__choices">
                            { for session.available().iter().enumerate().map(|(n, c)| html! {
                                <li>
                                    <button type="button" class="button button--secondary choice" onclick={choose(c.id.clone())} data-testid={format!("pt-choice-{}", c.id)}>
                                        <span class="choice__key" aria-hidden="true">{ n + 1 }</span>
                                        <span class="choice__text">{ unwritten(session.render(&c.text, lang), &c.id) }</span>
                                    </button>
                                </li>
                            }) }
                        </ol>
                    </div>
                    }
                }
            } }
        </details>
    }
}

/// Runs of each policy in the balance report.
const RUNS: u32 = 1000;
/// Work done before giving the page back to the browser.
const SLICE_MS: f64 = 30.0;

fn now() -> f64 {
    js_sys::Date::now()
}

/// The balance report: every scripted policy plays the scenario [`RUNS`] times.
#[function_component]
pub fn BalanceReport(props: &ScenarioProps) -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let reports = use_state(Vec::<PolicyReport>::new);
    let progress = use_state(|| None::<u32>);
    let cancelled = use_memo((), |_| Rc::new(Cell::new(false)));
    {
        let cancelled = (*cancelled).clone();
        use_effect_with((), move |_| move || cancelled.set(true));
    }
    let run = {
        let (s, reports, progress, cancelled) = (
            props.scenario.clone(),
            reports.clone(),
            progress.clone(),
            (*cancelled).clone(),
        );
        Callback::from(move |_| {
            let (s, reports, progress, cancelled) = (
                s.clone(),
                reports.clone(),
                progress.clone(),
                cancelled.clone(),
            );
            reports.set(Vec::new());
            progress.set(Some(0));
            wasm_bindgen_futures::spawn_local(async move {
                let mut done = Vec::new();
                let total = RUNS * Policy::ALL.len() as u32;
                let dates = reference_dates();
                for (p, policy) in Policy::ALL.into_iter().enumerate() {
                    let mut tally = Tally::new(policy);
                    let mut seed = 0u64;
                    while tally.runs() < RUNS {
                        let started = now();
                        while tally.runs() < RUNS && now() - started < SLICE_MS {
                            tally.play(&s, seed, &dates);
                            seed += 1;
                        }
                        if cancelled.get() {
                            return;
                        }
                        progress.set(Some(p as u32 * RUNS + tally.runs()));
                        crate::platform::events::next_task().await;
                    }
                    done.push(tally.report());
                    reports.set(done.clone());
                }
                progress.set(Some(total));
            });
        })
    };
    let busy = progress.is_some_and(|p| p < RUNS * Policy::ALL.len() as u32);
    html! {
        <details class="card" data-testid="balance">
            <summary><h2>{ i18n.t(TrainerText::Balance) }</h2></summary>
            <p>{ t_with(i18n.lang, TrainerText::BalanceHelp, &[("runs", &RUNS.to_string())]) }</p>
            <button type="button" class="button" onclick={run} disabled={busy} data-testid="balance-run">{ i18n.t(TrainerText::BalanceRun) }</button>
            if let Some(p) = *progress {
                <progress max={(RUNS * Policy::ALL.len() as u32).to_string()} value={p.to_string()} data-testid="balance-progress"></progress>
            }
            if !reports.is_empty() {
                <div class="table-wrap" tabindex="0" role="region" aria-label={i18n.t(TrainerText::Balance)}>
                    <table class="table" data-testid="balance-table">
                        <thead><tr>
                            <th>{ i18n.t(TrainerText::Policy) }</th><th>{ i18n.t(TrainerText::Mean) }</th><th>{ "min" }</th><th>{ "p50" }</th><th>{ "max" }</th>
                            <th>{ i18n.t(TrainerText::PassRate) }</th><th>{ i18n.t(TrainerText::Endings) }</th>
                        </tr></thead>
                        <tbody>
                            { for reports.iter().map(|r| html! {
                                <tr data-testid={format!("balance-{}", r.policy.name())}>
                                    <td>{ r.policy.label().get(lang).to_owned() }</td>
                                    <td data-testid="balance-mean">{ r.mean.round() as u32 }</td>
                                    <td>{ r.min }</td><td>{ r.median }</td><td>{ r.max }</td>
                                    <td>{ format!("{}%", (r.pass_rate * 100.0).round() as u32) }</td>
                                    <td>{ r.outcomes.iter().map(|(o, n)| format!("{} {n}", messages::outcome(*o).get(lang))).collect::<Vec<_>>().join(" · ") }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                if !busy {
                    <ul class="balance__missed" data-testid="balance-missed">
                        { for missed_targets(&reports).into_iter().map(|m| html! { <li class="warn">{ m.message().get(lang).to_owned() }</li> }) }
                    </ul>
                }
            }
        </details>
    }
}

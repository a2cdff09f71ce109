//! The debrief of a finished attempt: score, pass or not, the six competencies, the outcome and
//! whether it suited the worker, the key moments with the better move, the whole transcript
//! choice by choice, and buttons to play again or replay the same situation. The score is
//! recomputed by replaying the attempt, so what is shown is what the engine verifies.

use crate::router::{use_navigator, Link};
use yew::prelude::*;

use crate::components::notice::{Notice, Tone};
use crate::components::result_code::ResultCode;
use crate::components::score_chart::ScoreChart;
use crate::context::{use_i18n, use_store, use_visit};
use crate::engine::debrief;
use crate::engine::messages::{self, Msg};
use crate::engine::sim::Terms;
use crate::engine::Competency;
use crate::engine::{SaveState, Session};
use crate::i18n::{t_with, Text};
use crate::loader::use_scenario;
use crate::pages::play::coaching;
use crate::platform::clock::{fresh_seed, now_ms, today};
use crate::practice::{Mode, PracticeStore, SavedRun};
use crate::router::Route;

/// Props of [`Debrief`].
#[derive(Properties, PartialEq)]
pub struct DebriefProps {
    /// Index of the attempt in the history.
    pub attempt: usize,
}

/// The debrief page.
#[function_component]
pub fn Debrief(props: &DebriefProps) -> Html {
    let i18n = use_i18n();
    let store = use_store();
    let practice = PracticeStore::new(store);
    let visit = use_visit();
    let attempt = visit.attempts(&practice).get(props.attempt).cloned();
    let scenario_id = attempt
        .as_ref()
        .map(|a| a.save.scenario.clone())
        .unwrap_or_default();
    let scenario = use_scenario(&scenario_id);
    let navigator = use_navigator();

    let Some(attempt) = attempt else {
        return html! {
            <div class="page page--narrow">
                <p>{ i18n.t(Text::DebriefMissing) }</p>
                <Link to={Route::History} classes="button">{ i18n.t(Text::NavHistory) }</Link>
            </div>
        };
    };
    let s = match crate::pages::ready(&i18n, scenario) {
        Ok(value) => value,
        Err(page) => return page,
    };
    let lang = i18n.lang;
    let Ok(session) = Session::replay(&s, &attempt.save) else {
        return html! { <div class="page page--narrow"><Notice tone={Tone::Warning}>{ i18n.t(Text::PlayStale) }</Notice></div> };
    };
    let Some(card) = session.score_card() else {
        return html! { <div class="page page--narrow"><Notice tone={Tone::Warning}>{ i18n.t(Text::PlayStale) }</Notice></div> };
    };
    let verified = card.total == attempt.total;
    let d = debrief(&s, session.turns(), &card, session.terms());

    let taken = attempt.code.is_some();
    let again = |same_seed: bool| {
        let (practice, navigator, save, mode, s, visit) = (
            practice.clone(),
            navigator.clone(),
            attempt.save.clone(),
            attempt.mode,
            s.clone(),
            visit.clone(),
        );
        Callback::from(move |_| {
            // A new run takes place today, with today's rates.
            let terms = Terms::of(&s, today());
            let run = SavedRun {
                save: SaveState {
                    seed: if same_seed { save.seed } else { fresh_seed() },
                    choices: Vec::new(),
                    date: Some(terms.date),
                    rates: terms.rates.version.clone(),
                    ..save.clone()
                },
                // Replaying a known situation is practice, never a new assessment; a workshop
                // test is taken once, so playing it again is practice too.
                mode: if same_seed || taken {
                    Mode::Practice
                } else {
                    mode
                },
                started_ms: now_ms(),
                taker: None,
                attempt: None,
            };
            // If storage fails the run still starts; the play page says it is not kept.
            let stored = practice.save_run(&run).is_ok();
            let id = run.save.scenario.clone();
            visit.hand_over(run, stored);
            navigator.push(&Route::Play { id });
        })
    };
    let choice_text = |node: u32, choice: u32| {
        s.nodes
            .get(node as usize)
            .and_then(|n| n.choices.get(choice as usize))
            .map_or_else(String::new, |c| session.render(&c.text, lang))
    };

    html! {
        <div class="page debrief" data-testid="debrief">
            <p class="eyebrow">{ s.meta.title.get(lang).to_owned() }</p>
            <h1>{ i18n.t(Text::DebriefTitle) }</h1>
            <section class={classes!("card", "total", if card.passed { "total--pass" } else { "total--fail" })}>
                <p class="total__score" data-testid="total"><span class="total__number">{ card.total }</span>{ " / 100" }</p>
                <p class="total__verdict" data-testid="verdict">
                    { t_with(i18n.lang, if card.passed { Text::DebriefPassed } else { Text::DebriefNotPassed }, &[("mark", &card.pass_mark.to_string())]) }
                </p>
                <p data-testid="outcome-summary">
                    { messages::outcome(card.outcome).get(lang).to_owned() }
                    if let Some(p) = card.package { { format!(" · {}", messages::package(p).get(lang)) } }
                </p>
                if let Some(suitable) = card.suitable {
                    <p class={if suitable { "ok" } else { "warn" }} data-testid="suitability">
                        { messages::text(if suitable { Msg::CardSuitable } else { Msg::CardUnsuitable }).get(lang).to_owned() }
                    </p>
                }
                if let Some(note) = crate::engine::cap_note(&card, messages::violation) {
                    <p class="warn" data-testid="cap">{ note.get(lang).to_owned() }</p>
                }
                if !verified {
                    <p class="warn">{ i18n.t(Text::DebriefUnverified) }</p>
                }
            </section>
            if let Some(code) = attempt.code.clone() {
                <ResultCode {code} />
            }
            <section class="card">
                <h2>{ i18n.t(Text::DebriefCompetencies) }</h2>
                <ScoreChart scores={card.competencies} />
                if !d.strengths.is_empty() {
                    <p>{ t_with(i18n.lang, Text::DebriefStrengths, &[("list", &names(&d.strengths, lang))]) }</p>
                }
                if !d.weaknesses.is_empty() {
                    <p>{ t_with(i18n.lang, Text::DebriefWeaknesses, &[("list", &names(&d.weaknesses, lang))]) }</p>
                }
            </section>
            <section class="card" data-testid="key-moments">
                <h2>{ i18n.t(Text::DebriefMoments) }</h2>
                if d.fixes.is_empty() {
                    <p>{ i18n.t(Text::DebriefNoFixes) }</p>
                }
                <ol class="moments">
                    { for d.fixes.iter().map(|m| html! {
                        <li class="moment">
                            <p class="moment__turn">{ t_with(i18n.lang, Text::DebriefTurn, &[("turn", &(m.turn + 1).to_string())]) }</p>
                            <p><strong>{ i18n.t(Text::DebriefYouSaid) }</strong>{ " " }{ choice_text(m.node, m.chose) }</p>
                            if let Some(v) = m.violation {
                                <p class="warn">{ messages::violation(v).get(lang).to_owned() }</p>
                            }
                            if m.repeated {
                                <p class="warn" data-testid="moment-repeated">{ messages::text(Msg::ERepeatCoach).get(lang).to_owned() }</p>
                            }
                            { for m.wrong_figures.iter().map(|c| html! {
                                <p class="warn" data-testid="moment-wrong-figure">{ crate::engine::figures::wrong_figure(c, &s, session.terms().rates).get(lang).to_owned() }</p>
                            }) }
                            if let Some(b) = m.better {
                                <p class="better" data-testid="better"><strong>{ i18n.t(Text::DebriefBetter) }</strong>{ " " }{ choice_text(m.node, b) }</p>
                            }
                        </li>
                    }) }
                </ol>
                if !d.highlights.is_empty() {
                    <h3>{ i18n.t(Text::DebriefHighlights) }</h3>
                    <ul>{ for d.highlights.iter().map(|m| html! { <li>{ choice_text(m.node, m.chose) }</li> }) }</ul>
                }
            </section>
            <details class="card transcript" data-testid="transcript">
                <summary>{ i18n.t(Text::DebriefTranscript) }</summary>
                <ol>
                    { for session.turns().enumerate().map(|(i, t)| {
                        let node = &s.nodes[t.node as usize];
                        html! {
                            <li class="transcript__turn">
                                <p class="moment__turn">{ t_with(i18n.lang, Text::DebriefTurn, &[("turn", &(i + 1).to_string())]) }</p>
                                <p class="bubble bubble--agent">{ choice_text(t.node, t.choice) }</p>
                                { coaching(&i18n, &session, t) }
                                <p class="hint">{ Competency::ALL.iter().zip(t.points).filter(|(_, p)| *p != 0).map(|(c, p)| format!("{} {:+}", messages::competency(*c).get(lang), p)).collect::<Vec<_>>().join(" · ") }</p>
                                <span class="sr-only">{ node.id.clone() }</span>
                            </li>
                        }
                    }) }
                </ol>
            </details>
            <div class="actions">
                <button type="button" class="button" onclick={again(false)} data-testid="play-again">{ i18n.t(Text::DebriefPlayAgain) }</button>
                <button type="button" class="button button--secondary" onclick={again(true)} data-testid="replay-same">{ i18n.t(Text::DebriefReplaySame) }</button>
                <Link to={Route::Library} classes="button button--secondary">{ i18n.t(Text::NavLibrary) }</Link>
            </div>
        </div>
    }
}

fn names(list: &[Competency], lang: crate::i18n::Lang) -> String {
    list.iter()
        .map(|c| messages::competency(*c).get(lang).to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

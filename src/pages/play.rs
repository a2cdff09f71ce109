//! The conversation: the worker's lines and the agent's choices as a chat, the worker's mood,
//! coaching after each choice in practice mode, and the tools drawer. The run is saved after
//! every choice and replayed from (seed, choices) when the page is opened again.

use crate::router::Link;
use yew::prelude::*;

use crate::components::avatar::Avatar;
use crate::components::mood::{mood_sign, mood_text, Meters};
use crate::components::notice::{Notice, Tone};
use crate::components::tools::ToolsDrawer;
use crate::context::{use_i18n, use_store, use_visit, I18n};
use crate::engine::messages::{self, Msg};
use crate::engine::sim::{Event, Turn};
use crate::engine::workshop::AttemptId;
use crate::engine::Session;
use crate::engine::Words;
use crate::i18n::{t_with, Text};
use crate::loader::use_scenario;
use crate::platform::clock::{now_ms, random_u64};
use crate::platform::events::{key_press, WindowListener};
use crate::platform::page::{mark, measure};
use crate::practice::{Attempt, Mode, PracticeStore, ReadError, SavedRun};
use crate::router::Route;

/// Key of the preference that hides the meters (for trainers who want agents to read the person).
pub const METERS_KEY: &str = "latih.meters";

/// Props of [`Play`].
#[derive(Properties, PartialEq)]
pub struct PlayProps {
    /// Scenario id.
    pub id: AttrValue,
}

/// What went wrong with saving, shown above the conversation.
#[derive(Clone, PartialEq)]
enum SaveProblem {
    NotSaved,
    SetAside(String),
}

/// The play page.
#[function_component]
pub fn Play(props: &PlayProps) -> Html {
    let i18n = use_i18n();
    let scenario = use_scenario(&props.id);
    let store = use_store();
    let practice = PracticeStore::new(store.clone());
    let visit = use_visit();
    let notice = use_state(|| None::<SaveProblem>);
    let run = {
        let (practice, id, notice, visit) = (
            practice.clone(),
            props.id.to_string(),
            notice.clone(),
            visit.clone(),
        );
        use_state(move || {
            // A run storage refused plays all the same, and the page says it is not kept.
            let handed = visit.take_run(&id).map(|(run, stored)| {
                if !stored {
                    notice.set(Some(SaveProblem::NotSaved));
                }
                run
            });
            handed.or_else(|| match practice.run(&id) {
                Ok(run) => run,
                Err(ReadError::SetAside(key)) => {
                    notice.set(Some(SaveProblem::SetAside(key)));
                    None
                }
                Err(ReadError::Store(_)) => None,
            })
        })
    };
    let finished = use_state(|| None::<usize>);
    let show_meters = use_state(|| store.get(METERS_KEY).ok().flatten().as_deref() != Some("0"));
    let choices_ref = use_node_ref();

    let s = match crate::pages::ready(&i18n, scenario) {
        Ok(value) => value,
        Err(page) => return page,
    };
    let notice_html = match &*notice {
        Some(SaveProblem::NotSaved) => {
            html! { <Notice tone={Tone::Warning} testid="not-saved">{ i18n.t(Text::StorageRunNotSaved) }</Notice> }
        }
        // Shown at the top of the page, with every other piece of data set aside.
        Some(SaveProblem::SetAside(_)) => html! {},
        None => html! {},
    };
    let Some(current) = (*run).clone() else {
        return html! {
            <div class="page page--narrow">
                { notice_html }
                <h1>{ s.meta.title.get(i18n.lang).to_owned() }</h1>
                <p>{ i18n.t(Text::PlayNoRun) }</p>
                <Link to={Route::Briefing { id: s.id.clone() }} classes="button">{ i18n.t(Text::PlayToBriefing) }</Link>
            </div>
        };
    };
    let session = match Session::replay(&s, &current.save) {
        Ok(session) => session,
        Err(_) => {
            return html! {
                <div class="page page--narrow">
                    <Notice tone={Tone::Warning} urgent=true>{ i18n.t(Text::PlayStale) }</Notice>
                    <Link to={Route::Briefing { id: s.id.clone() }} classes="button">{ i18n.t(Text::PlayToBriefing) }</Link>
                </div>
            };
        }
    };

    let choose = {
        let (run, practice, notice, finished, s, visit) = (
            run.clone(),
            practice.clone(),
            notice.clone(),
            finished.clone(),
            s.clone(),
            visit.clone(),
        );
        Callback::from(move |choice_id: String| {
            let Some(current) = (*run).clone() else {
                return;
            };
            mark("latih-choice-start");
            let Ok(mut session) = Session::replay(&s, &current.save) else {
                return;
            };
            if session.choose(&choice_id).is_err() {
                return;
            }
            let next = SavedRun {
                save: session.save(),
                ..current
            };
            if let Some(card) = session.score_card() {
                let id = next.attempt_id(AttemptId::from_random(random_u64(), random_u64()));
                let content = crate::loader::content_of(&s.id);
                let attempt = Attempt::new(&next, &session, &card, now_ms(), id, content);
                let index = match practice.finish(attempt.clone()) {
                    Ok(i) => i,
                    Err(_) => {
                        notice.set(Some(SaveProblem::NotSaved));
                        visit.keep_unsaved(&practice, attempt)
                    }
                };
                finished.set(Some(index));
            } else if practice.save_run(&next).is_err() {
                notice.set(Some(SaveProblem::NotSaved));
            }
            run.set(Some(next));
        })
    };

    let offered: Vec<String> = session.available().iter().map(|c| c.id.clone()).collect();
    {
        // Number keys choose; after each step focus goes to the list of choices (a keyboard or
        // screen-reader user is taken there, and Tab reaches the first), not to choice 1, whose
        // focus ring read as a suggestion; the time from click to this render is measured for
        // the latency benchmark.
        let (choose, offered, choices_ref) = (choose.clone(), offered.clone(), choices_ref.clone());
        use_effect_with(current.save.choices.len(), move |_| {
            measure("latih-choice", "latih-choice-start");
            crate::platform::page::focus_node(&choices_ref, false);
            let listener = WindowListener::new("keydown", move |e: yew::Event| {
                let Some(key) = key_press(&e) else {
                    return;
                };
                // A held-down key repeats; only a fresh press chooses.
                if key.repeat || key.command || key.alt {
                    return;
                }
                if let Some(d) = key.key.chars().next().and_then(|c| c.to_digit(10)) {
                    if let Some(id) = offered.get((d as usize).wrapping_sub(1)) {
                        e.prevent_default();
                        choose.emit(id.clone());
                    }
                }
            });
            move || drop(listener)
        });
    }

    let toggle_meters = {
        let (show_meters, store) = (show_meters.clone(), store.clone());
        Callback::from(move |_| {
            let next = !*show_meters;
            let _ = store.set(METERS_KEY, if next { "1" } else { "0" });
            show_meters.set(next);
        })
    };

    let lang = i18n.lang;
    let worker = session.state().worker;
    let p = &s.persona;
    let practice_mode = current.mode == Mode::Practice;
    let ended = session.end().is_some();
    html! {
        <div class="page play" data-testid="play" data-mode={if practice_mode { "practice" } else { "assessment" }}>
            { notice_html }
            <aside class="play__aside">
            <header class="play__worker card">
                <Avatar kind={p.avatar.clone()} label={format!("{}, {}", p.name, p.occupation_label.get(lang))} mood={mood_sign(&worker)} />
                <div class="play__who">
                    <h1 class="play__name">{ format!("{} · {}", p.name, p.occupation_label.get(lang)) }</h1>
                    <p class="play__mood" data-testid="mood">{ t_with(i18n.lang, Text::MoodIs, &[("name", &p.name), ("mood", i18n.t(mood_text(&worker)))]) }</p>
                    <p class="play__mode">{ i18n.t(if practice_mode { Text::ModePractice } else { Text::ModeAssessment }) }</p>
                </div>
                <button type="button" class="link-button" onclick={toggle_meters} aria-pressed={(!*show_meters).to_string()} data-testid="toggle-meters">
                    { i18n.t(if *show_meters { Text::MetersHide } else { Text::MetersShow }) }
                </button>
                if *show_meters {
                    <Meters {worker} />
                }
            </header>
            <ToolsDrawer date={session.terms().date} worker={p.worker()} />
            </aside>
            <div class="play__main">
            <ol class="chat" aria-live="polite" aria-label={i18n.t(Text::ChatLabel)} data-testid="chat">
                { for session.events().iter().map(|e| event_html(&i18n, &session, e, practice_mode)) }
            </ol>
            if ended {
                <div class="card end" data-testid="ended">
                    <p>{ i18n.t(Text::PlayEnded) }</p>
                    if let Some(index) = *finished {
                        <Link to={Route::Debrief { attempt: index }} classes="button">
                            <span data-testid="to-debrief">{ i18n.t(Text::PlayToDebrief) }</span>
                        </Link>
                    } else {
                        <Link to={Route::History} classes="button">{ i18n.t(Text::NavHistory) }</Link>
                    }
                </div>
            } else {
                <section class="choices" aria-labelledby="choices-title">
                    <p class="choices__mood" aria-hidden="true">{ t_with(i18n.lang, Text::MoodIs, &[("name", &p.name), ("mood", i18n.t(mood_text(&worker)))]) }</p>
                    <h2 id="choices-title" class="choices__title">{ i18n.t(Text::ChoicesTitle) }</h2>
                    <ol class="choices__list" ref={choices_ref} tabindex="-1" aria-labelledby="choices-title">
                        { for session.available().iter().enumerate().map(|(i, c)| {
                            let id = c.id.clone();
                            let onclick = choose.reform(move |_| id.clone());
                            html! {
                                <li>
                                    <button type="button" class="choice" {onclick} data-testid={format!("choice-{}", c.id)}
                                        aria-keyshortcuts={(i + 1).to_string()}>
                                        <span class="choice__key" aria-hidden="true">{ i + 1 }</span>
                                        <span class="choice__text">{ session.render(&c.text, lang) }</span>
                                    </button>
                                </li>
                            }
                        }) }
                    </ol>
                    <p class="hint" data-testid="keys-hint">{ t_with(i18n.lang, Text::ChoicesKeys, &[("count", &offered.len().min(9).to_string())]) }</p>
                </section>
            }
            </div>
        </div>
    }
}

/// How good a turn was, for the colour of its coaching card.
pub fn turn_quality(turn: &Turn) -> &'static str {
    let sum: i32 = turn.points.iter().sum();
    if turn.violation.is_some() || sum < 0 {
        "poor"
    } else if sum >= 2 {
        "good"
    } else {
        "fair"
    }
}

/// The coaching for one turn: the authored feedback, the check of every wrong figure, a
/// repetition and any violation.
pub fn coaching(i18n: &I18n, session: &Session, turn: &Turn) -> Html {
    let lang = i18n.lang;
    let s = session.scenario();
    let Some(choice) = s
        .nodes
        .get(turn.node as usize)
        .and_then(|n| n.choices.get(turn.choice as usize))
    else {
        return html! {};
    };
    let quality = turn_quality(turn);
    let label = match quality {
        "good" => Text::CoachGood,
        "poor" => Text::CoachPoor,
        _ => Text::CoachFair,
    };
    html! {
        <div class={classes!("coach", format!("coach--{quality}"))} data-testid="feedback" data-quality={quality}>
            <p class="coach__label">
                <span aria-hidden="true" class="coach__mark">{ match quality { "good" => "✓", "poor" => "✗", _ => "•" } }</span>
                { i18n.t(Text::CoachNote) }
                // The verdict in words too, not only in colour and a mark.
                <span class="coach__verdict" data-testid="coach-verdict">{ format!(": {}", i18n.t(label)) }</span>
            </p>
            <p>{ session.render(&choice.feedback, lang) }</p>
            if turn.repeated {
                <p class="coach__repeat" data-testid="repeat-check">{ messages::text(Msg::ERepeatCoach).get(lang).to_owned() }</p>
            }
            { for turn.checks.iter().filter(|c| c.is_wrong()).map(|check| html! {
                <p class="coach__figure" data-testid="figure-check">{ crate::engine::figures::wrong_figure(check, s, session.terms().rates).get(lang).to_owned() }</p>
            }) }
            if let Some(v) = turn.violation {
                <p class="coach__violation">{ t_with(i18n.lang, Text::CoachViolation, &[("what", messages::violation(v).get(lang))]) }</p>
            }
        </div>
    }
}

fn event_html(i18n: &I18n, session: &Session, event: &Event, practice: bool) -> Html {
    let lang = i18n.lang;
    let s = session.scenario();
    let worker_line = |text: String| {
        html! { <li class="bubble bubble--worker" data-testid="worker-line"><span class="bubble__who">{ s.persona.name.clone() }</span>{ text }</li> }
    };
    if let Event::Ended(end) = event {
        // The ending's line is the worker's last, but not a line of the conversation.
        let ending = match session.words(event, lang) {
            Some(Words::Worker(line)) => Some(line),
            _ => None,
        };
        return html! {
            <>
                if let Some(line) = ending {
                    <li class="bubble bubble--worker"><span class="bubble__who">{ s.persona.name.clone() }</span>{ line }</li>
                }
                <li class="chat__note chat__note--end" data-testid="outcome">{ messages::outcome(end.outcome).get(lang).to_owned() }</li>
            </>
        };
    }
    let words = match session.words(event, lang) {
        Some(Words::Worker(line)) => worker_line(line),
        Some(Words::Agent(line)) => {
            html! { <li class="bubble bubble--agent" data-testid="agent-line"><span class="bubble__who">{ i18n.t(Text::ChatYou) }</span>{ line }</li> }
        }
        Some(Words::Fact(fact)) => html! {
            <li class="chat__note" data-testid="fact">{ t_with(i18n.lang, Text::ChatLearned, &[("fact", &fact)]) }</li>
        },
        None => html! {},
    };
    match event {
        Event::Feedback(turn) if practice => {
            html! { <li class="chat__coach">{ coaching(i18n, session, turn) }</li> }
        }
        Event::Feedback(_) => html! {},
        Event::Decision { package, agreed } => html! {
            <li class="chat__note">{ t_with(i18n.lang, if *agreed { Text::ChatAgreed } else { Text::ChatNotReady }, &[("package", messages::package(*package).get(lang))]) }</li>
        },
        _ => words,
    }
}

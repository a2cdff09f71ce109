//! The workshop an agent joined: the pre-test, practice and post-test scenarios, which tests are
//! done, and each finished test's result code to send to the trainer.

use yew::prelude::*;

use crate::components::notice::{Notice, Tone};
use crate::context::{use_i18n, use_store, use_visit};
use crate::engine::pack::Summary;
use crate::engine::workshop::{Phase, ScenarioRef};
use crate::i18n::{action_on, t_with, Text};
use crate::loader::use_index;
use crate::pages::date_text;
use crate::practice::{progress, test_attempt, Next, PracticeStore};
use crate::router::Link;
use crate::router::Route;

/// The agent's workshop page.
#[function_component]
pub fn WorkshopPage() -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let practice = PracticeStore::new(use_store());
    let index = use_index();
    let visit = use_visit();
    let joined = practice.joined().ok().flatten();
    let Some((joined, workshop)) = joined.and_then(|j| j.workshop().map(|w| (j, w))) else {
        return html! {
            <div class="page page--narrow">
                <h1>{ i18n.t(Text::WorkshopTitle) }</h1>
                <p data-testid="workshop-none">{ i18n.t(Text::WorkshopNone) }</p>
            </div>
        };
    };
    let index = match crate::pages::ready(&i18n, index) {
        Ok(value) => value,
        Err(page) => return page,
    };
    let attempts = visit.attempts(&practice);
    let progress = progress(&workshop, &joined, &attempts);
    let summary = |r: &ScenarioRef| index.iter().find(|s| s.id == r.id).cloned();
    let title = |id: &str| {
        index
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| id.to_owned(), |s| s.title.get(lang).to_owned())
    };
    let next = match &progress.next {
        Next::PreTest(id) => t_with(i18n.lang, Text::WorkshopNextPre, &[("title", &title(id))]),
        Next::Practice => i18n.t(Text::WorkshopNextPractice).to_owned(),
        Next::PostTest(id) => t_with(i18n.lang, Text::WorkshopNextPost, &[("title", &title(id))]),
        Next::Done => i18n.t(Text::WorkshopNextDone).to_owned(),
    };
    let locked = if workshop.post_after_practice && !workshop.practice.is_empty() {
        Text::WorkshopPostLockedPractice
    } else {
        Text::WorkshopPostLocked
    };
    let test = |phase: Phase, r: &ScenarioRef| {
        let taker = joined.taker(&workshop, phase);
        let done = test_attempt(&attempts, &taker, &r.id).map(|i| (i, &attempts[i]));
        // A test on another version of the scenario would be refused: it cannot start.
        let playable = summary(r).is_some_and(|s| s.version == r.version);
        let tes = if phase == Phase::PreTest {
            "pre"
        } else {
            "post"
        };
        html! {
            <li class="workshop__item" data-testid={format!("test-{tes}-{}", r.id)}>
                { scenario_line(&i18n, summary(r), r, lang) }
                if let Some((i, a)) = done {
                    <p class="ok">{ t_with(i18n.lang, Text::WorkshopDone, &[("score", &a.total.to_string())]) }</p>
                    <Link to={Route::Debrief { attempt: i }} classes="button button--secondary" label={action_on(i18n.lang, Text::WorkshopShowCode, &title(&r.id))}>
                        <span data-testid="test-code">{ i18n.t(Text::WorkshopShowCode) }</span>
                    </Link>
                } else if phase == Phase::PostTest && !progress.post_open {
                    <p class="hint" data-testid="test-locked">{ i18n.t(locked) }</p>
                } else if playable {
                    <a class="button" href={format!("{}?tes={tes}", Route::Briefing { id: r.id.clone() }.href())} data-testid="test-start"
                        aria-label={action_on(i18n.lang, Text::WorkshopStartTest, &title(&r.id))}>
                        { i18n.t(Text::WorkshopStartTest) }
                    </a>
                }
            </li>
        }
    };
    let section = |title: Text, phase: Phase, refs: &[ScenarioRef]| {
        html! {
            if !refs.is_empty() {
                <section class="card">
                    <h2>{ i18n.t(title) }</h2>
                    <ul class="workshop__list">{ for refs.iter().map(|r| test(phase, r)) }</ul>
                </section>
            }
        }
    };
    html! {
        <div class="page page--narrow workshop" data-testid="workshop">
            <p class="eyebrow">{ i18n.t(Text::WorkshopTitle) }</p>
            <h1>{ workshop.name.clone() }</h1>
            <p>{ format!("{} · {}", date_text(i18n.lang, workshop.date), workshop.place) }</p>
            <p class="hint" data-testid="workshop-you">{ t_with(i18n.lang, Text::WorkshopYou, &[("name", &joined.agent), ("wadah", &joined.wadah)]) }</p>
            <Notice tone={Tone::Info} testid="workshop-next">{ next }</Notice>
            { section(Text::WorkshopPreTest, Phase::PreTest, &workshop.pre_test) }
            if !workshop.practice.is_empty() {
                <section class="card">
                    <h2>{ i18n.t(Text::WorkshopPractice) }</h2>
                    <ul class="workshop__list">
                        { for workshop.practice.iter().map(|r| html! {
                            <li class="workshop__item">
                                { scenario_line(&i18n, summary(r), r, lang) }
                                <Link to={Route::Briefing { id: r.id.clone() }} classes="button button--secondary"
                                    label={action_on(i18n.lang, Text::WorkshopPracticeStart, &title(&r.id))}>{ i18n.t(Text::WorkshopPracticeStart) }</Link>
                            </li>
                        }) }
                    </ul>
                </section>
            }
            { section(Text::WorkshopPostTest, Phase::PostTest, &workshop.post_test) }
        </div>
    }
}

/// A scenario's title, or a warning when this device lacks it or has another version.
fn scenario_line(
    i18n: &crate::context::I18n,
    summary: Option<Summary>,
    r: &ScenarioRef,
    lang: crate::i18n::Lang,
) -> Html {
    match summary {
        Some(s) if s.version == r.version => {
            html! { <p class="workshop__title">{ s.title.get(lang).to_owned() }</p> }
        }
        Some(s) => html! {
            <>
                <p class="workshop__title">{ s.title.get(lang).to_owned() }</p>
                <p class="warn">{ i18n.t(Text::WorkshopOtherVersion) }</p>
            </>
        },
        None => {
            html! { <p class="warn">{ t_with(i18n.lang, Text::WorkshopMissing, &[("id", &r.id)]) }</p> }
        }
    }
}

//! The scenario library: one card per scenario, filtered by difficulty, island and objection.

use crate::router::Link;
use yew::prelude::*;

use crate::components::avatar::Avatar;
use crate::context::{use_i18n, use_store};
use crate::engine::messages;
use crate::engine::pack::Summary;
use crate::engine::{island_of, Difficulty, Island, Objection};
use crate::i18n::{action_on, t_with, Text};
use crate::loader::{use_index, Loadable};
use crate::pages::load_failed;
use crate::platform::form::value_of;
use crate::practice::{best_of, PracticeStore};
use crate::router::Route;

const DIFFICULTIES: [Difficulty; 3] = [
    Difficulty::Beginner,
    Difficulty::Intermediate,
    Difficulty::Advanced,
];

/// The library page.
#[function_component]
pub fn Library() -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let index = use_index();
    let store = use_store();
    let history = PracticeStore::new(store).history().unwrap_or_default();
    let ready = matches!(index, Loadable::Ready(_));
    use_effect_with(ready, |ready| {
        // Marks the library's first useful render for the latency benchmark.
        if *ready {
            crate::platform::page::mark("latih-library-ready");
        }
    });
    // Each filter is the position of its choice in its list (None: all).
    let difficulty = use_state(|| None::<usize>);
    let island = use_state(|| None::<usize>);
    let objection = use_state(|| None::<usize>);
    let chosen_difficulty = difficulty.and_then(|i| DIFFICULTIES.get(i).copied());
    let chosen_island = island.and_then(|i| Island::ALL.get(i).copied());
    let chosen_objection = objection.and_then(|i| Objection::ALL.get(i).copied());
    // The objection filter offers the objections some scenario here trains, so no choice of it
    // leads to an empty library.
    let trained: Vec<(usize, String)> = match &index {
        Loadable::Ready(all) => Objection::ALL
            .iter()
            .enumerate()
            .filter(|(i, o)| *objection == Some(*i) || all.iter().any(|s| s.objections.contains(o)))
            .map(|(i, o)| (i, messages::objection(*o).get(lang).to_owned()))
            .collect(),
        _ => Vec::new(),
    };

    let body = match index {
        Loadable::Loading => {
            html! { <p class="loading" aria-busy="true">{ i18n.t(Text::Loading) }</p> }
        }
        Loadable::Failed(e) => load_failed(&i18n, &e),
        Loadable::Ready(all) => {
            let mut shown: Vec<&Summary> = all
                .iter()
                .filter(|s| chosen_difficulty.is_none_or(|d| s.difficulty == d))
                .filter(|s| chosen_objection.is_none_or(|o| s.objections.contains(&o)))
                .filter(|s| chosen_island.is_none_or(|i| island_of(&s.place) == Some(i)))
                .collect();
            crate::engine::order::sort_small_by_key(&mut shown, |s| {
                (s.difficulty, s.title.get(lang))
            });
            let card = |s: &Summary| {
                let best = best_of(&history, &s.id);
                let who = format!("{}, {} · {}", s.name, s.occupation.get(lang), s.place);
                html! {
                    <li class="card scenario-card" data-testid={format!("scenario-{}", s.id)}>
                        <div class="scenario-card__head">
                            <Avatar kind={s.avatar.clone()} label={who.clone()} />
                            <div>
                                <h2 class="scenario-card__title">{ s.title.get(lang).to_owned() }</h2>
                                <p class="scenario-card__who">{ who }</p>
                            </div>
                        </div>
                        <p>{ s.summary.get(lang).to_owned() }</p>
                        <p class="chips">
                            <span class={classes!("chip", "chip--level", level_class(s.difficulty))}>
                                { messages::difficulty(s.difficulty).get(lang).to_owned() }
                            </span>
                            if !s.is_bundled() && s.workshop.is_empty() { <span class="chip chip--own" data-testid="own-chip">{ i18n.t(Text::LibraryOwn) }</span> }
                            <span class="chip">{ t_with(i18n.lang, Text::LibraryMinutes, &[("minutes", &s.estimated_minutes.to_string())]) }</span>
                            { for s.objections.iter().map(|o| html! { <span class="chip chip--objection">{ messages::objection(*o).get(lang).to_owned() }</span> }) }
                        </p>
                        <div class="scenario-card__foot">
                            <span class="best" data-testid="best-score">{ match best {
                                Some(b) => t_with(i18n.lang, Text::LibraryBest, &[("score", &b.to_string())]),
                                None => i18n.t(Text::LibraryNotPlayed).to_owned(),
                            } }</span>
                            <Link to={Route::Briefing { id: s.id.clone() }} classes="button"
                                label={action_on(i18n.lang, Text::LibraryOpen, s.title.get(lang))}>
                                { i18n.t(Text::LibraryOpen) }
                            </Link>
                        </div>
                    </li>
                }
            };
            // Scenarios of installed workshops come first, each workshop under its name.
            let mut groups: Vec<&str> = Vec::new();
            for s in &shown {
                if !s.workshop.is_empty() && !groups.contains(&s.workshop.as_str()) {
                    groups.push(&s.workshop);
                }
            }
            let rest: Vec<&Summary> = shown
                .iter()
                .copied()
                .filter(|s| s.workshop.is_empty())
                .collect();
            if shown.is_empty() {
                html! { <p class="empty" data-testid="library-empty">{ i18n.t(Text::LibraryNoMatch) }</p> }
            } else {
                html! {
                    <>
                        { for groups.iter().map(|name| html! {
                            <section class="library__group" data-testid="library-workshop">
                                <h2>{ t_with(lang, Text::LibraryWorkshop, &[("workshop", name)]) }</h2>
                                <ul class="cards">
                                    { for shown.iter().filter(|s| s.workshop == *name).map(|s| card(s)) }
                                </ul>
                            </section>
                        }) }
                        if !rest.is_empty() {
                            <ul class="cards" data-testid="library">
                                { for rest.into_iter().map(card) }
                            </ul>
                        }
                    </>
                }
            }
        }
    };

    html! {
        <div class="page">
            <h1>{ i18n.t(Text::LibraryTitle) }</h1>
            <p class="lead">{ i18n.t(Text::LibraryLead) }</p>
            { for crate::loader::stale_workshops().iter().map(|name| html! {
                <crate::components::notice::Notice tone={crate::components::notice::Tone::Warning} testid="library-stale">
                    <a href={format!("{}#ulang", crate::engine::workshop::INSTALL_PAGE)}>{ t_with(lang, Text::LibraryStale, &[("workshop", name)]) }</a>
                </crate::components::notice::Notice>
            }) }
            <div class="filters" role="group" aria-label={i18n.t(Text::LibraryFilters)}>
                { filter(&i18n, Text::LibraryDifficulty, "filter-difficulty", &difficulty,
                    DIFFICULTIES.iter().map(|d| messages::difficulty(*d).get(lang).to_owned()).enumerate().collect()) }
                { filter(&i18n, Text::LibraryIsland, "filter-island", &island,
                    Island::ALL.iter().map(|x| x.name().to_owned()).enumerate().collect()) }
                { filter(&i18n, Text::LibraryObjection, "filter-objection", &objection, trained) }
            </div>
            { body }
        </div>
    }
}

/// One filter of the library: a labelled list of `options` (each with its position in its
/// list), "all" first, kept in `state`.
fn filter(
    i18n: &crate::context::I18n,
    label: Text,
    testid: &'static str,
    state: &UseStateHandle<Option<usize>>,
    options: Vec<(usize, String)>,
) -> Html {
    let chosen = **state;
    let onchange = {
        let state = state.clone();
        Callback::from(move |e: Event| state.set(value_of(&e).parse::<usize>().ok()))
    };
    html! {
        <label class="field">
            <span>{ i18n.t(label) }</span>
            <select {onchange} data-testid={testid}>
                <option value="" selected={chosen.is_none()}>{ i18n.t(Text::LibraryAll) }</option>
                { for options.into_iter().map(|(i, name)| html! {
                    <option value={i.to_string()} selected={chosen == Some(i)}>{ name }</option>
                }) }
            </select>
        </label>
    }
}

/// The CSS class that colours a difficulty chip.
fn level_class(difficulty: Difficulty) -> &'static str {
    match difficulty {
        Difficulty::Beginner => "chip--beginner",
        Difficulty::Intermediate => "chip--intermediate",
        Difficulty::Advanced => "chip--advanced",
    }
}

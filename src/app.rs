//! The agents' app: its routes, its root component and how it starts.

use yew::prelude::*;

use crate::components::header::Header;
use crate::components::update_banner::UpdateBanner;
use crate::pages::{home::Home, not_found::NotFound, settings::Settings};
use crate::platform::page::app_element;
use crate::platform::storage::Store;
use crate::router::{use_navigator, History, Route};
use crate::shell::{mount_into_page, Shell};

fn switch(route: Route) -> Html {
    use crate::pages::{
        briefing::Briefing, debrief::Debrief, history::History as HistoryPage, join::Join,
        library::Library, play::Play, workshop::WorkshopPage,
    };
    match route {
        Route::Home => html! { <Home /> },
        Route::Library => html! { <Library /> },
        // Keyed by what they show, so moving between scenarios starts each page afresh.
        Route::Briefing { id } => html! { <Briefing key={id.as_str()} id={id.clone()} /> },
        Route::Play { id } => html! { <Play key={id.as_str()} id={id.clone()} /> },
        Route::Debrief { attempt } => html! { <Debrief key={attempt} {attempt} /> },
        Route::History => html! { <HistoryPage /> },
        Route::Settings => html! { <Settings /> },
        Route::Join { code } => html! { <Join key={code.as_str()} code={code.clone()} /> },
        Route::Workshop => html! { <WorkshopPage /> },
        Route::NotFound => html! { <NotFound /> },
    }
}

/// The page for the current address.
#[function_component]
fn Pages() -> Html {
    switch(use_navigator().route())
}

/// Props of [`AppRoot`]: the effects the app runs on, injected so tests can use memory twins.
#[derive(Properties, PartialEq)]
pub struct AppRootProps {
    /// Where preferences are kept.
    pub store: Store,
    /// Where the address lives (the browser's hash in the app, memory in tests).
    pub history: History,
    /// Renders the page one task after the frame around it (see [`DeferredPages`]).
    #[prop_or_default]
    pub defer_page: bool,
}

/// The whole app, given its storage and history.
#[function_component]
pub fn AppRoot(props: &AppRootProps) -> Html {
    crate::loader::list_installed();
    let header = html! { <><Header /><UpdateBanner /></> };
    html! {
        <Shell store={props.store.clone()} history={props.history.clone()} {header}>
            if props.defer_page {
                <DeferredPages />
            } else {
                <Pages />
            }
        </Shell>
    }
}

/// The page, rendered in a task of its own after the frame around it has been drawn.
///
/// On a first visit the browser compiles each wasm function on its first call, on the main
/// thread, so the first render is the longest task of the visit (about 300 ms on a phone's CPU,
/// measured with Chrome's 4x slowdown). Splitting it in two lets the phone paint the header and
/// take a tap in between, and halves the longest task (scripts/bench-lighthouse.mjs).
#[function_component]
fn DeferredPages() -> Html {
    let shown = use_state(|| false);
    {
        let shown = shown.clone();
        use_effect_with((), move |_| {
            let show = shown.clone();
            let timer = crate::platform::events::Timer::new(0, move || show.set(true));
            if timer.is_none() {
                shown.set(true);
            }
            move || drop(timer)
        });
    }
    if *shown {
        html! { <Pages /> }
    } else {
        html! { <div class="boot" aria-busy="true"><span class="brand__mark" aria-hidden="true">{ "L" }</span></div> }
    }
}

/// The app as the browser runs it: `localStorage` and hash-based history.
#[function_component]
pub fn App() -> Html {
    let store = use_memo((), |_| Store::browser());
    // index.html showed the home page before the wasm arrived (scripts/post-build.mjs): render
    // the page at once, so the same page replaces it without the logo in between.
    let first_paint = use_memo((), |_| {
        app_element().is_some_and(|e| e.has_attribute(FIRST_PAINT_MARK))
    });
    use_effect_with((), |_| {
        if let Some(app) = app_element() {
            let _ = app.remove_attribute(FIRST_PAINT_MARK);
        }
        // Marks the first render for the start-up benchmark (scripts/bench-size.mjs).
        crate::platform::page::mark("latih-first-render");
        // Ask the browser to keep the agent's history even under storage pressure.
        #[cfg(target_arch = "wasm32")]
        wasm_bindgen_futures::spawn_local(async {
            let _ = crate::platform::device::request_persistence().await;
        });
    });
    html! { <AppRoot store={(*store).clone()} history={History::Browser} defer_page={!*first_paint} /> }
}

/// The attribute index.html's start-up script puts on `#app` when it shows the prerendered home
/// page; the app removes it once its own page has replaced that one.
const FIRST_PAINT_MARK: &str = "data-first-paint";

/// Mounts [`App`] into the `#app` element of index.html (or the body if it is missing).
pub fn mount() {
    mount_into_page::<App>();
}

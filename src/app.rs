//! The root component: language context, routes, and the page layout around them.

use yew::prelude::*;

use crate::components::header::Header;
use crate::components::storage_notice::StorageNotice;
use crate::components::update_banner::UpdateBanner;
use crate::i18n::{t, Lang, Text};
use crate::pages::{home::Home, not_found::NotFound, settings::Settings};
use crate::platform::prefs::{load_lang, save_lang};
use crate::platform::storage::{Store, StoreError};
pub use crate::router::Route;
use crate::router::{use_navigator, History, Router};

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

/// The interface language and the way to change it, shared through context.
#[derive(Clone, Debug, PartialEq)]
pub struct I18n {
    /// The current language.
    pub lang: Lang,
    /// Switches the language (and remembers the choice).
    pub set_lang: Callback<Lang>,
}

impl I18n {
    /// The string for `text` in the current language.
    pub fn t<K: crate::i18n::Key>(&self, text: K) -> &'static str {
        t(self.lang, text)
    }
}

/// The language context; outside a provider (isolated component tests), Bahasa Indonesia.
#[hook]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n {
        lang: Lang::default(),
        set_lang: Callback::noop(),
    })
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

/// The interface language of an app on `store`: remembered across visits, written to the
/// page's `lang` attribute, and a storage failure to report (shared by the agent's and the
/// trainer's apps).
#[hook]
pub fn use_app_lang(store: &Store) -> (I18n, Option<StoreError>) {
    let lang = use_state(|| load_lang(store));
    let store_error = use_state(|| None::<StoreError>);
    {
        let store = store.clone();
        let store_error = store_error.clone();
        use_effect_with(*lang, move |lang| {
            let result = save_lang(&store, *lang).err();
            if *store_error != result {
                store_error.set(result);
            }
            set_document_lang(*lang);
        });
    }
    let i18n = I18n {
        lang: *lang,
        set_lang: {
            let lang = lang.clone();
            Callback::from(move |next: Lang| lang.set(next))
        },
    };
    (i18n, (*store_error).clone())
}

/// Props of [`Shell`].
#[derive(Properties, PartialEq)]
pub struct ShellProps {
    /// Where data is kept.
    pub store: Store,
    /// Where the address lives.
    pub history: History,
    /// Extra class of the app's box (e.g. `app--trainer`).
    #[prop_or_default]
    pub class: Classes,
    /// What goes above the page (the header and banners).
    pub header: Html,
    /// The page.
    pub children: Html,
}

/// The frame both apps share: the language, storage and address contexts, the header, a
/// storage notice when the language cannot be kept, the page, and the footer.
#[function_component]
pub fn Shell(props: &ShellProps) -> Html {
    let (i18n, store_error) = use_app_lang(&props.store);
    let lang = i18n.lang;
    html! {
        <ContextProvider<I18n> context={i18n}>
        <ContextProvider<Store> context={props.store.clone()}>
            <Router history={props.history.clone()}>
                <div class={classes!("app", props.class.clone())}>
                    { props.header.clone() }
                    if let Some(error) = store_error {
                        <StorageNotice {error} />
                    }
                    <crate::pages::SetAsideNotices />
                    <main id="main" class="main" tabindex="-1">
                        { props.children.clone() }
                    </main>
                    <footer class="footer">
                        <p>{ t(lang, Text::FooterText) }</p>
                    </footer>
                </div>
            </Router>
        </ContextProvider<Store>>
        </ContextProvider<I18n>>
    }
}

/// The whole app, given its storage and history.
#[function_component]
pub fn AppRoot(props: &AppRootProps) -> Html {
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

pub(crate) fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// The device's storage, shared through context (memory outside a provider).
#[hook]
pub fn use_store() -> Store {
    let fallback = use_memo((), |_| Store::memory());
    use_context::<Store>().unwrap_or_else(|| (*fallback).clone())
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
        if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
            let _ = perf.mark("latih-first-render");
        }
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

fn app_element() -> Option<web_sys::Element> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
}

/// Mounts [`App`] into the `#app` element of index.html (or the body if it is missing).
pub fn mount() {
    mount_into_page::<App>();
}

/// Mounts an app into the page's `#app` element, clearing the start-up placeholder the page
/// shows while the wasm loads (or into the body if there is no `#app`).
///
/// The app is rendered in a task of its own, not in the one that finished compiling the wasm:
/// on a first visit the browser compiles each function on its first call, on the main thread,
/// so the first render is the costliest work of the visit, and run straight after the
/// compilation it made one task of over 100 ms on a phone's CPU. Apart, each is shorter, and the
/// phone can take a tap in between (scripts/bench-lighthouse.mjs).
pub fn mount_into_page<C: BaseComponent<Properties = ()>>() {
    let render = render_into_page::<C>;
    match crate::platform::events::Timer::new(0, render) {
        // The timer is dropped (and so cancelled) only when the page goes away.
        Some(timer) => std::mem::forget(timer),
        None => render(),
    }
}

fn render_into_page<C: BaseComponent<Properties = ()>>() {
    match app_element() {
        Some(root) => {
            root.set_text_content(None);
            yew::Renderer::<C>::with_root(root).render()
        }
        None => yew::Renderer::<C>::new().render(),
    };
}

//! The frame both apps share ([`Shell`]: contexts, router, header, page, footer) and how an app
//! is mounted into its page.

use yew::prelude::*;

use crate::components::storage_notice::StorageNotice;
use crate::context::{use_app_lang, I18n, VisitContext};
use crate::i18n::{t, Text};
use crate::platform::page::app_element;
use crate::platform::storage::Store;
use crate::router::{History, Router};

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
    let visit = use_memo((), |_| VisitContext::default());
    html! {
        <ContextProvider<I18n> context={i18n}>
        <ContextProvider<Store> context={props.store.clone()}>
        <ContextProvider<VisitContext> context={(*visit).clone()}>
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
        </ContextProvider<VisitContext>>
        </ContextProvider<Store>>
        </ContextProvider<I18n>>
    }
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

//! Native server-side render tests of the app shell: the real components, rendered to HTML
//! without a browser, with in-memory storage and history.
#![cfg(not(target_arch = "wasm32"))]

use latih::app::{AppRoot, AppRootProps};
use latih::i18n::{t, Lang, Text};
use latih::platform::prefs::save_lang;
use latih::platform::storage::Store;
use yew::LocalServerRenderer;
use yew_router::history::{AnyHistory, History, MemoryHistory};

fn render(store: Store, path: &str) -> String {
    let history = MemoryHistory::new();
    history.push(path);
    let props = AppRootProps {
        store,
        history: AnyHistory::from(history),
    };
    futures::executor::block_on(
        LocalServerRenderer::<AppRoot>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

#[test]
fn shell_renders_in_bahasa_indonesia_by_default() {
    let html = render(Store::memory(), "/");
    for text in [
        Text::AppName,
        Text::NavHome,
        Text::HomeTitle,
        Text::HomeAgentTitle,
        Text::HomeTrainerTitle,
    ] {
        assert!(
            html.contains(t(Lang::Id, text)),
            "missing {:?} in {html}",
            text
        );
    }
    assert!(!html.contains(t(Lang::En, Text::HomeTitle)));
    assert!(
        html.contains(r#"aria-pressed="true" aria-label="Ganti bahasa ke Bahasa Indonesia""#),
        "{html}"
    );
}

#[test]
fn shell_renders_in_the_saved_language() {
    let store = Store::memory();
    save_lang(&store, Lang::En).unwrap();
    let html = render(store, "/");
    assert!(html.contains(t(Lang::En, Text::HomeTitle)), "{html}");
    assert!(html.contains(t(Lang::En, Text::NavHome)));
    assert!(!html.contains(t(Lang::Id, Text::HomeTitle)));
}

#[test]
fn unknown_address_renders_the_not_found_page() {
    let html = render(Store::memory(), "/no/such/page");
    assert!(html.contains(t(Lang::Id, Text::NotFoundTitle)), "{html}");
    assert!(!html.contains(t(Lang::Id, Text::HomeTitle)));
}

#[test]
fn every_nav_section_is_linked_from_the_header() {
    let html = render(Store::memory(), "/");
    for (_, label) in latih::app::Route::NAV {
        assert!(html.contains(t(Lang::Id, *label)), "nav lacks {label:?}");
    }
    assert!(html.contains(r#"aria-label="Navigasi utama""#));
}

//! Browser tests (wasm-bindgen-test in headless Chromium): the real app mounted in a page.
#![cfg(target_arch = "wasm32")]

use latih::app::App;
use latih::i18n::{t, Lang, Text};
use latih::platform::prefs::LANG_KEY;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Mounts the app and waits for its page: the app renders the page a task after its frame,
/// showing the start-up logo (`.boot`) until then.
async fn mount() -> web_sys::Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    for _ in 0..100 {
        next_task().await;
        let shell = root.query_selector("main").unwrap().is_some();
        if shell && root.query_selector(".boot").unwrap().is_none() {
            return root;
        }
    }
    panic!("the page never replaced the start-up logo");
}

fn click(root: &web_sys::Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
}

#[wasm_bindgen_test]
async fn language_switch_changes_the_text_and_is_remembered() {
    local_storage().remove_item(LANG_KEY).unwrap();
    let root = mount().await;
    yew::scheduler::flush().await;
    let text = root.text_content().unwrap();
    assert!(text.contains(t(Lang::Id, Text::HomeTitle)), "{text}");

    click(&root, "[data-testid=lang-en]");
    yew::scheduler::flush().await;
    let text = root.text_content().unwrap();
    assert!(text.contains(t(Lang::En, Text::HomeTitle)), "{text}");
    assert!(!text.contains(t(Lang::Id, Text::HomeTitle)));
    assert_eq!(
        local_storage().get_item(LANG_KEY).unwrap().as_deref(),
        Some("en")
    );
    let html_lang = document().document_element().unwrap().get_attribute("lang");
    assert_eq!(html_lang.as_deref(), Some("en"));

    click(&root, "[data-testid=lang-id]");
    yew::scheduler::flush().await;
    assert!(root
        .text_content()
        .unwrap()
        .contains(t(Lang::Id, Text::HomeTitle)));
    assert_eq!(
        local_storage().get_item(LANG_KEY).unwrap().as_deref(),
        Some("id")
    );
}

#[wasm_bindgen_test]
fn unreadable_practice_data_in_local_storage_is_set_aside_not_lost() {
    use latih::platform::storage::Store;
    use latih::practice::{PracticeStore, ReadError};
    let storage = local_storage();
    storage
        .set_item("latih.run.broken-test", "{not json")
        .unwrap();
    let practice = PracticeStore::new(Store::browser());
    let err = practice.run("broken-test").unwrap_err();
    let ReadError::SetAside(key) = err else {
        panic!("expected the data to be set aside, got {err:?}");
    };
    assert_eq!(
        storage.get_item(&key).unwrap().as_deref(),
        Some("{not json")
    );
    assert_eq!(storage.get_item("latih.run.broken-test").unwrap(), None);
    storage.remove_item(&key).unwrap();
}

#[wasm_bindgen_test]
async fn the_browser_reports_storage_usage_and_persistence() {
    let usage = latih::platform::device::usage().await;
    assert!(usage.is_some_and(|u| u.quota > 0.0), "{usage:?}");
    assert!(latih::platform::device::persisted().await.is_some());
}

/// Waits for the browser to run its queued tasks (a `hashchange` event is one).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn the_address_picks_the_page_and_the_back_button_returns() {
    local_storage().remove_item(LANG_KEY).unwrap();
    let location = web_sys::window().unwrap().location();
    location.set_hash("#/").unwrap();
    next_task().await;
    let root = mount().await;
    let text = root.text_content().unwrap();
    assert!(text.contains(t(Lang::Id, Text::HomeTitle)), "{text}");

    // Clicking a header link is an ordinary anchor: the browser changes the hash.
    click(&root, "a[href='#/setelan']");
    next_task().await;
    let text = root.text_content().unwrap();
    assert!(text.contains(t(Lang::Id, Text::SettingsTitle)), "{text}");
    assert!(root
        .query_selector("a[href='#/setelan'][aria-current=page]")
        .unwrap()
        .is_some());

    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .back()
        .unwrap();
    next_task().await;
    next_task().await;
    let text = root.text_content().unwrap();
    assert!(text.contains(t(Lang::Id, Text::HomeTitle)), "{text}");
    root.remove();
}

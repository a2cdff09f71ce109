//! One component per route, and what several pages share.

pub mod briefing;
pub mod debrief;
pub mod history;
pub mod home;
pub mod join;
pub mod library;
pub mod not_found;
pub mod play;
pub mod settings;
pub mod workshop;

use yew::prelude::*;

use crate::components::notice::{Notice, Tone};
use crate::context::{use_i18n, use_store, I18n};
use crate::i18n::Text;
use crate::loader::LoadError;
use crate::platform::download::download_text;
use crate::platform::fetch::FetchError;
use crate::practice::PracticeStore;

/// A date as people write it: "3 Desember 2026" / "3 December 2026".
pub fn date_text(lang: crate::i18n::Lang, date: crate::engine::Date) -> String {
    crate::engine::messages::long_date(date, lang)
}

/// The loaded value, or what the page shows instead: a busy note while loading, the reason
/// when loading failed. Pages write `let x = match ready(&i18n, loadable) { Ok(x) => x,
/// Err(page) => return page };`.
pub fn ready<T>(i18n: &I18n, loadable: crate::loader::Loadable<T>) -> Result<T, Html> {
    match loadable {
        crate::loader::Loadable::Loading => {
            Err(html! { <p class="page loading" aria-busy="true">{ i18n.t(Text::Loading) }</p> })
        }
        crate::loader::Loadable::Failed(e) => {
            Err(html! { <div class="page">{ load_failed(i18n, &e) }</div> })
        }
        crate::loader::Loadable::Ready(value) => Ok(value),
    }
}

/// What a page shows when its data could not be loaded.
pub fn load_failed(i18n: &I18n, error: &LoadError) -> Html {
    let text = match error {
        LoadError::Fetch(FetchError::Network) => i18n.t(Text::LoadOffline).to_owned(),
        LoadError::Fetch(FetchError::Status(_)) => i18n.t(Text::LoadMissing).to_owned(),
        LoadError::Damaged => i18n.t(Text::LoadDamaged).to_owned(),
    };
    html! { <Notice tone={Tone::Warning} urgent=true testid="load-failed">{ text }</Notice> }
}

/// Every piece of stored data that could not be read and was set aside, until the user
/// dismisses it: shown at the top of every page, whichever page found it. Checked after each
/// page has rendered (pages read storage while rendering).
#[function_component]
pub fn SetAsideNotices() -> Html {
    let store = use_store();
    let navigator = crate::router::use_navigator();
    let keys = use_state(Vec::<String>::new);
    {
        let (store, keys) = (store.clone(), keys.clone());
        // Also after this component's own render: a dismissal changes the list.
        use_effect(move || {
            let now = PracticeStore::new(store).set_aside();
            if now != *keys {
                keys.set(now);
            }
        });
    }
    let _ = navigator.path;
    let refresh = {
        let (store, keys) = (store.clone(), keys.clone());
        Callback::from(move |_| keys.set(PracticeStore::new(store.clone()).set_aside()))
    };
    html! {
        { for keys.iter().map(|k| html! { <UnreadableNotice key_name={AttrValue::from(k.clone())} on_dismiss={refresh.clone()} /> }) }
    }
}

/// Props of [`UnreadableNotice`].
#[derive(Properties, PartialEq)]
pub struct UnreadableProps {
    /// The storage key the unreadable data was moved to.
    pub key_name: AttrValue,
    /// Called once the user has dismissed the notice.
    #[prop_or_default]
    pub on_dismiss: Callback<()>,
}

/// Says that stored data could not be read, that it was kept aside, and offers it as a file.
#[function_component]
pub fn UnreadableNotice(props: &UnreadableProps) -> Html {
    let i18n = use_i18n();
    let store = use_store();
    let download = {
        let (key, store) = (props.key_name.to_string(), store.clone());
        Callback::from(move |_| {
            if let Some(raw) = PracticeStore::new(store.clone()).quarantined(&key) {
                download_text("latih-data-tidak-terbaca.json", &raw);
            }
        })
    };
    let dismiss = {
        let (key, store, done) = (
            props.key_name.to_string(),
            store.clone(),
            props.on_dismiss.clone(),
        );
        Callback::from(move |_| {
            let _ = PracticeStore::new(store.clone()).dismiss(&key);
            done.emit(());
        })
    };
    html! {
        <Notice tone={Tone::Warning} urgent=true testid="unreadable">
            <p>{ i18n.t(Text::UnreadableData) }</p>
            <div class="actions">
                <button type="button" class="button button--secondary" onclick={download}>{ i18n.t(Text::UnreadableDownload) }</button>
                <button type="button" class="button button--secondary" onclick={dismiss} data-testid="unreadable-dismiss">{ i18n.t(Text::UnreadableDismiss) }</button>
            </div>
        </Notice>
    }
}

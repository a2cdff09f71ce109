//! The "new version available, reload" prompt, shown when the service worker has installed a
//! new build in the background.

use yew::prelude::*;

use crate::components::notice::{Notice, Tone};
use crate::context::use_i18n;
use crate::i18n::Text;
use crate::platform::device::{apply_update, update_ready};
use crate::platform::events::WindowListener;

/// Shows itself when a new version is waiting.
#[function_component]
pub fn UpdateBanner() -> Html {
    let i18n = use_i18n();
    let ready = use_state(update_ready);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let listener = WindowListener::new("latih-update-ready", move |_| ready.set(true));
            move || drop(listener)
        });
    }
    if !*ready {
        return html! {};
    }
    html! {
        <Notice tone={Tone::Update} testid="update-banner">
            <span>{ i18n.t(Text::UpdateReady) }</span>
            <button type="button" class="button" onclick={Callback::from(|_| apply_update())} data-testid="update-reload">
                { i18n.t(Text::UpdateReload) }
            </button>
        </Notice>
    }
}

//! The "new version available, reload" prompt, shown when the service worker has installed a
//! new build in the background.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::use_i18n;
use crate::i18n::Text;
use crate::platform::device::{apply_update, update_ready};

/// Shows itself when a new version is waiting.
#[function_component]
pub fn UpdateBanner() -> Html {
    let i18n = use_i18n();
    let ready = use_state(update_ready);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                let handler =
                    wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || ready.set(true));
                let _ = window.add_event_listener_with_callback(
                    "latih-update-ready",
                    handler.as_ref().unchecked_ref(),
                );
                (window, handler)
            });
            move || {
                if let Some((window, handler)) = listener {
                    let _ = window.remove_event_listener_with_callback(
                        "latih-update-ready",
                        handler.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    if !*ready {
        return html! {};
    }
    html! {
        <div class="notice notice--update" role="status" data-testid="update-banner">
            <span>{ i18n.t(Text::UpdateReady) }</span>
            <button type="button" class="button" onclick={Callback::from(|_| apply_update())} data-testid="update-reload">
                { i18n.t(Text::UpdateReload) }
            </button>
        </div>
    }
}

//! A workshop test's result code, for the agent to send to the trainer: shown as text that can
//! be selected, with buttons to copy it, save it as a file and open the phone's share sheet,
//! and as a QR code (drawn on the install page, `pasang.html#qr=CODE`: the QR encoder lives in
//! that second module, so the agents' app does not carry it).

use yew::prelude::*;

use crate::context::use_i18n;
use crate::i18n::Text;
use crate::platform::download::download;
use crate::platform::share::{can_share, copy_text, share_text};

/// Props of [`ResultCode`].
#[derive(Properties, PartialEq)]
pub struct ResultCodeProps {
    /// The code (`LATIH-...`).
    pub code: AttrValue,
}

/// The result code panel.
#[function_component]
pub fn ResultCode(props: &ResultCodeProps) -> Html {
    let i18n = use_i18n();
    let status = use_state(|| None::<Text>);
    let copy = {
        let (code, status) = (props.code.clone(), status.clone());
        Callback::from(move |_| {
            let (code, status) = (code.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let ok = copy_text(&code).await;
                status.set(Some(if ok {
                    Text::CodeCopied
                } else {
                    Text::CodeCopyFailed
                }));
            });
        })
    };
    let share = {
        let (code, title) = (props.code.clone(), i18n.t(Text::CodeShareTitle));
        Callback::from(move |_| {
            let code = code.clone();
            wasm_bindgen_futures::spawn_local(async move {
                share_text(title, &code).await;
            });
        })
    };
    let save = {
        let code = props.code.clone();
        Callback::from(move |_| {
            download("latih-kode-hasil.txt", "text/plain", &format!("{code}\n"));
        })
    };
    html! {
        <section class="card result-code" data-testid="result-code">
            <h2>{ i18n.t(Text::CodeTitle) }</h2>
            <p>{ i18n.t(Text::CodeHelp) }</p>
            <p class="result-code__text" data-testid="result-code-text" tabindex="0">{ props.code.clone() }</p>
            <div class="actions">
                <button type="button" class="button" onclick={copy} data-testid="copy-code">{ i18n.t(Text::CodeCopy) }</button>
                <button type="button" class="button button--secondary" onclick={save} data-testid="save-code">{ i18n.t(Text::CodeSave) }</button>
                if can_share() {
                    <button type="button" class="button button--secondary" onclick={share} data-testid="share-code">{ i18n.t(Text::CodeShare) }</button>
                }
            </div>
            <a class="button button--secondary" href={format!("{}#qr={}", crate::engine::workshop::INSTALL_PAGE, props.code)}
                data-testid="show-qr">{ i18n.t(Text::CodeShowQr) }</a>
            if let Some(s) = *status {
                <p class="hint" role="status">{ i18n.t(s) }</p>
            }
        </section>
    }
}

//! Sharing a workshop that uses scenarios of the trainer's own: the workshop file for the
//! agents' WhatsApp group, and, when the package is small enough, a link that carries it
//! compressed. Either installs the scenarios on a phone that never saw them.

use yew::prelude::*;

use crate::context::use_i18n;
use crate::engine::workshop::{install_link, MAX_LINK_CHARS};
use crate::i18n::{t_with, Text, TrainerText};
use crate::platform::download::download;
use crate::platform::share::copy_text;

/// Props of [`PackageShare`].
#[derive(Properties, PartialEq)]
pub struct PackageShareProps {
    /// The workshop's id (names the file).
    pub id: AttrValue,
    /// The package's text.
    pub package: AttrValue,
}

/// What the link came to, once compressed.
#[derive(Clone, PartialEq)]
enum Link {
    Working,
    /// The link.
    Fits(String),
    /// Too long for a chat message: how long it would be.
    TooLong(usize),
    /// The browser cannot compress.
    Unavailable,
}

/// The file and the install link of a workshop's package.
#[function_component]
pub fn PackageShare(props: &PackageShareProps) -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let link = use_state(|| Link::Working);
    let copied = use_state(|| false);
    {
        let link = link.clone();
        use_effect_with(props.package.clone(), move |text| {
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                link.set(
                    match crate::platform::compress::deflate_raw(text.as_bytes()).await {
                        Some(deflated) => {
                            let page = crate::platform::page::address();
                            match install_link(&page, &deflated) {
                                Some(l) => Link::Fits(l),
                                None => Link::TooLong(deflated.len().div_ceil(3) * 4),
                            }
                        }
                        None => Link::Unavailable,
                    },
                );
            });
        });
    }
    let download_file = {
        let (id, text) = (props.id.clone(), props.package.clone());
        Callback::from(move |_| {
            download(
                &format!("lokakarya-{id}.latih.json"),
                "application/json",
                &text,
            );
        })
    };
    let kb = format!("{:.0}", props.package.len() as f64 / 1000.0);
    html! {
        <section class="card no-print" data-testid="package-share">
            <h2>{ i18n.t(TrainerText::PackageTitle) }</h2>
            <p>{ i18n.t(TrainerText::PackageHelp) }</p>
            <div class="actions">
                <button type="button" class="button" onclick={download_file} data-testid="package-download">
                    { t_with(lang, TrainerText::PackageDownload, &[("kb", &kb)]) }
                </button>
            </div>
            { match &*link {
                Link::Working => html! { <p class="loading" aria-busy="true">{ i18n.t(Text::Loading) }</p> },
                Link::Fits(l) => {
                    let copy = {
                        let (l, copied) = (l.clone(), copied.clone());
                        Callback::from(move |_| {
                            let (l, copied) = (l.clone(), copied.clone());
                            wasm_bindgen_futures::spawn_local(async move { copied.set(copy_text(&l).await) });
                        })
                    };
                    html! {
                        <>
                            <p>{ t_with(lang, TrainerText::PackageLink, &[("chars", &l.len().to_string())]) }</p>
                            // Thousands of characters: copied or opened, not shown.
                            <div class="actions">
                                <button type="button" class="button button--secondary" onclick={copy} data-testid="copy-package-link">{ i18n.t(TrainerText::CopyLink) }</button>
                                <a class="button button--secondary" href={l.clone()} target="_blank" rel="noopener" data-testid="package-link">{ i18n.t(TrainerText::OpenLink) }</a>
                            </div>
                            if *copied { <p class="hint" role="status">{ i18n.t(Text::CodeCopied) }</p> }
                        </>
                    }
                }
                Link::TooLong(chars) => html! {
                    <p class="hint" data-testid="package-too-long">{ t_with(lang, TrainerText::PackageTooLong, &[("chars", &chars.to_string()), ("max", &MAX_LINK_CHARS.to_string())]) }</p>
                },
                Link::Unavailable => html! {},
            } }
        </section>
    }
}

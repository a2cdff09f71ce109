//! The install page: where a package comes from (link, file, share, launch), what it holds,
//! and the button that installs it and goes on to join the workshop.

use std::rc::Rc;

use yew::prelude::*;

use super::{install, plan, update_stale, Change, Here, Plan};
use crate::components::lang_switch::LangSwitch;
use crate::components::notice::{Notice, Tone};
use crate::context::{use_i18n, use_store};
use crate::engine::workshop::{link_payload, PackageError, ScenarioRef, MAX_PACKAGE_BYTES};
use crate::engine::Localized;
use crate::i18n::{t_with, InstallText, Text};
use crate::loader::{use_index, Loadable};
use crate::pages::date_text;
use crate::platform::files::{dropped_files, read_texts, File, FileText};
use crate::platform::form::take_files;
use crate::platform::storage::Store;
use crate::router::History;
use crate::shell::Shell;

/// Where the agents' app is, from the install page (they share a folder).
const APP: &str = "./";
/// Where the service worker puts a file shared to the app (the manifest's `share_target`).
const INBOX: &str = "latih-inbox";

/// The install page as the browser runs it. With `#qr=CODE` it shows a result code as a QR
/// code instead (the agents' app links here, so it does not carry the QR encoder).
#[function_component]
pub fn InstallApp() -> Html {
    crate::loader::list_installed();
    let store = use_memo((), |_| Store::browser());
    let qr = use_memo((), |_| {
        crate::platform::page::hash()
            .strip_prefix("qr=")
            .map(|c| AttrValue::from(c.to_owned()))
    });
    let header = html! { <InstallHeader /> };
    // The fragment carries the package, not a route: the router keeps its address in memory.
    html! {
        <Shell store={(*store).clone()} history={History::Memory("/".into())} {header}>
            if let Some(code) = (*qr).clone() {
                <QrView {code} />
            } else {
                <InstallPage />
            }
        </Shell>
    }
}

/// Props of [`QrView`].
#[derive(Properties, PartialEq)]
struct QrViewProps {
    code: AttrValue,
}

/// A result code as a QR code, large, for the trainer to scan; back to the debrief.
#[function_component]
fn QrView(props: &QrViewProps) -> Html {
    let i18n = use_i18n();
    let back = Callback::from(|_| crate::platform::page::back());
    html! {
        <div class="page page--narrow qr-page">
            <h1>{ i18n.t(Text::CodeTitle) }</h1>
            <crate::components::qr::Qr text={props.code.clone()} label={i18n.t(Text::CodeTitle)} />
            <p class="result-code__text">{ props.code.clone() }</p>
            <button type="button" class="button" onclick={back} data-testid="qr-back">{ i18n.t(InstallText::Back) }</button>
        </div>
    }
}

#[function_component]
fn InstallHeader() -> Html {
    let i18n = use_i18n();
    html! {
        <header class="header">
            <div class="header__inner">
                <a href={APP} class="brand">
                    <span class="brand__mark" aria-hidden="true">{ "L" }</span>
                    <span class="brand__text">
                        <span class="brand__name">{ i18n.t(Text::AppName) }</span>
                        <span class="brand__tagline">{ i18n.t(Text::AppTagline) }</span>
                    </span>
                </a>
                <LangSwitch lang={i18n.lang} on_change={i18n.set_lang.clone()} />
            </div>
        </header>
    }
}

/// Where the page is.
#[derive(Clone, PartialEq)]
enum Stage {
    /// Waiting for a file.
    Idle,
    /// Reading or expanding what came.
    Reading,
    /// Checked: what it holds, and the install button.
    Checked(Rc<Plan>),
    /// Refused, with the reason; nothing stored.
    Refused(Localized),
    /// A link that is cut short or damaged.
    LinkBroken,
    /// The file could not be read at all.
    Unreadable,
    /// Storage refused the record.
    Full,
    /// Installed workshops compiled again after an update: how many, and which could not be.
    Updated(usize, Vec<(String, Localized)>),
}

/// What the page does with a package's text.
fn check(text: &str, here: &[ScenarioRef], store: &Store) -> Stage {
    match plan(text, here, store) {
        Ok(p) => Stage::Checked(Rc::new(p)),
        Err(e) => Stage::Refused(e.message()),
    }
}

/// What the page does with picked, dropped, shared or launched files (the first one).
fn take(files: Vec<File>, here: Rc<Here>, store: Store, stage: UseStateHandle<Stage>) {
    if files.is_empty() {
        return;
    }
    stage.set(Stage::Reading);
    read_texts(
        files.into_iter().take(1).collect(),
        MAX_PACKAGE_BYTES,
        move |read| {
            stage.set(match read.into_iter().next() {
                Some(FileText::Text(text)) => check(&text, &here, &store),
                Some(FileText::TooLarge(size)) => {
                    Stage::Refused(PackageError::TooLarge(size).message())
                }
                _ => Stage::Unreadable,
            });
        },
    );
}

#[function_component]
fn InstallPage() -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let store = use_store();
    let index = use_index();
    let stage = use_state(|| Stage::Idle);
    let here: Option<Rc<Here>> = match &index {
        Loadable::Ready(all) => Some(Rc::new(
            all.iter()
                .map(|s| ScenarioRef {
                    id: s.id.clone(),
                    version: s.version,
                })
                .collect(),
        )),
        _ => None,
    };

    // What the address brought: a package in the link, a shared file, or "update".
    {
        let (stage, store, here) = (stage.clone(), store.clone(), here.clone());
        use_effect_with(here.is_some(), move |ready| {
            if let (true, Some(here)) = (*ready, here) {
                let fragment = format!("#{}", crate::platform::page::hash());
                crate::platform::files::on_launch({
                    let (here, store, stage) = (here.clone(), store.clone(), stage.clone());
                    move |files| take(files, here.clone(), store.clone(), stage.clone())
                });
                if fragment == "#ulang" {
                    let (n, failed) = update_stale(&store, &here);
                    stage.set(Stage::Updated(n, failed));
                } else if fragment == "#kotak" {
                    stage.set(Stage::Reading);
                    wasm_bindgen_futures::spawn_local(async move {
                        let bytes = crate::platform::fetch::fetch_bytes(INBOX).await;
                        stage.set(match bytes.ok().and_then(|b| String::from_utf8(b).ok()) {
                            Some(text) => check(&text, &here, &store),
                            None => Stage::Unreadable,
                        });
                    });
                } else if fragment.starts_with(crate::engine::workshop::LINK_FRAGMENT) {
                    stage.set(Stage::Reading);
                    wasm_bindgen_futures::spawn_local(async move {
                        let text = match link_payload(&fragment) {
                            Some(deflated) => {
                                crate::platform::compress::inflate_raw(&deflated, MAX_PACKAGE_BYTES)
                                    .await
                                    .and_then(|b| String::from_utf8(b).ok())
                            }
                            None => None,
                        };
                        stage.set(match text {
                            Some(text) => check(&text, &here, &store),
                            None => Stage::LinkBroken,
                        });
                    });
                }
            }
        });
    }

    let body = match (&index, here) {
        (Loadable::Loading, _) | (_, None) if !matches!(index, Loadable::Failed(_)) => {
            html! { <p class="loading" aria-busy="true">{ i18n.t(Text::Loading) }</p> }
        }
        (Loadable::Failed(_), _) | (_, None) => {
            html! { <Notice tone={Tone::Warning} urgent=true testid="install-offline">{ i18n.t(InstallText::Offline) }</Notice> }
        }
        (_, Some(here)) => {
            let on_pick = {
                let (here, store, stage) = (here.clone(), store.clone(), stage.clone());
                Callback::from(move |e: Event| {
                    take(take_files(&e), here.clone(), store.clone(), stage.clone())
                })
            };
            let on_drop = {
                let (here, store, stage) = (here.clone(), store.clone(), stage.clone());
                Callback::from(move |e: DragEvent| {
                    e.prevent_default();
                    take(
                        dropped_files(&e),
                        here.clone(),
                        store.clone(),
                        stage.clone(),
                    )
                })
            };
            let picker = html! {
                <div class="dropzone" ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop}>
                    <label class="button file-button">
                        { i18n.t(InstallText::Pick) }
                        <input type="file" accept=".json,.latih,application/json" onchange={on_pick} data-testid="install-file" />
                    </label>
                    <p class="hint">{ i18n.t(InstallText::Drop) }</p>
                </div>
            };
            let refused = |why: Html| {
                html! {
                    <>
                        <Notice tone={Tone::Warning} urgent=true testid="install-refused">{ why }</Notice>
                        <p>{ i18n.t(InstallText::NothingStored) }</p>
                        { picker.clone() }
                    </>
                }
            };
            match &*stage {
                Stage::Idle => picker,
                Stage::Reading => {
                    html! { <p class="loading" aria-busy="true" data-testid="install-reading">{ i18n.t(InstallText::Reading) }</p> }
                }
                Stage::Refused(why) => refused(html! {
                    { t_with(lang, InstallText::Refused, &[("reason", why.get(lang))]) }
                }),
                Stage::LinkBroken => refused(html! { { i18n.t(InstallText::LinkBroken) } }),
                Stage::Unreadable => refused(html! { { i18n.t(InstallText::Unreadable) } }),
                Stage::Full => refused(html! { { i18n.t(InstallText::Full) } }),
                Stage::Updated(n, failed) => html! {
                    <>
                        <Notice tone={Tone::Info} testid="install-updated">{ t_with(lang, InstallText::Updated, &[("count", &n.to_string())]) }</Notice>
                        { for failed.iter().map(|(name, why)| html! {
                            <Notice tone={Tone::Warning}>{ t_with(lang, InstallText::UpdateFailed, &[("workshop", name), ("reason", why.get(lang))]) }</Notice>
                        }) }
                        <a class="button" href={format!("{APP}#/latihan")}>{ i18n.t(InstallText::ToLibrary) }</a>
                    </>
                },
                Stage::Checked(p) => checked(&i18n, p, &store, &stage),
            }
        }
    };

    html! {
        <div class="page page--narrow install">
            <h1>{ i18n.t(InstallText::Title) }</h1>
            <p class="lead">{ i18n.t(InstallText::Lead) }</p>
            { body }
        </div>
    }
}

/// A checked package: the workshop, its scenarios and what installing does to each.
fn checked(
    i18n: &crate::context::I18n,
    p: &Rc<Plan>,
    store: &Store,
    stage: &UseStateHandle<Stage>,
) -> Html {
    let lang = i18n.lang;
    let w = &p.package.workshop;
    let submit = {
        let (p, store, stage) = (p.clone(), store.clone(), stage.clone());
        Callback::from(move |_| match install(&store, &p) {
            Ok(code) => crate::platform::page::open(&format!("{APP}#/w/{code}")),
            Err(_) => stage.set(Stage::Full),
        })
    };
    let again = {
        let stage = stage.clone();
        Callback::from(move |_| stage.set(Stage::Idle))
    };
    html! {
        <section class="card" data-testid="install-checked">
            <h2 data-testid="install-workshop">{ w.name.clone() }</h2>
            <p>{ format!("{} · {}", date_text(lang, w.date), w.place) }</p>
            <p>{ t_with(lang, InstallText::Contains, &[("count", &p.changes.len().to_string())]) }</p>
            <ul class="install__list" data-testid="install-scenarios">
                { for p.changes.iter().map(|(title, change)| {
                    let note = match change {
                        Change::New => Some(i18n.t(InstallText::NewScenario).to_owned()),
                        Change::Replaces(v) => Some(t_with(lang, InstallText::Replaces, &[("old", &v.to_string())])),
                        Change::KeptForRun(v) => Some(t_with(lang, InstallText::KeptForRun, &[("old", &v.to_string())])),
                        Change::Same => None,
                    };
                    html! {
                        <li>
                            { title.get(lang).to_owned() }
                            if let Some(note) = note { <span class="chip">{ note }</span> }
                        </li>
                    }
                }) }
            </ul>
            <div class="actions">
                <button type="button" class="button" onclick={submit} data-testid="install-submit">{ i18n.t(InstallText::Submit) }</button>
                <button type="button" class="button button--secondary" onclick={again}>{ i18n.t(InstallText::Again) }</button>
            </div>
        </section>
    }
}

//! The trainer's app (`pelatih.html`): set up workshops, share them with the agents, import the
//! agents' result codes (verified by replaying them), and follow the monev dashboard, awards,
//! certificates and exports. It is a separate wasm module from the agents' app, so phones never
//! download it, and it shares the engine, storage, translations and language switch.

pub mod editor;
pub mod library;
pub mod lrs;
pub mod storage;
pub mod workshops;

use yew::prelude::*;

use crate::components::lang_switch::LangSwitch;
use crate::context::use_i18n;
use crate::i18n::{Text, TrainerText};
use crate::platform::storage::Store;
use crate::router::{use_navigator, History};
use crate::shell::Shell;

/// The trainer's pages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrainerRoute {
    /// Every workshop on this device (`#/`).
    Workshops,
    /// Setting up a new workshop (`#/baru`).
    New,
    /// One workshop: sharing, importing results, the dashboard and exports (`#/w/ID`).
    Workshop {
        /// The workshop's id.
        id: String,
    },
    /// The certificates of a workshop, for printing (`#/w/ID/sertifikat`).
    Certificates {
        /// The workshop's id.
        id: String,
    },
    /// The trainer's scenarios and the bundled ones (`#/skenario`).
    Scenarios,
    /// One of the trainer's scenarios: problems and graph (`#/skenario/UID`).
    Scenario {
        /// This device's id for it.
        uid: String,
    },
    /// The branch: where results are sent, and the monev of every workshop read back from the
    /// learning record store (`#/cabang`).
    Branch,
    /// Any other address.
    NotFound,
}

impl TrainerRoute {
    /// The route for a path.
    pub fn parse(path: &str) -> TrainerRoute {
        let path = path.split(['?', '#']).next().unwrap_or("");
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => TrainerRoute::Workshops,
            ["baru"] => TrainerRoute::New,
            ["w", id] => TrainerRoute::Workshop {
                id: (*id).to_owned(),
            },
            ["w", id, "sertifikat"] => TrainerRoute::Certificates {
                id: (*id).to_owned(),
            },
            ["skenario"] => TrainerRoute::Scenarios,
            ["cabang"] => TrainerRoute::Branch,
            ["skenario", uid] => TrainerRoute::Scenario {
                uid: (*uid).to_owned(),
            },
            _ => TrainerRoute::NotFound,
        }
    }

    /// The path of this route. Workshop ids are base32, so they need no escaping.
    pub fn path(&self) -> String {
        match self {
            TrainerRoute::Workshops => "/".into(),
            TrainerRoute::New => "/baru".into(),
            TrainerRoute::Workshop { id } => format!("/w/{id}"),
            TrainerRoute::Certificates { id } => format!("/w/{id}/sertifikat"),
            TrainerRoute::Scenarios => "/skenario".into(),
            TrainerRoute::Scenario { uid } => format!("/skenario/{uid}"),
            TrainerRoute::Branch => "/cabang".into(),
            TrainerRoute::NotFound => "/404".into(),
        }
    }

    /// The link target (`#/...`).
    pub fn href(&self) -> String {
        format!("#{}", self.path())
    }
}

/// Props of [`TrainerRoot`].
#[derive(Properties, PartialEq)]
pub struct TrainerRootProps {
    /// Where data is kept.
    pub store: Store,
    /// Where the address lives.
    pub history: History,
}

/// The trainer's app, given its storage and history.
#[function_component]
pub fn TrainerRoot(props: &TrainerRootProps) -> Html {
    html! {
        <Shell store={props.store.clone()} history={props.history.clone()} class="app--trainer" header={html! { <TrainerHeader /> }}>
            <lrs::sender::LrsProvider><TrainerPages /></lrs::sender::LrsProvider>
        </Shell>
    }
}

#[function_component]
fn TrainerPages() -> Html {
    let navigator = use_navigator();
    match TrainerRoute::parse(&navigator.path) {
        TrainerRoute::Workshops => html! { <workshops::list::WorkshopList /> },
        TrainerRoute::New => html! { <workshops::new::NewWorkshop /> },
        TrainerRoute::Workshop { id } => {
            html! { <workshops::detail::WorkshopDetail key={id.as_str()} id={id.clone()} /> }
        }
        TrainerRoute::Certificates { id } => {
            html! { <workshops::certificates::Certificates key={id.as_str()} id={id.clone()} /> }
        }
        TrainerRoute::Scenarios => html! { <library::ScenarioLibrary /> },
        TrainerRoute::Scenario { uid } => {
            html! { <editor::ScenarioView key={uid.as_str()} uid={uid.clone()} /> }
        }
        TrainerRoute::Branch => html! { <lrs::page::BranchPage /> },
        TrainerRoute::NotFound => html! { <crate::pages::not_found::NotFound /> },
    }
}

/// A table that may be wider than the page, in a box that scrolls sideways: the box is a
/// named region in the tab order, so it can be scrolled with the keyboard too (WCAG 2.1.1).
pub(crate) fn table_wrap(name: &str, table: Html) -> Html {
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={name.to_owned()}>{ table }</div>
    }
}

#[function_component]
fn TrainerHeader() -> Html {
    let i18n = use_i18n();
    html! {
        <header class="header no-print">
            <div class="header__inner">
                <a href={TrainerRoute::Workshops.href()} class="brand">
                    <span class="brand__mark" aria-hidden="true">{ "L" }</span>
                    <span class="brand__text">
                        <span class="brand__name">{ i18n.t(Text::AppName) }</span>
                        <span class="brand__tagline">{ i18n.t(TrainerText::Tagline) }</span>
                    </span>
                </a>
                <nav class="nav" aria-label={i18n.t(Text::NavLabel)}>
                    <a class="nav__link" href={TrainerRoute::Workshops.href()}>{ i18n.t(TrainerText::Workshops) }</a>
                    <a class="nav__link" href={TrainerRoute::Scenarios.href()} data-testid="to-scenarios">{ i18n.t(TrainerText::ScenarioLibraryTitle) }</a>
                    <a class="nav__link" href={TrainerRoute::Branch.href()} data-testid="to-branch">{ i18n.t(TrainerText::Branch) }</a>
                    <a class="nav__link" href="./" data-testid="to-agent-app">{ i18n.t(TrainerText::AgentApp) }</a>
                </nav>
                <LangSwitch lang={i18n.lang} on_change={i18n.set_lang.clone()} />
            </div>
        </header>
    }
}

/// The trainer's app as the browser runs it.
#[function_component]
pub fn TrainerApp() -> Html {
    let store = use_memo((), |_| Store::browser());
    use_effect_with((), |_| {
        #[cfg(target_arch = "wasm32")]
        wasm_bindgen_futures::spawn_local(async {
            let _ = crate::platform::device::request_persistence().await;
        });
    });
    html! { <TrainerRoot store={(*store).clone()} history={History::Browser} /> }
}

/// Mounts [`TrainerApp`] into `#app` of pelatih.html.
pub fn mount() {
    crate::shell::mount_into_page::<TrainerApp>();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip() {
        for route in [
            TrainerRoute::Workshops,
            TrainerRoute::New,
            TrainerRoute::Workshop {
                id: "ABC12345".into(),
            },
            TrainerRoute::Certificates {
                id: "ABC12345".into(),
            },
            TrainerRoute::Branch,
        ] {
            assert_eq!(TrainerRoute::parse(&route.path()), route);
        }
        assert_eq!(TrainerRoute::parse("/w"), TrainerRoute::NotFound);
    }
}

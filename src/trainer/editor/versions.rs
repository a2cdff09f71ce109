//! The editor's earlier versions of the scenario: read only when asked for (each can be
//! megabytes), each restorable as one step of undo.

use std::rc::Rc;

use yew::prelude::*;

use crate::context::{use_i18n, use_store};
use crate::engine::Scenario;
use crate::i18n::{t_with, TrainerText};
use crate::trainer::storage::scenarios::{read_stored, ScenarioStore};

/// Props of [`Versions`].
#[derive(Properties, PartialEq)]
pub(super) struct VersionsProps {
    /// The scenario's local id.
    pub(super) uid: AttrValue,
    /// Saves what is unsaved, so the list is up to date.
    pub(super) flush: Callback<()>,
    /// Called with the version the trainer restores.
    pub(super) on_restore: Callback<Rc<Scenario>>,
}

/// A button that lists the earlier versions, then a button per version.
#[function_component]
pub(super) fn Versions(props: &VersionsProps) -> Html {
    let i18n = use_i18n();
    let store = ScenarioStore::new(use_store());
    let versions = use_state(|| None::<Vec<String>>);
    let show = {
        let (versions, uid, flush) = (versions.clone(), props.uid.clone(), props.flush.clone());
        Callback::from(move |_: MouseEvent| {
            flush.emit(());
            versions.set(Some(store.versions(&uid)));
        })
    };
    let restore = |text: String| {
        let (versions, on_restore) = (versions.clone(), props.on_restore.clone());
        Callback::from(move |_: MouseEvent| {
            versions.set(None);
            if let Ok(s) = read_stored(&text) {
                on_restore.emit(Rc::new(s));
            }
        })
    };
    html! {
        <section class="card">
            <h3>{ i18n.t(TrainerText::Versions) }</h3>
            { match &*versions {
                None => html! {
                    <button type="button" class="button button--secondary" onclick={show} data-testid="show-versions">{ i18n.t(TrainerText::ShowVersions) }</button>
                },
                Some(list) if list.is_empty() => html! { <p class="hint" data-testid="versions">{ i18n.t(TrainerText::NoVersions) }</p> },
                Some(list) => html! {
                    <ul class="versions" data-testid="versions">
                        { for list.iter().enumerate().map(|(n, text)| html! {
                            <li><button type="button" class="button button--secondary" onclick={restore(text.clone())} data-testid="restore-version">
                                { t_with(i18n.lang, TrainerText::VersionRestore, &[("n", &(n + 1).to_string())]) }
                            </button></li>
                        }) }
                    </ul>
                },
            } }
        </section>
    }
}

//! What the library says after an import or an action: a scenario imported (with what was
//! repaired and how many problems it has), a file refused and where, or an action's outcome.

use yew::prelude::*;

use crate::components::notice::{Notice, Tone};
use crate::context::use_i18n;
use crate::engine::Localized;
use crate::i18n::{t_with, TrainerText};

/// What the last import or action said.
#[derive(Clone, PartialEq)]
pub(super) enum Status {
    Imported {
        title: Localized,
        repairs: Vec<Localized>,
        errors: usize,
        warnings: usize,
    },
    Refused {
        message: Localized,
        position: Option<(usize, usize)>,
    },
    Done(TrainerText),
    Restored(crate::trainer::storage::library_backup::Restored),
    /// The file is a scenario already in the library, exactly: nothing was added.
    AlreadyThere(Localized),
    /// A bundled scenario to copy could not be loaded.
    LoadFailed(crate::loader::LoadError),
}

/// Props of [`StatusNotice`].
#[derive(Properties, PartialEq)]
pub(super) struct StatusNoticeProps {
    /// What to say (nothing: no notice).
    pub(super) status: Option<Status>,
}

/// The notice under the drop zone.
#[function_component]
pub(super) fn StatusNotice(props: &StatusNoticeProps) -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang;
    match props.status.clone() {
        None => html! {},
        Some(Status::Imported {
            title,
            repairs,
            errors,
            warnings,
        }) => html! {
            <Notice tone={Tone::Info} testid="import-ok">
                <p>{ t_with(i18n.lang, TrainerText::ScenarioImported, &[("title", title.get(lang)), ("errors", &errors.to_string()), ("warnings", &warnings.to_string())]) }</p>
                if !repairs.is_empty() {
                    <p>{ i18n.t(TrainerText::ScenarioRepairs) }</p>
                    <ul>{ for repairs.iter().map(|r| html! { <li>{ r.get(lang).to_owned() }</li> }) }</ul>
                }
            </Notice>
        },
        Some(Status::Refused { message, position }) => html! {
            <Notice tone={Tone::Warning} urgent=true testid="import-refused">
                <p><strong>{ i18n.t(TrainerText::ScenarioRefused) }</strong></p>
                <p>{ message.get(lang).to_owned() }</p>
                if let Some((line, column)) = position {
                    <p data-testid="import-position">{ t_with(i18n.lang, TrainerText::ScenarioPosition, &[("line", &line.to_string()), ("column", &column.to_string())]) }</p>
                }
            </Notice>
        },
        Some(Status::AlreadyThere(title)) => html! {
            <Notice tone={Tone::Info} testid="import-already">
                { t_with(i18n.lang, TrainerText::ScenarioAlreadyThere, &[("title", title.get(lang))]) }
            </Notice>
        },
        Some(Status::Restored(done)) => html! {
            <Notice tone={Tone::Info} testid="library-restored">
                { t_with(i18n.lang, TrainerText::LibraryRestored, &[("added", &done.added.to_string()), ("unchanged", &done.unchanged.to_string())]) }
            </Notice>
        },
        Some(Status::LoadFailed(e)) => crate::pages::load_failed(&i18n, &e),
        Some(Status::Done(text)) => {
            html! { <Notice tone={Tone::Info} testid="scenario-status">{ i18n.t(text) }</Notice> }
        }
    }
}

//! Every workshop on this device, and restoring one from a backup file.

use yew::prelude::*;

use super::read_files;
use crate::components::notice::{Notice, Tone};
use crate::context::{use_i18n, use_store};
use crate::i18n::{t_with, Text, TrainerText};
use crate::pages::date_text;
use crate::trainer::storage::workshops::{read_backup, RestoreError, WorkshopStore};
use crate::trainer::TrainerRoute;

/// Every workshop on this device.
#[function_component]
pub fn WorkshopList() -> Html {
    let i18n = use_i18n();
    let store = WorkshopStore::new(use_store());
    crate::platform::events::use_refresh_on_storage(
        crate::trainer::storage::workshops::is_workshop_key,
    );
    let version = use_state(|| 0u32);
    let status = use_state(|| None::<TrainerText>);
    let all = store.all();
    let on_restore = {
        let (store, status, version) = (store.clone(), status.clone(), version.clone());
        Callback::from(move |e: Event| {
            let (store, status, version) = (store.clone(), status.clone(), version.clone());
            read_files(&e, move |text, _| {
                status.set(Some(match read_backup(text.trim()) {
                    Ok(saved) => match store.save(saved) {
                        Ok(crate::trainer::storage::workshops::Added::Beside(_)) => {
                            TrainerText::RestoredBeside
                        }
                        Ok(_) => TrainerText::Restored,
                        Err(_) => TrainerText::NotSaved,
                    },
                    Err(RestoreError::TooNew) => TrainerText::BackupTooNew,
                    Err(RestoreError::Store(_)) => TrainerText::NotSaved,
                    Err(RestoreError::NotABackup | RestoreError::Empty) => TrainerText::NotABackup,
                }));
                version.set(*version + 1);
            });
        })
    };
    html! {
        <div class="page">
            <h1>{ i18n.t(TrainerText::Workshops) }</h1>
            <p class="lead">{ i18n.t(TrainerText::Intro) }</p>
            <div class="actions">
                <a class="button" href={TrainerRoute::New.href()} data-testid="new-workshop">{ i18n.t(TrainerText::New) }</a>
                <label class="button button--secondary file-button">
                    { i18n.t(TrainerText::Restore) }
                    <input type="file" accept=".json,application/json" onchange={on_restore} data-testid="restore-workshop" />
                </label>
            </div>
            if let Some(s) = *status {
                <Notice tone={Tone::Info} testid="restore-status">{ i18n.t(s) }</Notice>
            }
            { match all {
                Ok(list) if list.is_empty() => html! { <p data-testid="no-workshops">{ i18n.t(TrainerText::NoWorkshops) }</p> },
                Ok(list) => html! {
                    <ul class="workshop-list">
                        { for list.iter().filter_map(|saved| Some((saved, saved.workshop()?, saved.key()?))).map(|(saved, w, key)| html! {
                            <li class="card workshop-list__item">
                                <a href={TrainerRoute::Workshop { id: key.clone() }.href()} data-testid={format!("workshop-{key}")}>
                                    <strong>{ w.name.clone() }</strong>
                                </a>
                                if saved.local_id.is_some() {
                                    <p class="hint" data-testid="kept-beside">{ i18n.t(TrainerText::KeptBeside) }</p>
                                }
                                <p>{ format!("{} · {}", date_text(i18n.lang, w.date), w.place) }</p>
                                <p class="hint">{ t_with(i18n.lang, TrainerText::ResultCount, &[("count", &saved.results.len().to_string())]) }</p>
                            </li>
                        }) }
                    </ul>
                },
                // Shown at the top of the page until dismissed.
                Err(crate::practice::ReadError::SetAside(_)) => html! {},
                Err(crate::practice::ReadError::Store(_)) => html! { <Notice tone={Tone::Warning} urgent=true>{ i18n.t(Text::StorageUnavailable) }</Notice> },
            } }
        </div>
    }
}

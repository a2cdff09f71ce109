//! The trainer's scenario library: the bundled pack, to copy, and the trainer's own, to open,
//! copy, export, delete and restore from the trash; importing files by picking or dropping
//! them; and the library backup.

mod status;

use std::rc::Rc;

use yew::prelude::*;

use crate::context::{use_i18n, use_store};
use crate::engine::export;
use crate::engine::Scenario;
use crate::engine::Severity;
use crate::i18n::{action_on, TrainerText};
use crate::loader::{use_index, Loadable};
use crate::pages::load_failed;
use crate::platform::clock::now_ms;
use crate::platform::download::download_text;
use crate::platform::files::{dropped_files, read_texts, File, FileText};
use crate::platform::form::take_files;
use crate::trainer::storage::scenarios::{copy_of, new_uid, read_file, ScenarioStore};
use crate::trainer::TrainerRoute;
use status::{Status, StatusNotice};

/// Reads picked or dropped scenario files; one over the import limit is refused by its size
/// alone, without reading it into the page.
fn import_scenario_files(
    files: Vec<File>,
    done: impl Fn(Result<String, crate::engine::ImportError>) + 'static,
) {
    read_texts(files, crate::engine::MAX_BYTES, move |read| {
        for file in read {
            match file {
                FileText::Text(text) => done(Ok(text)),
                FileText::TooLarge(size) => done(Err(crate::engine::too_large(size))),
                FileText::Unreadable => {}
            }
        }
    });
}

/// The trainer's scenario library.
#[function_component]
pub fn ScenarioLibrary() -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let app_store = use_store();
    let store = ScenarioStore::new(app_store.clone());
    // The bundled scenarios are listed from the pack's index; one is loaded when it is copied.
    let index = use_index();
    let navigator = crate::router::use_navigator();
    // Scenarios added, renamed or deleted in another tab show here at once.
    crate::platform::events::use_refresh_on_storage(|key| {
        key == crate::trainer::storage::scenarios::INDEX_KEY
    });
    let status = use_state(|| None::<Status>);
    let version = use_state(|| 0u32);
    let dragging = use_state(|| false);
    let entries = store.entries();
    let taken: Vec<String> = entries
        .as_ref()
        .map(|e| e.iter().map(|e| e.id.clone()).collect())
        .unwrap_or_default();

    let import_text = {
        let (store, status, version) = (store.clone(), status.clone(), version.clone());
        Rc::new(move |text: Result<String, crate::engine::ImportError>| {
            // The same file picked twice is one scenario, not two.
            let already = |s: &Scenario| {
                store.entries().ok().is_some_and(|all| {
                    all.into_iter().any(|e| {
                        e.deleted_ms.is_none()
                            && e.id == s.id
                            && store.load(&e.uid).as_ref() == Some(s)
                    })
                })
            };
            status.set(Some(match text.and_then(|text| read_file(&text)) {
                Ok(imported) if already(&imported.scenario) => {
                    Status::AlreadyThere(imported.scenario.meta.title.clone())
                }
                Ok(imported) => match store.add(&imported.scenario, new_uid(), now_ms()) {
                    Ok(_) => Status::Imported {
                        title: imported.scenario.meta.title.clone(),
                        repairs: imported.repairs.clone(),
                        errors: imported
                            .diagnostics
                            .iter()
                            .filter(|d| d.severity == Severity::Error)
                            .count(),
                        warnings: imported
                            .diagnostics
                            .iter()
                            .filter(|d| d.severity == Severity::Warning)
                            .count(),
                    },
                    Err(_) => Status::Done(TrainerText::ScenarioNotSaved),
                },
                Err(e) => Status::Refused {
                    message: e.message,
                    position: e.position,
                },
            }));
            version.set(*version + 1);
        })
    };
    let on_pick = {
        let import_text = import_text.clone();
        Callback::from(move |e: Event| {
            let files = take_files(&e);
            let import_text = import_text.clone();
            import_scenario_files(files, move |t| import_text(t));
        })
    };
    let on_drop = {
        let (import_text, dragging) = (import_text.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let files = dropped_files(&e);
            let import_text = import_text.clone();
            import_scenario_files(files, move |t| import_text(t));
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    // Runs a library action and says how it went (each action names its own failure).
    let act = |f: Rc<dyn Fn() -> Result<(), TrainerText>>, ok: TrainerText| {
        let (status, version) = (status.clone(), version.clone());
        Callback::from(move |_| {
            status.set(Some(Status::Done(
                f().map_or_else(|failed| failed, |()| ok),
            )));
            version.set(*version + 1);
        })
    };
    let not_saved = |_| TrainerText::ScenarioNotSaved;
    let copy = |id: String| {
        let (store, taken, status, version, app_store) = (
            store.clone(),
            taken.clone(),
            status.clone(),
            version.clone(),
            app_store.clone(),
        );
        Callback::from(move |_| {
            let (store, taken, status, version) = (
                store.clone(),
                taken.clone(),
                status.clone(),
                version.clone(),
            );
            crate::loader::with_scenario(id.clone(), app_store.clone(), move |loaded| {
                status.set(Some(match loaded {
                    Ok(s) => Status::Done(
                        store
                            .add(&copy_of(&s, &taken), new_uid(), now_ms())
                            .map_or(TrainerText::ScenarioNotSaved, |_| {
                                TrainerText::ScenarioCopied
                            }),
                    ),
                    Err(e) => Status::LoadFailed(e),
                }));
                version.set(*version + 1);
            });
        })
    };
    let create = {
        let (store, taken, status, navigator) = (
            store.clone(),
            taken.clone(),
            status.clone(),
            navigator.clone(),
        );
        Callback::from(move |_| {
            let id = std::iter::once("skenario-baru".to_owned())
                .chain((2..).map(|n| format!("skenario-baru-{n}")))
                .find(|id| !taken.contains(id))
                .unwrap_or_default();
            match store.add(&crate::engine::edit::new_scenario(id), new_uid(), now_ms()) {
                Ok(uid) => navigator.push_path(TrainerRoute::Scenario { uid }.path()),
                Err(_) => status.set(Some(Status::Done(TrainerText::ScenarioNotSaved))),
            }
        })
    };
    let download_backup = {
        let (store, status) = (store.clone(), status.clone());
        Callback::from(move |_| match store.backup() {
            Ok(text) => {
                download_text("latih-skenario-cadangan.json", &text);
            }
            Err(_) => status.set(Some(Status::Done(TrainerText::ScenarioNotSaved))),
        })
    };
    let on_restore = {
        let (store, status, version) = (store.clone(), status.clone(), version.clone());
        Callback::from(move |e: Event| {
            let files = take_files(&e);
            let (store, status, version) = (store.clone(), status.clone(), version.clone());
            read_texts(files, usize::MAX, move |read| {
                use crate::envelope::RestoreError;
                for file in read {
                    let FileText::Text(text) = file else { continue };
                    status.set(Some(match store.restore(&text, new_uid) {
                        Ok(done) => Status::Restored(done),
                        Err(RestoreError::Store(_)) => Status::Done(TrainerText::ScenarioNotSaved),
                        Err(RestoreError::TooNew) => Status::Done(TrainerText::BackupTooNew),
                        Err(RestoreError::NotABackup | RestoreError::Empty) => {
                            Status::Done(TrainerText::NotALibraryBackup)
                        }
                    }));
                    version.set(*version + 1);
                }
            });
        })
    };
    let export_uid = |uid: String| {
        let (store, status) = (store.clone(), status.clone());
        Callback::from(move |_| match store.load(&uid) {
            Some(imported) => {
                download_text(&format!("{}.json", imported.id), &export(&imported));
            }
            // Its page offers the stored text as a file.
            None => status.set(Some(Status::Done(TrainerText::ScenarioCannotRead))),
        })
    };
    let trash = |uid: String, deleted: Option<u64>, ok: TrainerText| {
        let store = store.clone();
        act(
            Rc::new(move || store.set_deleted(&uid, deleted).map_err(not_saved)),
            ok,
        )
    };
    let purge = |uid: String| {
        let store = store.clone();
        act(
            Rc::new(move || store.purge(&uid).map_err(not_saved)),
            TrainerText::ScenarioPurged,
        )
    };
    let copy_uid = |uid: String| {
        let (store, taken) = (store.clone(), taken.clone());
        act(
            Rc::new(move || match store.load(&uid) {
                Some(i) => store
                    .add(&copy_of(&i, &taken), new_uid(), now_ms())
                    .map(|_| ())
                    .map_err(not_saved),
                // Its page offers the stored text as a file.
                None => Err(TrainerText::ScenarioCannotRead),
            }),
            TrainerText::ScenarioCopied,
        )
    };

    let (live, trashed): (Vec<_>, Vec<_>) = match &entries {
        Ok(all) => all.iter().cloned().partition(|e| e.deleted_ms.is_none()),
        Err(_) => (Vec::new(), Vec::new()),
    };
    html! {
        <div class="page">
            <h1>{ i18n.t(TrainerText::ScenarioLibraryTitle) }</h1>
            <p class="lead">{ i18n.t(TrainerText::ScenariosIntro) }</p>
            <label class={classes!("dropzone", dragging.then_some("dropzone--over"))}
                ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave} data-testid="dropzone">
                <span>{ i18n.t(TrainerText::ScenarioDrop) }</span>
                <input type="file" accept=".json,application/json" multiple=true onchange={on_pick} data-testid="scenario-file" />
            </label>
            <StatusNotice status={(*status).clone()} />
            // Data set aside is announced at the top of the page until dismissed.
            <div class="actions">
                <button type="button" class="button" onclick={create} data-testid="new-scenario">{ i18n.t(TrainerText::NewScenario) }</button>
            </div>
            <h2>{ i18n.t(TrainerText::ScenariosOwn) }</h2>
            if live.is_empty() {
                <p data-testid="no-scenarios">{ i18n.t(TrainerText::ScenariosNone) }</p>
            }
            <ul class="workshop-list">
                { for live.iter().map(|e| { let named = |action| action_on(i18n.lang, action, e.title.get(lang)); html! {
                    <li class="card workshop-list__item" data-testid={format!("own-{}", e.id)}>
                        <a href={TrainerRoute::Scenario { uid: e.uid.clone() }.href()} data-testid="open-scenario"><strong>{ e.title.get(lang).to_owned() }</strong></a>
                        <p class="hint">{ e.id.clone() }</p>
                        <div class="actions">
                            <button type="button" class="button button--secondary" onclick={copy_uid(e.uid.clone())} data-testid="copy-own" aria-label={named(TrainerText::ScenarioCopy)}>{ i18n.t(TrainerText::ScenarioCopy) }</button>
                            <button type="button" class="button button--secondary" onclick={export_uid(e.uid.clone())} data-testid="export-scenario" aria-label={named(TrainerText::ScenarioExport)}>{ i18n.t(TrainerText::ScenarioExport) }</button>
                            <button type="button" class="button button--secondary" onclick={trash(e.uid.clone(), Some(now_ms()), TrainerText::ScenarioTrashed)} data-testid="delete-scenario" aria-label={named(TrainerText::ScenarioDelete)}>{ i18n.t(TrainerText::ScenarioDelete) }</button>
                        </div>
                    </li>
                } }) }
            </ul>
            <h2>{ i18n.t(TrainerText::ScenariosBundled) }</h2>
            { match &index {
                Loadable::Loading => html! { <p aria-busy="true">{ i18n.t(crate::i18n::Text::Loading) }</p> },
                Loadable::Failed(e) => load_failed(&i18n, e),
                Loadable::Ready(all) => html! {
                    <ul class="workshop-list">
                        { for all.iter().filter(|s| s.is_bundled()).map(|s| html! {
                            <li class="card workshop-list__item" data-testid={format!("bundled-{}", s.id)}>
                                <strong>{ s.title.get(lang).to_owned() }</strong>
                                <p class="hint">{ i18n.t(TrainerText::ScenarioReadOnly) }</p>
                                <button type="button" class="button button--secondary" onclick={copy(s.id.clone())} data-testid="copy-bundled"
                                    aria-label={action_on(i18n.lang, TrainerText::ScenarioCopy, s.title.get(lang))}>{ i18n.t(TrainerText::ScenarioCopy) }</button>
                            </li>
                        }) }
                    </ul>
                },
            } }
            // What follows waits for the index, so the list arriving never pushes it down the
            // page under the trainer's eyes (a layout shift).
            if !matches!(index, Loadable::Loading) {
                <section class="card" data-testid="library-backup">
                    <h2>{ i18n.t(TrainerText::LibraryBackupTitle) }</h2>
                    <p class="hint">{ i18n.t(TrainerText::LibraryBackupHelp) }</p>
                    <div class="actions">
                        <button type="button" class="button button--secondary" onclick={download_backup} data-testid="library-backup-download">{ i18n.t(TrainerText::LibraryBackupDownload) }</button>
                        <label class="button button--secondary file-button">
                            { i18n.t(TrainerText::LibraryRestore) }
                            <input type="file" accept=".json,application/json" onchange={on_restore} data-testid="library-restore" />
                        </label>
                    </div>
                </section>
                if !trashed.is_empty() {
                    <h2>{ i18n.t(TrainerText::ScenariosTrash) }</h2>
                    <ul class="workshop-list">
                        { for trashed.iter().map(|e| html! {
                            <li class="card workshop-list__item" data-testid={format!("trashed-{}", e.id)}>
                                <strong>{ e.title.get(lang).to_owned() }</strong>
                                <div class="actions">
                                    <button type="button" class="button button--secondary" onclick={trash(e.uid.clone(), None, TrainerText::ScenarioRestored)} data-testid="restore-scenario"
                                        aria-label={action_on(i18n.lang, TrainerText::ScenarioRestore, e.title.get(lang))}>{ i18n.t(TrainerText::ScenarioRestore) }</button>
                                    <button type="button" class="button button--secondary" onclick={purge(e.uid.clone())} data-testid="purge-scenario"
                                        aria-label={action_on(i18n.lang, TrainerText::ScenarioPurge, e.title.get(lang))}>{ i18n.t(TrainerText::ScenarioPurge) }</button>
                                </div>
                            </li>
                        }) }
                    </ul>
                }
            }
        </div>
    }
}

//! The trainer's scenarios: the library (the bundled pack, to copy, and the trainer's own, to
//! open, copy, export, delete and restore from the trash), importing files by picking or
//! dropping them, and one scenario's validation panel and conversation graph.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::storage::scenarios::{copy_of, read_file, ScenarioStore};
use super::TrainerRoute;
use crate::context::{use_i18n, use_store};
use crate::engine::graph::layout;
use crate::engine::import::export;
use crate::engine::scenario::{Localized, Scenario};
use crate::engine::validate::{validate, Diagnostic, Severity, Validator};
use crate::i18n::{action_on, t_with, Lang, TrainerText};
use crate::loader::{use_pack, Loadable};
use crate::pages::load_failed;
use crate::platform::clock::{now_ms, random_u64};
use crate::platform::download::download_text;

/// What the last import or action said.
#[derive(Clone, PartialEq)]
enum Status {
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
    Restored(super::storage::scenarios::Restored),
    /// The file is a scenario already in the library, exactly: nothing was added.
    AlreadyThere(Localized),
}

fn new_uid() -> String {
    crate::engine::code::to_base32(&random_u64().to_be_bytes()[2..])
}

/// The editor control (its `data-testid`, or the prefix of a bilingual pair's) that edits the
/// field a problem is about, so clicking the problem takes the trainer there.
pub fn field_control(path: &str) -> Option<String> {
    let mut parts = path.split('.');
    let first = parts.next()?;
    let second = parts.next();
    let index =
        |p: &str| -> Option<usize> { p.split_once('[')?.1.trim_end_matches(']').parse().ok() };
    let control = match (first, second) {
        ("meta", Some("estimated_minutes")) => "meta-minutes".to_owned(),
        ("meta", Some("pinned_date")) => "meta-pin-date".to_owned(),
        ("meta", Some(field)) => format!("meta-{}", field.replace('_', "-")),
        ("persona", Some("occupation_label")) => "persona-occupation".to_owned(),
        ("persona", Some("declared_income")) => "persona-income".to_owned(),
        ("persona", Some("decision_threshold")) => "persona-threshold".to_owned(),
        ("persona", Some(f)) if f.starts_with("hidden_facts[") => format!("fact-{}", index(f)?),
        ("persona", Some(f)) if f.starts_with("risks[") => format!("risk-{}", index(f)?),
        ("persona", Some(field)) => format!("persona-{}", field.replace('_', "-")),
        ("rubric", Some("pass_mark")) => "rubric-pass".to_owned(),
        ("start", None) => "meta-start".to_owned(),
        (f, _) if f.starts_with("endings[") => format!("ending-{}", index(f)?),
        (f, Some(field)) if f.starts_with("choices[") => {
            format!("choice-{}-{}", index(f)?, field.replace('_', "-"))
        }
        (f, None) if f.starts_with("choices[") => format!("choice-{}-text", index(f)?),
        (f, _) if f.starts_with("lines[") => format!("line-{}", index(f)?),
        _ => return None,
    };
    Some(control)
}

/// Focuses the control `field_control` names (the Indonesian half of a pair) and brings it
/// into view; nothing happens if it is not on the page.
fn focus_control(testid: &str) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let selector = format!("[data-testid=\"{testid}-id\"], [data-testid=\"{testid}\"]");
    if let Some(el) = doc
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
        el.scroll_into_view();
    }
}

/// How many problems the panel lists: the first are what to fix first, and thousands of rows
/// (a badly broken file) would freeze the page at every edit.
const PROBLEMS_SHOWN: usize = 100;

/// Reads dropped or picked files and imports each.
fn import_files(files: Vec<web_sys::File>, done: impl Fn(String) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        for file in files {
            if let Some(text) = crate::platform::files::read_text(&file).await {
                done(text);
            }
        }
    });
}

/// Reads picked or dropped scenario files; one over the import limit is refused by its size
/// alone, without reading it into the page.
fn import_scenario_files(
    files: Vec<web_sys::File>,
    done: impl Fn(Result<String, crate::engine::import::ImportError>) + 'static,
) {
    wasm_bindgen_futures::spawn_local(async move {
        for file in files {
            // A browser's file size is a whole number of bytes, well inside f64's range.
            let size = file.size() as usize;
            if size > crate::engine::import::MAX_BYTES {
                done(Err(crate::engine::import::too_large(size)));
            } else if let Some(text) = crate::platform::files::read_text(&file).await {
                done(Ok(text));
            }
        }
    });
}

/// The trainer's scenario library.
#[function_component]
pub fn ScenarioLibrary() -> Html {
    let i18n = use_i18n();
    let en = i18n.lang == Lang::En;
    let store = ScenarioStore::new(use_store());
    let pack = use_pack();
    let navigator = crate::router::use_navigator();
    // Scenarios added, renamed or deleted in another tab show here at once.
    crate::platform::events::use_refresh_on_storage(|key| {
        key == super::storage::scenarios::INDEX_KEY
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
        Rc::new(
            move |text: Result<String, crate::engine::import::ImportError>| {
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
            },
        )
    };
    let on_pick = {
        let import_text = import_text.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let files = crate::platform::files::files_of(input.files());
            input.set_value("");
            let import_text = import_text.clone();
            import_scenario_files(files, move |t| import_text(t));
        })
    };
    let on_drop = {
        let (import_text, dragging) = (import_text.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let files = crate::platform::files::files_of(e.data_transfer().and_then(|d| d.files()));
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
    let copy = |s: Scenario| {
        let (store, taken) = (store.clone(), taken.clone());
        act(
            Rc::new(move || {
                store
                    .add(&copy_of(&s, &taken), new_uid(), now_ms())
                    .map(|_| ())
                    .map_err(not_saved)
            }),
            TrainerText::ScenarioCopied,
        )
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
            let input: HtmlInputElement = e.target_unchecked_into();
            let files = crate::platform::files::files_of(input.files());
            input.set_value("");
            let (store, status, version) = (store.clone(), status.clone(), version.clone());
            import_files(files, move |text| {
                use super::storage::workshops::RestoreError;
                status.set(Some(match store.restore(&text, new_uid) {
                    Ok(Ok(done)) => Status::Restored(done),
                    Ok(Err(_)) => Status::Done(TrainerText::ScenarioNotSaved),
                    Err(RestoreError::TooNew) => Status::Done(TrainerText::BackupTooNew),
                    Err(RestoreError::NotABackup) => Status::Done(TrainerText::NotALibraryBackup),
                }));
                version.set(*version + 1);
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

    let status_view = match (*status).clone() {
        None => html! {},
        Some(Status::Imported {
            title,
            repairs,
            errors,
            warnings,
        }) => html! {
            <div class="notice notice--info" role="status" data-testid="import-ok">
                <p>{ t_with(i18n.lang, TrainerText::ScenarioImported, &[("title", title.get(en)), ("errors", &errors.to_string()), ("warnings", &warnings.to_string())]) }</p>
                if !repairs.is_empty() {
                    <p>{ i18n.t(TrainerText::ScenarioRepairs) }</p>
                    <ul>{ for repairs.iter().map(|r| html! { <li>{ r.get(en).to_owned() }</li> }) }</ul>
                }
            </div>
        },
        Some(Status::Refused { message, position }) => html! {
            <div class="notice notice--warning" role="alert" data-testid="import-refused">
                <p><strong>{ i18n.t(TrainerText::ScenarioRefused) }</strong></p>
                <p>{ message.get(en).to_owned() }</p>
                if let Some((line, column)) = position {
                    <p data-testid="import-position">{ t_with(i18n.lang, TrainerText::ScenarioPosition, &[("line", &line.to_string()), ("column", &column.to_string())]) }</p>
                }
            </div>
        },
        Some(Status::AlreadyThere(title)) => html! {
            <p class="notice notice--info" role="status" data-testid="import-already">
                { t_with(i18n.lang, TrainerText::ScenarioAlreadyThere, &[("title", title.get(en))]) }
            </p>
        },
        Some(Status::Restored(done)) => html! {
            <p class="notice notice--info" role="status" data-testid="library-restored">
                { t_with(i18n.lang, TrainerText::LibraryRestored, &[("added", &done.added.to_string()), ("unchanged", &done.unchanged.to_string())]) }
            </p>
        },
        Some(Status::Done(text)) => {
            html! { <p class="notice notice--info" role="status" data-testid="scenario-status">{ i18n.t(text) }</p> }
        }
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
            { status_view }
            // Data set aside is announced at the top of the page until dismissed.
            <div class="actions">
                <button type="button" class="button" onclick={create} data-testid="new-scenario">{ i18n.t(TrainerText::NewScenario) }</button>
            </div>
            <h2>{ i18n.t(TrainerText::ScenariosOwn) }</h2>
            if live.is_empty() {
                <p data-testid="no-scenarios">{ i18n.t(TrainerText::ScenariosNone) }</p>
            }
            <ul class="workshop-list">
                { for live.iter().map(|e| { let named = |action| action_on(i18n.lang, action, e.title.get(en)); html! {
                    <li class="card workshop-list__item" data-testid={format!("own-{}", e.id)}>
                        <a href={TrainerRoute::Scenario { uid: e.uid.clone() }.href()} data-testid="open-scenario"><strong>{ e.title.get(en).to_owned() }</strong></a>
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
            { match &pack {
                Loadable::Loading => html! { <p aria-busy="true">{ i18n.t(crate::i18n::Text::Loading) }</p> },
                Loadable::Failed(e) => load_failed(&i18n, e),
                Loadable::Ready(all) => html! {
                    <ul class="workshop-list">
                        { for all.iter().map(|s| html! {
                            <li class="card workshop-list__item" data-testid={format!("bundled-{}", s.id)}>
                                <strong>{ s.meta.title.get(en).to_owned() }</strong>
                                <p class="hint">{ i18n.t(TrainerText::ScenarioReadOnly) }</p>
                                <button type="button" class="button button--secondary" onclick={copy(s.clone())} data-testid="copy-bundled"
                                    aria-label={action_on(i18n.lang, TrainerText::ScenarioCopy, s.meta.title.get(en))}>{ i18n.t(TrainerText::ScenarioCopy) }</button>
                            </li>
                        }) }
                    </ul>
                },
            } }
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
                            <strong>{ e.title.get(en).to_owned() }</strong>
                            <div class="actions">
                                <button type="button" class="button button--secondary" onclick={trash(e.uid.clone(), None, TrainerText::ScenarioRestored)} data-testid="restore-scenario"
                                    aria-label={action_on(i18n.lang, TrainerText::ScenarioRestore, e.title.get(en))}>{ i18n.t(TrainerText::ScenarioRestore) }</button>
                                <button type="button" class="button button--secondary" onclick={purge(e.uid.clone())} data-testid="purge-scenario"
                                    aria-label={action_on(i18n.lang, TrainerText::ScenarioPurge, e.title.get(en))}>{ i18n.t(TrainerText::ScenarioPurge) }</button>
                            </div>
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}

/// Props of [`ScenarioView`].
#[derive(Properties, PartialEq)]
pub struct ScenarioViewProps {
    /// The scenario's local id.
    pub uid: AttrValue,
}

/// The editor's state: the scenario and its undo and redo history.
pub(super) struct Editor {
    pub(super) scenario: Rc<Scenario>,
    undo: Vec<Rc<Scenario>>,
    redo: Vec<Rc<Scenario>>,
    /// Counts changes, so the page saves after each one (0: as loaded).
    changes: u64,
    /// The latest scenario and change count, updated as each action is reduced (before the
    /// next render), so a save when the page closes includes the field that was just left.
    mirror: Rc<RefCell<(Rc<Scenario>, u64)>>,
}

/// How far back undo goes.
const UNDO_DEPTH: usize = 200;
/// How long after the last change the editor saves.
const SAVE_DELAY_MS: i32 = 400;
/// Nodes the autosave writes per task: about 10 ms on a slow laptop.
const SAVE_SLICE_NODES: usize = 200;

pub(super) enum EditorAction {
    /// Changes the scenario (one undo step).
    Edit(Rc<dyn Fn(&mut Scenario)>),
    Undo,
    Redo,
    /// Replaces the scenario with an earlier version (one undo step).
    Replace(Rc<Scenario>),
}

impl Reducible for Editor {
    type Action = EditorAction;

    fn reduce(self: Rc<Self>, action: EditorAction) -> Rc<Self> {
        let mut undo = self.undo.clone();
        let mut redo = self.redo.clone();
        let scenario = match action {
            EditorAction::Edit(f) => {
                let mut next = (*self.scenario).clone();
                f(&mut next);
                if next == *self.scenario {
                    return self;
                }
                undo.push(self.scenario.clone());
                redo.clear();
                Rc::new(next)
            }
            EditorAction::Replace(next) => {
                undo.push(self.scenario.clone());
                redo.clear();
                next
            }
            EditorAction::Undo => match undo.pop() {
                Some(previous) => {
                    redo.push(self.scenario.clone());
                    previous
                }
                None => return self,
            },
            EditorAction::Redo => match redo.pop() {
                Some(next) => {
                    undo.push(self.scenario.clone());
                    next
                }
                None => return self,
            },
        };
        // A step shares every node it did not change with the others (see `Scenario::nodes`):
        // 200 steps of a 2,000-node scenario cost about 3 MB of pointers.
        while undo.len() > UNDO_DEPTH {
            undo.remove(0);
        }
        *self.mirror.borrow_mut() = (scenario.clone(), self.changes + 1);
        Rc::new(Editor {
            scenario,
            undo,
            redo,
            changes: self.changes + 1,
            mirror: self.mirror.clone(),
        })
    }
}

/// Props of [`Pair`].
#[derive(Properties, PartialEq)]
pub(super) struct PairProps {
    pub(super) label: AttrValue,
    pub(super) value: Localized,
    pub(super) on_change: Callback<Localized>,
    #[prop_or_default]
    pub(super) long: bool,
    pub(super) testid: AttrValue,
}

/// A text in both languages, side by side; a missing translation is marked.
#[function_component]
pub(super) fn Pair(props: &PairProps) -> Html {
    let i18n = use_i18n();
    let side = |english: bool| {
        let (value, on_change) = (props.value.clone(), props.on_change.clone());
        let onchange = Callback::from(move |e: Event| {
            let text = e
                .target_dyn_into::<web_sys::HtmlTextAreaElement>()
                .map(|t| t.value())
                .or_else(|| e.target_dyn_into::<HtmlInputElement>().map(|i| i.value()))
                .unwrap_or_default();
            let mut next = value.clone();
            if english {
                next.en = text;
            } else {
                next.id = text;
            }
            on_change.emit(next);
        });
        let current = if english {
            props.value.en.clone()
        } else {
            props.value.id.clone()
        };
        let missing = current.trim().is_empty() && !props.value.get(!english).trim().is_empty();
        let testid = format!("{}-{}", props.testid, if english { "en" } else { "id" });
        html! {
            <label class={classes!("field", missing.then_some("field--missing"))}>
                <span>{ i18n.t(if english { crate::i18n::Text::LangNameEn } else { crate::i18n::Text::LangNameId }) }
                    if missing { <em class="warn">{ format!(" · {}", i18n.t(TrainerText::Untranslated)) }</em> }
                </span>
                if props.long {
                    <textarea rows="3" value={current} {onchange} data-testid={testid} />
                } else {
                    <input type="text" value={current} {onchange} data-testid={testid} />
                }
            </label>
        }
    };
    html! {
        <fieldset class="pair">
            <legend>{ props.label.clone() }</legend>
            { side(false) }
            { side(true) }
        </fieldset>
    }
}

/// One scenario: the editor (every change saved at once, with undo and redo), the problems
/// panel, and the conversation graph. Clicking a problem or a node opens that node.
#[function_component]
pub fn ScenarioView(props: &ScenarioViewProps) -> Html {
    let i18n = use_i18n();
    let store = ScenarioStore::new(use_store());
    let loaded = use_memo(props.uid.clone(), |uid| store.load(uid).map(Rc::new));
    let Some(initial) = (*loaded).clone() else {
        // A text that is there but cannot be read stays in storage, and is offered as a file.
        let unreadable = store.text(&props.uid).ok().flatten().is_some();
        return html! {
            <div class="page page--narrow">
                <p data-testid="scenario-missing">{ i18n.t(TrainerText::ScenarioMissing) }</p>
                if unreadable {
                    <crate::pages::UnreadableNotice key_name={super::storage::scenarios::text_key(&props.uid)} />
                }
            </div>
        };
    };
    html! { <EditorPage uid={props.uid.clone()} {initial} /> }
}

#[derive(Properties)]
struct EditorPageProps {
    uid: AttrValue,
    initial: Rc<Scenario>,
}

impl PartialEq for EditorPageProps {
    fn eq(&self, other: &Self) -> bool {
        self.uid == other.uid && Rc::ptr_eq(&self.initial, &other.initial)
    }
}

/// What the editor's save indicator says, changed by the autosave without rendering the editor
/// again: on a large scenario a render of the editor is tens of milliseconds, and the autosave
/// would otherwise cause two per edit (saving..., then saved).
#[derive(Default)]
struct SaveState {
    /// A change waits for the autosave.
    pending: std::cell::Cell<bool>,
    /// The last save failed (the storage is full or refused).
    failed: std::cell::Cell<bool>,
    /// Redraws the indicator (set by [`SaveIndicator`] while it is on the page).
    redraw: RefCell<Option<Callback<()>>>,
}

impl SaveState {
    fn set_pending(&self, pending: bool) {
        if self.pending.replace(pending) != pending {
            self.redraw();
        }
    }

    fn set_failed(&self, failed: bool) {
        if self.failed.replace(failed) != failed {
            self.redraw();
        }
    }

    fn redraw(&self) {
        let redraw = self.redraw.borrow().clone();
        if let Some(redraw) = redraw {
            redraw.emit(());
        }
    }
}

/// Props of [`SaveIndicator`].
#[derive(Properties)]
struct SaveIndicatorProps {
    state: Rc<SaveState>,
    /// The scenario was changed in this editor.
    changed: bool,
}

impl PartialEq for SaveIndicatorProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.state, &other.state) && self.changed == other.changed
    }
}

/// "Saving...", "Saved", "Not saved" or "No changes", beside the editor's buttons.
#[function_component]
fn SaveIndicator(props: &SaveIndicatorProps) -> Html {
    let i18n = use_i18n();
    let update = use_force_update();
    {
        let state = props.state.clone();
        use_effect_with((), move |_| {
            *state.redraw.borrow_mut() = Some(Callback::from(move |_| update.force_update()));
            move || drop(state.redraw.borrow_mut().take())
        });
    }
    let state = &props.state;
    let text = if state.failed.get() {
        TrainerText::ScenarioNotSaved
    } else if state.pending.get() {
        TrainerText::Saving
    } else if props.changed {
        TrainerText::Saved
    } else {
        TrainerText::NoChanges
    };
    html! { <span class="hint" role="status" data-testid="save-state">{ i18n.t(text) }</span> }
}

#[function_component]
fn EditorPage(props: &EditorPageProps) -> Html {
    let i18n = use_i18n();
    let en = i18n.lang == Lang::En;
    let store = ScenarioStore::new(use_store());
    let mirror = use_mut_ref(|| (props.initial.clone(), 0u64));
    let editor = {
        let (initial, mirror) = (props.initial.clone(), mirror.clone());
        use_reducer(move || Editor {
            scenario: initial,
            undo: Vec::new(),
            redo: Vec::new(),
            changes: 0,
            mirror,
        })
    };
    let selected = use_state(|| None::<usize>);
    let zoom = use_state(|| 100u32);
    let status = use_memo((), |_| Rc::new(SaveState::default()));
    let status = (*status).clone();
    let rename_problem = use_state(|| None::<TrainerText>);

    // Autosave: shortly after the last change (so typing and large scenarios stay quick),
    // and at once when the page is hidden or closed, or the trainer leaves the editor. What is
    // saved is `mirror`, the scenario as last edited.
    let saved_changes = use_mut_ref(|| 0u64);
    // True while the other-tab banner waits for the trainer's choice: nothing is saved then.
    let held = use_mut_ref(|| false);
    // Writes the latest scenario; a failed save is tried again at the next change, hide or close.
    // True once the scenario was purged in another tab: nothing is saved under its id then,
    // and the trainer is offered to keep the text as a new scenario.
    let gone = use_state(|| false);
    // What a save's outcome does: remembers what was saved, or shows why not.
    let settle = {
        let (status, saved_changes, gone, held) = (
            status.clone(),
            saved_changes.clone(),
            gone.setter(),
            held.clone(),
        );
        Rc::new(
            move |result: Result<(), super::storage::scenarios::SaveError>, changes: u64| {
                match result {
                    Ok(()) => {
                        status.set_failed(false);
                        *saved_changes.borrow_mut() = changes;
                    }
                    Err(super::storage::scenarios::SaveError::Gone) => {
                        *held.borrow_mut() = true;
                        gone.set(true);
                    }
                    Err(super::storage::scenarios::SaveError::Store(_)) => status.set_failed(true),
                }
            },
        )
    };
    let save = {
        let (store, uid, mirror, settle) = (
            store.clone(),
            props.uid.to_string(),
            mirror.clone(),
            settle.clone(),
        );
        Rc::new(move || {
            let (scenario, changes) = mirror.borrow().clone();
            settle(store.save(&uid, &scenario, now_ms()), changes);
        })
    };
    // The timer's save, written a slice of nodes per task so that a large scenario's autosave
    // never holds the page (hiding or leaving the page saves at once, in one go). A save that
    // finds the same or a newer edit already saved (by the page being hidden meanwhile) stops.
    let autosave = {
        let (store, uid, mirror, saved_changes, held, status, settle) = (
            store.clone(),
            props.uid.to_string(),
            mirror.clone(),
            saved_changes.clone(),
            held.clone(),
            status.clone(),
            settle.clone(),
        );
        Rc::new(move || {
            let (scenario, changes) = mirror.borrow().clone();
            let unsaved = {
                let (mirror, saved_changes, held) =
                    (mirror.clone(), saved_changes.clone(), held.clone());
                move || {
                    !*held.borrow()
                        && changes > *saved_changes.borrow()
                        && changes <= mirror.borrow().1
                }
            };
            if !unsaved() {
                status.set_pending(false);
                return;
            }
            let (store, uid, mirror, status, settle) = (
                store.clone(),
                uid.clone(),
                mirror.clone(),
                status.clone(),
                settle.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let mut export = crate::engine::import::CompactExport::new(&scenario);
                while !export.step(&scenario, SAVE_SLICE_NODES) {
                    crate::platform::events::next_task().await;
                }
                let text = export.finish();
                crate::platform::events::next_task().await;
                if unsaved() {
                    settle(store.save_text(&uid, &scenario, text, now_ms()), changes);
                }
                if mirror.borrow().1 <= changes {
                    status.set_pending(false);
                }
            });
        })
    };
    // Leaving (closing, reloading or another page) while the banner holds an edit: the edit
    // is kept as a new scenario in the library, once, so nothing typed here is lost.
    let kept_as_copy = use_mut_ref(|| None::<String>);
    let keep_as_new = {
        let (store, mirror, kept_as_copy) = (store.clone(), mirror.clone(), kept_as_copy.clone());
        Rc::new(move || -> Option<String> {
            if let Some(uid) = kept_as_copy.borrow().clone() {
                return Some(uid);
            }
            let mine = mirror.borrow().0.clone();
            let taken: Vec<String> = store
                .entries()
                .map(|all| all.into_iter().map(|e| e.id).collect())
                .unwrap_or_default();
            let copy = super::storage::scenarios::copy_of(&mine, &taken);
            let uid = store.add(&copy, new_uid(), now_ms()).ok()?;
            *kept_as_copy.borrow_mut() = Some(uid.clone());
            Some(uid)
        })
    };
    let flush = {
        let (save, mirror, saved_changes, held, status) = (
            save.clone(),
            mirror.clone(),
            saved_changes.clone(),
            held.clone(),
            status.clone(),
        );
        Rc::new(move || {
            if *held.borrow() {
                return;
            }
            if mirror.borrow().1 > *saved_changes.borrow() {
                save();
            }
            status.set_pending(false);
        })
    };
    let leave = {
        let (flush, held, mirror, saved_changes, keep_as_new) = (
            flush.clone(),
            held.clone(),
            mirror.clone(),
            saved_changes.clone(),
            keep_as_new.clone(),
        );
        Rc::new(move || {
            if *held.borrow() {
                if mirror.borrow().1 > *saved_changes.borrow() {
                    let _ = keep_as_new();
                }
            } else {
                flush();
            }
        })
    };
    let timer = use_mut_ref(|| None::<crate::platform::events::Timer>);
    {
        let (autosave, timer, status) = (autosave.clone(), timer.clone(), status.clone());
        use_effect_with(editor.changes, move |changes| {
            if *changes > 0 {
                status.set_pending(true);
                let autosave = autosave.clone();
                *timer.borrow_mut() =
                    crate::platform::events::Timer::new(SAVE_DELAY_MS, move || autosave());
            }
        });
    }
    {
        let (flush, leave, held, mirror, saved_changes) = (
            flush.clone(),
            leave.clone(),
            held.clone(),
            mirror.clone(),
            saved_changes.clone(),
        );
        use_effect_with((), move |_| {
            // The browser asks before closing or reloading a tab that holds an unsaved edit
            // (which, if the trainer leaves all the same, is kept as a copy).
            let ask = crate::platform::events::WindowListener::new("beforeunload", move |e| {
                if *held.borrow() && mirror.borrow().1 > *saved_changes.borrow() {
                    e.prevent_default();
                }
            });
            let on_hide = {
                let flush = flush.clone();
                move |_: web_sys::Event| {
                    let hidden = web_sys::window()
                        .and_then(|w| w.document())
                        .is_some_and(|d| d.hidden());
                    if hidden {
                        flush()
                    }
                }
            };
            let hidden = crate::platform::events::WindowListener::new("visibilitychange", on_hide);
            let closing = {
                let leave = leave.clone();
                crate::platform::events::WindowListener::new("pagehide", move |_| {
                    // Leaving the focused field commits what was typed in it (its change
                    // event is handled at once), then everything is saved.
                    use wasm_bindgen::JsCast;
                    if let Some(field) = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.active_element())
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = field.blur();
                    }
                    leave()
                })
            };
            move || {
                drop((ask, hidden, closing));
                leave();
            }
        });
    }
    // Another tab saving the same scenario: never overwrite silently, let the trainer choose.
    let conflict = use_state(|| None::<Rc<Scenario>>);
    {
        let (conflict, mirror, held, gone, uid) = (
            conflict.clone(),
            mirror.clone(),
            held.clone(),
            gone.clone(),
            props.uid.to_string(),
        );
        use_effect_with(uid, move |uid| {
            let key = super::storage::scenarios::text_key(uid);
            let uid = uid.clone();
            let listener = crate::platform::events::WindowListener::new("storage", move |e| {
                use wasm_bindgen::JsCast;
                let Ok(e) = e.dyn_into::<web_sys::StorageEvent>() else {
                    return;
                };
                // Purged in another tab (or storage cleared): the list no longer has it.
                let index = e
                    .key()
                    .is_none_or(|k| k == super::storage::scenarios::INDEX_KEY);
                if index {
                    let listed = e
                        .new_value()
                        .and_then(|t| {
                            serde_json::from_str::<Vec<super::storage::scenarios::Entry>>(&t).ok()
                        })
                        .is_some_and(|all| all.iter().any(|en| en.uid == uid));
                    if !listed {
                        *held.borrow_mut() = true;
                        gone.set(true);
                    }
                    return;
                }
                if e.key().as_deref() != Some(key.as_str()) {
                    return;
                }
                let Some(theirs) = e
                    .new_value()
                    .and_then(|t| super::storage::scenarios::read_stored(&t).ok())
                else {
                    return;
                };
                if theirs != *mirror.borrow().0 {
                    *held.borrow_mut() = true;
                    conflict.set(Some(Rc::new(theirs)));
                }
            });
            move || drop(listener)
        });
    }
    let take_theirs = {
        let (editor, conflict, held) = (editor.clone(), conflict.clone(), held.clone());
        Callback::from(move |_| {
            *held.borrow_mut() = false;
            if let Some(theirs) = (*conflict).clone() {
                editor.dispatch(EditorAction::Replace(theirs));
            }
            conflict.set(None);
        })
    };
    let keep_mine = {
        let (save, conflict, held) = (save.clone(), conflict.clone(), held.clone());
        Callback::from(move |_| {
            *held.borrow_mut() = false;
            // Written even with nothing unsaved: this version replaces the other tab's.
            save();
            conflict.set(None);
        })
    };
    let keep_as_new_button = {
        let (keep_as_new, held, navigator) = (
            keep_as_new.clone(),
            held.clone(),
            crate::router::use_navigator(),
        );
        Callback::from(move |_| {
            if let Some(uid) = keep_as_new() {
                *held.borrow_mut() = false;
                navigator.push_path(TrainerRoute::Scenario { uid }.path());
            }
        })
    };
    // Ctrl+Z and Ctrl+Y (or Ctrl+Shift+Z) outside text fields, which have their own undo.
    {
        let dispatcher = editor.dispatcher();
        use_effect_with((), move |_| {
            let listener = crate::platform::events::WindowListener::new("keydown", move |e| {
                use wasm_bindgen::JsCast;
                let Ok(key) = e.dyn_into::<web_sys::KeyboardEvent>() else {
                    return;
                };
                let in_field = key
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| {
                        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    });
                if in_field || !(key.ctrl_key() || key.meta_key()) {
                    return;
                }
                match (key.key().to_ascii_lowercase().as_str(), key.shift_key()) {
                    ("z", false) => {
                        key.prevent_default();
                        dispatcher.dispatch(EditorAction::Undo)
                    }
                    ("z", true) | ("y", _) => {
                        key.prevent_default();
                        dispatcher.dispatch(EditorAction::Redo)
                    }
                    _ => {}
                }
            });
            move || drop(listener)
        });
    }

    let s = editor.scenario.clone();
    // Validation and layout change only with the scenario, not with zooming or selecting.
    // Validation remembers each node, so an edit re-checks only what it can affect.
    let validator = use_mut_ref(Validator::default);
    let derived = {
        let s = s.clone();
        use_memo(editor.changes, move |_| {
            let diagnostics = validator.borrow_mut().validate(&s);
            let severities = Rc::new(super::graph_view::severities(&s, &diagnostics));
            (diagnostics, Rc::new(layout(&s)), severities)
        })
    };
    let diagnostics = &derived.0;
    let node_ids = {
        let s = s.clone();
        use_memo(editor.changes, move |_| {
            s.nodes
                .iter()
                .map(|n| AttrValue::from(n.id.clone()))
                .collect::<Vec<_>>()
        })
    };
    // The node ids suggested where a node is typed: put in the page when a field is first
    // focused, not when the page opens (a 2,000-node scenario would add 2,000 elements).
    let lists = use_state(|| false);
    let want_lists = {
        let lists = lists.clone();
        Callback::from(move |_: FocusEvent| {
            if !*lists {
                lists.set(true);
            }
        })
    };
    let on_select = {
        let setter = selected.setter();
        use_callback((), move |i: usize, _| setter.set(Some(i)))
    };
    // Earlier versions are read only when asked for: each can be megabytes.
    let versions = use_state(|| None::<Vec<String>>);
    let show_versions = {
        let (versions, store, uid, flush) = (
            versions.clone(),
            store.clone(),
            props.uid.to_string(),
            flush.clone(),
        );
        Callback::from(move |_| {
            flush();
            versions.set(Some(store.versions(&uid)));
        })
    };
    let select = |node: Option<usize>| {
        let selected = selected.clone();
        Callback::from(move |_| selected.set(node))
    };
    // A problem opens its node (or the scenario's form) and then puts the cursor in its field,
    // once the form for it is on the page.
    let focus_next = use_state(|| None::<String>);
    {
        let focus_next = focus_next.clone();
        use_effect_with((*focus_next).clone(), move |target| {
            if let Some(testid) = target {
                focus_control(testid);
                focus_next.set(None);
            }
        });
    }
    let open_problem = |d: &Diagnostic| {
        let (selected, focus_next) = (selected.clone(), focus_next.clone());
        let node = d
            .location
            .node
            .as_ref()
            .and_then(|id| s.nodes.iter().position(|n| n.id == *id));
        let control = field_control(&d.location.field);
        Callback::from(move |_| {
            selected.set(node);
            focus_next.set(control.clone());
        })
    };
    let not_found = use_state(|| false);
    let find_node = {
        let (selected, s, not_found) = (selected.clone(), s.clone(), not_found.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let id = input.value();
            let found = s.nodes.iter().position(|n| n.id == id.trim());
            not_found.set(found.is_none() && !id.trim().is_empty());
            if let Some(i) = found {
                selected.set(Some(i));
                input.set_value("");
            }
        })
    };
    let undo = {
        let e = editor.clone();
        Callback::from(move |_| e.dispatch(EditorAction::Undo))
    };
    let redo = {
        let e = editor.clone();
        Callback::from(move |_| e.dispatch(EditorAction::Redo))
    };
    let add_node = {
        let (editor, selected) = (editor.clone(), selected.clone());
        Callback::from(move |_| {
            let at = editor.scenario.nodes.len();
            editor.dispatch(EditorAction::Edit(Rc::new(|s: &mut Scenario| {
                crate::engine::edit::add_node(s);
            })));
            selected.set(Some(at));
        })
    };
    // Play it in the agents' app on this device, in a new tab, once it has no errors.
    let index = crate::loader::use_index();
    let agent_problem = use_state(|| None::<TrainerText>);
    let play_as_agent = {
        let (store, flush, mirror, problem) = (
            store.clone(),
            flush.clone(),
            mirror.clone(),
            agent_problem.clone(),
        );
        // Until the bundled ids are known, an id clash could not be told.
        let bundled: Option<Vec<String>> = match &index {
            Loadable::Ready(all) => Some(
                all.iter()
                    .filter(|e| e.is_bundled())
                    .map(|e| e.id.clone())
                    .collect(),
            ),
            _ => None,
        };
        Callback::from(move |_| {
            flush();
            let s = mirror.borrow().0.clone();
            let outcome = if validate(&s).iter().any(|d| d.severity == Severity::Error) {
                Err(TrainerText::PlayFixErrors)
            } else if bundled.is_none() {
                Err(TrainerText::PlayWait)
            } else if bundled.as_ref().is_some_and(|b| b.contains(&s.id)) {
                Err(TrainerText::PlayIdBundled)
            } else {
                store.publish(&s).map_err(|_| TrainerText::PlayNoRoom)
            };
            problem.set(outcome.err());
            if outcome.is_ok() {
                if let Some(w) = web_sys::window() {
                    let url = format!("./#/latihan/{}", crate::engine::code::percent_encode(&s.id));
                    let _ = w.open_with_url_and_target(&url, "_blank");
                }
            }
        })
    };
    let export_now = {
        let s = s.clone();
        Callback::from(move |_| {
            download_text(&format!("{}.json", s.id), &export(&s));
        })
    };
    let restore_version = |text: String| {
        let (editor, versions) = (editor.clone(), versions.clone());
        Callback::from(move |_| {
            versions.set(None);
            if let Ok(i) = super::storage::scenarios::read_stored(&text) {
                editor.dispatch(EditorAction::Replace(Rc::new(i)));
            }
        })
    };
    let set_zoom = |z: u32| {
        let zoom = zoom.clone();
        Callback::from(move |_| zoom.set(z.clamp(25, 200)))
    };
    let scale = *zoom;
    let rename = {
        let (editor, problem, selected) =
            (editor.clone(), rename_problem.clone(), selected.clone());
        Callback::from(move |e: Event| {
            let Some(i) = *selected else { return };
            let new_id = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut trial = (*editor.scenario).clone();
            match crate::engine::edit::rename_node(&mut trial, i, &new_id) {
                Ok(()) => {
                    problem.set(None);
                    editor.dispatch(EditorAction::Replace(Rc::new(trial)));
                }
                Err(crate::engine::edit::RenameError::Taken) => {
                    problem.set(Some(TrainerText::IdTaken))
                }
                Err(crate::engine::edit::RenameError::Invalid) => {
                    problem.set(Some(TrainerText::IdInvalid))
                }
            }
        })
    };
    let remove_node = {
        let (editor, selected) = (editor.clone(), selected.clone());
        Callback::from(move |_| {
            if let Some(i) = *selected {
                editor.dispatch(EditorAction::Edit(Rc::new(move |s: &mut Scenario| {
                    crate::engine::edit::remove_node(s, i)
                })));
            }
            selected.set(None);
        })
    };
    html! {
        <div class="page scenario-view" data-testid="scenario-view" onfocusin={want_lists}>
            if *lists {
                <NodeIds ids={node_ids} />
            }
            <p class="eyebrow">{ format!("{} · v{}", s.id, s.version) }</p>
            <h1 data-testid="editor-title">{ s.meta.title.get(en).to_owned() }</h1>
            <div class="actions editor-bar">
                <button type="button" class="button button--secondary" onclick={undo} disabled={editor.undo.is_empty()} data-testid="undo">{ i18n.t(TrainerText::Undo) }</button>
                <button type="button" class="button button--secondary" onclick={redo} disabled={editor.redo.is_empty()} data-testid="redo">{ i18n.t(TrainerText::Redo) }</button>
                <button type="button" class="button button--secondary" onclick={add_node} data-testid="add-node">{ i18n.t(TrainerText::AddNode) }</button>
                <button type="button" class="button button--secondary" onclick={export_now.clone()} data-testid="export-current">{ i18n.t(TrainerText::ScenarioExport) }</button>
                <button type="button" class="button" onclick={play_as_agent} data-testid="play-as-agent">{ i18n.t(TrainerText::PlayAsAgent) }</button>
                <SaveIndicator state={status.clone()} changed={editor.changes > 0} />
            </div>
            if let Some(p) = *agent_problem {
                <p class="notice notice--warning" role="alert" data-testid="play-problem">{ i18n.t(p) }</p>
            }
            if *gone {
                <div class="notice notice--warning" role="alert" data-testid="scenario-gone">
                    <p>{ i18n.t(TrainerText::ScenarioGone) }</p>
                    <div class="actions">
                        <button type="button" class="button" onclick={keep_as_new_button} data-testid="keep-as-new">{ i18n.t(TrainerText::KeepAsNew) }</button>
                    </div>
                </div>
            } else if conflict.is_some() {
                <div class="notice notice--warning" role="alert" data-testid="conflict">
                    <p>{ i18n.t(TrainerText::OtherTab) }</p>
                    <div class="actions">
                        <button type="button" class="button" onclick={take_theirs} data-testid="take-theirs">{ i18n.t(TrainerText::TakeTheirs) }</button>
                        <button type="button" class="button button--secondary" onclick={keep_mine} data-testid="keep-mine">{ i18n.t(TrainerText::KeepMine) }</button>
                    </div>
                </div>
            }
            <div class="scenario-view__grid">
                <div class="editor-side">
                    <section class="card" data-testid="diagnostics">
                        <h2>{ i18n.t(TrainerText::ScenarioProblems) }</h2>
                        if diagnostics.is_empty() {
                            <p class="ok" data-testid="no-problems">{ i18n.t(TrainerText::ScenarioNoProblems) }</p>
                        }
                        <ul class="diagnostics">
                            { for diagnostics.iter().take(PROBLEMS_SHOWN).map(|d| html! {
                                <li>
                                    <button type="button" class={classes!("diagnostic", if d.severity == Severity::Error { "diagnostic--error" } else { "diagnostic--warning" })}
                                        onclick={open_problem(d)} data-testid="diagnostic">
                                        <strong>{ i18n.t(if d.severity == Severity::Error { TrainerText::ScenarioError } else { TrainerText::ScenarioWarning }) }</strong>
                                        if let Some(n) = &d.location.node { { format!(" · {n}") } }
                                        <br />{ d.message.get(en).to_owned() }
                                    </button>
                                </li>
                            }) }
                        </ul>
                        if diagnostics.len() > PROBLEMS_SHOWN {
                            <p class="hint" data-testid="more-problems">{ t_with(i18n.lang, TrainerText::MoreProblems, &[("count", &(diagnostics.len() - PROBLEMS_SHOWN).to_string())]) }</p>
                        }
                    </section>
                    if let Some(i) = (*selected).filter(|i| *i < s.nodes.len()) {
                        { super::editor_forms::node_editor(&i18n, &editor, &s, i, rename, remove_node, *rename_problem) }
                    } else {
                        { super::editor_forms::about_editor(&i18n, &editor, &s) }
                        <section class="card">
                            <h3>{ i18n.t(TrainerText::Versions) }</h3>
                            { match &*versions {
                                None => html! {
                                    <button type="button" class="button button--secondary" onclick={show_versions} data-testid="show-versions">{ i18n.t(TrainerText::ShowVersions) }</button>
                                },
                                Some(list) if list.is_empty() => html! { <p class="hint" data-testid="versions">{ i18n.t(TrainerText::NoVersions) }</p> },
                                Some(list) => html! {
                                    <ul class="versions" data-testid="versions">
                                        { for list.iter().enumerate().map(|(n, text)| html! {
                                            <li><button type="button" class="button button--secondary" onclick={restore_version(text.clone())} data-testid="restore-version">
                                                { t_with(i18n.lang, TrainerText::VersionRestore, &[("n", &(n + 1).to_string())]) }
                                            </button></li>
                                        }) }
                                    </ul>
                                },
                            } }
                        </section>
                    }
                </div>
                <section class="card graph-card">
                    <h2>{ i18n.t(TrainerText::ScenarioGraph) }</h2>
                    <div class="actions">
                        <button type="button" class="button button--secondary" onclick={set_zoom(scale.saturating_sub(25))} aria-label={i18n.t(TrainerText::ZoomOut)}>{ "−" }</button>
                        <button type="button" class="button button--secondary" onclick={set_zoom(100)} aria-label={t_with(i18n.lang, TrainerText::ZoomReset, &[("zoom", &scale.to_string())])}>{ format!("{scale}%") }</button>
                        <button type="button" class="button button--secondary" onclick={set_zoom(scale + 25)} aria-label={i18n.t(TrainerText::ZoomIn)}>{ "+" }</button>
                        <button type="button" class="button button--secondary" onclick={select(None)} data-testid="edit-about">{ i18n.t(TrainerText::ScenarioAbout) }</button>
                        <label class="field field--inline">
                            <span>{ i18n.t(TrainerText::FindNode) }</span>
                            <input type="search" list="node-ids" onchange={find_node} data-testid="find-node" />
                        </label>
                        if *not_found {
                            <span class="warn" role="status" data-testid="find-none">{ i18n.t(TrainerText::NodeNotFound) }</span>
                        }
                    </div>
                    <super::graph_view::Graph scenario={s.clone()} layout={derived.1.clone()} severities={derived.2.clone()}
                        selected={*selected} zoom={*zoom} on_select={on_select} />
                    <super::playtest::Playtest scenario={s.clone()} />
                    <super::playtest::BalanceReport scenario={s.clone()} />
                </section>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct NodeIdsProps {
    ids: Rc<Vec<AttrValue>>,
}

/// The node ids offered where a choice's next node is typed (one list for every field).
#[function_component]
fn NodeIds(props: &NodeIdsProps) -> Html {
    html! {
        <datalist id="node-ids">
            { for props.ids.iter().map(|id| html! { <option value={id.clone()} /> }) }
        </datalist>
    }
}

#[cfg(test)]
mod tests {
    use super::field_control;

    #[test]
    fn a_problem_leads_to_the_control_of_its_field() {
        // Every problem of a new scenario names a control the editor has.
        let s = crate::engine::edit::new_scenario("x".into());
        for d in crate::engine::validate::validate(&s) {
            assert!(
                field_control(&d.location.field).is_some(),
                "{}",
                d.location.field
            );
        }
        assert_eq!(
            field_control("meta.summary").as_deref(),
            Some("meta-summary")
        );
        assert_eq!(
            field_control("persona.occupation_label").as_deref(),
            Some("persona-occupation")
        );
        assert_eq!(
            field_control("choices[1].feedback").as_deref(),
            Some("choice-1-feedback")
        );
        assert_eq!(field_control("lines[0].text").as_deref(), Some("line-0"));
        assert_eq!(
            field_control("endings[3].text").as_deref(),
            Some("ending-3")
        );
        assert_eq!(field_control("nonsense"), None);
    }
}

//! The trainer's scenarios: the library (the bundled pack, to copy, and the trainer's own, to
//! open, copy, export, delete and restore from the trash), importing files by picking or
//! dropping them, and one scenario's validation panel and conversation graph.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::scenarios::{copy_of, read_file, ScenarioStore};
use super::TrainerRoute;
use crate::app::{use_i18n, use_store};
use crate::engine::graph::{layout, Target, COLUMN, ROW};
use crate::engine::import::export;
use crate::engine::scenario::{Localized, Scenario};
use crate::engine::validate::{validate, Diagnostic, Severity};
use crate::i18n::{t_with, Lang, TrainerText};
use crate::loader::{use_pack, Loadable};
use crate::pages::load_failed;
use crate::platform::clock::{now_ms, random_u64};
use crate::platform::download::download_text;
use crate::practice::ReadError;

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
}

fn new_uid() -> String {
    crate::engine::code::to_base32(&random_u64().to_be_bytes()[2..])
}

/// Reads dropped or picked files and imports each.
fn import_files(files: Vec<web_sys::File>, done: impl Fn(String) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        for file in files {
            if let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await {
                done(text.as_string().unwrap_or_default());
            }
        }
    });
}

fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

/// The trainer's scenario library.
#[function_component]
pub fn ScenarioLibrary() -> Html {
    let i18n = use_i18n();
    let en = i18n.lang == Lang::En;
    let store = ScenarioStore::new(use_store());
    let pack = use_pack();
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
        Rc::new(move |text: String| {
            status.set(Some(match read_file(&text) {
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
            let input: HtmlInputElement = e.target_unchecked_into();
            let files = file_list(input.files());
            input.set_value("");
            let import_text = import_text.clone();
            import_files(files, move |t| import_text(t));
        })
    };
    let on_drop = {
        let (import_text, dragging) = (import_text.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let files = file_list(e.data_transfer().and_then(|d| d.files()));
            let import_text = import_text.clone();
            import_files(files, move |t| import_text(t));
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
    let act = |f: Rc<dyn Fn() -> Result<(), crate::platform::storage::StoreError>>,
               ok: TrainerText| {
        let (status, version) = (status.clone(), version.clone());
        Callback::from(move |_| {
            status.set(Some(Status::Done(if f().is_ok() {
                ok
            } else {
                TrainerText::ScenarioNotSaved
            })));
            version.set(*version + 1);
        })
    };
    let copy = |s: Scenario| {
        let (store, taken) = (store.clone(), taken.clone());
        act(
            Rc::new(move || {
                store
                    .add(&copy_of(&s, &taken), new_uid(), now_ms())
                    .map(|_| ())
            }),
            TrainerText::ScenarioCopied,
        )
    };
    let export_uid = |uid: String| {
        let store = store.clone();
        Callback::from(move |_| {
            if let Some(imported) = store.load(&uid) {
                download_text(
                    &format!("{}.json", imported.scenario.id),
                    &export(&imported.scenario),
                );
            }
        })
    };
    let trash = |uid: String, deleted: Option<u64>, ok: TrainerText| {
        let store = store.clone();
        act(Rc::new(move || store.set_deleted(&uid, deleted)), ok)
    };
    let purge = |uid: String| {
        let store = store.clone();
        act(
            Rc::new(move || store.purge(&uid)),
            TrainerText::ScenarioPurged,
        )
    };
    let copy_uid = |uid: String| {
        let (store, taken) = (store.clone(), taken.clone());
        act(
            Rc::new(move || match store.load(&uid) {
                Some(i) => store
                    .add(&copy_of(&i.scenario, &taken), new_uid(), now_ms())
                    .map(|_| ()),
                None => Ok(()),
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
            if let Err(ReadError::SetAside(key)) = &entries {
                <crate::pages::UnreadableNotice key_name={key.clone()} />
            }
            <h2>{ i18n.t(TrainerText::ScenariosOwn) }</h2>
            if live.is_empty() {
                <p data-testid="no-scenarios">{ i18n.t(TrainerText::ScenariosNone) }</p>
            }
            <ul class="workshop-list">
                { for live.iter().map(|e| html! {
                    <li class="card workshop-list__item" data-testid={format!("own-{}", e.id)}>
                        <a href={TrainerRoute::Scenario { uid: e.uid.clone() }.href()} data-testid="open-scenario"><strong>{ e.title.get(en).to_owned() }</strong></a>
                        <p class="hint">{ e.id.clone() }</p>
                        <div class="actions">
                            <button type="button" class="button button--secondary" onclick={copy_uid(e.uid.clone())} data-testid="copy-own">{ i18n.t(TrainerText::ScenarioCopy) }</button>
                            <button type="button" class="button button--secondary" onclick={export_uid(e.uid.clone())} data-testid="export-scenario">{ i18n.t(TrainerText::ScenarioExport) }</button>
                            <button type="button" class="button button--secondary" onclick={trash(e.uid.clone(), Some(now_ms()), TrainerText::ScenarioTrashed)} data-testid="delete-scenario">{ i18n.t(TrainerText::ScenarioDelete) }</button>
                        </div>
                    </li>
                }) }
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
                                <button type="button" class="button button--secondary" onclick={copy(s.clone())} data-testid="copy-bundled">{ i18n.t(TrainerText::ScenarioCopy) }</button>
                            </li>
                        }) }
                    </ul>
                },
            } }
            if !trashed.is_empty() {
                <h2>{ i18n.t(TrainerText::ScenariosTrash) }</h2>
                <ul class="workshop-list">
                    { for trashed.iter().map(|e| html! {
                        <li class="card workshop-list__item" data-testid={format!("trashed-{}", e.id)}>
                            <strong>{ e.title.get(en).to_owned() }</strong>
                            <div class="actions">
                                <button type="button" class="button button--secondary" onclick={trash(e.uid.clone(), None, TrainerText::ScenarioRestored)} data-testid="restore-scenario">{ i18n.t(TrainerText::ScenarioRestore) }</button>
                                <button type="button" class="button button--secondary" onclick={purge(e.uid.clone())} data-testid="purge-scenario">{ i18n.t(TrainerText::ScenarioPurge) }</button>
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

/// One scenario: its validation panel and its conversation graph. Clicking a problem or a node
/// shows that node.
#[function_component]
pub fn ScenarioView(props: &ScenarioViewProps) -> Html {
    let i18n = use_i18n();
    let en = i18n.lang == Lang::En;
    let store = ScenarioStore::new(use_store());
    let selected = use_state(|| None::<u32>);
    let zoom = use_state(|| 100u32);
    let Some(imported) = store.load(&props.uid) else {
        return html! { <div class="page page--narrow"><p data-testid="scenario-missing">{ i18n.t(TrainerText::ScenarioMissing) }</p></div> };
    };
    let s = imported.scenario;
    let diagnostics = validate(&s);
    let select = |node: Option<u32>| {
        let selected = selected.clone();
        Callback::from(move |_| selected.set(node))
    };
    let node_of = |d: &Diagnostic| {
        d.location
            .node
            .as_ref()
            .and_then(|id| s.nodes.iter().position(|n| n.id == *id))
            .map(|i| i as u32)
    };
    let worst = |i: usize| {
        let id = &s.nodes[i].id;
        let here = diagnostics
            .iter()
            .filter(|d| d.location.node.as_ref() == Some(id));
        let mut sev = None;
        for d in here {
            sev = Some(match (sev, d.severity) {
                (_, Severity::Error) | (Some(Severity::Error), _) => Severity::Error,
                _ => Severity::Warning,
            });
        }
        sev
    };
    let l = layout(&s);
    let set_zoom = |z: u32| {
        let zoom = zoom.clone();
        Callback::from(move |_| zoom.set(z.clamp(25, 200)))
    };
    let (w, h) = l.size;
    let scale = *zoom;
    let box_w = COLUMN - 60;
    let box_h = ROW - 24;
    html! {
        <div class="page scenario-view" data-testid="scenario-view">
            <p class="eyebrow">{ format!("{} · v{}", s.id, s.version) }</p>
            <h1>{ s.meta.title.get(en).to_owned() }</h1>
            <div class="scenario-view__grid">
                <section class="card" data-testid="diagnostics">
                    <h2>{ i18n.t(TrainerText::ScenarioProblems) }</h2>
                    if diagnostics.is_empty() {
                        <p class="ok" data-testid="no-problems">{ i18n.t(TrainerText::ScenarioNoProblems) }</p>
                    }
                    <ul class="diagnostics">
                        { for diagnostics.iter().map(|d| {
                            let node = node_of(d);
                            html! {
                                <li>
                                    <button type="button" class={classes!("diagnostic", if d.severity == Severity::Error { "diagnostic--error" } else { "diagnostic--warning" })}
                                        onclick={select(node)} data-testid="diagnostic">
                                        <strong>{ i18n.t(if d.severity == Severity::Error { TrainerText::ScenarioError } else { TrainerText::ScenarioWarning }) }</strong>
                                        if let Some(n) = &d.location.node { { format!(" · {n}") } }
                                        <br />{ d.message.get(en).to_owned() }
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                    if let Some(i) = *selected {
                        { node_panel(&i18n, &s, i as usize) }
                    }
                </section>
                <section class="card graph-card">
                    <h2>{ i18n.t(TrainerText::ScenarioGraph) }</h2>
                    <div class="actions">
                        <button type="button" class="button button--secondary" onclick={set_zoom(scale.saturating_sub(25))} aria-label={i18n.t(TrainerText::ZoomOut)}>{ "−" }</button>
                        <button type="button" class="button button--secondary" onclick={set_zoom(100)}>{ format!("{scale}%") }</button>
                        <button type="button" class="button button--secondary" onclick={set_zoom(scale + 25)} aria-label={i18n.t(TrainerText::ZoomIn)}>{ "+" }</button>
                    </div>
                    <div class="graph" data-testid="graph">
                        <svg width={(w * scale / 100).to_string()} height={(h * scale / 100).to_string()} viewBox={format!("0 0 {w} {h}")}
                            role="img" aria-label={i18n.t(TrainerText::ScenarioGraph)}>
                            { for l.edges.iter().map(|e| {
                                let (fx, fy) = l.positions[e.from as usize];
                                let (x1, y1) = (fx + box_w, fy + box_h / 2);
                                let (x2, y2) = match e.to {
                                    Target::Node(t) => { let (tx, ty) = l.positions[t as usize]; (tx, ty + box_h / 2) }
                                    Target::End => (fx + box_w + 30, fy + box_h / 2),
                                };
                                html! { <line x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()}
                                    class={if e.to == Target::End { "edge edge--end" } else { "edge" }} /> }
                            }) }
                            { for s.nodes.iter().enumerate().map(|(i, n)| {
                                let (x, y) = l.positions[i];
                                let class = classes!(
                                    "gnode",
                                    match worst(i) { Some(Severity::Error) => Some("gnode--error"), Some(Severity::Warning) => Some("gnode--warning"), None => None },
                                    (!l.reachable[i]).then_some("gnode--orphan"),
                                    (*selected == Some(i as u32)).then_some("gnode--selected"),
                                );
                                html! {
                                    <g class={class} onclick={select(Some(i as u32))} data-testid={format!("gnode-{}", n.id)}>
                                        <rect x={x.to_string()} y={y.to_string()} width={box_w.to_string()} height={box_h.to_string()} rx="8" />
                                        <text x={(x + 10).to_string()} y={(y + 22).to_string()} class="gnode__id">{ n.id.clone() }</text>
                                        <text x={(x + 10).to_string()} y={(y + 42).to_string()} class="gnode__count">
                                            { t_with(i18n.lang, TrainerText::ScenarioChoiceCount, &[("count", &n.choices.len().to_string())]) }
                                        </text>
                                    </g>
                                }
                            }) }
                        </svg>
                    </div>
                </section>
            </div>
        </div>
    }
}

/// What a node holds: the worker's lines and the agent's choices.
fn node_panel(i18n: &crate::app::I18n, s: &Scenario, i: usize) -> Html {
    let en = i18n.lang == Lang::En;
    let Some(node) = s.nodes.get(i) else {
        return html! {};
    };
    html! {
        <div class="node-panel" data-testid="node-panel">
            <h3>{ node.id.clone() }</h3>
            { for node.lines.iter().map(|l| html! { <p class="bubble bubble--worker">{ l.text.get(en).to_owned() }</p> }) }
            <ol>
                { for node.choices.iter().map(|c| html! { <li>{ c.text.get(en).to_owned() }</li> }) }
            </ol>
        </div>
    }
}

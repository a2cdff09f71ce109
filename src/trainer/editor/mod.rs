//! The scenario editor: one of the trainer's scenarios, with every change saved at once (see
//! `autosave.rs`) and undone or redone a step at a time (`state.rs`), the problems panel, the
//! forms for the scenario and for one node, and the conversation graph with its playtest and
//! balance report. Clicking a problem or a node opens that node.

mod about;
mod autosave;
mod choice;
mod conditions;
mod endings;
mod fields;
mod figures;
mod forms;
mod graph;
mod next;
mod node;
mod other_tab;
mod pair;
mod persona;
mod playtest;
mod problems;
mod rubric;
mod save_indicator;
mod saving;
mod shortcuts;
mod state;
mod versions;

use std::rc::Rc;

use yew::prelude::*;

use crate::components::notice::{Notice, Tone};
use crate::context::{use_i18n, use_store};
use crate::engine::export;
use crate::engine::graph::layout;
use crate::engine::Scenario;
use crate::engine::{validate, Severity, Validator};
use crate::i18n::{t_with, TrainerText};
use crate::loader::Loadable;
use crate::platform::download::download_text;
use crate::platform::form::{set_value_of, value_of};
use crate::trainer::storage::scenarios::ScenarioStore;
use about::AboutEditor;
use autosave::use_autosave;
use node::NodeForm;
use other_tab::OtherTabNotice;
use problems::{focus_control, Problems};
use save_indicator::SaveIndicator;
use shortcuts::use_undo_shortcuts;
use state::{Editor, EditorAction, Mirror};
use versions::Versions;

/// Props of [`ScenarioView`].
#[derive(Properties, PartialEq)]
pub struct ScenarioViewProps {
    /// The scenario's local id.
    pub uid: AttrValue,
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
                    <crate::pages::UnreadableNotice key_name={crate::trainer::storage::scenarios::text_key(&props.uid)} />
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

#[function_component]
fn EditorPage(props: &EditorPageProps) -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let store = ScenarioStore::new(use_store());
    let mirror: Mirror = use_mut_ref(|| (props.initial.clone(), 0u64));
    let editor = {
        let (initial, mirror) = (props.initial.clone(), mirror.clone());
        use_reducer(move || Editor::new(initial, mirror))
    };
    let selected = use_state(|| None::<usize>);
    let zoom = use_state(|| 100u32);
    let rename_problem = use_state(|| None::<TrainerText>);
    let autosave = use_autosave(&props.uid, &mirror, editor.changes, editor.dispatcher());
    let flush = autosave.flush.clone();
    use_undo_shortcuts(editor.dispatcher());

    let s = editor.scenario.clone();
    // Validation and layout change only with the scenario, not with zooming or selecting.
    // Validation remembers each node, so an edit re-checks only what it can affect.
    let validator = use_mut_ref(Validator::default);
    let derived = {
        let s = s.clone();
        use_memo(editor.changes, move |_| {
            let diagnostics = validator.borrow_mut().validate(&s);
            let severities = Rc::new(graph::severities(&s, &diagnostics));
            (Rc::new(diagnostics), Rc::new(layout(&s)), severities)
        })
    };
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
    let open_problem = {
        let (selected, focus_next, s) = (selected.clone(), focus_next.clone(), s.clone());
        Callback::from(move |(node, control): (Option<String>, Option<String>)| {
            selected.set(node.and_then(|id| s.nodes.iter().position(|n| n.id == id)));
            focus_next.set(control);
        })
    };
    let not_found = use_state(|| false);
    let find_node = {
        let (selected, s, not_found) = (selected.clone(), s.clone(), not_found.clone());
        Callback::from(move |e: Event| {
            let id = value_of(&e);
            let found = s.nodes.iter().position(|n| n.id == id.trim());
            not_found.set(found.is_none() && !id.trim().is_empty());
            if let Some(i) = found {
                selected.set(Some(i));
                set_value_of(&e, "");
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
            editor.dispatch(EditorAction::AddNode);
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
                crate::platform::page::open_in_new_tab(&format!(
                    "./#/latihan/{}",
                    crate::engine::percent_encode(&s.id)
                ));
            }
        })
    };
    let export_now = {
        let s = s.clone();
        Callback::from(move |_| {
            download_text(&format!("{}.json", s.id), &export(&s));
        })
    };
    let restore_version = {
        let editor = editor.dispatcher();
        Callback::from(move |s: Rc<Scenario>| editor.dispatch(EditorAction::Replace(s)))
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
            let new_id = value_of(&e);
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
                editor.dispatch(EditorAction::RemoveNode(i));
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
            <h1 data-testid="editor-title">{ s.meta.title.get(lang).to_owned() }</h1>
            <div class="actions editor-bar">
                <button type="button" class="button button--secondary" onclick={undo} disabled={!editor.can_undo()} data-testid="undo">{ i18n.t(TrainerText::Undo) }</button>
                <button type="button" class="button button--secondary" onclick={redo} disabled={!editor.can_redo()} data-testid="redo">{ i18n.t(TrainerText::Redo) }</button>
                <button type="button" class="button button--secondary" onclick={add_node} data-testid="add-node">{ i18n.t(TrainerText::AddNode) }</button>
                <button type="button" class="button button--secondary" onclick={export_now.clone()} data-testid="export-current">{ i18n.t(TrainerText::ScenarioExport) }</button>
                <button type="button" class="button" onclick={play_as_agent} data-testid="play-as-agent">{ i18n.t(TrainerText::PlayAsAgent) }</button>
                <SaveIndicator state={autosave.status.clone()} changed={editor.changes > 0} />
            </div>
            if let Some(p) = *agent_problem {
                <Notice tone={Tone::Warning} urgent=true testid="play-problem">{ i18n.t(p) }</Notice>
            }
            <OtherTabNotice gone={autosave.gone} conflict={autosave.conflict} take_theirs={autosave.take_theirs.clone()}
                keep_mine={autosave.keep_mine.clone()} keep_as_new={autosave.keep_as_new.clone()} />
            <div class="scenario-view__grid">
                <div class="editor-side">
                    <Problems diagnostics={derived.0.clone()} on_open={open_problem} />
                    if let Some(i) = (*selected).filter(|i| *i < s.nodes.len()) {
                        <NodeForm scenario={s.clone()} index={i} editor={editor.dispatcher()} {rename} {remove_node} problem={*rename_problem} />
                    } else {
                        <AboutEditor scenario={s.clone()} editor={editor.dispatcher()} />
                        <Versions uid={props.uid.clone()} flush={Callback::from(move |()| flush())} on_restore={restore_version} />
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
                    <graph::Graph scenario={s.clone()} layout={derived.1.clone()} severities={derived.2.clone()}
                        selected={*selected} zoom={*zoom} on_select={on_select} />
                    <playtest::Playtest scenario={s.clone()} />
                    <playtest::BalanceReport scenario={s.clone()} />
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

//! The editor of one node: its id, whether its choices keep their order, the worker's lines
//! with their conditions, and its choices (see `choice.rs`).

use std::rc::Rc;

use yew::prelude::*;

use super::choice::ChoiceForm;
use super::conditions::Conditions;
use super::fields::Number;
use super::forms::{edit, fact_ids, Ed};
use super::pair::Pair;
use super::state::EditorAction;
use crate::context::use_i18n;
use crate::engine::*;
use crate::i18n::{action_on, t_with, TrainerText};
use crate::platform::form::checked_of;

/// Props of [`NodeForm`].
#[derive(Properties)]
pub(super) struct NodeFormProps {
    /// The scenario as it is now.
    pub(super) scenario: Rc<Scenario>,
    /// Which node.
    pub(super) index: usize,
    /// Where changes go.
    pub(super) editor: Ed,
    /// Renames the node (the page checks the new id).
    pub(super) rename: Callback<Event>,
    /// Removes the node.
    pub(super) remove_node: Callback<MouseEvent>,
    /// Why the last rename was refused.
    pub(super) problem: Option<TrainerText>,
}

impl PartialEq for NodeFormProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.scenario, &other.scenario)
            && self.index == other.index
            && self.editor == other.editor
            && self.rename == other.rename
            && self.remove_node == other.remove_node
            && self.problem == other.problem
    }
}

/// The editor of one node: its id, the worker's lines, and each choice.
#[function_component]
pub(super) fn NodeForm(props: &NodeFormProps) -> Html {
    let i18n = use_i18n();
    let t = |k: TrainerText| AttrValue::from(i18n.t(k));
    let (s, ed, i) = (&props.scenario, &props.editor, props.index);
    let (rename, remove_node, problem) = (
        props.rename.clone(),
        props.remove_node.clone(),
        props.problem,
    );
    let node = &s.nodes[i];
    let facts = fact_ids(s);
    // Changes to this node's line `l` or choice `c`.
    let line = move |f: fn(&mut LineVariant, Localized), l: usize| {
        edit(ed, move |s: &mut Scenario, v: Localized| {
            if let Some(x) = s.node_mut(i).and_then(|n| n.lines.get_mut(l)) {
                f(x, v)
            }
        })
    };
    html! {
        <section class="card node-editor" data-testid="node-editor">
            <h2>{ t(TrainerText::Node) }</h2>
            <label class="field">
                <span>{ t(TrainerText::NodeId) }</span>
                <input type="text" value={node.id.clone()} onchange={rename} data-testid="node-id" />
            </label>
            if let Some(p) = problem {
                <p class="warn" role="alert" data-testid="rename-problem">{ t(p) }</p>
            }
            <label class="field field--check">
                <input type="checkbox" checked={node.pin_order.is_some()} data-testid="node-pin-order"
                    onchange={edit(ed, move |s, e: Event| {
                        let on = checked_of(&e);
                        if let Some(n) = s.node_mut(i) { n.pin_order = on.then(Localized::default); }
                    })} />
                <span>{ t(TrainerText::NodePinOrder) }</span>
            </label>
            <p class="hint">{ t(TrainerText::NodePinOrderHelp) }</p>
            if let Some(why) = &node.pin_order {
                <Pair label={t(TrainerText::NodePinOrderReason)} value={why.clone()} testid="node-pin-order-reason"
                    on_change={edit(ed, move |s, v| if let Some(n) = s.node_mut(i) { n.pin_order = Some(v) })} />
            }
            <h3>{ t(TrainerText::WorkerLines) }</h3>
            <p class="hint">{ t(TrainerText::HelpLines) }</p>
            { for node.lines.iter().enumerate().map(|(l, variant)| html! {
                <div class="list-editor__item" data-testid={format!("line-editor-{l}")}>
                    <Pair label={t_with(i18n.lang, TrainerText::WorkerLine, &[("n", &(l + 1).to_string())])} value={variant.text.clone()}
                        on_change={line(|x, v| x.text = v, l)} long=true testid={format!("line-{l}")} />
                    <Number label={t(TrainerText::LineWeight)} value={i64::from(variant.weight)} min={0} max={100}
                        on_change={edit(ed, move |s, v: i64| if let Some(x) = s.node_mut(i).and_then(|n| n.lines.get_mut(l)) { x.weight = v as u32 })} testid={format!("line-{l}-weight")} />
                    <Conditions label={t(TrainerText::LineWhen)} value={variant.when.clone()} facts={facts.clone()} testid={format!("line-{l}-when")}
                        on_change={edit(ed, move |s, v: Vec<Condition>| if let Some(x) = s.node_mut(i).and_then(|n| n.lines.get_mut(l)) { x.when = v })} />
                    if node.lines.len() > 1 {
                        <button type="button" class="button button--secondary button--small" data-testid={format!("line-{l}-remove")}
                            aria-label={action_on(i18n.lang, TrainerText::Remove, &t_with(i18n.lang, TrainerText::WorkerLine, &[("n", &(l + 1).to_string())]))}
                            onclick={edit(ed, move |s, _: MouseEvent| if let Some(n) = s.node_mut(i) { if l < n.lines.len() { n.lines.remove(l); } })}>{ t(TrainerText::Remove) }</button>
                    }
                </div>
            }) }
            <button type="button" class="button button--secondary button--small" data-testid="line-add"
                onclick={edit(ed, move |s, _: MouseEvent| if let Some(n) = s.node_mut(i) { n.lines.push(LineVariant { when: Vec::new(), weight: 1, text: Localized::default() }) })}>{ t(TrainerText::AddLine) }</button>

            <h3>{ t(TrainerText::Choices) }</h3>
            { for (0..node.choices.len()).map(|c| html! {
                <ChoiceForm scenario={props.scenario.clone()} node={i} choice={c} editor={props.editor.clone()} facts={facts.clone()} />
            }) }
            <div class="actions">
                <button type="button" class="button button--secondary" data-testid="add-choice"
                    onclick={{ let ed = ed.clone(); Callback::from(move |_: MouseEvent| ed.dispatch(EditorAction::AddChoice(i))) }}>{ t(TrainerText::AddChoice) }</button>
                <button type="button" class="button button--secondary" onclick={remove_node} data-testid="remove-node">{ t(TrainerText::RemoveNode) }</button>
            </div>
        </section>
    }
}

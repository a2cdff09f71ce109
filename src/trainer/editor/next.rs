//! Where a choice leads: a node typed (with the node ids offered), the end, or branches on the
//! worker's state with a node for each and one for otherwise.

use std::rc::Rc;

use yew::prelude::*;

use super::conditions::Conditions;
use crate::context::use_i18n;
use crate::engine::*;
use crate::i18n::{action_on, t_with, TrainerText};
use crate::platform::form::value_of;

/// A callback that changes the branches of a choice's next step.
fn branch_edit<T: 'static>(
    set: &Callback<Next>,
    branches: &[Branch],
    otherwise: &str,
    f: impl Fn(&mut Vec<Branch>, T) + 'static,
) -> Callback<T> {
    let (set, branches, otherwise) = (set.clone(), branches.to_vec(), otherwise.to_owned());
    Callback::from(move |v: T| {
        let mut all = branches.clone();
        f(&mut all, v);
        set.emit(Next::Branch {
            branches: all,
            otherwise: otherwise.clone(),
        })
    })
}

/// Props of [`NextForm`].
#[derive(Properties, PartialEq)]
pub(super) struct NextFormProps {
    /// What the field is called.
    pub(super) label: TrainerText,
    /// What an empty field means.
    pub(super) empty: TrainerText,
    /// Where it leads now.
    pub(super) next: Next,
    /// The hidden facts' ids, for branch conditions.
    pub(super) facts: Rc<Vec<AttrValue>>,
    /// Called with where it should lead.
    pub(super) on_change: Callback<Next>,
    /// Test id (and prefix of its parts').
    pub(super) testid: AttrValue,
}

/// Where a choice leads: a node typed (with the node ids offered), the end, or branches on
/// the worker's state with a node for each and one for otherwise.
#[function_component]
pub(super) fn NextForm(props: &NextFormProps) -> Html {
    let i18n = use_i18n();
    let t = |k: TrainerText| AttrValue::from(i18n.t(k));
    let (label, empty, next, facts, set, testid) = (
        props.label,
        props.empty,
        &props.next,
        &props.facts,
        props.on_change.clone(),
        props.testid.as_str(),
    );
    match next {
        Next::Branch {
            branches,
            otherwise,
        } => {
            let to_simple = {
                let (set, otherwise) = (set.clone(), otherwise.clone());
                Callback::from(move |_: MouseEvent| set.emit(Next::Node(otherwise.clone())))
            };
            html! {
                <fieldset class="branches" data-testid={format!("{testid}-branches")}>
                    <legend>{ t(label) }</legend>
                    { for branches.iter().enumerate().map(|(b, branch)| {
                        let on_when = branch_edit(&set, branches, otherwise, move |all, v: Vec<Condition>| if let Some(x) = all.get_mut(b) { x.when = v });
                        let go = branch_edit(&set, branches, otherwise, move |all, v: String| if let Some(x) = all.get_mut(b) { x.go = v });
                        let on_go = Callback::from(move |e: Event| go.emit(value_of(&e).trim().to_owned()));
                        let remove = branch_edit(&set, branches, otherwise, move |all, _: MouseEvent| { if b < all.len() { all.remove(b); } });
                        html! {
                            <div class="branch">
                                <Conditions label={t_with(i18n.lang, TrainerText::BranchN, &[("n", &(b + 1).to_string())])} value={branch.when.clone()} facts={facts.clone()}
                                    on_change={on_when} testid={format!("{testid}-branch-{b}-when")} />
                                <label class="field">
                                    <span>{ t(TrainerText::BranchGo) }</span>
                                    <input type="text" list="node-ids" value={branch.go.clone()} onchange={on_go} data-testid={format!("{testid}-branch-{b}-go")} />
                                </label>
                                <button type="button" class="button button--secondary button--small" onclick={remove} data-testid={format!("{testid}-branch-{b}-remove")}
                                    aria-label={action_on(i18n.lang, TrainerText::Remove, &format!("{} ({})", t(label), b + 1))}>{ t(TrainerText::Remove) }</button>
                            </div>
                        }
                    }) }
                    <label class="field">
                        <span>{ t(TrainerText::BranchOtherwise) }</span>
                        <input type="text" list="node-ids" value={otherwise.clone()} data-testid={format!("{testid}-otherwise")}
                            onchange={{ let (set, branches) = (set.clone(), branches.clone()); Callback::from(move |e: Event| set.emit(Next::Branch { branches: branches.clone(), otherwise: value_of(&e).trim().to_owned() })) }} />
                    </label>
                    <div class="actions">
                        <button type="button" class="button button--secondary button--small" data-testid={format!("{testid}-branch-add")}
                            onclick={{ let (set, branches, otherwise) = (set.clone(), branches.clone(), otherwise.clone()); Callback::from(move |_: MouseEvent| {
                                let mut all = branches.clone();
                                all.push(Branch { when: Vec::new(), go: otherwise.clone() });
                                set.emit(Next::Branch { branches: all, otherwise: otherwise.clone() });
                            }) }}>{ t(TrainerText::BranchAdd) }</button>
                        <button type="button" class="button button--secondary button--small" onclick={to_simple} data-testid={format!("{testid}-unbranch")}>{ t(TrainerText::BranchRemoveAll) }</button>
                    </div>
                </fieldset>
            }
        }
        simple => {
            let value = match simple {
                Next::Node(id) => id.clone(),
                _ => String::new(),
            };
            let on_change = {
                let set = set.clone();
                Callback::from(move |e: Event| {
                    let v = value_of(&e).trim().to_owned();
                    set.emit(if v.is_empty() {
                        Next::End
                    } else {
                        Next::Node(v)
                    });
                })
            };
            let to_branch = {
                let (set, value) = (set.clone(), value.clone());
                Callback::from(move |_: MouseEvent| {
                    set.emit(Next::Branch {
                        branches: vec![Branch {
                            when: Vec::new(),
                            go: value.clone(),
                        }],
                        otherwise: value.clone(),
                    })
                })
            };
            html! {
                <div class="next-editor">
                    <label class="field">
                        <span>{ t(label) }</span>
                        <input type="text" list="node-ids" value={value} placeholder={t(empty)} onchange={on_change} data-testid={testid.to_owned()} />
                        <span class="hint">{ t(TrainerText::NextHint) }</span>
                    </label>
                    <button type="button" class="button button--secondary button--small" onclick={to_branch} data-testid={format!("{testid}-branch")}>{ t(TrainerText::BranchMake) }</button>
                </div>
            }
        }
    }
}

//! The editor's list of conditions (on a line, a choice or a branch): each a kind (a worker's
//! state above or below a value, a fact found or not, a choice made or not, ...) and its value.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use super::fields::{Options, Select};
use crate::context::use_i18n;
use crate::engine::{format_name, Condition, Stat};
use crate::i18n::{action_on, TrainerText};
use crate::platform::form::value_of;

/// Props of [`Conditions`].
#[derive(Properties, PartialEq)]
pub struct ConditionsProps {
    /// What the conditions decide.
    pub label: AttrValue,
    /// The conditions (all must hold).
    pub value: Vec<Condition>,
    /// The persona's hidden facts, by id.
    pub facts: Rc<Vec<AttrValue>>,
    /// Called with the new list.
    pub on_change: Callback<Vec<Condition>>,
    /// Test id prefix.
    pub testid: AttrValue,
}

const KINDS: [&str; 8] = [
    "discovered",
    "not_discovered",
    "at_least",
    "at_most",
    "visited",
    "chose",
    "discount",
    "no_discount",
];

fn kind_of(c: &Condition) -> &'static str {
    match c {
        Condition::Discovered(_) => KINDS[0],
        Condition::NotDiscovered(_) => KINDS[1],
        Condition::AtLeast(_) => KINDS[2],
        Condition::AtMost(_) => KINDS[3],
        Condition::Visited(_) => KINDS[4],
        Condition::Chose(_) => KINDS[5],
        Condition::Discount(true) => KINDS[6],
        Condition::Discount(false) => KINDS[7],
    }
}

fn kind_text(kind: &str) -> TrainerText {
    match kind {
        "discovered" => TrainerText::CondDiscovered,
        "not_discovered" => TrainerText::CondNotDiscovered,
        "at_least" => TrainerText::CondAtLeast,
        "at_most" => TrainerText::CondAtMost,
        "visited" => TrainerText::CondVisited,
        "discount" => TrainerText::CondDiscount,
        "no_discount" => TrainerText::CondNoDiscount,
        _ => TrainerText::CondChose,
    }
}

/// A new condition of a kind, keeping what it can of `old`.
fn with_kind(kind: &str, old: &Condition, facts: &[AttrValue]) -> Condition {
    let text = match old {
        Condition::Discovered(s)
        | Condition::NotDiscovered(s)
        | Condition::Visited(s)
        | Condition::Chose(s) => s.clone(),
        _ => String::new(),
    };
    let stats = match old {
        Condition::AtLeast(m) | Condition::AtMost(m) => m.clone(),
        _ => {
            let mut m = BTreeMap::new();
            m.insert(Stat::Trust, 50);
            m
        }
    };
    let fact = || {
        if facts.iter().any(|f| **f == text) {
            text.clone()
        } else {
            facts.first().map(|f| f.to_string()).unwrap_or_default()
        }
    };
    match kind {
        "discovered" => Condition::Discovered(fact()),
        "not_discovered" => Condition::NotDiscovered(fact()),
        "at_least" => Condition::AtLeast(stats),
        "at_most" => Condition::AtMost(stats),
        "discount" => Condition::Discount(true),
        "no_discount" => Condition::Discount(false),
        "visited" => Condition::Visited(text),
        _ => Condition::Chose(text),
    }
}

fn stat_text(stat: Stat) -> TrainerText {
    match stat {
        Stat::Trust => TrainerText::Trust,
        Stat::Interest => TrainerText::Interest,
        Stat::CostWorry => TrainerText::CostWorry,
        Stat::Patience => TrainerText::Patience,
    }
}

/// A list of conditions, all of which must hold; each can be changed, removed or added.
#[function_component]
pub fn Conditions(props: &ConditionsProps) -> Html {
    let i18n = use_i18n();
    let set = {
        let (value, on_change) = (props.value.clone(), props.on_change.clone());
        Rc::new(move |index: usize, next: Option<Condition>| {
            let mut all = value.clone();
            match next {
                Some(c) if index < all.len() => all[index] = c,
                Some(c) => all.push(c),
                None if index < all.len() => {
                    all.remove(index);
                }
                None => {}
            }
            on_change.emit(all);
        })
    };
    let kinds: Options = Rc::new(
        KINDS
            .iter()
            .map(|k| (AttrValue::from(*k), AttrValue::from(i18n.t(kind_text(k)))))
            .collect(),
    );
    let rows = props.value.iter().enumerate().map(|(n, c)| {
        let testid = format!("{}-{n}", props.testid);
        let on_kind = {
            let (set, c, facts) = (set.clone(), c.clone(), props.facts.clone());
            Callback::from(move |kind: AttrValue| set(n, Some(with_kind(&kind, &c, &facts))))
        };
        let set_text = {
            let (set, c) = (set.clone(), c.clone());
            Rc::new(move |v: String| {
                set(n, Some(match &c {
                    Condition::Discovered(_) => Condition::Discovered(v),
                    Condition::NotDiscovered(_) => Condition::NotDiscovered(v),
                    Condition::Visited(_) => Condition::Visited(v),
                    Condition::Chose(_) => Condition::Chose(v),
                    other => other.clone(),
                }))
            })
        };
        let on_text = {
            let set_text = set_text.clone();
            Callback::from(move |e: Event| set_text(value_of(&e).trim().to_owned()))
        };
        let argument = match c {
            Condition::Discovered(f) | Condition::NotDiscovered(f) => {
                // A fact that no longer exists stays shown (validation reports it).
                let known = props.facts.iter().any(|x| x == f);
                let options: Options = Rc::new(
                    (!known && !f.is_empty()).then(|| AttrValue::from(f.clone())).into_iter()
                        .chain(props.facts.iter().cloned())
                        .map(|x| (x.clone(), x))
                        .collect(),
                );
                let on_fact = Callback::from(move |v: AttrValue| set_text(v.to_string()));
                html! {
                    <Select {options} value={AttrValue::from(f.clone())} none={f.is_empty().then(|| AttrValue::from("–"))}
                        label={AttrValue::from(i18n.t(TrainerText::HiddenFacts))} on_change={on_fact} testid={format!("{testid}-fact")} />
                }
            }
            Condition::Visited(id) => html! {
                <input type="text" list="node-ids" value={id.clone()} onchange={on_text} aria-label={i18n.t(TrainerText::NodeId)} data-testid={format!("{testid}-text")} />
            },
            Condition::Chose(id) => html! {
                <input type="text" value={id.clone()} onchange={on_text} aria-label={i18n.t(TrainerText::ChoiceId)} data-testid={format!("{testid}-text")} />
            },
            Condition::Discount(_) => html! {},
            Condition::AtLeast(m) | Condition::AtMost(m) => {
                let at_least = matches!(c, Condition::AtLeast(_));
                html! {
                    <span class="cond__stats">
                        { for Stat::ALL.iter().map(|&stat| {
                            let onchange = {
                                let (set, m) = (set.clone(), m.clone());
                                Callback::from(move |e: Event| {
                                    let raw = value_of(&e);
                                    let mut m = m.clone();
                                    match raw.trim().parse::<i32>() {
                                        Ok(v) => { m.insert(stat, v.clamp(0, 100)); }
                                        Err(_) => { m.remove(&stat); }
                                    }
                                    set(n, Some(if at_least { Condition::AtLeast(m) } else { Condition::AtMost(m) }));
                                })
                            };
                            html! {
                                <label class="field field--number">
                                    <span>{ i18n.t(stat_text(stat)) }</span>
                                    <input type="number" min="0" max="100" placeholder="–" value={m.get(&stat).map(|v| v.to_string()).unwrap_or_default()} {onchange}
                                        data-testid={format!("{testid}-{}", format_name(&stat))} />
                                </label>
                            }
                        }) }
                    </span>
                }
            }
        };
        let remove = {
            let set = set.clone();
            Callback::from(move |_| set(n, None))
        };
        html! {
            <li class="cond">
                <Select options={kinds.clone()} value={kind_of(c)} label={props.label.clone()} on_change={on_kind} testid={format!("{testid}-kind")} />
                { argument }
                <button type="button" class="button button--secondary button--small" onclick={remove} data-testid={format!("{testid}-remove")}
                    aria-label={action_on(i18n.lang, TrainerText::Remove, &format!("{} ({})", props.label, n + 1))}>{ i18n.t(TrainerText::Remove) }</button>
            </li>
        }
    });
    let add = {
        let (set, n, facts) = (set.clone(), props.value.len(), props.facts.clone());
        Callback::from(move |_| {
            let first = if facts.is_empty() {
                "at_least"
            } else {
                "discovered"
            };
            set(
                n,
                Some(with_kind(first, &Condition::Visited(String::new()), &facts)),
            )
        })
    };
    html! {
        <fieldset class="conditions">
            <legend>{ props.label.clone() }</legend>
            if props.value.is_empty() { <p class="hint">{ i18n.t(TrainerText::CondAlways) }</p> }
            <ul class="conds">{ for rows }</ul>
            <button type="button" class="button button--secondary button--small" onclick={add} data-testid={format!("{}-add", props.testid)}>{ i18n.t(TrainerText::CondAdd) }</button>
        </fieldset>
    }
}

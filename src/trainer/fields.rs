//! The editor's form fields: numbers with a range and help, a choice from a list, several
//! choices from a list, and lists of conditions. Each is a component, so the many fields of a
//! scenario share one copy of their code.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::context::use_i18n;
use crate::engine::scenario::{format_name, Condition, Stat};
use crate::i18n::{action_on, TrainerText};

/// The value of the input, select or text area an event came from.
pub fn value_of(e: &Event) -> String {
    let Some(target) = e.target() else {
        return String::new();
    };
    use wasm_bindgen::JsCast;
    if let Some(i) = target.dyn_ref::<HtmlInputElement>() {
        i.value()
    } else if let Some(s) = target.dyn_ref::<HtmlSelectElement>() {
        s.value()
    } else if let Some(t) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.value()
    } else {
        String::new()
    }
}

/// Options of a list: (value as the format writes it, label).
pub type Options = Rc<Vec<(AttrValue, AttrValue)>>;

/// Options from enum values and a label for each.
pub fn options<T: serde::Serialize>(
    values: impl IntoIterator<Item = T>,
    label: impl Fn(&T) -> String,
) -> Options {
    Rc::new(
        values
            .into_iter()
            .map(|v| (AttrValue::from(format_name(&v)), AttrValue::from(label(&v))))
            .collect(),
    )
}

/// Props of [`Number`].
#[derive(Properties, PartialEq)]
pub struct NumberProps {
    /// What the number is.
    pub label: AttrValue,
    /// Its value.
    pub value: i64,
    /// Smallest allowed.
    pub min: i64,
    /// Largest allowed.
    pub max: i64,
    /// Step of the arrows.
    #[prop_or(1)]
    pub step: i64,
    /// What it means and which values make sense.
    #[prop_or_default]
    pub help: Option<AttrValue>,
    /// Called with the new value, kept within the range.
    pub on_change: Callback<i64>,
    /// Test id of the input.
    pub testid: AttrValue,
}

/// A number within a range; other input is ignored (the field shows the stored value again).
#[function_component]
pub fn Number(props: &NumberProps) -> Html {
    let onchange = {
        let (on_change, min, max, value) =
            (props.on_change.clone(), props.min, props.max, props.value);
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            match input.value().trim().parse::<i64>() {
                Ok(v) => {
                    // Show what is kept (the same value again would not redraw the field).
                    input.set_value(&v.clamp(min, max).to_string());
                    on_change.emit(v.clamp(min, max));
                }
                Err(_) => input.set_value(&value.to_string()),
            }
        })
    };
    html! {
        <label class="field field--number">
            <span>{ props.label.clone() }</span>
            <input type="number" min={props.min.to_string()} max={props.max.to_string()} step={props.step.to_string()}
                value={props.value.to_string()} {onchange} data-testid={props.testid.clone()} />
            if let Some(help) = &props.help { <span class="hint">{ help.clone() }</span> }
        </label>
    }
}

/// Props of [`Select`].
#[derive(Properties, PartialEq)]
pub struct SelectProps {
    /// The choices.
    pub options: Options,
    /// The chosen value ("" for none).
    pub value: AttrValue,
    /// Offer "none" as the first choice, with this label.
    #[prop_or_default]
    pub none: Option<AttrValue>,
    /// The accessible name, where no visible label says it.
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// Called with the chosen value ("" for none).
    pub on_change: Callback<AttrValue>,
    /// Test id of the select.
    pub testid: AttrValue,
}

/// A select that always shows its value. A browser stops following the options' `selected`
/// attributes once a person has picked one, so after an undo, or when the editor shows another
/// node in the same place, a select would show a stale choice: the value is set on the element
/// after every render.
#[function_component]
pub fn Select(props: &SelectProps) -> Html {
    let node = use_node_ref();
    {
        let (node, value) = (node.clone(), props.value.clone());
        use_effect(move || {
            if let Some(select) = node.cast::<HtmlSelectElement>() {
                select.set_value(&value);
            }
        });
    }
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| on_change.emit(value_of(&e).into()))
    };
    html! {
        <select ref={node} {onchange} aria-label={props.label.clone()} data-testid={props.testid.clone()}>
            if let Some(none) = &props.none {
                <option value="" selected={props.value.is_empty()}>{ none.clone() }</option>
            }
            { for props.options.iter().map(|(v, l)| html! { <option value={v.clone()} selected={*v == props.value}>{ l.clone() }</option> }) }
        </select>
    }
}

/// Props of [`Pick`].
#[derive(Properties, PartialEq)]
pub struct PickProps {
    /// What is chosen.
    pub label: AttrValue,
    /// The choices.
    pub options: Options,
    /// The chosen value ("" for none).
    pub value: AttrValue,
    /// Offer "none" as the first choice, with this label.
    #[prop_or_default]
    pub none: Option<AttrValue>,
    /// What it means.
    #[prop_or_default]
    pub help: Option<AttrValue>,
    /// Called with the chosen value ("" for none).
    pub on_change: Callback<AttrValue>,
    /// Test id of the select.
    pub testid: AttrValue,
}

/// One value from a list, with its label and help.
#[function_component]
pub fn Pick(props: &PickProps) -> Html {
    html! {
        <label class="field">
            <span>{ props.label.clone() }</span>
            <Select options={props.options.clone()} value={props.value.clone()} none={props.none.clone()}
                on_change={props.on_change.clone()} testid={props.testid.clone()} />
            if let Some(help) = &props.help { <span class="hint">{ help.clone() }</span> }
        </label>
    }
}

/// Props of [`Checks`].
#[derive(Properties, PartialEq)]
pub struct ChecksProps {
    /// What is chosen.
    pub label: AttrValue,
    /// The choices.
    pub options: Options,
    /// The chosen values.
    pub value: Vec<AttrValue>,
    /// What it means.
    #[prop_or_default]
    pub help: Option<AttrValue>,
    /// Called with the chosen values, in the options' order.
    pub on_change: Callback<Vec<AttrValue>>,
    /// Test id prefix (then `-` and the value).
    pub testid: AttrValue,
}

/// Any number of values from a list, as checkboxes.
#[function_component]
pub fn Checks(props: &ChecksProps) -> Html {
    html! {
        <fieldset class="checks">
            <legend>{ props.label.clone() }</legend>
            { for props.options.iter().map(|(v, l)| {
                let checked = props.value.contains(v);
                let onchange = {
                    let (options, current, on_change, v) = (props.options.clone(), props.value.clone(), props.on_change.clone(), v.clone());
                    Callback::from(move |_: Event| {
                        let next = options
                            .iter()
                            .map(|(o, _)| o)
                            .filter(|o| if **o == v { !checked } else { current.contains(o) })
                            .cloned()
                            .collect();
                        on_change.emit(next);
                    })
                };
                html! {
                    <label class="check">
                        <input type="checkbox" {checked} {onchange} data-testid={format!("{}-{}", props.testid, v)} />
                        { l.clone() }
                    </label>
                }
            }) }
            if let Some(help) = &props.help { <p class="hint">{ help.clone() }</p> }
        </fieldset>
    }
}

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
        _ => [(Stat::Trust, 50)].into_iter().collect(),
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
                                    let raw = e.target_unchecked_into::<HtmlInputElement>().value();
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

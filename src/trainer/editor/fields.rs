//! The editor's form fields: numbers with a range and help, a choice from a list, several
//! choices from a list, and lists of conditions. Each is a component, so the many fields of a
//! scenario share one copy of their code.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::format_name;
use crate::platform::form::{set_value_at, set_value_of, value_of};

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
            match value_of(&e).trim().parse::<i64>() {
                Ok(v) => {
                    // Show what is kept (the same value again would not redraw the field).
                    set_value_of(&e, &v.clamp(min, max).to_string());
                    on_change.emit(v.clamp(min, max));
                }
                Err(_) => set_value_of(&e, &value.to_string()),
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
            set_value_at(&node, &value);
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

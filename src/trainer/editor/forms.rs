//! What the editor's forms share: callbacks that change the scenario as one undo step, the
//! props every form takes, and small helpers for options and points.

use std::rc::Rc;

use yew::prelude::*;

use super::fields::Number;
use super::state::{Editor, EditorAction};
use crate::context::I18n;
use crate::engine::messages;
use crate::engine::*;
use crate::i18n::TrainerText;
use crate::platform::form::value_of;

/// What the forms change the scenario through.
pub(super) type Ed = UseReducerDispatcher<Editor>;

/// A callback that applies `f` with its value to the scenario, as one undo step.
pub(super) fn edit<T: Clone + 'static>(
    ed: &Ed,
    f: impl Fn(&mut Scenario, T) + 'static,
) -> Callback<T> {
    edit_with(ed, Rc::new(f))
}

/// A change to the scenario made with a value of type `T`.
type Change<T> = Rc<dyn Fn(&mut Scenario, T)>;

/// [`edit`] with `f` behind a pointer: the callback's code is then made once per value type,
/// not once for each of the forms' ~120 edits (that saved ~15 KB of the trainer's download).
fn edit_with<T: Clone + 'static>(ed: &Ed, f: Change<T>) -> Callback<T> {
    let ed = ed.clone();
    Callback::from(move |v: T| {
        let f = f.clone();
        ed.dispatch(EditorAction::Edit(Rc::new(move |s: &mut Scenario| {
            f(s, v.clone())
        })))
    })
}

/// A callback from a text input's change event.
pub(super) fn edit_text(ed: &Ed, f: impl Fn(&mut Scenario, String) + 'static) -> Callback<Event> {
    on_text(edit(ed, f))
}

fn on_text(set: Callback<String>) -> Callback<Event> {
    Callback::from(move |e: Event| set.emit(value_of(&e)))
}

pub(super) fn lz(i18n: &I18n, l: Localized) -> AttrValue {
    AttrValue::from(l.get(i18n.lang).to_owned())
}

pub(super) fn strings(values: &[impl AsRef<str>]) -> Vec<AttrValue> {
    values
        .iter()
        .map(|v| AttrValue::from(v.as_ref().to_owned()))
        .collect()
}

pub(super) fn names<T: serde::Serialize>(values: &[T]) -> Vec<AttrValue> {
    values
        .iter()
        .map(|v| AttrValue::from(format_name(v)))
        .collect()
}

/// The value of `all` the format names `name` (no parser per type: they add to the download).
pub(super) fn find<T: serde::Serialize + Copy>(all: &[T], name: &str) -> Option<T> {
    all.iter().find(|v| format_name(*v) == name).copied()
}

pub(super) fn find_all<T: serde::Serialize + Copy>(all: &[T], values: &[AttrValue]) -> Vec<T> {
    values.iter().filter_map(|v| find(all, v)).collect()
}

/// Facts' ids, for conditions and reveals.
pub(super) fn fact_ids(s: &Scenario) -> Rc<Vec<AttrValue>> {
    Rc::new(
        s.persona
            .hidden_facts
            .iter()
            .map(|f| AttrValue::from(f.id.clone()))
            .collect(),
    )
}

/// Points per competency, each within `min..=max`.
pub(super) fn points(
    i18n: &I18n,
    label: TrainerText,
    value: &Points,
    (min, max): (i64, i64),
    set: Callback<Points>,
    testid: &str,
) -> Html {
    html! {
        <fieldset class="numbers">
            <legend>{ i18n.t(label) }</legend>
            { for Competency::ALL.iter().map(|&comp| {
                let current = i64::from(value.get(&comp).copied().unwrap_or(0));
                let (value, set) = (value.clone(), set.clone());
                let on_change = Callback::from(move |v: i64| {
                    let mut next = value.clone();
                    if v == 0 { next.remove(&comp); } else { next.insert(comp, v as i32); }
                    set.emit(next);
                });
                html! { <Number label={lz(i18n, messages::competency(comp))} value={current}
                    {min} {max} {on_change} testid={format!("{testid}-{}", comp.index())} /> }
            }) }
        </fieldset>
    }
}

/// Props of the forms about the whole scenario.
#[derive(Properties)]
pub(super) struct FormProps {
    /// The scenario as it is now.
    pub(super) scenario: Rc<Scenario>,
    /// Where changes go.
    pub(super) editor: Ed,
}

impl PartialEq for FormProps {
    // A changed scenario is a new `Rc`: comparing pointers is enough, and costs nothing on a
    // large scenario.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.scenario, &other.scenario) && self.editor == other.editor
    }
}

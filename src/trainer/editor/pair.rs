//! A text in both languages, side by side, with a missing translation marked.

use yew::prelude::*;

use crate::context::use_i18n;
use crate::engine::Localized;
use crate::i18n::{Lang, TrainerText};
use crate::platform::form::value_of;

/// Props of [`Pair`].
#[derive(Properties, PartialEq)]
pub(crate) struct PairProps {
    pub(crate) label: AttrValue,
    pub(crate) value: Localized,
    pub(crate) on_change: Callback<Localized>,
    #[prop_or_default]
    pub(crate) long: bool,
    pub(crate) testid: AttrValue,
}

/// A text in both languages, side by side; a missing translation is marked.
#[function_component]
pub(crate) fn Pair(props: &PairProps) -> Html {
    let i18n = use_i18n();
    let side = |lang: Lang| {
        let (value, on_change) = (props.value.clone(), props.on_change.clone());
        let onchange = Callback::from(move |e: Event| {
            let text = value_of(&e);
            let mut next = value.clone();
            if lang == Lang::En {
                next.en = text;
            } else {
                next.id = text;
            }
            on_change.emit(next);
        });
        let current = if lang == Lang::En {
            props.value.en.clone()
        } else {
            props.value.id.clone()
        };
        let missing = current.trim().is_empty() && !props.value.get(lang.other()).trim().is_empty();
        let testid = format!("{}-{}", props.testid, lang.code());
        html! {
            <label class={classes!("field", missing.then_some("field--missing"))}>
                <span>{ i18n.t(if lang == Lang::En { crate::i18n::Text::LangNameEn } else { crate::i18n::Text::LangNameId }) }
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
            { side(Lang::Id) }
            { side(Lang::En) }
        </fieldset>
    }
}

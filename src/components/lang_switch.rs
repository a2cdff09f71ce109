//! The language switch: one button per language, the current one pressed.

use yew::prelude::*;

use crate::i18n::{t, t_with, Lang, Text};

/// Props of [`LangSwitch`].
#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    /// The language in use.
    pub lang: Lang,
    /// Called with the language the user picks.
    pub on_change: Callback<Lang>,
}

fn language_name(lang: Lang) -> Text {
    match lang {
        Lang::Id => Text::LangNameId,
        Lang::En => Text::LangNameEn,
    }
}

/// A two-button toggle between Bahasa Indonesia and English.
#[function_component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    html! {
        <div class="lang-switch" role="group" aria-label={t(props.lang, Text::LangSwitchLabel)}>
            { for Lang::ALL.into_iter().map(|lang| {
                let pressed = lang == props.lang;
                let onclick = props.on_change.reform(move |_| lang);
                // Each button is labelled in its own language, so a reader of either finds it,
                // and the label starts with the code the button shows, so "EN" spoken or typed
                // by speech input finds it too.
                let code = lang.code().to_ascii_uppercase();
                let label = t_with(lang, Text::LangSwitchTo, &[("code", &code), ("language", t(lang, language_name(lang)))]);
                html! {
                    <button type="button"
                        class={classes!("lang-switch__option", pressed.then_some("lang-switch__option--on"))}
                        aria-pressed={pressed.to_string()}
                        aria-label={label.clone()}
                        title={label}
                        lang={lang.code()}
                        data-testid={format!("lang-{}", lang.code())}
                        {onclick}>
                        { code }
                    </button>
                }
            }) }
        </div>
    }
}

//! The top bar: product name, main navigation and the language switch.

use crate::router::{use_navigator, Link};
use yew::prelude::*;

use crate::components::lang_switch::LangSwitch;
use crate::context::use_i18n;
use crate::i18n::Text;
use crate::router::Route;

/// The app's header.
#[function_component]
pub fn Header() -> Html {
    let i18n = use_i18n();
    let current = use_navigator().route();
    html! {
        <header class="header">
            <div class="header__inner">
                <Link to={Route::Home} classes="brand">
                    <span class="brand__mark" aria-hidden="true">{ "L" }</span>
                    <span class="brand__text">
                        <span class="brand__name">{ i18n.t(Text::AppName) }</span>
                        <span class="brand__tagline">{ i18n.t(Text::AppTagline) }</span>
                    </span>
                </Link>
                <nav class="nav" aria-label={i18n.t(Text::NavLabel)}>
                    { for Route::NAV.iter().map(|(route, label)| {
                        let active = current == *route;
                        html! {
                            <Link to={route.clone()} current={active}
                                classes={classes!("nav__link", active.then_some("nav__link--active"))}>
                                { i18n.t(*label) }
                            </Link>
                        }
                    }) }
                </nav>
                <LangSwitch lang={i18n.lang} on_change={i18n.set_lang.clone()} />
            </div>
        </header>
    }
}

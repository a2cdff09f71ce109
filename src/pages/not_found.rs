//! The page for addresses the app does not know.

use crate::router::Link;
use yew::prelude::*;

use crate::context::use_i18n;
use crate::i18n::Text;
use crate::router::Route;

/// Says the page does not exist and links home.
#[function_component]
pub fn NotFound() -> Html {
    let i18n = use_i18n();
    html! {
        <section class="page page--narrow">
            <h1>{ i18n.t(Text::NotFoundTitle) }</h1>
            <p>{ i18n.t(Text::NotFoundBody) }</p>
            <Link to={Route::Home} classes="button">{ i18n.t(Text::NotFoundBack) }</Link>
        </section>
    }
}

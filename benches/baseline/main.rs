//! The smallest Yew app worth measuring: one heading and one button that counts its taps.
//!
//! scripts/bench-lighthouse.mjs runs Lighthouse on it in the same run and on the same machine as
//! on Latih's pages, and gates each page on its ratio to this page: what any Yew app costs on
//! this machine (wasm compile, the first render and layout, the fonts) cancels out, and what is
//! left is what Latih adds. Never shipped (not in dist/).

use yew::prelude::*;

#[function_component]
fn Baseline() -> Html {
    let taps = use_state(|| 0u32);
    let onclick = {
        let taps = taps.clone();
        Callback::from(move |_| taps.set(*taps + 1))
    };
    html! {
        <main class="main">
            <h1>{ "Latih" }</h1>
            <button type="button" class="button" {onclick}>{ *taps }</button>
        </main>
    }
}

fn main() {
    yew::Renderer::<Baseline>::new().render();
}

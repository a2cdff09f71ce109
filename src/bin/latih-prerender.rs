//! Prints the HTML of the agents' home page as a first visit sees it (Bahasa Indonesia, nothing
//! stored), rendered natively from the app's own components.
//!
//! scripts/post-build.mjs puts it into index.html, where a few lines of script show it on a
//! first visit to the home page before the app's wasm has arrived: the page is painted as soon
//! as the HTML is, instead of a logo for the seconds the wasm takes on a phone's connection. The
//! app replaces it with the same page when it starts.

use latih::app::{AppRoot, AppRootProps};
use latih::platform::storage::Store;
use latih::router::History;
use yew::LocalServerRenderer;

fn main() {
    let props = AppRootProps {
        store: Store::memory(),
        history: History::Memory("/".into()),
        defer_page: false,
    };
    let html = futures::executor::block_on(
        LocalServerRenderer::<AppRoot>::with_props(props)
            .hydratable(false)
            .render(),
    );
    print!("{html}");
}

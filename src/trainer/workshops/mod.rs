//! The trainer's workshops: the list, setting one up, one workshop (sharing, importing results,
//! the monev dashboard, awards and exports) and its certificates.

pub mod certificates;
pub mod charts;
mod dashboard;
pub mod detail;
pub mod list;
pub mod new;

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Reads the text of every file chosen in a file input, then calls `done` with them joined and
/// the number of files skipped for being too large to be ours.
fn read_files(input: HtmlInputElement, done: impl Fn(String, usize) + 'static) {
    let files = crate::platform::files::files_of(input.files());
    input.set_value("");
    wasm_bindgen_futures::spawn_local(async move {
        let mut all = String::new();
        let mut skipped = 0;
        for file in files {
            // Result and backup files are a few KB; a huge file is not one of ours.
            if file.size() > 2_000_000.0 {
                skipped += 1;
                continue;
            }
            if let Some(text) = crate::platform::files::read_text(&file).await {
                all.push_str(&text);
                all.push('\n');
            }
        }
        done(all, skipped);
    });
}

/// Props of the pages of one workshop.
#[derive(Properties, PartialEq)]
pub struct WorkshopProps {
    /// The workshop's id.
    pub id: AttrValue,
}

fn print() {
    crate::platform::page::print();
}

/// The first and last characters of a long code.
fn excerpt(code: &str) -> String {
    if code.chars().count() <= 24 {
        return code.to_owned();
    }
    let head: String = code.chars().take(14).collect();
    let tail: String = code
        .chars()
        .rev()
        .take(6)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("{head}…{tail}")
}

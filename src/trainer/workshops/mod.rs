//! The trainer's workshops: the list, setting one up, one workshop (sharing, importing results,
//! the monev dashboard, awards and exports) and its certificates.

pub mod certificates;
pub mod charts;
mod dashboard;
pub mod detail;
pub mod list;
pub mod new;

pub(crate) use dashboard::{change, number};

use crate::platform::files::{read_texts, FileText};
use yew::prelude::*;

/// Reads picked result or backup files as one text (codes are found anywhere in it), with how
/// many were skipped: result and backup files are a few KB, so a huge file is not one of ours.
fn read_files(e: &Event, done: impl Fn(String, usize) + 'static) {
    let files = crate::platform::form::take_files(e);
    read_texts(files, 2_000_000, move |read| {
        let (text, skipped) = joined(read);
        done(text, skipped)
    });
}

/// The texts of files read, one after another, and how many were too large to read.
fn joined(read: Vec<FileText>) -> (String, usize) {
    let mut all = String::new();
    let mut skipped = 0;
    for file in read {
        match file {
            FileText::Text(text) => {
                all.push_str(&text);
                all.push('\n');
            }
            FileText::TooLarge(_) => skipped += 1,
            FileText::Unreadable => {}
        }
    }
    (all, skipped)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_read_join_into_one_text_and_count_the_too_large() {
        let read = vec![
            FileText::Text("LTH1-A".into()),
            FileText::TooLarge(3_000_000),
            FileText::Unreadable,
            FileText::Text("LTH1-B".into()),
        ];
        assert_eq!(joined(read), ("LTH1-A\nLTH1-B\n".to_owned(), 1));
        assert_eq!(joined(Vec::new()), (String::new(), 0));
    }

    #[test]
    fn a_long_code_is_shown_by_its_ends() {
        assert_eq!(excerpt("LTH1-SHORT"), "LTH1-SHORT");
        let long = format!("LTH1-{}", "X".repeat(40) + "END123");
        assert_eq!(excerpt(&long), "LTH1-XXXXXXXXX…END123");
    }
}

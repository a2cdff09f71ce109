//! Tests of the catalogues: the compiled tables against the JSON files, both languages with the
//! same placeholders, and filling.

use super::*;
use std::collections::HashMap;

/// A source catalogue as a translator edits it.
fn catalog(lang: Lang) -> HashMap<String, String> {
    let text = if lang == Lang::En {
        include_str!("../messages.en.json")
    } else {
        include_str!("../messages.id.json")
    };
    serde_json::from_str(text).expect("the catalogue parses")
}

#[test]
fn the_compiled_tables_hold_the_catalogues() {
    for lang in Lang::ALL {
        let source = catalog(lang);
        for msg in Msg::ALL {
            assert_eq!(
                Some(template(*msg, lang)),
                source.get(msg.key()).map(String::as_str)
            );
        }
    }
}

#[test]
fn fill_leaves_unknown_placeholders_as_written() {
    assert_eq!(fill("a {x} {y} {x}", &[("x", "1")]), "a 1 {y} 1");
}

#[test]
fn every_message_exists_in_both_languages_with_the_same_placeholders() {
    assert_catalogue(
        Msg::ALL,
        Msg::key,
        include_str!("../messages.id.json"),
        include_str!("../messages.en.json"),
    );
}

#[test]
fn placeholders_are_filled() {
    let m = message(Msg::CodeOtherWorkshop, &[("workshop", "x".into())]);
    assert_eq!(m.en, "This code belongs to another workshop (x).");
    assert!(m.id.contains("(x)"));
}

//! Translation data and lookup: every user-facing string lives in `id.json` and `en.json`.
//!
//! Code names a string by a [`Text`] key, so a typo is a compile error; the catalogues are plain
//! JSON objects a translator can edit, which `build.rs` compiles into one array per language. A
//! test checks that both catalogues hold exactly the keys of [`Text::ALL`], with the same
//! `{placeholders}`. A string that is still missing at run time falls back to the other language,
//! then to the key itself: the app never panics over a string.

mod install_texts;
mod texts;
mod trainer_texts;
pub use install_texts::InstallText;
pub use texts::Text;
pub use trainer_texts::TrainerText;

/// The compiled catalogues of [`Text`] (`ID`, `EN`, by variant order).
mod text_tables {
    include!(concat!(env!("OUT_DIR"), "/texts_tables.rs"));
}

/// The compiled catalogues of [`TrainerText`].
mod trainer_tables {
    include!(concat!(env!("OUT_DIR"), "/trainer_texts_tables.rs"));
}

/// The compiled catalogues of [`InstallText`].
mod install_tables {
    include!(concat!(env!("OUT_DIR"), "/install_texts_tables.rs"));
}

/// A string key of either list: [`Text`] (both apps) or [`TrainerText`] (the trainer's app).
pub trait Key: Copy {
    /// The compiled string of this key in `lang` ("" when missing).
    fn entry(self, lang: Lang) -> &'static str;
    /// The key's name in the catalogues.
    fn name(self) -> &'static str;
}

impl Key for Text {
    fn entry(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => text_tables::ID[self as usize],
            Lang::En => text_tables::EN[self as usize],
        }
    }
    fn name(self) -> &'static str {
        self.key()
    }
}

impl Key for InstallText {
    fn entry(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => install_tables::ID[self as usize],
            Lang::En => install_tables::EN[self as usize],
        }
    }
    fn name(self) -> &'static str {
        self.key()
    }
}

impl Key for TrainerText {
    fn entry(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => trainer_tables::ID[self as usize],
            Lang::En => trainer_tables::EN[self as usize],
        }
    }
    fn name(self) -> &'static str {
        self.key()
    }
}

pub use crate::engine::Lang;

/// The raw JSON catalogue of `lang` compiled into the app.
pub const fn catalogue(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => include_str!("id.json"),
        Lang::En => include_str!("en.json"),
    }
}

/// The string for `text` in `lang`, falling back to the other language, then to the key.
pub fn t<K: Key>(lang: Lang, text: K) -> &'static str {
    [lang, lang.other()]
        .into_iter()
        .map(|lang| text.entry(lang))
        .find(|s| !s.is_empty())
        .unwrap_or(text.name())
}

/// [`t`] with `{name}` placeholders replaced by the given values.
pub fn t_with<K: Key>(lang: Lang, text: K, args: &[(&str, &str)]) -> String {
    crate::engine::messages::fill(t(lang, text), args)
}

/// The accessible name of a control repeated for many objects (a "Buka" on every card): its
/// visible text `action` first, so speech input and the name agree, then the `object` it acts on.
pub fn action_on<K: Key>(lang: Lang, action: K, object: &str) -> String {
    t_with(
        lang,
        Text::ActionOn,
        &[("action", t(lang, action)), ("object", object)],
    )
}

/// The `{placeholder}` names used in a string, sorted, for consistency checks.
pub fn placeholders(s: &str) -> Vec<&str> {
    let mut names: Vec<&str> = s
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// One language's source catalogue, as a translator edits it.
    struct Catalog {
        strings: HashMap<String, String>,
    }

    impl Catalog {
        fn parse(json: &str) -> Result<Catalog, serde_json::Error> {
            Ok(Catalog {
                strings: serde_json::from_str(json)?,
            })
        }

        fn get(&self, key: &str) -> Option<&str> {
            self.strings
                .get(key)
                .map(String::as_str)
                .filter(|s| !s.trim().is_empty())
        }

        fn keys(&self) -> impl Iterator<Item = &str> {
            self.strings.keys().map(String::as_str)
        }
    }

    #[test]
    fn both_catalogues_parse() {
        for lang in Lang::ALL {
            if let Err(e) = Catalog::parse(catalogue(lang)) {
                panic!("{} catalogue does not parse: {e}", lang.code());
            }
        }
    }

    /// Every declared key of both lists, with its compiled strings (Indonesian, English).
    fn every_key() -> Vec<(&'static str, [&'static str; 2])> {
        let row = |k: &dyn Fn(Lang) -> &'static str, name| (name, [k(Lang::Id), k(Lang::En)]);
        Text::ALL
            .iter()
            .map(|x| row(&|l| t(l, *x), x.key()))
            .chain(TrainerText::ALL.iter().map(|x| row(&|l| t(l, *x), x.key())))
            .chain(InstallText::ALL.iter().map(|x| row(&|l| t(l, *x), x.key())))
            .collect()
    }

    #[test]
    fn every_key_is_translated_in_every_language() {
        let mut missing = Vec::new();
        for lang in Lang::ALL {
            let catalog = Catalog::parse(catalogue(lang)).unwrap();
            for (key, _) in every_key() {
                if catalog.get(key).is_none() {
                    missing.push(format!("{}: {key}", lang.code()));
                }
            }
        }
        assert!(missing.is_empty(), "missing translations: {missing:?}");
    }

    #[test]
    fn catalogues_hold_no_unknown_keys() {
        let known: Vec<&str> = every_key().into_iter().map(|(k, _)| k).collect();
        for lang in Lang::ALL {
            let catalog = Catalog::parse(catalogue(lang)).unwrap();
            let stale: Vec<&str> = catalog.keys().filter(|k| !known.contains(k)).collect();
            assert!(
                stale.is_empty(),
                "{}: keys no code uses: {stale:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn placeholders_agree_between_languages() {
        for (key, [id, en]) in every_key() {
            assert_eq!(
                placeholders(id),
                placeholders(en),
                "placeholders differ for {key}"
            );
        }
    }

    #[test]
    fn keys_are_unique() {
        let mut keys: Vec<&str> = every_key().into_iter().map(|(k, _)| k).collect();
        keys.sort_unstable();
        let before = keys.len();
        keys.dedup();
        assert_eq!(before, keys.len(), "a key is declared twice");
    }

    #[test]
    fn the_compiled_tables_hold_the_catalogues() {
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            let catalog = Catalog::parse(catalogue(lang)).unwrap();
            for (key, strings) in every_key() {
                assert_eq!(Some(strings[i]), catalog.get(key), "{key}");
            }
        }
    }

    #[test]
    fn lang_codes_round_trip_and_reject_junk() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
        assert_eq!(Lang::default(), Lang::Id);
    }

    #[test]
    fn interpolation_replaces_named_placeholders() {
        assert_eq!(placeholders("a {x} b {y}"), vec!["x", "y"]);
        let s = t_with(
            Lang::En,
            Text::LangSwitchTo,
            &[("code", "ID"), ("language", "Bahasa Indonesia")],
        );
        assert!(s.contains("Bahasa Indonesia") && !s.contains('{'), "{s}");
    }
}

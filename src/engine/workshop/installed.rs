//! A workshop installed on a phone from its package: the package's text as received, and each of
//! its scenarios compiled as the bundled ones are, so the agents' app plays them with the same
//! small decoder and never parses JSON.
//!
//! One record per workshop (installing the same workshop again replaces it). The compiled
//! scenarios carry the engine's schema version: after an app update that changes it they no
//! longer decode, and the install page compiles them again from the package's text, which is
//! why the text is kept. A newer version of a scenario replaces the older one only for runs
//! not yet started: a run in progress keeps the copy it began on.

use serde::{Deserialize, Serialize};

use super::{Package, ScenarioRef, Workshop};
use crate::engine::pack::{decode_scenario, encode_scenario, CompiledError};
use crate::engine::scenario::Scenario;

/// Storage key prefix of installed workshops (followed by the workshop's id).
pub const INSTALLED_KEY: &str = "latih.installed.";

/// What the record's bytes start with. Unlike a compiled scenario it does not name the schema
/// version: the record must stay readable across updates, to compile its scenarios again.
const MAGIC: &[u8; 7] = b"LATIHI\x01";

/// A workshop installed on this phone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Installed {
    /// The workshop's code.
    pub workshop: String,
    /// The package's text as received.
    pub package: String,
    /// Each scenario, compiled (the package's, then older versions kept for runs in progress).
    pub scenarios: Vec<Vec<u8>>,
}

/// A scenario a phone can play, with the compiled bytes it was decoded from (whose content
/// hash a result code carries: [`crate::engine::pack::content_hash`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Copy {
    /// The scenario.
    pub scenario: Scenario,
    /// Its compiled form, as the phone has it.
    pub compiled: Vec<u8>,
}

impl Copy {
    /// Decodes a compiled scenario.
    pub fn decode(bytes: &[u8]) -> Result<Copy, CompiledError> {
        Ok(Copy {
            scenario: decode_scenario(bytes)?,
            compiled: bytes.to_vec(),
        })
    }
}

impl Installed {
    /// The record of `package` (read from `text`). From `previous` (the same workshop installed
    /// before) it keeps the copies that runs in progress (`keep`) were started on, when the
    /// package brings another version of them.
    pub fn new(
        text: &str,
        package: &Package,
        previous: Option<&Installed>,
        keep: &[ScenarioRef],
    ) -> Installed {
        let mut scenarios: Vec<Vec<u8>> = package.scenarios.iter().map(encode_scenario).collect();
        let brought = |r: &ScenarioRef| package.scenarios.iter().any(|s| ScenarioRef::of(s) == *r);
        for bytes in previous.map_or(&[][..], |p| &p.scenarios[..]) {
            if let Ok(old) = decode_scenario(bytes) {
                let r = ScenarioRef::of(&old);
                if keep.contains(&r) && !brought(&r) {
                    scenarios.push(bytes.clone());
                }
            }
        }
        Installed {
            workshop: package.workshop.to_code(),
            package: text.to_owned(),
            scenarios,
        }
    }

    /// The workshop.
    pub fn workshop(&self) -> Option<Workshop> {
        Workshop::from_code(&self.workshop).ok()
    }

    /// Every scenario decoded, or the error when one does not decode with this build (it was
    /// compiled by another: install the package again).
    pub fn copies(&self) -> Result<Vec<Copy>, CompiledError> {
        self.scenarios.iter().map(|b| Copy::decode(b)).collect()
    }

    /// The record as storage keeps it: one character per byte.
    pub fn to_text(&self) -> String {
        let mut bytes = MAGIC.to_vec();
        bytes.extend(postcard::to_allocvec(self).unwrap_or_default());
        bytes.into_iter().map(char::from).collect()
    }

    /// Reads what [`Installed::to_text`] wrote.
    pub fn from_text(text: &str) -> Option<Installed> {
        let bytes: Vec<u8> = text
            .chars()
            .map(|c| u8::try_from(c).ok())
            .collect::<Option<_>>()?;
        postcard::from_bytes(bytes.strip_prefix(MAGIC.as_slice())?).ok()
    }
}

/// Which copy of each scenario a phone plays when several are installed: the version of a run
/// in progress, else the version a workshop the agent joined names (`prefer`, in that order),
/// else the newest. One copy per id, in the order first met.
pub fn choose(copies: Vec<Copy>, prefer: &[ScenarioRef]) -> Vec<Copy> {
    let rank = |c: &Copy| {
        let r = ScenarioRef::of(&c.scenario);
        let preferred = prefer.iter().position(|p| *p == r).unwrap_or(usize::MAX);
        (std::cmp::Reverse(preferred), c.scenario.version)
    };
    let mut chosen: Vec<Copy> = Vec::new();
    for copy in copies {
        match chosen
            .iter_mut()
            .find(|c| c.scenario.id == copy.scenario.id)
        {
            Some(c) if rank(&copy) > rank(c) => *c = copy,
            Some(_) => {}
            None => chosen.push(copy),
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::pack;
    use crate::engine::terms::Date;

    fn own(version: u32) -> Scenario {
        let mut s = pack::load().expect("the pack loads").remove(0);
        s.id = "pedagang-pasar-kebon-roek".into();
        s.version = version;
        s
    }

    fn package(version: u32) -> Package {
        let s = own(version);
        Package {
            workshop: Workshop {
                id: Workshop::new_id(7),
                name: "Lokakarya Perisai Mataram".into(),
                date: Date::new(2026, 12, 10).unwrap(),
                place: "Mataram".into(),
                wadah: vec!["Koperasi Pasar".into()],
                pre_test: vec![ScenarioRef::of(&s)],
                post_test: vec![ScenarioRef::of(&s)],
                practice: vec![],
                post_after_practice: false,
            },
            scenarios: vec![s],
        }
    }

    #[test]
    fn a_record_reads_back_and_its_copies_hash_as_the_trainer_hashes_them() {
        let p = package(1);
        let record = Installed::new(&p.to_text(), &p, None, &[]);
        let back = Installed::from_text(&record.to_text()).expect("it reads back");
        assert_eq!(back, record);
        assert_eq!(back.workshop(), Some(p.workshop.clone()));
        let copies = back.copies().expect("they decode");
        assert_eq!(copies.len(), 1);
        assert_eq!(copies[0].scenario, p.scenarios[0]);
        assert_eq!(
            pack::content_hash(&copies[0].compiled),
            pack::content_hash_of(&p.scenarios[0])
        );
        // Damage and foreign text are refused, never a panic.
        let text = record.to_text();
        assert_eq!(Installed::from_text(&text[..text.len() / 2]), None);
        assert_eq!(Installed::from_text("{}"), None);
        assert_eq!(Installed::from_text("LATIHI\u{1}€"), None);
    }

    #[test]
    fn a_newer_version_replaces_the_older_except_for_a_run_in_progress() {
        let (v1, v2) = (package(1), package(2));
        let first = Installed::new(&v1.to_text(), &v1, None, &[]);
        // No run in progress: the newer package replaces the old copy.
        let replaced = Installed::new(&v2.to_text(), &v2, Some(&first), &[]);
        assert_eq!(replaced.copies().unwrap().len(), 1);
        assert_eq!(replaced.copies().unwrap()[0].scenario.version, 2);
        // A run began on version 1: that copy is kept beside version 2.
        let started = [ScenarioRef::of(&v1.scenarios[0])];
        let kept = Installed::new(&v2.to_text(), &v2, Some(&first), &started);
        let copies = kept.copies().unwrap();
        assert_eq!(copies.len(), 2);
        // The run in progress plays version 1; without it the phone plays version 2.
        assert_eq!(choose(copies.clone(), &started)[0].scenario.version, 1);
        assert_eq!(choose(copies.clone(), &[])[0].scenario.version, 2);
        // Installing the same package twice keeps one copy.
        let again = Installed::new(&v2.to_text(), &v2, Some(&replaced), &started);
        assert_eq!(again.copies().unwrap().len(), 1);
    }

    #[test]
    fn copies_compiled_by_another_build_ask_for_a_new_install() {
        let p = package(1);
        let mut record = Installed::new(&p.to_text(), &p, None, &[]);
        // The schema version byte of the compiled copy, as another build would write it.
        record.scenarios[0][6] += 1;
        let back = Installed::from_text(&record.to_text()).expect("the record still reads");
        assert!(back.copies().is_err());
        assert!(
            !back.package.is_empty(),
            "the text to compile again is kept"
        );
    }
}

//! A workshop package: a workshop and the scenarios of the trainer's own that it uses, in one
//! text, so phones that never saw those scenarios can install and play them with no server.
//!
//! The text is JSON with a flat shape: the kind, the format, the workshop as its code (which
//! carries its own checksum) and each scenario as the text of a scenario file. Each scenario
//! is read with the same checks as the trainer's import (size, nesting, parts, schema,
//! migration) and must validate with no errors; the package must hold exactly the scenarios the
//! workshop uses that a phone does not already have, at the versions it names. A phone checks
//! all of it before it stores anything.

use serde::{Deserialize, Serialize};

use super::{ScenarioRef, Workshop};
use crate::engine::import::{export, import, ImportError, MAX_BYTES};
use crate::engine::messages::{message, Msg};
use crate::engine::scenario::{Localized, Scenario};
use crate::engine::validate::has_errors;

/// What the text says it is.
pub const PACKAGE_KIND: &str = "latih-workshop";
/// The format this build writes and reads.
pub const PACKAGE_FORMAT: u32 = 1;
/// Most scenarios a package holds: a workshop's pre-test, post-test and practice.
pub const MAX_PACKAGE_SCENARIOS: usize = 12;
/// Largest package read: the largest scenarios a workshop could carry, with room for the
/// envelope. A larger text is refused by its length, before it is parsed.
pub const MAX_PACKAGE_BYTES: usize = 4 * MAX_BYTES;

/// The agents' install page, beside the agents' app: a package comes to it in a file (picked,
/// shared from WhatsApp, or opened with Latih) or in its link's fragment.
pub const INSTALL_PAGE: &str = "pasang.html";
/// The fragment that carries a package in a link: `#p=` and the package's text compressed
/// (raw DEFLATE) in base64url.
pub const LINK_FRAGMENT: &str = "#p=";
/// The longest install link offered. WhatsApp sends a message of up to 65,536 characters and
/// Chrome on Android opens an address of up to 2 MB; a link of a few thousand characters is
/// already a wall of text in a chat, so beyond this the package goes as a file. (A QR code
/// holds at most 2,953 bytes: it always carries the join link, never a package.)
pub const MAX_LINK_CHARS: usize = 32_000;

/// The link that installs a package: the folder of `page` (the trainer's app's address), the
/// install page, and `deflated` (the package's text, compressed) in the fragment; `None` when
/// it would be longer than [`MAX_LINK_CHARS`].
pub fn install_link(page: &str, deflated: &[u8]) -> Option<String> {
    let base = page.split(['#', '?']).next().unwrap_or("");
    let dir = &base[..base.rfind('/').map_or(0, |i| i + 1)];
    let link = format!(
        "{dir}{INSTALL_PAGE}{LINK_FRAGMENT}{}",
        crate::engine::code::to_base64url(deflated)
    );
    (link.len() <= MAX_LINK_CHARS).then_some(link)
}

/// The compressed package an install page's fragment carries (`None`: no package in it, or
/// not base64url).
pub fn link_payload(fragment: &str) -> Option<Vec<u8>> {
    let data = fragment.strip_prefix(LINK_FRAGMENT)?;
    if data.len() > MAX_LINK_CHARS {
        return None;
    }
    crate::engine::code::from_base64url(data)
}

/// A workshop with the scenarios it carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Package {
    /// The workshop.
    pub workshop: Workshop,
    /// The scenarios it uses that are not bundled with the app.
    pub scenarios: Vec<Scenario>,
}

/// Why a package was refused. Nothing of a refused package is kept.
#[derive(Clone, Debug, PartialEq)]
pub enum PackageError {
    /// Larger than [`MAX_PACKAGE_BYTES`]: its size in bytes.
    TooLarge(usize),
    /// Not a Latih workshop package (another file, or damaged past reading).
    NotAPackage,
    /// Made by a newer Latih.
    Newer,
    /// A scenario in it could not be read or has errors: its position (1-based) and, when it
    /// could be read at all, its title; the import error, if reading failed.
    Scenario {
        /// Which scenario, counting from 1.
        at: usize,
        /// Its title, if it could be read.
        title: Option<String>,
        /// Why it could not be read (`None`: it was read but has errors).
        import: Option<ImportError>,
    },
    /// The workshop uses a scenario that is neither in the package nor on the phone.
    Missing(ScenarioRef),
    /// The package holds a scenario twice, or one the workshop does not use.
    Unexpected(String),
}

impl PackageError {
    /// The reason in both languages, in words an agent understands.
    pub fn message(&self) -> Localized {
        match self {
            PackageError::TooLarge(size) => message(
                Msg::PkgTooLarge,
                &[("mb", format!("{:.1}", *size as f64 / 1_048_576.0))],
            ),
            PackageError::NotAPackage => message(Msg::PkgNotAPackage, &[]),
            PackageError::Newer => message(Msg::PkgNewer, &[]),
            PackageError::Scenario { at, title, .. } => message(
                Msg::PkgScenarioRefused,
                &[
                    ("n", at.to_string()),
                    (
                        "title",
                        title
                            .as_ref()
                            .map_or_else(String::new, |t| format!(" (\u{201c}{t}\u{201d})")),
                    ),
                ],
            ),
            PackageError::Missing(r) => message(Msg::PkgMissing, &[("id", r.id.clone())]),
            PackageError::Unexpected(id) => message(Msg::PkgUnexpected, &[("id", id.clone())]),
        }
    }
}

/// The text as written.
#[derive(Serialize, Deserialize)]
struct Envelope {
    kind: String,
    format: u32,
    workshop: String,
    scenarios: Vec<String>,
}

impl Package {
    /// The package's text.
    pub fn to_text(&self) -> String {
        let envelope = Envelope {
            kind: PACKAGE_KIND.to_owned(),
            format: PACKAGE_FORMAT,
            workshop: self.workshop.to_code(),
            scenarios: self.scenarios.iter().map(export).collect(),
        };
        serde_json::to_string(&envelope).unwrap_or_default()
    }

    /// Reads a package, given the scenarios this device already has (`here`: the bundled
    /// ones). Every check runs before anything is returned: a package is taken whole or not
    /// at all.
    pub fn read(text: &str, here: &[ScenarioRef]) -> Result<Package, PackageError> {
        if text.len() > MAX_PACKAGE_BYTES {
            return Err(PackageError::TooLarge(text.len()));
        }
        // The envelope is flat; serde_json refuses nesting past its recursion limit with an
        // error, so a deeply nested text cannot exhaust the stack.
        let envelope: Envelope = match serde_json::from_str(text) {
            Ok(e) => e,
            Err(_) => return Err(kind_of(text)),
        };
        if envelope.kind != PACKAGE_KIND {
            return Err(PackageError::NotAPackage);
        }
        if envelope.format > PACKAGE_FORMAT {
            return Err(PackageError::Newer);
        }
        let workshop = match Workshop::from_code(&envelope.workshop) {
            Ok(w) => w,
            Err(super::CodeError::Newer) => return Err(PackageError::Newer),
            Err(_) => return Err(PackageError::NotAPackage),
        };
        if envelope.scenarios.len() > MAX_PACKAGE_SCENARIOS {
            return Err(PackageError::NotAPackage);
        }
        let mut scenarios: Vec<Scenario> = Vec::with_capacity(envelope.scenarios.len());
        for (i, text) in envelope.scenarios.iter().enumerate() {
            let refused =
                |title: Option<String>, import: Option<ImportError>| PackageError::Scenario {
                    at: i + 1,
                    title,
                    import,
                };
            let imported = import(text).map_err(|e| refused(None, Some(e)))?;
            if has_errors(&imported.diagnostics) {
                let title = imported.scenario.meta.title.id.clone();
                return Err(refused(Some(title), None));
            }
            scenarios.push(imported.scenario);
        }
        let uses = |id: &str| workshop.uses().any(|r| r.id == id);
        for (i, s) in scenarios.iter().enumerate() {
            if !uses(&s.id) || scenarios[..i].iter().any(|o| o.id == s.id) {
                return Err(PackageError::Unexpected(s.id.clone()));
            }
        }
        for r in workshop.uses() {
            let carried = scenarios
                .iter()
                .any(|s| s.id == r.id && s.version == r.version);
            if !carried && !here.contains(r) {
                return Err(PackageError::Missing(r.clone()));
            }
        }
        Ok(Package {
            workshop,
            scenarios,
        })
    }
}

/// A text that is not a package's JSON: newer if it names our kind with a format we do not
/// know, else not a package.
fn kind_of(text: &str) -> PackageError {
    #[derive(Deserialize)]
    struct Head {
        kind: String,
        format: u32,
    }
    match serde_json::from_str::<Head>(text) {
        Ok(h) if h.kind == PACKAGE_KIND && h.format > PACKAGE_FORMAT => PackageError::Newer,
        _ => PackageError::NotAPackage,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::pack;
    use crate::engine::terms::Date;

    /// A trainer's own scenario (a copy of a bundled one under its own id), and the bundled.
    fn own_and_bundled() -> (Scenario, Vec<Scenario>) {
        let bundled = pack::load().expect("the pack loads");
        let mut own = bundled[0].clone();
        own.id = "nelayan-pemenang-kkp".into();
        own.version = 3;
        own.meta.title.id = "Nelayan yang sudah punya asuransi KKP".into();
        (own, bundled)
    }

    fn workshop(own: &Scenario, practice: &Scenario) -> Workshop {
        Workshop {
            id: Workshop::new_id(0x0042),
            name: "Upgrading Skill Perisai — Bima".into(),
            date: Date::new(2026, 12, 10).unwrap(),
            place: "Aula Kantor Cabang Bima".into(),
            wadah: vec!["Koperasi Nelayan Sape".into()],
            pre_test: vec![ScenarioRef::of(own)],
            post_test: vec![ScenarioRef::of(own)],
            practice: vec![ScenarioRef::of(practice)],
            post_after_practice: false,
        }
    }

    fn refs(scenarios: &[Scenario]) -> Vec<ScenarioRef> {
        scenarios.iter().map(ScenarioRef::of).collect()
    }

    #[test]
    fn an_install_link_carries_the_compressed_package_up_to_its_limit() {
        let deflated = [1u8, 2, 250, 251, 252];
        let link = install_link("https://bpjs.example/latih/pelatih.html#/w/ABC", &deflated)
            .expect("a short link");
        assert_eq!(link, "https://bpjs.example/latih/pasang.html#p=AQL6-_w");
        let fragment = &link[link.find('#').unwrap()..];
        assert_eq!(link_payload(fragment).as_deref(), Some(&deflated[..]));
        assert_eq!(
            install_link("", &deflated).as_deref(),
            Some("pasang.html#p=AQL6-_w")
        );
        // Too long for a chat message: no link (the file goes instead).
        assert_eq!(install_link("https://x/", &vec![7u8; MAX_LINK_CHARS]), None);
        assert_eq!(link_payload("#/w/CODE"), None);
        assert_eq!(link_payload("#p=not base64!"), None);
    }

    fn with(text: &str, change: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
        change(&mut v);
        v.to_string()
    }

    #[test]
    fn a_package_reads_back_as_written_on_a_phone_with_the_bundled_scenarios() {
        let (own, bundled) = own_and_bundled();
        let package = Package {
            workshop: workshop(&own, &bundled[1]),
            scenarios: vec![own],
        };
        let text = package.to_text();
        assert_eq!(Package::read(&text, &refs(&bundled)), Ok(package.clone()));
        // A phone without the bundled practice scenario misses it, and says which.
        assert_eq!(
            Package::read(&text, &[]),
            Err(PackageError::Missing(ScenarioRef::of(&bundled[1])))
        );
    }

    #[test]
    fn damaged_or_foreign_texts_are_refused_with_why() {
        let (own, bundled) = own_and_bundled();
        let here = refs(&bundled);
        let text = Package {
            workshop: workshop(&own, &bundled[1]),
            scenarios: vec![own.clone()],
        }
        .to_text();
        let refused = |t: &str| Package::read(t, &here).unwrap_err();
        assert_eq!(refused(&text[..text.len() / 2]), PackageError::NotAPackage);
        assert_eq!(refused("{}"), PackageError::NotAPackage);
        assert_eq!(refused("LATIH-AAAA"), PackageError::NotAPackage);
        // A backup or a scenario file is not a package.
        assert_eq!(
            refused(&crate::engine::import::export(&own)),
            PackageError::NotAPackage
        );
        let other_kind = with(&text, |v| v["kind"] = "latih-backup".into());
        assert_eq!(refused(&other_kind), PackageError::NotAPackage);
        // One character of the workshop code changed: its checksum refuses it.
        let damaged = with(&text, |v| {
            let code = v["workshop"].as_str().unwrap().to_owned();
            let last = if code.ends_with('A') { "B" } else { "A" };
            v["workshop"] = format!("{}{last}", &code[..code.len() - 1]).into();
        });
        assert_eq!(refused(&damaged), PackageError::NotAPackage);
        // A scenario that cannot be read, and one that reads but has errors.
        let unreadable = with(&text, |v| v["scenarios"][0] = "{".into());
        assert!(matches!(
            refused(&unreadable),
            PackageError::Scenario {
                at: 1,
                title: None,
                import: Some(_)
            }
        ));
        let mut broken = own.clone();
        std::rc::Rc::make_mut(&mut broken.nodes[0]).choices[0].next =
            crate::engine::scenario::Next::Node("nowhere".into());
        let with_errors = with(&text, |v| {
            v["scenarios"][0] = crate::engine::import::export(&broken).into()
        });
        assert_eq!(
            refused(&with_errors),
            PackageError::Scenario {
                at: 1,
                title: Some(own.meta.title.id.clone()),
                import: None
            }
        );
        // Every refusal has words for the agent in both languages.
        for e in [
            refused("{}"),
            refused(&with_errors),
            PackageError::TooLarge(9 << 20),
        ] {
            let m = e.message();
            assert!(
                !m.id.is_empty() && !m.en.is_empty() && m.id != m.en,
                "{e:?}"
            );
        }
    }

    #[test]
    fn hostile_texts_are_refused_without_reading_them_whole() {
        let huge = "x".repeat(MAX_PACKAGE_BYTES + 1);
        assert_eq!(
            Package::read(&huge, &[]),
            Err(PackageError::TooLarge(MAX_PACKAGE_BYTES + 1))
        );
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(Package::read(&deep, &[]), Err(PackageError::NotAPackage));
        let deep_inside = format!(
            r#"{{"kind":"latih-workshop","format":1,"workshop":"","scenarios":[{}{}]}}"#,
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        assert_eq!(
            Package::read(&deep_inside, &[]),
            Err(PackageError::NotAPackage)
        );
    }

    #[test]
    fn versions_a_newer_format_and_the_scenarios_a_workshop_names() {
        let (own, bundled) = own_and_bundled();
        let here = refs(&bundled);
        let w = workshop(&own, &bundled[1]);
        let text = Package {
            workshop: w.clone(),
            scenarios: vec![own.clone()],
        }
        .to_text();
        let newer = with(&text, |v| v["format"] = (PACKAGE_FORMAT + 1).into());
        assert_eq!(Package::read(&newer, &here), Err(PackageError::Newer));
        let newer_shape = format!(r#"{{"kind":"{PACKAGE_KIND}","format":99,"parts":[]}}"#);
        assert_eq!(Package::read(&newer_shape, &here), Err(PackageError::Newer));
        // The scenario carried at another version than the workshop names is not the one.
        let mut older = own.clone();
        older.version = 2;
        let wrong_version = Package {
            workshop: w.clone(),
            scenarios: vec![older],
        }
        .to_text();
        assert_eq!(
            Package::read(&wrong_version, &here),
            Err(PackageError::Missing(ScenarioRef::of(&own)))
        );
        // A scenario twice, or one the workshop does not use, is not taken either.
        for extra in [own.clone(), bundled[2].clone()] {
            let text = Package {
                workshop: w.clone(),
                scenarios: vec![own.clone(), extra.clone()],
            }
            .to_text();
            assert_eq!(
                Package::read(&text, &here),
                Err(PackageError::Unexpected(extra.id.clone()))
            );
        }
    }

    #[test]
    fn titles_are_kept_as_text_whatever_they_hold() {
        let (mut own, bundled) = own_and_bundled();
        own.meta.title.id = "<script>alert(1)</script><img src=x onerror=alert(2)>".into();
        let package = Package {
            workshop: workshop(&own, &bundled[1]),
            scenarios: vec![own.clone()],
        };
        let read = Package::read(&package.to_text(), &refs(&bundled)).unwrap();
        assert_eq!(read.scenarios[0].meta.title.id, own.meta.title.id);
    }
}

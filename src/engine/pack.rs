//! The bundled scenario pack, compiled into the app and the command-line tool.

use super::import::{import, ImportError};
use super::scenario::Scenario;

/// The bundled scenario files: (file name, JSON text).
pub const FILES: &[(&str, &str)] = &[
    (
        "benhur-driver-kota-bima.json",
        include_str!("pack/benhur-driver-kota-bima.json"),
    ),
    (
        "construction-labourer.json",
        include_str!("pack/construction-labourer.json"),
    ),
    (
        "courier-sumbawa-besar.json",
        include_str!("pack/courier-sumbawa-besar.json"),
    ),
    (
        "farmer-ksb-already-covered.json",
        include_str!("pack/farmer-ksb-already-covered.json"),
    ),
    (
        "farmer-lombok-tengah.json",
        include_str!("pack/farmer-lombok-tengah.json"),
    ),
    (
        "fisher-kkp-insurance-sape.json",
        include_str!("pack/fisher-kkp-insurance-sape.json"),
    ),
    (
        "fisher-lombok-timur.json",
        include_str!("pack/fisher-lombok-timur.json"),
    ),
    (
        "household-helper-sertakan.json",
        include_str!("pack/household-helper-sertakan.json"),
    ),
    (
        "offerings-seller-cakranegara.json",
        include_str!("pack/offerings-seller-cakranegara.json"),
    ),
    (
        "ojek-driver-mataram.json",
        include_str!("pack/ojek-driver-mataram.json"),
    ),
    (
        "returning-migrant-lapsed.json",
        include_str!("pack/returning-migrant-lapsed.json"),
    ),
    (
        "seaweed-farmer-teluk-saleh.json",
        include_str!("pack/seaweed-farmer-teluk-saleh.json"),
    ),
    (
        "street-food-seller.json",
        include_str!("pack/street-food-seller.json"),
    ),
    (
        "surf-guide-mandalika.json",
        include_str!("pack/surf-guide-mandalika.json"),
    ),
    (
        "tobacco-labourer-help-without-selling.json",
        include_str!("pack/tobacco-labourer-help-without-selling.json"),
    ),
    (
        "trader-mataram.json",
        include_str!("pack/trader-mataram.json"),
    ),
    (
        "weaver-sukarara.json",
        include_str!("pack/weaver-sukarara.json"),
    ),
];

/// Loads every bundled scenario. The test suite makes sure each one imports without error.
pub fn load() -> Result<Vec<Scenario>, (String, ImportError)> {
    FILES
        .iter()
        .map(|(name, text)| {
            import(text)
                .map(|i| i.scenario)
                .map_err(|e| ((*name).to_owned(), e))
        })
        .collect()
}

/// What the scenario library shows before a scenario is opened: one entry of the pack's index,
/// which the app fetches first so a phone downloads each full scenario only when it is played.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    /// Scenario id.
    pub id: String,
    /// Content version.
    pub version: u32,
    /// File name under `pack/`.
    pub file: String,
    /// Title.
    pub title: super::scenario::Localized,
    /// Library-card summary.
    pub summary: super::scenario::Localized,
    /// Difficulty.
    pub difficulty: super::scenario::Difficulty,
    /// Objections trained.
    pub objections: Vec<super::scenario::Objection>,
    /// Estimated minutes.
    pub estimated_minutes: u32,
    /// The worker's name.
    pub name: String,
    /// The worker's work, in words.
    pub occupation: super::scenario::Localized,
    /// Where.
    pub place: String,
    /// Avatar drawing key.
    pub avatar: String,
    /// The name of the workshop whose package installed it on this phone ("" otherwise).
    pub workshop: String,
}

impl Summary {
    /// Whether the scenario is in the bundled pack (not one a trainer made, on this device or
    /// in a workshop installed here).
    pub fn is_bundled(&self) -> bool {
        !self.file.is_empty()
    }

    /// The summary of a scenario stored as `file`.
    pub fn of(scenario: &Scenario, file: &str) -> Summary {
        Summary {
            id: scenario.id.clone(),
            version: scenario.version,
            file: file.to_owned(),
            title: scenario.meta.title.clone(),
            summary: scenario.meta.summary.clone(),
            difficulty: scenario.meta.difficulty,
            objections: scenario.meta.objections.clone(),
            estimated_minutes: scenario.meta.estimated_minutes,
            name: scenario.persona.name.clone(),
            occupation: scenario.persona.occupation_label.clone(),
            place: scenario.persona.place.clone(),
            avatar: scenario.persona.avatar.clone(),
            workshop: String::new(),
        }
    }
}

/// The library index of the bundled pack as JSON (what `latih-cli index` prints; the app reads
/// the compiled `index.bin`).
pub fn index_json() -> Result<String, (String, ImportError)> {
    let scenarios = load()?;
    let summaries: Vec<Summary> = scenarios
        .iter()
        .zip(FILES)
        .map(|(s, (file, _))| Summary::of(s, file))
        .collect();
    Ok(serde_json::to_string_pretty(&summaries).unwrap_or_default() + "\n")
}

/// What a compiled pack file starts with: a name and the engine's format version, so a phone
/// never decodes a file written for another build.
const COMPILED_MAGIC: &[u8; 6] = b"LATIH\x01";

/// Why a compiled pack file could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompiledError;

fn compiled_header() -> Vec<u8> {
    let mut bytes = COMPILED_MAGIC.to_vec();
    bytes.push(super::scenario::SCHEMA_VERSION as u8);
    bytes
}

fn encode<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = compiled_header();
    bytes.extend(postcard::to_allocvec(value).unwrap_or_default());
    bytes
}

fn decode<'a, T: serde::Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, CompiledError> {
    let body = bytes
        .strip_prefix(compiled_header().as_slice())
        .ok_or(CompiledError)?;
    postcard::from_bytes(body).map_err(|_| CompiledError)
}

/// A compiled pack file: its name and contents.
pub type CompiledFile = (String, Vec<u8>);

/// The pack as the browser app reads it: `index.bin` (the summaries) and one `ID.bin` per
/// scenario, in postcard's binary form. The JSON files stay the source; this is compiled from
/// them at build time (`latih-cli compile-pack`), because decoding postcard takes far less code
/// in the phone's download than parsing JSON into the same types.
pub fn compiled() -> Result<Vec<CompiledFile>, (String, ImportError)> {
    let scenarios = load()?;
    let files: Vec<String> = scenarios.iter().map(|s| format!("{}.bin", s.id)).collect();
    let summaries: Vec<Summary> = scenarios
        .iter()
        .zip(&files)
        .map(|(s, file)| Summary::of(s, file))
        .collect();
    let mut out = vec![("index.bin".to_owned(), encode(&summaries))];
    out.extend(
        scenarios
            .iter()
            .zip(files)
            .map(|(s, file)| (file, encode(s))),
    );
    Ok(out)
}

/// Reads a compiled `index.bin`.
pub fn decode_index(bytes: &[u8]) -> Result<Vec<Summary>, CompiledError> {
    decode(bytes)
}

/// Reads a compiled scenario file.
pub fn decode_scenario(bytes: &[u8]) -> Result<Scenario, CompiledError> {
    decode(bytes)
}

/// Encodes one scenario as [`compiled`] does (for tests of scenarios outside the pack).
pub fn encode_scenario(scenario: &Scenario) -> Vec<u8> {
    encode(scenario)
}

/// A scenario's content hash: the first 16 bytes of the SHA-256 of its compiled form. A
/// result code carries it, so the trainer's app can tell a run on the exact scenario it
/// shipped from a run on a changed copy.
pub type ContentHash = [u8; 16];

/// The content hash of a compiled scenario file (as [`encode_scenario`] writes it).
pub fn content_hash(compiled: &[u8]) -> ContentHash {
    let mut out = [0u8; 16];
    out.copy_from_slice(&super::code::sha256(compiled)[..16]);
    out
}

/// The content hash of `scenario`: that of its compiled form.
pub fn content_hash_of(scenario: &Scenario) -> ContentHash {
    content_hash(&encode_scenario(scenario))
}

/// Storage key under which the trainer's app puts its own scenarios for the agents' app on the
/// same device to list and play ("play as an agent").
pub const PUBLISHED_KEY: &str = "latih.published";

/// Scenarios for [`PUBLISHED_KEY`]: the compiled form of the pack's files, one character per
/// byte, since storage holds text.
pub fn encode_published(scenarios: &[Scenario]) -> String {
    encode(&scenarios).into_iter().map(char::from).collect()
}

/// Reads what [`encode_published`] wrote.
pub fn decode_published(text: &str) -> Result<Vec<Scenario>, CompiledError> {
    let bytes = text
        .chars()
        .map(|c| u8::try_from(c).map_err(|_| CompiledError))
        .collect::<Result<Vec<u8>, _>>()?;
    decode(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_pack_decodes_to_the_same_scenarios() {
        let scenarios = load().unwrap();
        let files = compiled().unwrap();
        assert_eq!(files.len(), scenarios.len() + 1);
        let index = decode_index(&files[0].1).unwrap();
        assert_eq!(index.len(), scenarios.len());
        for ((name, bytes), s) in files[1..].iter().zip(&scenarios) {
            assert_eq!(name, &format!("{}.bin", s.id));
            assert_eq!(&decode_scenario(bytes).unwrap(), s);
            assert!(index.iter().any(|e| e.id == s.id && e.file == *name));
        }
        let large = super::super::generate::large(300);
        assert_eq!(decode_scenario(&encode_scenario(&large)).unwrap(), large);
        let published = vec![scenarios[0].clone(), large];
        assert_eq!(
            decode_published(&encode_published(&published)).unwrap(),
            published
        );
        assert!(
            decode_published("LATIH\u{1}€").is_err(),
            "not one byte per character"
        );
        assert!(decode_published("").is_err());
    }

    #[test]
    fn a_compiled_file_and_its_scenario_have_one_content_hash() {
        // The phone hashes the file it decoded; the trainer's app hashes the scenario it
        // decoded from the same file: the two agree only if decoding and encoding round-trip.
        let files = compiled().unwrap();
        for (_, bytes) in &files[1..] {
            let scenario = decode_scenario(bytes).unwrap();
            assert_eq!(encode_scenario(&scenario), *bytes);
            assert_eq!(content_hash_of(&scenario), content_hash(bytes));
        }
        let mut changed = decode_scenario(&files[1].1).unwrap();
        std::rc::Rc::make_mut(&mut changed.nodes[0]).choices[0]
            .effects
            .trust += 1;
        assert_ne!(content_hash_of(&changed), content_hash(&files[1].1));
    }

    #[test]
    fn a_foreign_or_damaged_file_is_refused() {
        let files = compiled().unwrap();
        let bytes = &files[1].1;
        assert_eq!(decode_scenario(b"{}"), Err(CompiledError));
        assert_eq!(
            decode_scenario(&bytes[..bytes.len() / 2]),
            Err(CompiledError)
        );
        let mut other_version = bytes.clone();
        other_version[6] += 1;
        assert_eq!(decode_scenario(&other_version), Err(CompiledError));
        assert!(decode_index(bytes).is_err(), "a scenario is not an index");
    }
}

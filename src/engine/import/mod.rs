//! Reading scenario files safely: size and nesting limits, JSON errors with line and column,
//! migration of older format versions with a list of what was repaired, then validation.
//! Nothing here panics on any input.

use serde_json::{Map, Value};

use super::figures::{self, Figure, Placeholder};
use super::messages::message;
use super::notes::Note;
use super::rates::RatesTable;
use super::scenario::{Localized, Persona, Scenario, OLDEST_READABLE_VERSION, SCHEMA_VERSION};
use super::terms::{Date, Package};
use super::validate::{validate, Diagnostic};

/// Largest file accepted: 2 MiB.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
/// Deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 64;
/// Most objects (`{...}`: nodes, lines, choices, texts...) a file may hold: 16 times the
/// largest bundled scenario (506). Past this, reading, checking and drawing a file blocks a
/// phone's or laptop's page for longer than people wait (the page must never freeze for more
/// than 200 ms at a time), so such a file is refused with a message saying why.
pub const MAX_PARTS: usize = 8_000;
/// Most conversation nodes a file may hold: 20 times the largest bundled scenario (13). A
/// scenario can still grow past this in the editor, which keeps it as it grows.
pub const MAX_NODES: usize = 250;

/// A scenario that was read, with what was repaired and what is still wrong.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The scenario, in the current format.
    pub scenario: Scenario,
    /// What migration from an older version changed.
    pub repairs: Vec<Localized>,
    /// Validation of the result (may hold errors: the caller decides what to allow).
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a file could not be read at all. Nothing already stored is touched.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportError {
    /// What went wrong, in both languages.
    pub message: Localized,
    /// Line and column (1-based) for syntax and format errors.
    pub position: Option<(usize, usize)>,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message.en)
    }
}

impl std::error::Error for ImportError {}

fn fail(message: Localized) -> ImportError {
    ImportError {
        message,
        position: None,
    }
}

/// Reads a scenario file and validates it.
pub fn import(text: &str) -> Result<Imported, ImportError> {
    let (scenario, repairs) = parse(text)?;
    let diagnostics = validate(&scenario);
    Ok(Imported {
        scenario,
        repairs,
        diagnostics,
    })
}

/// Reads a scenario file without validating it (for files already validated, such as the
/// bundled pack, whose tests validate every scenario): limits, migration and the typed parse.
pub fn parse(text: &str) -> Result<(Scenario, Vec<Localized>), ImportError> {
    check_limits(text)?;
    parse_text(text, true)
}

/// Reads a scenario text this app stored itself, without validating it (the editor validates
/// what it shows, once). No size limit applies: storage quota bounds it, and a scenario that
/// grew past [`MAX_BYTES`] or [`MAX_NODES`] while being edited must still open.
pub fn parse_stored(text: &str) -> Result<Scenario, ImportError> {
    check_depth(text)?;
    parse_text(text, false).map(|(scenario, _)| scenario)
}

/// Migrates and reads `text`; `limited` (a file from outside) also refuses more than
/// [`MAX_NODES`] nodes.
fn parse_text(text: &str, limited: bool) -> Result<(Scenario, Vec<Localized>), ImportError> {
    // A file in the current format reads straight into its typed form, in one pass; anything
    // else (an older format, an error to explain) goes through the generic reading below.
    if let Ok(scenario) = serde_json::from_str::<Scenario>(text) {
        if scenario.schema_version == SCHEMA_VERSION
            && scenario.min_compatible_version <= SCHEMA_VERSION
            && !(limited && scenario.nodes.len() > MAX_NODES)
        {
            return Ok((scenario, Vec::new()));
        }
    }
    let value: Value = serde_json::from_str(text).map_err(|e| located(Note::IJson, &e))?;
    let Value::Object(mut object) = value else {
        return Err(fail(message(Note::INotObject, &[])));
    };
    let nodes = object
        .get("nodes")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    if limited && nodes > MAX_NODES {
        return Err(fail(message(
            Note::ITooManyNodes,
            &[("count", nodes.to_string()), ("max", MAX_NODES.to_string())],
        )));
    }
    let version = object
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or_else(|| fail(message(Note::INoVersion, &[])))?;
    let min_compatible = object
        .get("min_compatible_version")
        .and_then(Value::as_u64)
        .unwrap_or(version);
    if min_compatible > u64::from(SCHEMA_VERSION) {
        return Err(fail(message(
            Note::ITooNew,
            &[
                ("version", version.to_string()),
                ("supported", SCHEMA_VERSION.to_string()),
            ],
        )));
    }
    if version < u64::from(OLDEST_READABLE_VERSION) {
        return Err(fail(message(
            Note::ITooOld,
            &[("version", version.to_string())],
        )));
    }
    let mut repairs = Vec::new();
    let scenario: Scenario = if version < u64::from(SCHEMA_VERSION) {
        if version < 2 {
            migrate_v1(&mut object, &mut repairs);
        }
        migrate_v2(&mut object, &mut repairs);
        // Positions refer to the migrated text, which keeps the original's order and names.
        let migrated = serde_json::to_string_pretty(&Value::Object(object)).unwrap_or_default();
        serde_json::from_str(&migrated).map_err(|e| located(Note::IShape, &e))?
    } else {
        serde_json::from_str(text).map_err(|e| located(Note::IShape, &e))?
    };
    Ok((scenario, repairs))
}

/// Writes a scenario in the current format (what export saves). Fields left empty (`null`)
/// are left out, as a person writing the file would.
/// A file that would be over [`MAX_BYTES`] indented is written without indentation, so more
/// large scenarios can be imported again.
pub fn export(scenario: &Scenario) -> String {
    let value = export_value(scenario);
    let pretty = serde_json::to_string_pretty(&value).unwrap_or_default();
    if pretty.len() <= MAX_BYTES {
        pretty
    } else {
        serde_json::to_string(&value).unwrap_or_default()
    }
}

/// The same as [`export`] without indentation and with the fields in the order the format
/// lists them: how the app stores scenarios, since storage is small (about 5 MB per site in
/// Chromium). Reads back to the same scenario as [`export`]'s text.
pub fn export_compact(scenario: &Scenario) -> String {
    let mut export = CompactExport::new(scenario);
    while !export.step(scenario, usize::MAX) {}
    export.finish()
}

/// [`export_compact`] a few nodes at a time, so that an app can write a large scenario in
/// slices between which the page stays responsive (a 2,000-node scenario is about 2.5 MB).
///
/// Each node is written with serde_json straight from its typed form, without the generic
/// JSON tree [`export`] builds (about five times faster), and its empty optional fields are
/// left out, as [`export`] leaves them out (the compiled pack's binary form needs every field,
/// so the types cannot skip them themselves).
pub struct CompactExport {
    head: String,
    tail: String,
    nodes: Vec<String>,
}

impl CompactExport {
    /// Starts writing `scenario`: everything but its nodes.
    pub fn new(scenario: &Scenario) -> CompactExport {
        let s = scenario;
        let shell = Scenario {
            schema_version: SCHEMA_VERSION,
            min_compatible_version: s.min_compatible_version,
            id: s.id.clone(),
            version: s.version,
            meta: s.meta.clone(),
            persona: s.persona.clone(),
            rubric: s.rubric.clone(),
            start: s.start.clone(),
            nodes: Vec::new(),
            endings: s.endings.clone(),
        };
        let text = without_nulls(&serde_json::to_string(&shell).unwrap_or_default());
        // The one place in the text where `"nodes":[]` can stand: inside a string its quotes
        // would be escaped.
        let at = text
            .find(NODES_MARK)
            .map_or(text.len(), |i| i + NODES_MARK.len() - 1);
        CompactExport {
            head: text[..at].to_owned(),
            tail: text[at..].to_owned(),
            nodes: Vec::with_capacity(s.nodes.len()),
        }
    }

    /// Writes up to `count` more of `scenario`'s nodes (the scenario given to [`new`]);
    /// true once all are written.
    ///
    /// [`new`]: CompactExport::new
    pub fn step(&mut self, scenario: &Scenario, count: usize) -> bool {
        let from = self.nodes.len();
        for node in scenario.nodes.iter().skip(from).take(count) {
            let text = serde_json::to_string(node).unwrap_or_default();
            self.nodes.push(without_nulls(&text));
        }
        self.nodes.len() >= scenario.nodes.len()
    }

    /// The whole text.
    pub fn finish(self) -> String {
        let size = self.head.len()
            + self.tail.len()
            + self.nodes.iter().map(|n| n.len() + 1).sum::<usize>();
        let mut out = String::with_capacity(size);
        out.push_str(&self.head);
        out.push_str(&self.nodes.join(","));
        out.push_str(&self.tail);
        out
    }
}

const NODES_MARK: &str = "\"nodes\":[]";

/// Compact JSON `text` without its object members whose value is `null` (array items stay).
fn without_nulls(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    // Where the member being written began in `out` (before its comma, or just after `{`),
    // and whether a comma after a dropped first member must go too.
    let mut member_start = 0;
    let mut drop_comma = false;
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            out.push(b);
            if b == b'\\' {
                if let Some(&next) = bytes.get(i + 1) {
                    out.push(next);
                    i += 1;
                }
            } else if b == b'"' {
                in_string = false;
            }
            i += 1;
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' => {
                out.push(b);
                member_start = out.len();
                drop_comma = false;
                i += 1;
                continue;
            }
            b',' => {
                if drop_comma {
                    drop_comma = false;
                    i += 1;
                    continue;
                }
                member_start = out.len();
            }
            b'n' if out.last() == Some(&b':') && bytes[i..].starts_with(b"null") => {
                // `member_start` is just after `{` (the first member) or at its comma.
                drop_comma = out.get(member_start.wrapping_sub(1)) == Some(&b'{');
                out.truncate(member_start);
                i += 4;
                continue;
            }
            b'[' | b'}' | b']' => drop_comma = false,
            _ => {}
        }
        out.push(b);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_default()
}

fn export_value(scenario: &Scenario) -> Value {
    let mut s = scenario.clone();
    s.schema_version = SCHEMA_VERSION;
    let mut value = serde_json::to_value(&s).unwrap_or(Value::Null);
    drop_nulls(&mut value);
    value
}

fn drop_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(drop_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}

/// Refuses files over [`MAX_BYTES`], nested deeper than [`MAX_DEPTH`] or with more than
/// [`MAX_PARTS`] objects, before parsing them.
fn check_limits(text: &str) -> Result<(), ImportError> {
    if text.len() > MAX_BYTES {
        return Err(too_large(text.len()));
    }
    let parts = check_depth(text)?;
    if parts > MAX_PARTS {
        return Err(fail(message(
            Note::ITooManyParts,
            &[("count", parts.to_string()), ("max", MAX_PARTS.to_string())],
        )));
    }
    Ok(())
}

/// Why a file of `size` bytes (over [`MAX_BYTES`]) is refused: the app says so from the
/// file's size, without reading it.
pub fn too_large(size: usize) -> ImportError {
    fail(message(
        Note::ITooLarge,
        &[("size", size.to_string()), ("max", MAX_BYTES.to_string())],
    ))
}

/// Refuses nesting deeper than [`MAX_DEPTH`]; returns how many objects the text holds.
fn check_depth(text: &str) -> Result<usize, ImportError> {
    let (depth, parts) = shape(text);
    if depth > MAX_DEPTH {
        return Err(fail(message(
            Note::ITooDeep,
            &[("max", MAX_DEPTH.to_string())],
        )));
    }
    Ok(parts)
}

fn located(msg: Note, e: &serde_json::Error) -> ImportError {
    let detail = e.to_string();
    // serde_json appends " at line L column C"; the message already says where.
    let detail = detail
        .split(" at line ")
        .next()
        .unwrap_or(&detail)
        .to_owned();
    ImportError {
        message: message(
            msg,
            &[
                ("line", e.line().to_string()),
                ("column", e.column().to_string()),
                ("detail", detail),
            ],
        ),
        position: Some((e.line(), e.column())),
    }
}

/// The deepest nesting of `[` and `{` outside strings.
/// The deepest nesting of arrays and objects in a JSON text, and how many objects it has,
/// in one pass that never recurses.
fn shape(text: &str) -> (usize, usize) {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    let mut objects = 0usize;
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
                objects += usize::from(b == b'{');
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    (max, objects)
}

/// Fields that are bilingual in version 2 and were plain Indonesian strings in version 1.
const LOCALIZED_FIELDS: &[&str] = &[
    "title",
    "summary",
    "briefing",
    "occupation_label",
    "household",
    "text",
    "feedback",
];

/// Version 1 (the first, Indonesian-only drafts) had plain strings where version 2 has
/// `{"id": ..., "en": ...}`, no briefing and no minimum compatible version.
fn migrate_v1(object: &mut Map<String, Value>, repairs: &mut Vec<Localized>) {
    let mut converted = 0usize;
    convert_strings(object, &mut converted);
    if let Some(Value::Object(persona)) = object.get_mut("persona") {
        if let Some(Value::Array(risks)) = persona.get_mut("risks") {
            for risk in risks.iter_mut() {
                if let Value::String(s) = risk {
                    *risk = bilingual(std::mem::take(s));
                    converted += 1;
                }
            }
        }
    }
    if let Some(Value::Object(meta)) = object.get_mut("meta") {
        if !meta.contains_key("briefing") {
            if let Some(summary) = meta.get("summary").cloned() {
                meta.insert("briefing".into(), summary);
                repairs.push(message(Note::RBriefing, &[]));
            }
        }
    }
    if converted > 0 {
        repairs.push(message(
            Note::RBilingual,
            &[("count", converted.to_string())],
        ));
    }
    object.insert("schema_version".into(), Value::from(2));
}

/// Version 2 typed figures as numbers (`quote: {figure, package, amount}` and "Rp 16.800" in
/// the text) and fixed every run to `meta.date`. Version 3 writes figures as placeholders the
/// engine fills in for the day of play. Each quoted figure becomes the placeholder that states
/// that amount on the old date: the true figure, or a trap whose wrong value it was; one that
/// cannot be written so is left as typed and listed.
fn migrate_v2(object: &mut Map<String, Value>, repairs: &mut Vec<Localized>) {
    let old_date = object
        .get_mut("meta")
        .and_then(Value::as_object_mut)
        .and_then(|meta| meta.remove("date"))
        .and_then(|d| d.as_str().and_then(Date::parse));
    if let Some(date) = old_date {
        repairs.push(message(Note::RUnpinned, &[("date", date.to_string())]));
    }
    let persona: Option<Persona> = object
        .get("persona")
        .and_then(|p| serde_json::from_value(p.clone()).ok());
    let (mut converted, mut unchecked) = (0usize, Vec::new());
    if let Some(Value::Array(nodes)) = object.get_mut("nodes") {
        for node in nodes.iter_mut().filter_map(Value::as_object_mut) {
            let Some(Value::Array(choices)) = node.get_mut("choices") else {
                continue;
            };
            for choice in choices.iter_mut().filter_map(Value::as_object_mut) {
                let Some(quote) = choice.remove("quote") else {
                    continue;
                };
                let placeholder = match (&persona, old_date) {
                    (Some(p), Some(date)) => placeholder_for(&quote, p, date),
                    _ => None,
                };
                let amount = quote.get("amount").and_then(Value::as_u64).unwrap_or(0);
                let id = choice
                    .get("id")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_owned();
                let replaced = match (placeholder, choice.get_mut("text")) {
                    (Some(p), Some(Value::Object(text))) => {
                        let mut any = false;
                        for lang in ["id", "en"] {
                            if let Some(Value::String(s)) = text.get_mut(lang) {
                                if let Some(new) = replace_amount(s, amount, &figures::written(&p))
                                {
                                    *s = new;
                                    any = true;
                                }
                            }
                        }
                        any
                    }
                    _ => false,
                };
                if replaced {
                    converted += 1;
                } else {
                    unchecked.push(id);
                }
            }
        }
    }
    if converted > 0 {
        repairs.push(message(Note::RQuotes, &[("count", converted.to_string())]));
    }
    if !unchecked.is_empty() {
        repairs.push(message(
            Note::RQuoteUnchecked,
            &[("choices", unchecked.join(", "))],
        ));
    }
    object.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    object.insert("min_compatible_version".into(), Value::from(SCHEMA_VERSION));
    repairs.push(message(
        Note::RMinVersion,
        &[("version", SCHEMA_VERSION.to_string())],
    ));
}

/// The placeholder that states a version 2 quote's amount on its date, if there is one.
fn placeholder_for(quote: &Value, persona: &Persona, date: Date) -> Option<Placeholder> {
    let figure = match quote.get("figure")?.as_str()? {
        "monthly_contribution" => Figure::Monthly,
        "daily_contribution" => Figure::Daily,
        "death_benefit" => Figure::JkmBenefit,
        "funeral_benefit" => Figure::Funeral,
        "scholarship_ceiling" => Figure::Scholarship,
        "minimum_income" => Figure::MinimumIncome,
        _ => return None,
    };
    let package = match figure {
        Figure::Monthly | Figure::Daily => {
            Some(match quote.get("package").and_then(Value::as_str) {
                Some("jkk_jkm_jht") => Package::JkkJkmJht,
                _ => Package::JkkJkm,
            })
        }
        _ => None,
    };
    let amount = quote.get("amount")?.as_u64()?;
    let ctx = figures::Context::new(persona, date, RatesTable::bundled());
    let plain = Placeholder {
        figure,
        package,
        months: None,
        on: None,
        after_discount: false,
        trap: None,
        words: false,
    };
    std::iter::once(None)
        .chain(
            figures::TRAPS
                .into_iter()
                .filter(|t| t.fits(figure))
                .map(Some),
        )
        .map(|trap| Placeholder { trap, ..plain })
        .find(|p| figures::stated(p, &ctx).is_some_and(|a| a.rupiah == amount))
}

/// `text` with the first way of writing `amount` replaced by `placeholder`.
fn replace_amount(text: &str, amount: u64, placeholder: &str) -> Option<String> {
    let mut forms = Vec::new();
    for lang in crate::engine::terms::Lang::ALL {
        forms.push(crate::engine::rates::money_words(amount, lang));
        let written = crate::engine::rates::money(amount, lang);
        forms.push(written.replacen("Rp ", "Rp", 1));
        forms.push(written.replacen("Rp ", "Rp. ", 1));
        forms.push(written);
    }
    crate::engine::order::sort_small_by_key(&mut forms, |f| std::cmp::Reverse(f.len()));
    forms
        .iter()
        .find(|f| text.contains(f.as_str()))
        .map(|f| text.replacen(f.as_str(), placeholder, 1))
}

fn bilingual(s: String) -> Value {
    serde_json::json!({ "id": s, "en": "" })
}

fn convert_strings(object: &mut Map<String, Value>, converted: &mut usize) {
    for (key, value) in object.iter_mut() {
        match value {
            Value::String(s) if LOCALIZED_FIELDS.contains(&key.as_str()) => {
                *value = bilingual(std::mem::take(s));
                *converted += 1;
            }
            Value::Object(inner) => convert_strings(inner, converted),
            Value::Array(items) => {
                for item in items {
                    if let Value::Object(inner) = item {
                        convert_strings(inner, converted);
                    }
                }
            }
            _ => {}
        }
    }
}

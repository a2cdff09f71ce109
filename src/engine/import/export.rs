//! Writing scenarios back out: indented for people, compact when a file would be too large,
//! with empty fields left out as a person writing the file would.

use serde_json::Value;

use super::MAX_BYTES;
use crate::engine::scenario::{Scenario, SCHEMA_VERSION};

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

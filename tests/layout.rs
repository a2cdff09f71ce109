//! The code's layout as README's "Code layout" states it: the engine imports nothing outside
//! itself (no UI, no browser), and no two of its modules import each other, directly or in a
//! ring, so each can be read and tested from the bottom up. Read from the source text: a `use`
//! or a path naming another module of the engine counts, doc comments and tests do not. Above
//! the engine, only `src/platform` names browser types (`web_sys`).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const ENGINE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/engine");

/// Every `.rs` file under `dir` but tests.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/engine is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && path.file_name().is_some_and(|n| n != "tests.rs")
        {
            out.push(path);
        }
    }
}

/// The code of a file without its comments and its `#[cfg(test)]` module.
fn code(path: &Path) -> String {
    let text = fs::read_to_string(path).expect("a source file is readable");
    let text = match text.find("#[cfg(test)]\nmod tests {") {
        Some(at) => &text[..at],
        None => &text,
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The engine's top-level modules, each with its files.
fn modules() -> BTreeMap<String, Vec<PathBuf>> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(ENGINE)
        .expect("src/engine is readable")
        .flatten()
    {
        let path = entry.path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if name == "mod" {
            continue;
        }
        let mut files = Vec::new();
        if path.is_dir() {
            sources(&path, &mut files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        } else {
            continue;
        }
        out.entry(name).or_insert_with(Vec::new).extend(files);
    }
    out
}

/// The names `text` reaches through `prefix` (`crate::engine::` or `super::`), including
/// those in a braced list (`use super::{a, b::C}`).
fn named_after(text: &str, prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in text.match_indices(prefix) {
        let rest = &text[at + prefix.len()..];
        if let Some(list) = rest.strip_prefix('{') {
            // The items of the list at its own level (`a::{b, c}` is one item).
            let (mut depth, mut start) = (0, 0);
            for (i, c) in list.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        out.insert(ident(list[start..i].trim()));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.insert(ident(list[start..i].trim()));
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            out.insert(ident(rest));
        }
    }
    out
}

/// Which engine modules each engine module imports.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let mut out = BTreeMap::new();
    for (name, files) in &modules {
        let mut deps = BTreeSet::new();
        for file in files {
            let text = code(file);
            // The engine is as many `super::` up as the file's module is deep: one from
            // `x.rs` or `x/mod.rs`, two from `x/y.rs`.
            let inside = file.strip_prefix(ENGINE).expect("a file of the engine");
            let mut depth = inside.components().count();
            if file.file_name().is_some_and(|n| n == "mod.rs") {
                depth -= 1;
            }
            let mut named = named_after(&text, "crate::engine::");
            named.extend(named_after(&text, &"super::".repeat(depth)));
            deps.extend(
                named
                    .into_iter()
                    .filter(|n| n != name && modules.contains_key(n)),
            );
        }
        out.insert(name.clone(), deps);
    }
    out
}

/// A ring of imports in `graph`, if there is one (a depth-first search for a path back to
/// where it started).
fn find_ring(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn ring(
        graph: &BTreeMap<String, BTreeSet<String>>,
        at: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(from) = path.iter().position(|p| p == at) {
            let mut ring = path[from..].to_vec();
            ring.push(at.to_owned());
            return Some(ring);
        }
        if done.contains(at) {
            return None;
        }
        path.push(at.to_owned());
        for next in &graph[at] {
            if let Some(r) = ring(graph, next, path, done) {
                return Some(r);
            }
        }
        path.pop();
        done.insert(at.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|start| ring(graph, start, &mut Vec::new(), &mut done))
}

#[test]
fn the_engine_imports_nothing_outside_itself() {
    for files in modules().values() {
        for file in files {
            let text = code(file);
            for (at, _) in text.match_indices("crate::") {
                let rest = &text[at + "crate::".len()..];
                assert!(
                    rest.strip_prefix("engine").is_some_and(
                        |after| !after.starts_with(|c: char| c.is_alphanumeric() || c == '_')
                    ),
                    "{} imports crate::{} from outside the engine",
                    file.display(),
                    &rest[..rest.find([';', '\n']).unwrap_or(rest.len())]
                );
            }
        }
    }
}

#[test]
fn no_two_engine_modules_import_each_other_even_in_a_ring() {
    let graph = imports();
    assert!(
        graph.len() > 15 && graph["scoring"].contains("figures"),
        "the reading of imports finds them: {graph:?}"
    );
    if let Some(r) = find_ring(&graph) {
        panic!("engine modules import each other: {}", r.join(" -> "));
    }
}

#[test]
fn a_ring_of_imports_would_be_found() {
    // The reader of imports sees both kinds of path the engine uses.
    let names = named_after(
        "use super::{figures::{self, Check}, rates};\nlet x = crate::engine::sim::step(s);",
        "super::",
    );
    assert_eq!(names, BTreeSet::from(["figures".into(), "rates".into()]));
    assert!(named_after("crate::engine::sim::step(s)", "crate::engine::").contains("sim"));
    // And the search finds a ring of three, but not a chain.
    let graph = |edges: &[(&str, &str)]| {
        let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in edges {
            g.entry((*a).into()).or_default().insert((*b).into());
            g.entry((*b).into()).or_default();
        }
        g
    };
    assert_eq!(
        find_ring(&graph(&[("a", "b"), ("b", "c"), ("c", "a")])).map(|r| r.len()),
        Some(4)
    );
    assert_eq!(
        find_ring(&graph(&[("a", "b"), ("b", "c"), ("a", "c")])),
        None
    );
}

#[test]
fn only_the_platform_layer_names_browser_types() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let platform = src.join("platform");
    let mut files = Vec::new();
    sources(&src, &mut files);
    assert!(
        files.len() > 100,
        "the walk finds the sources: {}",
        files.len()
    );
    let above: Vec<_> = files
        .iter()
        .filter(|f| !f.starts_with(&platform) && code(f).contains("web_sys"))
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        above.is_empty(),
        "these reach the browser past src/platform: {above:?}"
    );
}

//! Validation: everything wrong with a scenario, as diagnostics with a location and a message in
//! both languages. Errors stop a scenario from being played; warnings do not.
//!
//! This file holds the public face (the diagnostic types, [`validate`] and the incremental
//! [`Validator`]) and the order the checks run in; each part of a scenario is checked in its
//! own module: `meta` (id, metadata, rubric), `persona` (the worker), `nodes` and
//! `conditions` (each node and the names it refers to), `flow` (reachability and loops) and
//! `endings`; `report` collects what they find.

use serde::Serialize;
use std::collections::HashMap;
use std::rc::Rc;

use super::scenario::{Localized, Node, Persona, PinnedDate, Scenario};
use lint::{Dates, Lint};

mod conditions;
mod endings;
mod flow;
mod lint;
mod meta;
mod nodes;
mod persona;
mod report;

use conditions::Lookup;
use nodes::NodeCheck;
use report::Report;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The scenario cannot be played as it is.
    Error,
    /// Worth fixing; the scenario still plays.
    Warning,
}

/// Where a problem is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The node, if the problem is in one.
    pub node: Option<String>,
    /// The choice, if the problem is in one.
    pub choice: Option<String>,
    /// The field, as a path (e.g. `choices[2].effects.trust`).
    pub field: String,
}

/// One problem.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where.
    pub location: Location,
    /// What, in both languages.
    pub message: Localized,
}

/// Whether any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

/// Every problem with `scenario`, errors first, in a stable order.
pub fn validate(scenario: &Scenario) -> Vec<Diagnostic> {
    check(scenario, None)
}

/// Validation for an editor that validates after every edit: it remembers what it found in
/// each node and checks a node again only when the node changed, when a name it refers to came
/// or went (a node, a choice, a revealed fact), or when the worker or the pinned date changed.
/// It gives exactly what [`validate`] gives.
#[derive(Default)]
pub struct Validator {
    /// What every node's checks read besides the node: the worker (figures, facts, name) and
    /// the pinned date. When they change, nothing remembered holds. (The title and other
    /// details are not read: editing them re-checks no node.)
    key: Option<(Option<PinnedDate>, Persona)>,
    /// By node id: the node as it was checked (shared with the scenario, so an unchanged node
    /// is known by its pointer), and what was found.
    nodes: HashMap<String, (Rc<Node>, Rc<NodeCheck>)>,
}

impl Validator {
    /// Every problem with `scenario`, as [`validate`] gives them.
    pub fn validate(&mut self, scenario: &Scenario) -> Vec<Diagnostic> {
        check(scenario, Some(self))
    }

    /// Itself, having forgotten every node if what all of them read has changed.
    fn keep_if(&mut self, s: &Scenario) -> &mut Validator {
        let same = self.key.as_ref().is_some_and(|(pinned, persona)| {
            *pinned == s.meta.pinned_date && *persona == s.persona
        });
        if !same {
            self.key = Some((s.meta.pinned_date.clone(), s.persona.clone()));
            self.nodes.clear();
        }
        self
    }
}

/// Validation, remembering per node in `cache` if given.
fn check(scenario: &Scenario, cache: Option<&mut Validator>) -> Vec<Diagnostic> {
    let mut r = Report::new();
    let s = scenario;
    let mut lint = Lint::new(s);
    meta::check_meta(&mut r, &mut lint, s);
    let facts = persona::check_persona(&mut r, &mut lint, &s.persona);
    meta::check_rubric(&mut r, s);
    let names = nodes::names(&mut r, s, facts);

    // Each node, from what is remembered of it where that still holds.
    let mut cache = cache.map(|c| c.keep_if(s));
    let mut checks: Vec<Rc<NodeCheck>> = Vec::with_capacity(s.nodes.len());
    for node in &s.nodes {
        // Remembered by id: two different nodes with one id (an error, reported) take each
        // other's place and are both checked again each time, which is slower, never wrong.
        let known = cache
            .as_ref()
            .and_then(|c| c.nodes.get(&node.id))
            .filter(|(seen, check)| {
                (Rc::ptr_eq(seen, node) || seen == node) && names.hold(&check.lookups)
            });
        let check = match known {
            Some((_, check)) => check.clone(),
            None => {
                let check = Rc::new(nodes::check_node(&mut lint, &names, node));
                if let Some(c) = cache.as_mut() {
                    c.nodes
                        .insert(node.id.clone(), (node.clone(), check.clone()));
                }
                check
            }
        };
        checks.push(check);
    }
    if let Some(c) = cache.as_mut() {
        c.nodes
            .retain(|id, _| names.index.contains_key(id.as_str()));
    }
    let mut edges: Vec<Vec<usize>> = Vec::with_capacity(s.nodes.len());
    let mut exits = Vec::with_capacity(s.nodes.len());
    for check in &checks {
        r.out.extend(check.graph.iter().cloned());
        lint.out.extend(check.words.iter().cloned());
        edges.push(
            check
                .lookups
                .iter()
                .filter_map(|(l, found)| match l {
                    Lookup::Target(t) if *found => names.index.get(t.as_str()).copied(),
                    _ => None,
                })
                .collect(),
        );
        exits.push(check.exits);
    }

    flow::check_flow(&mut r, s, &names.index, &edges, &exits);
    endings::check_endings(&mut r, &mut lint, s, &checks);

    // The checks of dates and cues assume a scenario that plays, so they run only without
    // errors; each node's findings are remembered like the rest.
    if !has_errors(&r.out) && !has_errors(&lint.out) {
        let dates = Dates::of(s);
        let mut cues = Vec::new();
        for (node, check) in s.nodes.iter().zip(&checks) {
            let found = check.dates.get_or_init(|| {
                let from = lint.out.len();
                lint.node_dates(node, &dates);
                lint.out.split_off(from)
            });
            lint.out.extend(found.iter().cloned());
        }
        for (node, check) in s.nodes.iter().zip(&checks) {
            let (found, part) = check.cues.get_or_init(|| {
                let from = lint.out.len();
                let part = lint.node_cues(node);
                (lint.out.split_off(from), part)
            });
            lint.out.extend(found.iter().cloned());
            cues.extend(part.as_ref());
        }
        lint.cues(cues);
    }
    r.out.extend(lint.out);
    // Errors first, each severity in the order found (a partition, not a sort: see `order`).
    let (mut first, rest): (Vec<_>, Vec<_>) = r
        .out
        .into_iter()
        .partition(|d| d.severity == Severity::Error);
    first.extend(rest);
    first
}

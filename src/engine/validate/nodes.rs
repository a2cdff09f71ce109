//! The checks of the conversation's nodes: the ids are unique and the start exists, and each
//! node on its own (its texts, ids, values, conditions and the names it links to). A node's
//! findings are kept as a [`NodeCheck`] so that an editor validating after every edit can
//! reuse them while the node and the names it looked up stay the same.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use super::conditions::{check_condition, Lookup, Names};
use super::lint::{Lint, NodeCues, Place};
use super::report::Collect;
use super::report::{named, Report};
use super::Diagnostic;
use crate::engine::figures;
use crate::engine::messages::{message, text};
use crate::engine::notes::Note;
use crate::engine::scenario::{Condition, MoveKind, Next, Node, Scenario};
use crate::engine::sim::spoken;

/// What a node's checks found, and what they depended on.
#[derive(Default)]
pub(super) struct NodeCheck {
    /// Problems with its structure and values.
    pub(super) graph: Vec<Diagnostic>,
    /// Problems with its words and figures.
    pub(super) words: Vec<Diagnostic>,
    /// Each name looked up, in order, and whether it was there.
    pub(super) lookups: Vec<(Lookup, bool)>,
    /// Whether a choice (or having none) ends the conversation here.
    pub(super) exits: bool,
    pub(super) can_close: bool,
    pub(super) can_follow_up: bool,
    pub(super) can_violate: bool,
    /// The date checks, once they have run (only for a scenario with no errors).
    pub(super) dates: OnceCell<Vec<Diagnostic>>,
    /// The cue checks, once they have run: the warning about this node, and its part in the
    /// checks across nodes.
    pub(super) cues: OnceCell<(Vec<Diagnostic>, Option<NodeCues>)>,
}

/// Checks that there are nodes, that their ids are unique and that the start is one of them,
/// and gives the names nodes may refer to. `facts` are the worker's hidden facts.
pub(super) fn names<'s>(r: &mut Report, s: &'s Scenario, facts: HashSet<&'s str>) -> Names<'s> {
    if s.nodes.is_empty() {
        r.error(None, None, "nodes", text(Note::VNoNodes));
    }
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, node) in s.nodes.iter().enumerate() {
        if node.id.trim().is_empty() {
            let field = format!("nodes[{i}].id");
            let note = named(Note::VEmptyId, &field, &[]);
            r.error(None, None, field, note);
        }
        if index.insert(node.id.as_str(), i).is_some() {
            r.error(
                Some(&node.id),
                None,
                "id",
                message(Note::VDuplicateNode, &[("node", node.id.clone())]),
            );
        }
    }
    if !s.nodes.is_empty() && !index.contains_key(s.start.as_str()) {
        r.error(
            None,
            None,
            "start",
            message(Note::VMissingStart, &[("node", s.start.clone())]),
        );
    }
    Names {
        facts,
        revealed: s
            .nodes
            .iter()
            .flat_map(|n| &n.choices)
            .flat_map(|c| &c.effects.reveals)
            .map(String::as_str)
            .collect(),
        choices: s
            .nodes
            .iter()
            .flat_map(|n| &n.choices)
            .map(|c| c.id.as_str())
            .collect(),
        index,
    }
}

/// Checks one node: its texts, ids, values and conditions, and the names it links to.
pub(super) fn check_node(lint: &mut Lint, names: &Names, node: &Node) -> NodeCheck {
    let mut r = Report::new();
    let words_from = lint.out.len();
    let mut out = NodeCheck::default();
    let nid = Some(node.id.as_str());
    if node.lines.is_empty() {
        r.error(nid, None, "lines", named(Note::VEmptyText, "lines", &[]));
    }
    if let Some(why) = &node.pin_order {
        r.text(nid, None, "pin_order", why);
    }
    for (li, line) in node.lines.iter().enumerate() {
        // Field paths are written out only where a problem is (a 2,000-node scenario has
        // tens of thousands of fields).
        let text_field = format!("lines[{li}].text");
        r.text(nid, None, &text_field, &line.text);
        let guarded = line.when.contains(&Condition::Discount(true));
        lint.text(nid, None, &text_field, &line.text, Place::Run, guarded);
        if line.weight > 1000 {
            r.range(
                nid,
                None,
                &format!("lines[{li}].weight"),
                line.weight.into(),
                0,
                1000,
            );
        }
        for (ci, c) in line.when.iter().enumerate() {
            check_condition(
                &mut r,
                names,
                &mut out.lookups,
                &node.id,
                None,
                format!("lines[{li}].when[{ci}]"),
                c,
            );
        }
    }
    if node.choices.is_empty() {
        r.warning(
            nid,
            None,
            "choices",
            message(Note::VDeadEnd, &[("node", node.id.clone())]),
        );
        out.exits = true;
    }

    let mut seen = HashSet::new();
    for (ci, choice) in node.choices.iter().enumerate() {
        let cid = Some(choice.id.as_str());
        let at = |f: &str| format!("choices[{ci}].{f}");
        if choice.id.trim().is_empty() {
            r.error(nid, None, at("id"), named(Note::VEmptyId, &at("id"), &[]));
        }
        if !seen.insert(choice.id.as_str()) {
            r.error(
                nid,
                cid,
                at("id"),
                message(
                    Note::VDuplicateChoice,
                    &[("node", node.id.clone()), ("choice", choice.id.clone())],
                ),
            );
        }
        let (text_field, feedback_field) = (at("text"), at("feedback"));
        r.text(nid, cid, &text_field, &choice.text);
        r.text(nid, cid, &feedback_field, &choice.feedback);
        let guarded = choice.requires.contains(&Condition::Discount(true));
        lint.text(nid, cid, &text_field, &choice.text, Place::Choice, guarded);
        lint.text(
            nid,
            cid,
            &feedback_field,
            &choice.feedback,
            Place::Run,
            guarded,
        );
        for (name, v) in [
            ("trust", choice.effects.trust),
            ("interest", choice.effects.interest),
            ("cost_worry", choice.effects.cost_worry),
            ("patience", choice.effects.patience),
        ] {
            if !(-50..=50).contains(&v) {
                r.range(nid, cid, &at(&format!("effects.{name}")), v.into(), -50, 50);
            }
        }
        for (comp, v) in &choice.scores {
            if !(-10..=10).contains(v) {
                r.range(
                    nid,
                    cid,
                    &at(&format!("scores.{comp:?}").to_lowercase()),
                    (*v).into(),
                    -10,
                    10,
                );
            }
        }
        for fact in &choice.effects.reveals {
            if !names.facts.contains(fact.as_str()) {
                r.error(
                    nid,
                    cid,
                    at("effects.reveals"),
                    message(Note::VUnknownFact, &[("fact", fact.clone())]),
                );
            }
        }
        for (i, c) in choice.requires.iter().enumerate() {
            check_condition(
                &mut r,
                names,
                &mut out.lookups,
                &node.id,
                cid,
                at(&format!("requires[{i}]")),
                c,
            );
        }
        match choice.kind {
            MoveKind::Close if choice.package.is_none() => {
                r.error(
                    nid,
                    cid,
                    at("package"),
                    message(Note::VCloseWithoutPackage, &[("choice", choice.id.clone())]),
                );
            }
            MoveKind::Quote if figures::figures_in(spoken(&choice.text)).is_empty() => {
                r.error(
                    nid,
                    cid,
                    at("text"),
                    message(Note::VQuoteWithoutFigure, &[("choice", choice.id.clone())]),
                );
            }
            MoveKind::AnswerObjection if choice.objection.is_none() => {
                r.warning(
                    nid,
                    cid,
                    at("objection"),
                    message(Note::VObjectionMissing, &[("choice", choice.id.clone())]),
                );
            }
            _ => {}
        }
        // Where it can lead, and whether it can end the conversation.
        let ends = matches!(choice.kind, MoveKind::FollowUp | MoveKind::Leave)
            || choice.next == Next::End
            || (choice.kind == MoveKind::Close
                && choice.if_not_ready.as_ref().is_none_or(|n| *n == Next::End));
        out.exits |= ends;
        out.can_close |= choice.kind == MoveKind::Close;
        out.can_follow_up |= choice.kind == MoveKind::FollowUp
            || (choice.kind == MoveKind::Close && choice.if_not_ready.is_none());
        out.can_violate |= choice.kind.violation().is_some();
        let nexts = std::iter::once(("next", &choice.next))
            .chain(choice.if_not_ready.as_ref().map(|n| ("if_not_ready", n)));
        for (field, next) in nexts {
            if let Next::Branch { branches, .. } = next {
                for (bi, b) in branches.iter().enumerate() {
                    for (wi, c) in b.when.iter().enumerate() {
                        check_condition(
                            &mut r,
                            names,
                            &mut out.lookups,
                            &node.id,
                            cid,
                            at(&format!("{field}.branches[{bi}].when[{wi}]")),
                            c,
                        );
                    }
                }
            }
            for target in next.targets() {
                let found = names.index.contains_key(target);
                out.lookups.push((Lookup::Target(target.to_owned()), found));
                if !found {
                    r.error(
                        nid,
                        cid,
                        at(field),
                        message(
                            Note::VBrokenLink,
                            &[("choice", choice.id.clone()), ("target", target.to_owned())],
                        ),
                    );
                }
            }
        }
    }
    out.graph = r.out;
    out.words = lint.out.split_off(words_from);
    out
}

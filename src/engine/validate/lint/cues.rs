//! The checks for cues that give the best choice away to an agent who does not read: it is
//! much the longest of a node's choices, it alone uses some word across the scenario, or it
//! alone calls the worker by name.

use std::collections::{BTreeMap, BTreeSet};

use super::super::report::Collect;
use super::Lint;
use crate::engine::balance::reference_dates;
use crate::engine::figures::{self, Piece};
use crate::engine::messages::message;
use crate::engine::notes::Note;
use crate::engine::scenario::{Choice, Node, Scenario, Violation};
use crate::engine::scoring::{affordable, ethics_penalty};
use crate::engine::sim::{self, Terms};

impl Lint<'_> {
    /// What one node adds to the cue checks (see [`Lint::cues`]); `None` when it has nothing to
    /// compare (fewer than two choices, or none worse than the best). A warning when its best
    /// choice is much the longest is pushed here.
    pub(crate) fn node_cues(&mut self, node: &Node) -> Option<NodeCues> {
        let s = self.scenario;
        if node.choices.len() < 2 {
            return None;
        }
        // The Indonesian words, with each figure counted as long as it reads ("Rp 16.800").
        let shown = |c: &Choice| as_read(&c.text.id);
        let name = s.persona.name.trim().to_lowercase();
        let values: Vec<i32> = node.choices.iter().map(|c| face_value(s, c)).collect();
        let (b, best_value) = values
            .iter()
            .enumerate()
            .max_by_key(|(i, v)| (**v, std::cmp::Reverse(*i)))
            .map(|(i, v)| (i, *v))?;
        let best = &node.choices[b];
        let others: Vec<&Choice> = node
            .choices
            .iter()
            .zip(&values)
            .filter(|(c, v)| c.id != best.id && **v < best_value)
            .map(|(c, _)| c)
            .collect();
        if others.is_empty() {
            return None;
        }
        let best_len = shown(best).chars().count();
        let other_len = others
            .iter()
            .map(|c| shown(c).chars().count())
            .max()
            .unwrap_or(0);
        if best_len * 10 >= other_len * 14 && best_len >= other_len + 25 {
            self.warning(
                Some(&node.id),
                Some(&best.id),
                "choices",
                message(
                    Note::VCueLongest,
                    &[
                        ("node", node.id.clone()),
                        ("best", best_len.to_string()),
                        ("other", other_len.to_string()),
                    ],
                ),
            );
        }
        let calls = |c: &Choice| !name.is_empty() && words(&shown(c)).contains(&name);
        // Filled by `extend`: collecting into a set would sort, and each sort adds kilobytes
        // to the trainer's download (see `order`).
        let mut best_words = BTreeSet::new();
        best_words.extend(words(&shown(best)));
        Some(NodeCues {
            best_words,
            weak_words: others.iter().flat_map(|c| words(&shown(c))).collect(),
            name_in_best: usize::from(calls(best)),
            name_in_weak: others.iter().filter(|c| calls(c)).count(),
        })
    }

    /// Warnings for cues that give the best choice away without reading it, across the nodes:
    /// a word only the best choices use, or the worker's name only they call.
    pub(crate) fn cues<'n>(&mut self, nodes: impl IntoIterator<Item = &'n NodeCues>) {
        let s = self.scenario;
        let name = s.persona.name.trim().to_lowercase();
        let mut best_words: BTreeMap<&str, usize> = BTreeMap::new();
        let mut weak_words: BTreeSet<&str> = BTreeSet::new();
        let (mut name_in_best, mut name_in_weak) = (0usize, 0usize);
        for node in nodes {
            for w in &node.best_words {
                *best_words.entry(w).or_insert(0) += 1;
            }
            weak_words.extend(node.weak_words.iter().map(String::as_str));
            name_in_best += node.name_in_best;
            name_in_weak += node.name_in_weak;
        }
        if name_in_best >= 2 && name_in_weak == 0 {
            self.warning(
                None,
                None,
                "nodes",
                message(Note::VCueName, &[("name", s.persona.name.clone())]),
            );
        }
        for (word, count) in best_words {
            if count >= 3 && !weak_words.contains(word) && word != name {
                self.warning(
                    None,
                    None,
                    "nodes",
                    message(
                        Note::VCueWord,
                        &[("word", word.to_owned()), ("count", count.to_string())],
                    ),
                );
            }
        }
    }
}

/// One node's part in the cue checks: the words of its best choice and of the worse ones, and
/// how often each calls the worker by name.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NodeCues {
    best_words: BTreeSet<String>,
    weak_words: Vec<String>,
    name_in_best: usize,
    name_in_weak: usize,
}

/// A choice's value on its face, whatever the date: its points, less the penalty of a
/// violation, of a wrong figure it states, or of a package the worker cannot keep paying once
/// no discount applies.
fn face_value(s: &Scenario, c: &Choice) -> i32 {
    let mut value: i32 = c.scores.values().map(|p| (*p).clamp(-10, 10)).sum();
    if let Some(v) = c.kind.violation() {
        value -= ethics_penalty(v);
    }
    if figures::figures_in(sim::spoken(&c.text))
        .iter()
        .any(|p| p.trap.is_some())
    {
        value -= ethics_penalty(Violation::WrongFigure);
    }
    if let Some(package) = c.package {
        // The last reference date has no discount: the price the worker must keep paying.
        let sustained = reference_dates().last().map(|d| Terms::on(*d));
        if sustained.is_some_and(|t| !affordable(s, package, t)) {
            value -= ethics_penalty(Violation::Unaffordable);
        }
    }
    value
}

/// A text with each placeholder replaced by nine characters, about what a figure reads as;
/// without the cost of working out the figures.
fn as_read(text: &str) -> String {
    if !text.contains('{') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for piece in figures::pieces(text) {
        match piece {
            Piece::Text(t) => out.push_str(&t),
            Piece::Token(_) => out.push_str("Rp 00.000"),
            Piece::Bad(b) => out.push_str(&b.written),
        }
    }
    out
}

/// The words of `text` a cue can lie in: three letters or more, not a number, lower-cased.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect()
}

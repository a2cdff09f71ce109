//! The checks of validation that read a scenario's words rather than its graph: figures in
//! text (placeholders that cannot be read, the two languages stating different figures, rupiah
//! amounts typed where a placeholder belongs, a node left with no choice on some date) and cues
//! that give the best choice away to an agent who does not read (it is much longer than the
//! others, it alone uses some word, it alone calls the worker by name).

use std::collections::{BTreeMap, BTreeSet};

use super::balance::reference_dates;
use super::figures::{self, Info, Piece, Placeholder, Problem, Token};
use super::messages::{figure_name, message, message_with, trap_name};
use super::notes::Note;
use super::rates::RatesTable;
use super::scenario::{Choice, Condition, Localized, Node, Scenario};
use super::scoring::ethics_penalty;
use super::sim::{self, Terms};
use super::terms::Date;
use super::validate::{Diagnostic, Location, Severity};

/// Collects diagnostics; the same shape as validation's own.
pub(crate) struct Lint<'s> {
    scenario: &'s Scenario,
    known: Vec<(u64, Placeholder)>,
    pub(crate) out: Vec<Diagnostic>,
}

/// Where a text sits, for the rules that depend on it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// Shown without a run (library card): no placeholders.
    NoRun,
    /// Shown during a run.
    Run,
    /// An agent's choice (its figures are checked).
    Choice,
}

impl<'s> Lint<'s> {
    pub(crate) fn new(scenario: &'s Scenario) -> Lint<'s> {
        Lint {
            scenario,
            known: figures::known_values(&scenario.persona, RatesTable::bundled()),
            out: Vec::new(),
        }
    }

    fn push(
        &mut self,
        severity: Severity,
        node: Option<&str>,
        choice: Option<&str>,
        field: &str,
        message: Localized,
    ) {
        self.out.push(Diagnostic {
            severity,
            location: Location {
                node: node.map(str::to_owned),
                choice: choice.map(str::to_owned),
                field: field.to_owned(),
            },
            message,
        });
    }

    /// Checks the figures of one text. `guarded` says whether the text is only shown when a
    /// discount applies (a `discount: true` condition), for the discount facts.
    pub(crate) fn text(
        &mut self,
        node: Option<&str>,
        choice: Option<&str>,
        field: &str,
        text: &Localized,
        place: Place,
        guarded: bool,
    ) {
        let mut per_language: Vec<Vec<Token>> = Vec::new();
        let mut typed_seen: Vec<u64> = Vec::new();
        for words in [&text.id, &text.en] {
            let mut tokens = Vec::new();
            let pieces = if words.contains(['{', '}']) {
                figures::pieces(words)
            } else {
                Vec::new()
            };
            for piece in pieces {
                match piece {
                    Piece::Text(_) => {}
                    Piece::Bad(bad) => {
                        let why = problem(&bad.problem);
                        self.push(
                            Severity::Error,
                            node,
                            choice,
                            field,
                            message_with(
                                Note::VBadPlaceholder,
                                &[
                                    ("field", field.to_owned()),
                                    ("written", bad.written.clone()),
                                ],
                                &[("why", &why)],
                            ),
                        );
                    }
                    Piece::Token(t) => tokens.push(t),
                }
            }
            if place == Place::NoRun && !tokens.is_empty() {
                self.push(
                    Severity::Error,
                    node,
                    choice,
                    field,
                    message(Note::VPlaceholderNotHere, &[("field", field.to_owned())]),
                );
            }
            let discount_fact = tokens
                .iter()
                .any(|t| matches!(t, Token::Info(Info::DiscountUntil | Info::DiscountPercent)));
            if discount_fact && !guarded {
                self.push(
                    Severity::Warning,
                    node,
                    choice,
                    field,
                    message(Note::VDiscountUnguarded, &[("field", field.to_owned())]),
                );
            }
            for typed in figures::typed_amounts(words) {
                // Once per amount: the two languages usually type the same one.
                if typed_seen.contains(&typed.rupiah) {
                    continue;
                }
                typed_seen.push(typed.rupiah);
                if let Some((_, p)) = self.known.iter().find(|(v, _)| *v == typed.rupiah) {
                    let p = *p;
                    self.push(
                        Severity::Warning,
                        node,
                        choice,
                        field,
                        message(
                            Note::VTypedFigure,
                            &[
                                ("field", field.to_owned()),
                                ("written", typed.written.clone()),
                                ("placeholder", figures::written(&p)),
                            ],
                        ),
                    );
                }
            }
            per_language.push(tokens);
        }
        // Both languages must state the same figures (in any order), or the two versions of
        // the app teach different things.
        let figures_of = |tokens: &Vec<Token>| {
            let mut list: Vec<String> = tokens
                .iter()
                .filter_map(|t| match t {
                    Token::Figure(p) => Some(figures::written(&Placeholder { words: false, ..*p })),
                    Token::Info(_) => None,
                })
                .collect();
            list.sort();
            list
        };
        let (id, en) = (figures_of(&per_language[0]), figures_of(&per_language[1]));
        if !text.id.trim().is_empty() && !text.en.trim().is_empty() && id != en {
            self.push(
                Severity::Error,
                node,
                choice,
                field,
                message(
                    Note::VPlaceholdersDiffer,
                    &[
                        ("field", field.to_owned()),
                        ("id", id.join(" ")),
                        ("en", en.join(" ")),
                    ],
                ),
            );
        }
    }

    /// Errors for a node that offers no choice on one of `dates`, because every choice states a
    /// figure that is right on that date; and a warning when the only choices left are bad.
    /// `discounted` says, date by date, whether a discount applies (see [`Dates`]).
    pub(crate) fn node_dates(&mut self, node: &Node, dates: &Dates) {
        let s = self.scenario;
        if node.choices.is_empty() {
            return;
        }
        for (&date, &discounted) in dates.dates.iter().zip(&dates.discounted) {
            let terms = Terms::on(date);
            let ctx = terms.context(s);
            let sayable: Vec<&Choice> = node
                .choices
                .iter()
                .filter(|c| figures::sayable(sim::spoken(&c.text), &ctx))
                .filter(|c| !c.requires.contains(&Condition::Discount(!discounted)))
                .collect();
            if sayable.is_empty() {
                self.push(
                    Severity::Error,
                    Some(&node.id),
                    None,
                    "choices",
                    message(
                        Note::VNoChoiceOnDate,
                        &[("node", node.id.clone()), ("date", date.to_string())],
                    ),
                );
                return;
            }
            if sayable
                .iter()
                .all(|c| super::scoring::move_value(s, c, terms) < 0)
            {
                self.push(
                    Severity::Warning,
                    Some(&node.id),
                    None,
                    "choices",
                    message(Note::VNoGoodChoice, &[("node", node.id.clone())]),
                );
                return;
            }
        }
    }

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
            self.push(
                Severity::Warning,
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
        Some(NodeCues {
            best_words: words(&shown(best)).into_iter().collect(),
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
            self.push(
                Severity::Warning,
                None,
                None,
                "nodes",
                message(Note::VCueName, &[("name", s.persona.name.clone())]),
            );
        }
        for (word, count) in best_words {
            if count >= 3 && !weak_words.contains(word) && word != name {
                self.push(
                    Severity::Warning,
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

/// The dates a scenario's figures are checked on: its pinned date, or every reference date;
/// and on each whether a PP 50/2025 discount applies to its worker.
pub(crate) struct Dates {
    dates: Vec<Date>,
    discounted: Vec<bool>,
}

impl Dates {
    pub(crate) fn of(s: &Scenario) -> Dates {
        let dates = match &s.meta.pinned_date {
            Some(p) => vec![p.date],
            None => reference_dates(),
        };
        let discounted = dates.iter().map(|d| Terms::on(*d).discounted(s)).collect();
        Dates { dates, discounted }
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
pub fn face_value(s: &Scenario, c: &Choice) -> i32 {
    let mut value: i32 = c.scores.values().map(|p| (*p).clamp(-10, 10)).sum();
    if let Some(v) = c.kind.violation() {
        value -= ethics_penalty(v);
    }
    if figures::figures_in(sim::spoken(&c.text))
        .iter()
        .any(|p| p.trap.is_some())
    {
        value -= ethics_penalty(super::scenario::Violation::WrongFigure);
    }
    if let Some(package) = c.package {
        // The last reference date has no discount: the price the worker must keep paying.
        let sustained = reference_dates().last().map(|d| Terms::on(*d));
        if sustained.is_some_and(|t| !super::scoring::affordable(s, package, t)) {
            value -= ethics_penalty(super::scenario::Violation::Unaffordable);
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

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect()
}

fn problem(p: &Problem) -> Localized {
    match p {
        Problem::Unclosed => message(Note::PhUnclosed, &[]),
        Problem::UnknownName(n) => message(Note::PhUnknownName, &[("name", n.clone())]),
        Problem::UnknownWord(w) => message(Note::PhUnknownWord, &[("word", w.clone())]),
        Problem::NoPackage => message(Note::PhNoPackage, &[]),
        Problem::BadMonths(_) => message(Note::PhBadMonths, &[]),
        Problem::BadDate(d) => message(Note::PhBadDate, &[("date", d.clone())]),
        Problem::UnknownTrap(t) => message(Note::PhUnknownTrap, &[("trap", t.clone())]),
        Problem::TrapDoesNotFit(t, f) => message_with(
            Note::PhTrapFit,
            &[],
            &[("trap", &trap_name(*t)), ("figure", &figure_name(*f))],
        ),
    }
}

//! The checks of the figures in one text: placeholders that cannot be read or do not belong
//! where they are, a discount stated where it may not apply, rupiah amounts typed where a
//! placeholder belongs, and the two languages stating different figures.

use super::super::report::Collect;
use super::{Lint, Place};
use crate::engine::figures::{self, Info, Piece, Placeholder, Problem, Token};
use crate::engine::figures::{figure_name, trap_name};
use crate::engine::messages::{message, message_with};
use crate::engine::notes::Note;
use crate::engine::scenario::Localized;

impl Lint<'_> {
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
                        self.error(
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
                self.error(
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
                self.warning(
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
                    self.warning(
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
            crate::engine::order::sort_small(&mut list);
            list
        };
        let (id, en) = (figures_of(&per_language[0]), figures_of(&per_language[1]));
        if !text.id.trim().is_empty() && !text.en.trim().is_empty() && id != en {
            self.error(
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
}

/// Why a placeholder cannot be read, in both languages.
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

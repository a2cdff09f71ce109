//! Reading placeholders out of text: splitting a text into words and placeholders, the reasons
//! a placeholder cannot be read, and writing a placeholder back. Parsing never fails a whole
//! text, so a bad placeholder shows as written and validation names it.

use serde::Serialize;

use super::names::{Figure, Info, Placeholder, Trap, INFOS};
use crate::engine::terms::{Date, Package};

/// One placeholder of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Token {
    /// A rupiah figure.
    Figure(Placeholder),
    /// A fact about the run.
    Info(Info),
}

/// A placeholder that cannot be read, and why (for validation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadPlaceholder {
    /// The placeholder as written, braces included.
    pub written: String,
    /// Why, in both languages' terms: the offending word.
    pub problem: Problem,
}

/// What is wrong with a placeholder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// `{` without a closing `}`.
    Unclosed,
    /// The first word is not a figure or fact name.
    UnknownName(String),
    /// A word that is not a package, `words` or a known option.
    UnknownWord(String),
    /// `monthly`, `daily` and `months_ahead` need `jkk_jkm` or `jkk_jkm_jht`.
    NoPackage,
    /// `months_ahead` needs `months=1` to `months=12`.
    BadMonths(String),
    /// `on=` needs a date `YYYY-MM` or `YYYY-MM-DD`.
    BadDate(String),
    /// The trap is not one of the known kinds.
    UnknownTrap(String),
    /// The trap cannot be set on this figure.
    TrapDoesNotFit(Trap, Figure),
}

/// A piece of a text: words, or a placeholder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'t> {
    /// Words as written (`{{` and `}}` already reduced to one brace).
    Text(std::borrow::Cow<'t, str>),
    /// A placeholder.
    Token(Token),
    /// A placeholder that cannot be read; rendered as written.
    Bad(BadPlaceholder),
}

/// Splits a text into words and placeholders. Never fails: unreadable placeholders come back
/// as [`Piece::Bad`].
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(['{', '}']) {
        plain.push_str(&rest[..at]);
        let brace = rest.as_bytes()[at];
        let doubled = rest.as_bytes().get(at + 1) == Some(&brace);
        if doubled || brace == b'}' {
            // `{{`, `}}`, or a stray `}`: one brace of text.
            plain.push(brace as char);
            rest = &rest[at + if doubled { 2 } else { 1 }..];
            continue;
        }
        if !plain.is_empty() {
            out.push(Piece::Text(std::borrow::Cow::Owned(std::mem::take(
                &mut plain,
            ))));
        }
        let after = &rest[at + 1..];
        let Some(close) = after.find('}') else {
            out.push(Piece::Bad(BadPlaceholder {
                written: rest[at..].to_owned(),
                problem: Problem::Unclosed,
            }));
            return out;
        };
        out.push(match parse(&after[..close]) {
            Ok(token) => Piece::Token(token),
            Err(problem) => Piece::Bad(BadPlaceholder {
                written: rest[at..at + close + 2].to_owned(),
                problem,
            }),
        });
        rest = &after[close + 1..];
    }
    if plain.is_empty() {
        if !rest.is_empty() {
            out.push(Piece::Text(std::borrow::Cow::Borrowed(rest)));
        }
    } else {
        plain.push_str(rest);
        out.push(Piece::Text(std::borrow::Cow::Owned(plain)));
    }
    out
}

fn parse(inner: &str) -> Result<Token, Problem> {
    let mut words = inner.split_whitespace();
    let name = words.next().unwrap_or("");
    if let Some((_, info)) = INFOS.iter().find(|(n, _)| *n == name) {
        return match words.next() {
            Some(extra) => Err(Problem::UnknownWord(extra.to_owned())),
            None => Ok(Token::Info(*info)),
        };
    }
    let figure = Figure::from_name(name).ok_or_else(|| Problem::UnknownName(name.to_owned()))?;
    let mut p = Placeholder {
        figure,
        package: None,
        months: None,
        on: None,
        after_discount: false,
        trap: None,
        words: false,
    };
    for word in words {
        match word.split_once('=') {
            Some(("trap", v)) => {
                let trap = Trap::from_name(v).ok_or_else(|| Problem::UnknownTrap(v.to_owned()))?;
                if !trap.fits(figure) {
                    return Err(Problem::TrapDoesNotFit(trap, figure));
                }
                p.trap = Some(trap);
            }
            Some(("on", v)) => {
                p.on = Some(Date::parse(v).ok_or_else(|| Problem::BadDate(v.to_owned()))?)
            }
            Some(("months", v)) => {
                let n: u8 = v.parse().map_err(|_| Problem::BadMonths(v.to_owned()))?;
                if !(1..=12).contains(&n) || figure != Figure::MonthsAhead {
                    return Err(Problem::BadMonths(v.to_owned()));
                }
                p.months = Some(n);
            }
            _ if word == "jkk_jkm" && figure.needs_package() => p.package = Some(Package::JkkJkm),
            _ if word == "jkk_jkm_jht" && figure.needs_package() => {
                p.package = Some(Package::JkkJkmJht)
            }
            _ if word == "words" => p.words = true,
            _ if word == "after_discount" => p.after_discount = true,
            _ => return Err(Problem::UnknownWord(word.to_owned())),
        }
    }
    if figure.needs_package() && p.package.is_none() {
        return Err(Problem::NoPackage);
    }
    if figure == Figure::MonthsAhead && p.months.is_none() {
        return Err(Problem::BadMonths(String::new()));
    }
    Ok(Token::Figure(p))
}

/// The readable placeholders of a text, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    if !text.contains('{') {
        return Vec::new();
    }
    pieces(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Token(t) => Some(t),
            _ => None,
        })
        .collect()
}

/// The figure placeholders of a text, in order: what an agent's choice states and is checked on.
pub fn figures_in(text: &str) -> Vec<Placeholder> {
    tokens(text)
        .into_iter()
        .filter_map(|t| match t {
            Token::Figure(p) => Some(p),
            Token::Info(_) => None,
        })
        .collect()
}

/// How a placeholder is written.
pub fn written(p: &Placeholder) -> String {
    let mut out = format!("{{{}", p.figure.name());
    if let Some(package) = p.package {
        out.push(' ');
        out.push_str(match package {
            Package::JkkJkm => "jkk_jkm",
            Package::JkkJkmJht => "jkk_jkm_jht",
        });
    }
    if let Some(m) = p.months {
        out.push_str(&format!(" months={m}"));
    }
    if let Some(trap) = p.trap {
        out.push_str(" trap=");
        out.push_str(trap.name());
    }
    if let Some(on) = p.on {
        out.push_str(&format!(" on={on}"));
    }
    if p.after_discount {
        out.push_str(" after_discount");
    }
    if p.words {
        out.push_str(" words");
    }
    out.push('}');
    out
}

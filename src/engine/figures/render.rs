//! Filling placeholders into text for a run, in the interface language, and deciding whether a
//! text with trap figures can be said at all on the run's date.

use super::compute::{check, stated, Context};
use super::names::Info;
use super::parse::{figures_in, pieces, Piece, Token};
use crate::engine::messages::{long_date, month_year};
use crate::engine::rates::{money, money_words};
use crate::engine::scenario::Localized;
use crate::engine::terms::{Lang, Package};

/// Whether a text can be said on this run: every trap in it states a value that is wrong on
/// the date, exactly (a trap that happens to be right, or cannot be judged, is not offered).
pub fn sayable(text: &str, ctx: &Context) -> bool {
    if !text.contains("trap=") {
        return true;
    }
    figures_in(text)
        .iter()
        .filter(|p| p.trap.is_some())
        .all(|p| {
            let c = check(p, ctx);
            c.correct.is_some() && c.is_wrong()
        })
}

/// The text with its placeholders filled in for the context, in the interface language.
pub fn render(text: &str, ctx: &Context, lang: Lang) -> String {
    if !text.contains(['{', '}']) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for piece in pieces(text) {
        match piece {
            Piece::Text(t) => out.push_str(&t),
            Piece::Bad(b) => out.push_str(&b.written),
            Piece::Token(Token::Figure(p)) => match stated(&p, ctx) {
                Some(a) => {
                    if !a.exact {
                        out.push_str(if lang == Lang::En {
                            "about "
                        } else {
                            "sekitar "
                        });
                    }
                    out.push_str(&if p.words {
                        money_words(a.rupiah, lang)
                    } else {
                        money(a.rupiah, lang)
                    });
                }
                None => out.push('?'),
            },
            Piece::Token(Token::Info(info)) => out.push_str(&info_text(info, ctx, lang)),
        }
    }
    out
}

/// A localized text rendered in the interface language.
pub fn render_localized(text: &Localized, ctx: &Context, lang: Lang) -> String {
    render(text.get(lang), ctx, lang)
}

fn info_text(info: Info, ctx: &Context, lang: Lang) -> String {
    let applied = ctx
        .rates
        .contribution(&ctx.worker, Package::JkkJkm, ctx.date)
        .ok()
        .and_then(|c| c.applied);
    match info {
        Info::DiscountUntil => applied
            .and_then(|a| a.until)
            .map_or_else(|| "-".to_owned(), |d| month_year(d, lang)),
        Info::DiscountPercent => {
            applied.map_or_else(|| "0%".to_owned(), |a| format!("{}%", a.percent))
        }
        Info::Date => long_date(ctx.date, lang),
        Info::ScholarshipYears => ctx
            .rates
            .scholarship(ctx.date)
            .map_or_else(|_| "?".to_owned(), |s| s.jkm_contribution_years.to_string()),
    }
}

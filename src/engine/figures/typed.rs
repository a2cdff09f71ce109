//! Rupiah amounts a trainer typed as digits instead of a placeholder, and every value a figure
//! can take for a persona, so the lint can suggest the placeholder that states a typed amount.

use super::compute::{truth, Context};
use super::names::{Figure, Placeholder, FIGURES};
use super::parse::{pieces, Piece};
use crate::engine::rates::RatesTable;
use crate::engine::scenario::Persona;
use crate::engine::terms::Package;

/// A rupiah amount typed as digits in a text, found by [`typed_amounts`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Typed {
    /// The amount in rupiah.
    pub rupiah: u64,
    /// As written.
    pub written: String,
}

/// Rupiah amounts typed into a text: a number after "Rp", or a number followed by
/// juta/ribu/rupiah/million/thousand. Placeholders are skipped.
pub fn typed_amounts(text: &str) -> Vec<Typed> {
    // Most texts name no amount at all: skip them without allocating.
    let lower = |w: &str| {
        text.as_bytes()
            .windows(w.len())
            .any(|x| x.eq_ignore_ascii_case(w.as_bytes()))
    };
    if !text.bytes().any(|b| b.is_ascii_digit())
        || ![
            "rp", "juta", "ribu", "rb", "rupiah", "million", "thousand", "miliar", "billion",
        ]
        .iter()
        .any(|w| lower(w))
    {
        return Vec::new();
    }
    let mut plain = String::new();
    for piece in pieces(text) {
        match piece {
            Piece::Text(t) => plain.push_str(&t),
            _ => plain.push(' '),
        }
    }
    let chars: Vec<char> = plain.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let glued_to_rp = i >= 2
            && chars[i - 2..i]
                .iter()
                .collect::<String>()
                .eq_ignore_ascii_case("rp");
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_alphanumeric() && !glued_to_rp) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || ((chars[i] == '.' || chars[i] == ',')
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        let number: String = chars[start..i].iter().collect();
        let before: String = chars[start.saturating_sub(4)..start].iter().collect();
        let after: String = chars[i..(i + 10).min(chars.len())].iter().collect();
        let after = after.trim_start().to_lowercase();
        let rp = before
            .to_lowercase()
            .trim_end()
            .trim_end_matches('.')
            .ends_with("rp");
        let multiplier = [
            ("juta", 1_000_000u64),
            ("million", 1_000_000),
            ("miliar", 1_000_000_000),
            ("billion", 1_000_000_000),
            ("ribu", 1_000),
            ("rb", 1_000),
            ("thousand", 1_000),
            ("rupiah", 1),
        ]
        .into_iter()
        .find(|(w, _)| after.starts_with(w));
        if !rp && multiplier.is_none() {
            continue;
        }
        let scale = multiplier.map_or(1, |(_, m)| m);
        if let Some(rupiah) = parse_amount(&number, scale) {
            found.push(Typed {
                rupiah,
                written: number,
            });
        }
    }
    found
}

/// "16.800" -> 16800; "1,5" juta -> 1500000; "42" juta -> 42000000.
fn parse_amount(number: &str, scale: u64) -> Option<u64> {
    let groups: Vec<&str> = number.split(['.', ',']).collect();
    let thousands = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3);
    if thousands || groups.len() == 1 {
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        return digits.parse::<u64>().ok()?.checked_mul(scale);
    }
    // A decimal: "1,5 juta".
    let (whole, fraction) = (groups[0].parse::<u64>().ok()?, groups[1]);
    let tenths = fraction.parse::<u64>().ok()?;
    let denominator = 10u64.checked_pow(fraction.len() as u32)?;
    whole
        .checked_mul(scale)?
        .checked_add(tenths.checked_mul(scale)? / denominator)
}

/// Every value a figure can take for this persona on any date the rates distinguish, each with
/// the placeholder that states it (for the lint that finds typed figures).
pub fn known_values(persona: &Persona, rates: &RatesTable) -> Vec<(u64, Placeholder)> {
    let mut values = Vec::new();
    for date in rates.boundaries() {
        let ctx = Context::new(persona, date, rates);
        for figure in FIGURES {
            if figure == Figure::MonthsAhead || figure == Figure::DeclaredIncome {
                continue;
            }
            let packages: &[Option<Package>] = if figure.needs_package() {
                &[Some(Package::JkkJkm), Some(Package::JkkJkmJht)]
            } else {
                &[None]
            };
            for package in packages {
                let p = Placeholder {
                    figure,
                    package: *package,
                    months: None,
                    on: None,
                    after_discount: false,
                    trap: None,
                    words: false,
                };
                if let Some(a) = truth(&p, &ctx) {
                    if !values.iter().any(|(v, _)| *v == a.rupiah) {
                        values.push((a.rupiah, p));
                    }
                }
            }
        }
    }
    values
}

//! Rupiah as text: with the separator of the interface language, and in words for large round
//! amounts the way people say them.

use crate::engine::terms::Lang;

/// Formats rupiah in the interface language: `Rp 16.800` or `Rp 16,800`.
pub fn money(amount: u64, lang: Lang) -> String {
    let separator = if lang == Lang::En { ',' } else { '.' };
    let digits = amount.to_string();
    let mut out = String::from("Rp ");
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Formats large rupiah amounts the way people say them: `Rp 42 juta`, `Rp 1,5 juta`,
/// `Rp 42 million`. Amounts under a million, or not a whole hundred thousand, are written out.
pub fn money_words(amount: u64, lang: Lang) -> String {
    const MILLION: u64 = 1_000_000;
    if amount < MILLION || amount % 100_000 != 0 {
        return money(amount, lang);
    }
    let (whole, tenths) = (amount / MILLION, amount % MILLION / 100_000);
    let number = if tenths == 0 {
        whole.to_string()
    } else {
        format!(
            "{whole}{}{tenths}",
            if lang == Lang::En { '.' } else { ',' }
        )
    };
    format!(
        "Rp {number} {}",
        if lang == Lang::En { "million" } else { "juta" }
    )
}

//! Migration of older format versions: each step rewrites the generic JSON into the next
//! version's shape and lists what it repaired, so a trainer sees what changed in their file.

use serde_json::{Map, Value};

use crate::engine::figures::{self, Figure, Placeholder};
use crate::engine::messages::message;
use crate::engine::notes::Note;
use crate::engine::rates::RatesTable;
use crate::engine::scenario::{Localized, Persona, SCHEMA_VERSION};
use crate::engine::terms::{Date, Package};

/// Fields that are bilingual in version 2 and were plain Indonesian strings in version 1.
const LOCALIZED_FIELDS: &[&str] = &[
    "title",
    "summary",
    "briefing",
    "occupation_label",
    "household",
    "text",
    "feedback",
];

/// Version 1 (the first, Indonesian-only drafts) had plain strings where version 2 has
/// `{"id": ..., "en": ...}`, no briefing and no minimum compatible version.
pub(super) fn migrate_v1(object: &mut Map<String, Value>, repairs: &mut Vec<Localized>) {
    let mut converted = 0usize;
    convert_strings(object, &mut converted);
    if let Some(Value::Object(persona)) = object.get_mut("persona") {
        if let Some(Value::Array(risks)) = persona.get_mut("risks") {
            for risk in risks.iter_mut() {
                if let Value::String(s) = risk {
                    *risk = bilingual(std::mem::take(s));
                    converted += 1;
                }
            }
        }
    }
    if let Some(Value::Object(meta)) = object.get_mut("meta") {
        if !meta.contains_key("briefing") {
            if let Some(summary) = meta.get("summary").cloned() {
                meta.insert("briefing".into(), summary);
                repairs.push(message(Note::RBriefing, &[]));
            }
        }
    }
    if converted > 0 {
        repairs.push(message(
            Note::RBilingual,
            &[("count", converted.to_string())],
        ));
    }
    object.insert("schema_version".into(), Value::from(2));
}

/// Version 2 typed figures as numbers (`quote: {figure, package, amount}` and "Rp 16.800" in
/// the text) and fixed every run to `meta.date`. Version 3 writes figures as placeholders the
/// engine fills in for the day of play. Each quoted figure becomes the placeholder that states
/// that amount on the old date: the true figure, or a trap whose wrong value it was; one that
/// cannot be written so is left as typed and listed.
pub(super) fn migrate_v2(object: &mut Map<String, Value>, repairs: &mut Vec<Localized>) {
    let old_date = object
        .get_mut("meta")
        .and_then(Value::as_object_mut)
        .and_then(|meta| meta.remove("date"))
        .and_then(|d| d.as_str().and_then(Date::parse));
    if let Some(date) = old_date {
        repairs.push(message(Note::RUnpinned, &[("date", date.to_string())]));
    }
    let persona: Option<Persona> = object
        .get("persona")
        .and_then(|p| serde_json::from_value(p.clone()).ok());
    let (mut converted, mut unchecked) = (0usize, Vec::new());
    if let Some(Value::Array(nodes)) = object.get_mut("nodes") {
        for node in nodes.iter_mut().filter_map(Value::as_object_mut) {
            let Some(Value::Array(choices)) = node.get_mut("choices") else {
                continue;
            };
            for choice in choices.iter_mut().filter_map(Value::as_object_mut) {
                let Some(quote) = choice.remove("quote") else {
                    continue;
                };
                let placeholder = match (&persona, old_date) {
                    (Some(p), Some(date)) => placeholder_for(&quote, p, date),
                    _ => None,
                };
                let amount = quote.get("amount").and_then(Value::as_u64).unwrap_or(0);
                let id = choice
                    .get("id")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_owned();
                let replaced = match (placeholder, choice.get_mut("text")) {
                    (Some(p), Some(Value::Object(text))) => {
                        let mut any = false;
                        for lang in ["id", "en"] {
                            if let Some(Value::String(s)) = text.get_mut(lang) {
                                if let Some(new) = replace_amount(s, amount, &figures::written(&p))
                                {
                                    *s = new;
                                    any = true;
                                }
                            }
                        }
                        any
                    }
                    _ => false,
                };
                if replaced {
                    converted += 1;
                } else {
                    unchecked.push(id);
                }
            }
        }
    }
    if converted > 0 {
        repairs.push(message(Note::RQuotes, &[("count", converted.to_string())]));
    }
    if !unchecked.is_empty() {
        repairs.push(message(
            Note::RQuoteUnchecked,
            &[("choices", unchecked.join(", "))],
        ));
    }
    object.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    object.insert("min_compatible_version".into(), Value::from(SCHEMA_VERSION));
    repairs.push(message(
        Note::RMinVersion,
        &[("version", SCHEMA_VERSION.to_string())],
    ));
}

/// The placeholder that states a version 2 quote's amount on its date, if there is one.
fn placeholder_for(quote: &Value, persona: &Persona, date: Date) -> Option<Placeholder> {
    let figure = match quote.get("figure")?.as_str()? {
        "monthly_contribution" => Figure::Monthly,
        "daily_contribution" => Figure::Daily,
        "death_benefit" => Figure::JkmBenefit,
        "funeral_benefit" => Figure::Funeral,
        "scholarship_ceiling" => Figure::Scholarship,
        "minimum_income" => Figure::MinimumIncome,
        _ => return None,
    };
    let package = match figure {
        Figure::Monthly | Figure::Daily => {
            Some(match quote.get("package").and_then(Value::as_str) {
                Some("jkk_jkm_jht") => Package::JkkJkmJht,
                _ => Package::JkkJkm,
            })
        }
        _ => None,
    };
    let amount = quote.get("amount")?.as_u64()?;
    let ctx = figures::Context::new(persona, date, RatesTable::bundled());
    let plain = Placeholder {
        figure,
        package,
        months: None,
        on: None,
        after_discount: false,
        trap: None,
        words: false,
    };
    std::iter::once(None)
        .chain(
            figures::TRAPS
                .into_iter()
                .filter(|t| t.fits(figure))
                .map(Some),
        )
        .map(|trap| Placeholder { trap, ..plain })
        .find(|p| figures::stated(p, &ctx).is_some_and(|a| a.rupiah == amount))
}

/// `text` with the first way of writing `amount` replaced by `placeholder`.
fn replace_amount(text: &str, amount: u64, placeholder: &str) -> Option<String> {
    let mut forms = Vec::new();
    for lang in crate::engine::terms::Lang::ALL {
        forms.push(crate::engine::rates::money_words(amount, lang));
        let written = crate::engine::rates::money(amount, lang);
        forms.push(written.replacen("Rp ", "Rp", 1));
        forms.push(written.replacen("Rp ", "Rp. ", 1));
        forms.push(written);
    }
    crate::engine::order::sort_small_by_key(&mut forms, |f| std::cmp::Reverse(f.len()));
    forms
        .iter()
        .find(|f| text.contains(f.as_str()))
        .map(|f| text.replacen(f.as_str(), placeholder, 1))
}

fn bilingual(s: String) -> Value {
    serde_json::json!({ "id": s, "en": "" })
}

fn convert_strings(object: &mut Map<String, Value>, converted: &mut usize) {
    for (key, value) in object.iter_mut() {
        match value {
            Value::String(s) if LOCALIZED_FIELDS.contains(&key.as_str()) => {
                *value = bilingual(std::mem::take(s));
                *converted += 1;
            }
            Value::Object(inner) => convert_strings(inner, converted),
            Value::Array(items) => {
                for item in items {
                    if let Value::Object(inner) = item {
                        convert_strings(inner, converted);
                    }
                }
            }
            _ => {}
        }
    }
}

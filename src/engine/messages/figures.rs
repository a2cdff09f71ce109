//! The coaching for a wrong figure: what was said, what is right for this worker on the date,
//! and for a trap figure why it is wrong.

use super::{figure_name, fill, long_date, month_year, package, template, Msg};
use crate::engine::figures::{Check, Trap};
use crate::engine::rates::money;
use crate::engine::scenario::{Localized, Scenario};
use crate::engine::sim::Terms;
use crate::engine::terms::{Lang, Package};

/// The coaching for a wrong figure: what was said, what is right for this worker on the date,
/// and, for a trap, why it is wrong.
pub fn wrong_figure(check: &Check, scenario: &Scenario, terms: Terms) -> Localized {
    let date = check.date();
    let one = |lang: Lang| {
        let said = check.said.map_or_else(String::new, |s| money(s, lang));
        let correct = check.correct.map_or_else(String::new, |c| money(c, lang));
        let name = figure_name(check.placeholder.figure);
        let mut out = fill(
            template(Msg::AWrong, lang),
            &[
                ("said", said.as_str()),
                ("figure", name.get(lang)),
                ("date", &long_date(date, lang)),
                ("correct", &correct),
            ],
        );
        if let Some(why) = check
            .placeholder
            .trap
            .and_then(|t| trap_reason(t, check, scenario, terms, lang))
        {
            out.push(' ');
            out.push_str(&why);
        }
        out
    };
    Localized::new(one(Lang::Id), one(Lang::En))
}

fn trap_reason(
    trap: Trap,
    check: &Check,
    scenario: &Scenario,
    terms: Terms,
    lang: Lang,
) -> Option<String> {
    let date = check.date();
    let worker = scenario.persona.worker();
    let contribution = terms
        .rates
        .contribution(&worker, Package::JkkJkm, date)
        .ok();
    let applied = contribution.and_then(|c| c.applied);
    let said = check.said.map_or_else(String::new, |s| money(s, lang));
    let correct = check.correct.map_or_else(String::new, |c| money(c, lang));
    let until = applied
        .and_then(|a| a.until)
        .map_or_else(String::new, |d| month_year(d, lang));
    let percent = applied.map_or_else(String::new, |a| format!("{}%", a.percent));
    let msg = match trap {
        Trap::Undiscounted => Msg::AWhyUndiscounted,
        Trap::TransportOnly => Msg::AWhyTransportOnly,
        Trap::Discounted => {
            let reason = if worker.government_paid {
                Msg::AWhyGovernment
            } else {
                Msg::AWhyWindow
            };
            return Some(fill(
                template(Msg::AWhyDiscounted, lang),
                &[("reason", template(reason, lang))],
            ));
        }
        Trap::OtherPackage => {
            let other = check
                .placeholder
                .package
                .map(Package::other)
                .unwrap_or(Package::JkkJkm);
            return Some(fill(
                template(Msg::AWhyOtherPackage, lang),
                &[
                    ("said", said.as_str()),
                    ("package", package(other).get(lang)),
                ],
            ));
        }
        Trap::JkmForWorkDeath => Msg::AWhyJkmForWorkDeath,
        Trap::FlatAhead => Msg::AWhyFlatAhead,
        Trap::DailyRoundedDown => Msg::AWhyDailyRoundedDown,
        Trap::Understated => Msg::AWhyUnderstated,
        Trap::Inflated => Msg::AWhyInflated,
    };
    Some(fill(
        template(msg, lang),
        &[
            ("said", said.as_str()),
            ("correct", &correct),
            ("until", &until),
            ("percent", &percent),
        ],
    ))
}

//! Figures in words: their names and traps' names, and the coaching for a wrong figure (what
//! was said, what is right for this worker on the date, and for a trap figure why it is wrong).

use super::{Check, Figure, Trap};
use crate::engine::messages::{fill, long_date, month_year, package, text, Catalogue, Msg};
use crate::engine::rates::{money, RatesTable};
use crate::engine::scenario::{Localized, Scenario};
use crate::engine::terms::{Lang, Package};

fn template(msg: Msg, lang: Lang) -> &'static str {
    msg.template(lang)
}

/// The name of a figure.
pub fn figure_name(f: Figure) -> Localized {
    text(match f {
        Figure::Monthly => Msg::FMonthly,
        Figure::Daily => Msg::FDaily,
        Figure::MonthsAhead => Msg::FMonthsAhead,
        Figure::Jkk => Msg::FJkk,
        Figure::Jkm => Msg::FJkm,
        Figure::Jht => Msg::FJht,
        Figure::JkmBenefit => Msg::FJkmBenefit,
        Figure::JkmLumpSum => Msg::FJkmLumpSum,
        Figure::Funeral => Msg::FFuneral,
        Figure::Periodic => Msg::FPeriodic,
        Figure::WorkDeathBenefit => Msg::FWorkDeathBenefit,
        Figure::DisabilityBenefit => Msg::FDisabilityBenefit,
        Figure::SickPay => Msg::FSickPay,
        Figure::HomeCare => Msg::FHomeCare,
        Figure::TransportLand => Msg::FTransportLand,
        Figure::TransportSea => Msg::FTransportSea,
        Figure::TransportAir => Msg::FTransportAir,
        Figure::Scholarship => Msg::FScholarship,
        Figure::MinimumIncome => Msg::FMinimumIncome,
        Figure::DeclaredIncome => Msg::FDeclaredIncome,
    })
}

/// The name of a kind of trap (what makes a stated figure wrong).
pub fn trap_name(t: Trap) -> Localized {
    text(match t {
        Trap::Undiscounted => Msg::TrapUndiscounted,
        Trap::TransportOnly => Msg::TrapTransportOnly,
        Trap::Discounted => Msg::TrapDiscounted,
        Trap::OtherPackage => Msg::TrapOtherPackage,
        Trap::JkmForWorkDeath => Msg::TrapJkmForWorkDeath,
        Trap::FlatAhead => Msg::TrapFlatAhead,
        Trap::DailyRoundedDown => Msg::TrapDailyRoundedDown,
        Trap::Understated => Msg::TrapUnderstated,
        Trap::Inflated => Msg::TrapInflated,
    })
}

/// The coaching for a wrong figure: what was said, what is right for this worker on the date
/// (by `rates`, the run's table), and, for a trap, why it is wrong.
pub fn wrong_figure(check: &Check, scenario: &Scenario, rates: &RatesTable) -> Localized {
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
            .and_then(|t| trap_reason(t, check, scenario, rates, lang))
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
    rates: &RatesTable,
    lang: Lang,
) -> Option<String> {
    let date = check.date();
    let worker = scenario.persona.worker();
    let contribution = rates.contribution(&worker, Package::JkkJkm, date).ok();
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

//! The engine's own user-facing text (diagnostics, import errors, figure checks, names), as
//! translation data in `messages.id.json` and `messages.en.json`, keyed by [`Msg`].

use super::figures::{Check, Figure, Trap};
use super::rates::money;
use super::scenario::{Competency, Difficulty, Localized, Objection, Outcome, Scenario, Violation};
use super::sim::Terms;
use super::terms::Lang;
use super::terms::{Date, Package};

/// Declares a catalogue of messages as an enum whose variants are keys of a pair of JSON files
/// (build.rs compiles them into the arrays `ID` and `EN` of the module that declares it). Two
/// catalogues exist: [`Msg`] (what an agent reads while playing) and
/// [`super::notes::Note`] (validation, import and balance, which only authoring tools link, so
/// the agents' app does not carry them).
macro_rules! messages {
    ($(#[$doc:meta])* $name:ident; $($variant:ident => $key:literal,)*) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum $name { $($variant,)* }

        impl $name {
            /// Every message key.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
            /// The key in the catalogues.
            pub const fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)* }
            }
        }

        impl $crate::engine::messages::Catalogue for $name {
            fn template(self, lang: Lang) -> &'static str {
                let table = |lang| if lang == Lang::En { &EN } else { &ID };
                [lang, lang.other()]
                    .into_iter()
                    .map(|lang| table(lang)[self as usize])
                    .find(|s| !s.is_empty())
                    .unwrap_or(self.key())
            }
        }
    };
}
pub(crate) use messages;

/// A catalogue of messages: each key's template in a language (the other language when it is
/// missing, then the key itself).
pub trait Catalogue: Copy {
    /// The template of this message.
    fn template(self, lang: Lang) -> &'static str;
}

messages! {
    /// A message an agent may read while playing (coaching, names, codes).
    Msg;
    AWrong => "a.wrong",
    ViolPressure => "viol.pressure",
    ViolFalsePromise => "viol.false_promise",
    ViolConfuseAgencies => "viol.confuse_agencies",
    ViolSkipReceipt => "viol.skip_receipt",
    ViolDisrespect => "viol.disrespect",
    ViolWrongFigure => "viol.wrong_figure",
    ViolUnaffordable => "viol.unaffordable",
    CompRapport => "comp.rapport",
    CompDiscovery => "comp.discovery",
    CompAccuracy => "comp.accuracy",
    CompObjections => "comp.objections",
    CompClosing => "comp.closing",
    CompEthics => "comp.ethics",
    OutEnrolled => "out.enrolled",
    OutFollowUp => "out.follow_up",
    OutDeclined => "out.declined",
    OutWalkedAway => "out.walked_away",
    OutComplained => "out.complained",
    PkgJkkJkm => "pkg.jkk_jkm",
    PkgJkkJkmJht => "pkg.jkk_jkm_jht",
    CardUnsuitable => "card.unsuitable",
    CardSuitable => "card.suitable",
    CardCap => "card.cap",
    CardCapLimit => "card.cap_limit",
    ObjCannotAfford => "obj.cannot_afford",
    ObjHasHealthCover => "obj.has_health_cover",
    ObjNotRisky => "obj.not_risky",
    ObjTooComplicated => "obj.too_complicated",
    ObjDistrustClaims => "obj.distrust_claims",
    ObjMoneyWasted => "obj.money_wasted",
    DiffBeginner => "diff.beginner",
    DiffIntermediate => "diff.intermediate",
    DiffAdvanced => "diff.advanced",
    CodeNotACode => "code.not_a_code",
    CodeDamaged => "code.damaged",
    CodeNewer => "code.newer",
    CodeOlder => "code.older",
    CodeOtherWorkshop => "code.other_workshop",
    CodeNotATest => "code.not_a_test",
    CodeOtherVersion => "code.other_version",
    CodeUnknownRates => "code.unknown_rates",
    CodeUnplayable => "code.unplayable",
    CodeUnfinished => "code.unfinished",
    CodeScoreEdited => "code.score_edited",
    CodeWhoUnknown => "code.who_unknown",
    CodeWhenImpossible => "code.when_impossible",
    CodeSeedNotDrawn => "code.seed_not_drawn",
    CodeCopied => "code.copied",
    DoubtTooFast => "doubt.too_fast",
    DoubtOutside => "doubt.outside",
    AWhyUndiscounted => "a.why.undiscounted",
    AWhyTransportOnly => "a.why.transport_only",
    AWhyDiscounted => "a.why.discounted",
    AWhyWindow => "a.why.window",
    AWhyGovernment => "a.why.government",
    AWhyOtherPackage => "a.why.other_package",
    AWhyJkmForWorkDeath => "a.why.jkm_for_work_death",
    AWhyFlatAhead => "a.why.flat_ahead",
    AWhyDailyRoundedDown => "a.why.daily_rounded_down",
    AWhyUnderstated => "a.why.understated",
    AWhyInflated => "a.why.inflated",
    FMonthly => "f.monthly",
    FDaily => "f.daily",
    FMonthsAhead => "f.months_ahead",
    FJkk => "f.jkk",
    FJkm => "f.jkm",
    FJht => "f.jht",
    FJkmBenefit => "f.jkm_benefit",
    FJkmLumpSum => "f.jkm_lump_sum",
    FFuneral => "f.funeral",
    FPeriodic => "f.periodic",
    FWorkDeathBenefit => "f.work_death_benefit",
    FDisabilityBenefit => "f.disability_benefit",
    FSickPay => "f.sick_pay",
    FHomeCare => "f.home_care",
    FTransportLand => "f.transport_land",
    FTransportSea => "f.transport_sea",
    FTransportAir => "f.transport_air",
    FScholarship => "f.scholarship",
    FMinimumIncome => "f.minimum_income",
    FDeclaredIncome => "f.declared_income",
    TrapUndiscounted => "t.undiscounted",
    TrapTransportOnly => "t.transport_only",
    TrapDiscounted => "t.discounted",
    TrapOtherPackage => "t.other_package",
    TrapJkmForWorkDeath => "t.jkm_for_work_death",
    TrapFlatAhead => "t.flat_ahead",
    TrapDailyRoundedDown => "t.daily_rounded_down",
    TrapUnderstated => "t.understated",
    TrapInflated => "t.inflated",
    EAgain => "e.again",
    ERepeated => "e.repeated",
    ERepeatedClose => "e.repeated_close",
    ERepeatCoach => "e.repeat_coach",
    M1 => "m.1",
    M2 => "m.2",
    M3 => "m.3",
    M4 => "m.4",
    M5 => "m.5",
    M6 => "m.6",
    M7 => "m.7",
    M8 => "m.8",
    M9 => "m.9",
    M10 => "m.10",
    M11 => "m.11",
    M12 => "m.12",
}

// `ID` and `EN`: the catalogues as arrays in `Msg` order, compiled by build.rs.
include!(concat!(env!("OUT_DIR"), "/messages_tables.rs"));

/// The template of `msg`, falling back to the other language, then to the key.
fn template(msg: Msg, lang: Lang) -> &'static str {
    msg.template(lang)
}

/// Replaces each `{name}` in `template` with its value; unknown placeholders stay as written.
/// The one placeholder rule for the engine's messages and the UI's strings.
pub fn fill<V: AsRef<str>>(template: &str, args: &[(&str, V)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value.as_ref());
    }
    out
}

/// A message in both languages, with `{name}` placeholders filled. Arguments that are
/// themselves bilingual (names of outcomes, figures...) go through [`message_with`].
pub fn message<M: Catalogue>(msg: M, args: &[(&str, String)]) -> Localized {
    message_with(msg, args, &[])
}

/// The line that explains a score cap: a lowering when the cap lowered the total, otherwise
/// the limit the violation sets ("capped at 25" beside a total of 0 reads as a contradiction).
/// `name` says the violation (the app's words, or the CLI's).
pub fn cap_note(
    card: &super::scoring::ScoreCard,
    name: impl Fn(Violation) -> Localized,
) -> Option<Localized> {
    let (violation, cap) = card.cap?;
    Some(message_with(
        if card.uncapped > cap {
            Msg::CardCap
        } else {
            Msg::CardCapLimit
        },
        &[
            ("cap", cap.to_string()),
            ("uncapped", card.uncapped.to_string()),
        ],
        &[("violation", &name(violation))],
    ))
}

/// [`message`] with some arguments given in both languages.
pub fn message_with<M: Catalogue>(
    msg: M,
    args: &[(&str, String)],
    localized: &[(&str, &Localized)],
) -> Localized {
    let one = |lang: Lang| {
        let template = msg.template(lang);
        let mut all: Vec<(&str, String)> = args.to_vec();
        all.extend(localized.iter().map(|(n, l)| (*n, l.get(lang).to_owned())));
        fill(template, &all)
    };
    Localized::new(one(Lang::Id), one(Lang::En))
}

const MONTHS: [Msg; 12] = [
    Msg::M1,
    Msg::M2,
    Msg::M3,
    Msg::M4,
    Msg::M5,
    Msg::M6,
    Msg::M7,
    Msg::M8,
    Msg::M9,
    Msg::M10,
    Msg::M11,
    Msg::M12,
];

fn month_name(date: Date, lang: Lang) -> &'static str {
    template(MONTHS[usize::from(date.month.clamp(1, 12)) - 1], lang)
}

/// A date as a person reads it: "30 November 2026" / "17 Agustus 2026".
pub fn long_date(date: Date, lang: Lang) -> String {
    format!("{} {} {}", date.day, month_name(date, lang), date.year)
}

/// A date with the time of day: "3 Desember 2026, 14.05" / "3 December 2026, 14:05" (minutes
/// since midnight; Indonesian writes the time with a dot).
pub fn date_time(date: Date, minutes: u32, lang: Lang) -> String {
    let sep = if lang == Lang::En { ':' } else { '.' };
    format!(
        "{}, {:02}{sep}{:02}",
        long_date(date, lang),
        minutes / 60 % 24,
        minutes % 60
    )
}

/// Month and year: "Desember 2026".
pub fn month_year(date: Date, lang: Lang) -> String {
    format!("{} {}", month_name(date, lang), date.year)
}

/// The name of a competency.
pub fn competency(c: Competency) -> Localized {
    text(match c {
        Competency::Rapport => Msg::CompRapport,
        Competency::Discovery => Msg::CompDiscovery,
        Competency::Accuracy => Msg::CompAccuracy,
        Competency::Objections => Msg::CompObjections,
        Competency::Closing => Msg::CompClosing,
        Competency::Ethics => Msg::CompEthics,
    })
}

/// The name of an outcome.
pub fn outcome(o: Outcome) -> Localized {
    text(match o {
        Outcome::Enrolled => Msg::OutEnrolled,
        Outcome::FollowUp => Msg::OutFollowUp,
        Outcome::Declined => Msg::OutDeclined,
        Outcome::WalkedAway => Msg::OutWalkedAway,
        Outcome::Complained => Msg::OutComplained,
    })
}

/// The name of a violation.
pub fn violation(v: Violation) -> Localized {
    text(match v {
        Violation::Pressure => Msg::ViolPressure,
        Violation::FalsePromise => Msg::ViolFalsePromise,
        Violation::ConfuseAgencies => Msg::ViolConfuseAgencies,
        Violation::SkipReceipt => Msg::ViolSkipReceipt,
        Violation::Disrespect => Msg::ViolDisrespect,
        Violation::WrongFigure => Msg::ViolWrongFigure,
        Violation::Unaffordable => Msg::ViolUnaffordable,
    })
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

/// The name of a package.
pub fn package(p: Package) -> Localized {
    text(match p {
        Package::JkkJkm => Msg::PkgJkkJkm,
        Package::JkkJkmJht => Msg::PkgJkkJkmJht,
    })
}

/// The name of an objection.
pub fn objection(o: Objection) -> Localized {
    text(match o {
        Objection::CannotAfford => Msg::ObjCannotAfford,
        Objection::HasHealthCover => Msg::ObjHasHealthCover,
        Objection::NotRisky => Msg::ObjNotRisky,
        Objection::TooComplicated => Msg::ObjTooComplicated,
        Objection::DistrustClaims => Msg::ObjDistrustClaims,
        Objection::MoneyWasted => Msg::ObjMoneyWasted,
    })
}

/// The name of a difficulty level.
pub fn difficulty(d: Difficulty) -> Localized {
    text(match d {
        Difficulty::Beginner => Msg::DiffBeginner,
        Difficulty::Intermediate => Msg::DiffIntermediate,
        Difficulty::Advanced => Msg::DiffAdvanced,
    })
}

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

/// A plain message with no arguments.
pub fn text<M: Catalogue>(msg: M) -> Localized {
    message(msg, &[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// A source catalogue as a translator edits it.
    fn catalog(lang: Lang) -> HashMap<String, String> {
        let text = if lang == Lang::En {
            include_str!("../messages.en.json")
        } else {
            include_str!("../messages.id.json")
        };
        serde_json::from_str(text).expect("the catalogue parses")
    }

    #[test]
    fn the_compiled_tables_hold_the_catalogues() {
        for lang in Lang::ALL {
            let source = catalog(lang);
            for msg in Msg::ALL {
                assert_eq!(
                    Some(template(*msg, lang)),
                    source.get(msg.key()).map(String::as_str)
                );
            }
        }
    }

    #[test]
    fn fill_leaves_unknown_placeholders_as_written() {
        assert_eq!(fill("a {x} {y} {x}", &[("x", "1")]), "a 1 {y} 1");
    }

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_placeholders() {
        let names = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|r| r.split_once('}').map(|(n, _)| n.to_owned()))
                .collect();
            v.sort();
            v
        };
        let (ids, ens) = (catalog(Lang::Id), catalog(Lang::En));
        for msg in Msg::ALL {
            let id = ids.get(msg.key());
            let en = ens.get(msg.key());
            assert!(
                id.is_some_and(|s| !s.trim().is_empty()),
                "id missing {}",
                msg.key()
            );
            assert!(
                en.is_some_and(|s| !s.trim().is_empty()),
                "en missing {}",
                msg.key()
            );
            assert_eq!(
                names(id.unwrap()),
                names(en.unwrap()),
                "placeholders of {}",
                msg.key()
            );
        }
        for lang in Lang::ALL {
            assert_eq!(
                catalog(lang).len(),
                Msg::ALL.len(),
                "stale keys in a catalogue"
            );
        }
    }

    #[test]
    fn placeholders_are_filled() {
        let m = message(Msg::CodeOtherWorkshop, &[("workshop", "x".into())]);
        assert_eq!(m.en, "This code belongs to another workshop (x).");
        assert!(m.id.contains("(x)"));
    }
}

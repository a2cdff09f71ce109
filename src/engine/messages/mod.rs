//! The engine's own user-facing text (diagnostics, import errors, figure checks, names), as
//! translation data in `messages.id.json` and `messages.en.json`, keyed by [`Msg`].
//!
//! This file holds the catalogue machinery (the `messages!` macro, [`Catalogue`], the [`Msg`]
//! keys, which build.rs reads from this file) and filling templates; `dates` writes dates,
//! and `names` names the scenario format's values (figures are named and explained in
//! [`super::figures`]). The JSON
//! files stay beside this folder, where build.rs and the translators find them.

use super::scenario::Localized;
use super::terms::Lang;

mod dates;
mod names;

pub use dates::{date_time, long_date, month_year};
pub use names::{competency, difficulty, objection, outcome, package, violation};

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
            /// Every message key (the catalogue tests read them all).
            #[allow(dead_code)]
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
    ObjReligiousDoubt => "obj.religious_doubt",
    ObjDataMisuse => "obj.data_misuse",
    ObjDistrustAgent => "obj.distrust_agent",
    ObjWaitingForGovernment => "obj.waiting_for_government",
    ObjLapsedBefore => "obj.lapsed_before",
    ObjHeirDocuments => "obj.heir_documents",
    ObjHasOtherInsurance => "obj.has_other_insurance",
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
    CodeOtherCopy => "code.other_copy",
    CodeUnknownRates => "code.unknown_rates",
    CodeUnplayable => "code.unplayable",
    CodeUnfinished => "code.unfinished",
    CodeScoreEdited => "code.score_edited",
    CodeWhoUnknown => "code.who_unknown",
    CodeWhenImpossible => "code.when_impossible",
    CodeSeedNotDrawn => "code.seed_not_drawn",
    CodeCopied => "code.copied",
    PkgTooLarge => "wsfile.too_large",
    PkgNotAPackage => "wsfile.not_a_package",
    PkgNewer => "wsfile.newer",
    PkgScenarioRefused => "wsfile.scenario_refused",
    PkgMissing => "wsfile.missing",
    PkgUnexpected => "wsfile.unexpected",
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

/// A plain message with no arguments.
pub fn text<M: Catalogue>(msg: M) -> Localized {
    message(msg, &[])
}

/// For the tests of a catalogue: every key in `all` has a template in both source files (the
/// JSON a translator edits), with the same placeholders; the compiled tables hold exactly
/// those templates; and neither file keeps a key no message uses.
#[cfg(test)]
pub(crate) fn assert_catalogue<M: Catalogue>(
    all: &[M],
    key: impl Fn(M) -> &'static str,
    id_json: &str,
    en_json: &str,
) {
    use std::collections::HashMap;
    let parse = |text: &str| -> HashMap<String, String> {
        serde_json::from_str(text).expect("the catalogue parses")
    };
    let files = [(Lang::Id, parse(id_json)), (Lang::En, parse(en_json))];
    let names = |s: &str| {
        let mut v: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|r| r.split_once('}').map(|(n, _)| n.to_owned()))
            .collect();
        v.sort();
        v
    };
    for &msg in all {
        let k = key(msg);
        let [id, en] = [&files[0].1, &files[1].1].map(|source| {
            let text = source.get(k).map_or("", String::as_str);
            assert!(!text.trim().is_empty(), "missing in a language: {k}");
            text
        });
        assert_eq!(names(id), names(en), "placeholders of {k}");
        for (lang, text) in [(Lang::Id, id), (Lang::En, en)] {
            assert_eq!(msg.template(lang), text, "compiled table for {k}");
        }
    }
    for (_, source) in &files {
        assert_eq!(source.len(), all.len(), "stale keys in a catalogue");
    }
}

#[cfg(test)]
mod tests;

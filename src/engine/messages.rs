//! The engine's own user-facing text (diagnostics, import errors, figure checks, names), as
//! translation data in `messages.id.json` and `messages.en.json`, keyed by [`Msg`].

use super::rates::Package;
use super::scenario::{Competency, Difficulty, Figure, Localized, Objection, Outcome, Violation};

macro_rules! messages {
    ($($variant:ident => $key:literal,)*) => {
        /// A message of the engine.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum Msg { $($variant,)* }

        impl Msg {
            /// Every message key.
            pub const ALL: &'static [Msg] = &[$(Msg::$variant,)*];
            /// The key in the catalogues.
            pub const fn key(self) -> &'static str {
                match self { $(Msg::$variant => $key,)* }
            }
        }
    };
}

messages! {
    VDuplicateNode => "v.duplicate_node",
    VDuplicateChoice => "v.duplicate_choice",
    VMissingStart => "v.missing_start",
    VNoNodes => "v.no_nodes",
    VEmptyId => "v.empty_id",
    VBrokenLink => "v.broken_link",
    VUnreachableNode => "v.unreachable_node",
    VDeadEnd => "v.dead_end",
    VNoEndingText => "v.no_ending_text",
    VDuplicateEnding => "v.duplicate_ending",
    VUnreachableEnding => "v.unreachable_ending",
    VWhyNoClose => "v.why_no_close",
    VWhyNoFollowUp => "v.why_no_follow_up",
    VWhyNoViolation => "v.why_no_violation",
    VMissingTranslation => "v.missing_translation",
    VEmptyText => "v.empty_text",
    VOutOfRange => "v.out_of_range",
    VUnknownFact => "v.unknown_fact",
    VFactNeverRevealed => "v.fact_never_revealed",
    VUnknownNodeCondition => "v.unknown_node_condition",
    VUnknownChoiceCondition => "v.unknown_choice_condition",
    VImpossibleStat => "v.impossible_stat",
    VLoopNoExit => "v.loop_no_exit",
    VCloseWithoutPackage => "v.close_without_package",
    VQuoteWithoutFigure => "v.quote_without_figure",
    VObjectionMissing => "v.objection_missing",
    VNoRates => "v.no_rates",
    VNoWeights => "v.no_weights",
    VNoGoodChoice => "v.no_good_choice",
    ITooLarge => "i.too_large",
    ITooDeep => "i.too_deep",
    IJson => "i.json",
    INotObject => "i.not_object",
    INoVersion => "i.no_version",
    ITooNew => "i.too_new",
    ITooOld => "i.too_old",
    IShape => "i.shape",
    RBilingual => "r.bilingual",
    RBriefing => "r.briefing",
    RMinVersion => "r.min_version",
    AWrong => "a.wrong",
    ABreakdown => "a.breakdown",
    ADiscount => "a.discount",
    ARight => "a.right",
    FMonthlyContribution => "f.monthly_contribution",
    FDailyContribution => "f.daily_contribution",
    FDeathBenefit => "f.death_benefit",
    FFuneralBenefit => "f.funeral_benefit",
    FScholarshipCeiling => "f.scholarship_ceiling",
    FMinimumIncome => "f.minimum_income",
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
    CodeOtherWorkshop => "code.other_workshop",
    CodeNotATest => "code.not_a_test",
    CodeOtherVersion => "code.other_version",
    CodeUnplayable => "code.unplayable",
    CodeUnfinished => "code.unfinished",
    CodeScoreEdited => "code.score_edited",
    CodeWhoUnknown => "code.who_unknown",
    CodeWhenImpossible => "code.when_impossible",
}

// `ID` and `EN`: the catalogues as arrays in `Msg` order, compiled by build.rs.
include!(concat!(env!("OUT_DIR"), "/messages_tables.rs"));

/// The template of `msg`, falling back to the other language, then to the key.
fn template(msg: Msg, english: bool) -> &'static str {
    let table = |english| if english { &EN } else { &ID };
    [english, !english]
        .into_iter()
        .map(|english| table(english)[msg as usize])
        .find(|s| !s.is_empty())
        .unwrap_or(msg.key())
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
pub fn message(msg: Msg, args: &[(&str, String)]) -> Localized {
    message_with(msg, args, &[])
}

/// [`message`] with some arguments given in both languages.
pub fn message_with(
    msg: Msg,
    args: &[(&str, String)],
    localized: &[(&str, &Localized)],
) -> Localized {
    let one = |english: bool| {
        let template = template(msg, english);
        let mut all: Vec<(&str, String)> = args.to_vec();
        all.extend(
            localized
                .iter()
                .map(|(n, l)| (*n, l.get(english).to_owned())),
        );
        fill(template, &all)
    };
    Localized::new(one(false), one(true))
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
pub fn figure(f: Figure) -> Localized {
    text(match f {
        Figure::MonthlyContribution => Msg::FMonthlyContribution,
        Figure::DailyContribution => Msg::FDailyContribution,
        Figure::DeathBenefit => Msg::FDeathBenefit,
        Figure::FuneralBenefit => Msg::FFuneralBenefit,
        Figure::ScholarshipCeiling => Msg::FScholarshipCeiling,
        Figure::MinimumIncome => Msg::FMinimumIncome,
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

/// The explanation of a wrong quoted figure, with the right one.
pub fn wrong_figure(
    check: &crate::engine::sim::AccuracyCheck,
    date: crate::engine::rates::Date,
) -> Localized {
    message_with(
        Msg::AWrong,
        &[
            ("said", crate::engine::rates::rupiah(check.said)),
            (
                "correct",
                crate::engine::rates::rupiah(check.correct.unwrap_or(0)),
            ),
            ("date", date.to_string()),
        ],
        &[("figure", &figure(check.figure))],
    )
}

/// A plain message with no arguments.
pub fn text(msg: Msg) -> Localized {
    message(msg, &[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// A source catalogue as a translator edits it.
    fn catalog(english: bool) -> HashMap<String, String> {
        let text = if english {
            include_str!("messages.en.json")
        } else {
            include_str!("messages.id.json")
        };
        serde_json::from_str(text).expect("the catalogue parses")
    }

    #[test]
    fn the_compiled_tables_hold_the_catalogues() {
        for english in [false, true] {
            let source = catalog(english);
            for msg in Msg::ALL {
                assert_eq!(
                    Some(template(*msg, english)),
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
        let (ids, ens) = (catalog(false), catalog(true));
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
        for english in [false, true] {
            assert_eq!(
                catalog(english).len(),
                Msg::ALL.len(),
                "stale keys in a catalogue"
            );
        }
    }

    #[test]
    fn placeholders_are_filled() {
        let m = message(Msg::VDuplicateNode, &[("node", "x".into())]);
        assert_eq!(m.en, "Two nodes are named \"x\".");
        assert!(m.id.contains("\"x\""));
    }
}

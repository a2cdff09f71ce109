//! The engine's messages for authors: validation diagnostics, import errors and repairs, and
//! the balance report, as translation data in `notes.id.json` and `notes.en.json`, keyed by
//! [`Note`]. Only the trainer's app and the command-line tool link them: the agents' app, which
//! never validates a scenario, does not download them.

use super::messages::messages;
use super::terms::Lang;

messages! {
    /// A message for scenario authors and trainers.
    Note;
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
    ITooManyParts => "i.too_many_parts",
    ITooManyNodes => "i.too_many_nodes",
    IJson => "i.json",
    INotObject => "i.not_object",
    INoVersion => "i.no_version",
    ITooNew => "i.too_new",
    ITooOld => "i.too_old",
    IShape => "i.shape",
    RBilingual => "r.bilingual",
    RBriefing => "r.briefing",
    RMinVersion => "r.min_version",
    RUnpinned => "r.unpinned",
    RQuotes => "r.quotes",
    RQuoteUnchecked => "r.quote_unchecked",
    VBadPlaceholder => "v.bad_placeholder",
    VPlaceholderNotHere => "v.placeholder_not_here",
    VPlaceholdersDiffer => "v.placeholders_differ",
    VTypedFigure => "v.typed_figure",
    VDiscountUnguarded => "v.discount_unguarded",
    VNoChoiceOnDate => "v.no_choice_on_date",
    VCueLongest => "v.cue_longest",
    VCueWord => "v.cue_word",
    VCueName => "v.cue_name",
    PhUnclosed => "ph.unclosed",
    PhUnknownName => "ph.unknown_name",
    PhUnknownWord => "ph.unknown_word",
    PhNoPackage => "ph.no_package",
    PhBadMonths => "ph.bad_months",
    PhBadDate => "ph.bad_date",
    PhUnknownTrap => "ph.unknown_trap",
    PhTrapFit => "ph.trap_fit",
    BBroke => "b.broke",
    BMeanLow => "b.mean_low",
    BMeanHigh => "b.mean_high",
    BMaxHigh => "b.max_high",
    BPasses => "b.passes",
    PBestPractice => "p.best_practice",
    PRandom => "p.random",
    PPushy => "p.pushy",
    PPassive => "p.passive",
    PFirst => "p.first",
    PLast => "p.last",
    PLongest => "p.longest",
    PShortest => "p.shortest",
    PMimic => "p.mimic",
    PPersistent => "p.persistent",
}

// `ID` and `EN`: the catalogues as arrays in `Note` order, compiled by build.rs.
include!(concat!(env!("OUT_DIR"), "/notes_tables.rs"));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::messages::{assert_catalogue, message, text};

    #[test]
    fn every_note_exists_in_both_languages_with_the_same_placeholders() {
        assert_catalogue(
            Note::ALL,
            Note::key,
            include_str!("notes.id.json"),
            include_str!("notes.en.json"),
        );
    }

    #[test]
    fn placeholders_are_filled() {
        let m = message(Note::VDuplicateNode, &[("node", "x".into())]);
        assert_eq!(m.en, "Two nodes are named \"x\".");
        assert!(m.id.contains("\"x\""));
        assert!(!text(Note::PRandom).id.is_empty());
    }
}

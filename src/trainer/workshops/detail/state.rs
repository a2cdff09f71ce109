//! What the workshop page holds besides storage, and every way it changes: one reducer, so the
//! page's behaviour can be read (and tested) apart from its markup. Storage is written by the
//! page's callbacks before they dispatch; the reducer only records what happened.

use std::rc::Rc;

use yew::Reducible;

use crate::engine::monev::Filter;
use crate::engine::Localized;

/// What the last import of result codes found.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct ImportReport {
    /// Results stored.
    pub(super) accepted: usize,
    /// Codes already imported before.
    pub(super) duplicates: u32,
    /// Codes refused, each with the reason.
    pub(super) rejected: Vec<(String, Localized)>,
    /// Storage refused to keep the accepted results.
    pub(super) not_saved: bool,
    /// Files that could not be read.
    pub(super) skipped: usize,
}

/// The page's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Detail {
    /// Counts the page's own writes to storage, so the page reads the workshop again.
    pub(super) version: u32,
    /// What the last import found.
    pub(super) report: Option<ImportReport>,
    /// Which results the dashboard counts.
    pub(super) filter: Filter,
    /// "Kode disalin." is showing.
    pub(super) copied: bool,
    /// Storage refused to count a doubtful result: said beside the list, which is unchanged.
    pub(super) count_failed: bool,
}

/// What happened on the page.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Action {
    /// Result codes were imported (and stored, unless the report says not).
    Imported(ImportReport),
    /// The trainer chose a Wadah (`None`: all).
    FilterWadah(Option<String>),
    /// The trainer chose a scenario (`None`: all).
    FilterScenario(Option<String>),
    /// The join link was copied (or copying failed).
    Copied(bool),
    /// The "copied" line has been shown long enough.
    CopiedSeen,
    /// A doubtful result was counted anyway; `stored` says whether storage kept that.
    CountedAnyway { stored: bool },
}

impl Reducible for Detail {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Imported(report) => {
                next.report = Some(report);
                next.version += 1;
            }
            Action::FilterWadah(wadah) => next.filter.wadah = wadah,
            Action::FilterScenario(scenario) => next.filter.scenario = scenario,
            Action::Copied(ok) => next.copied = ok,
            Action::CopiedSeen => next.copied = false,
            Action::CountedAnyway { stored } => {
                next.count_failed = !stored;
                next.version += 1;
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(actions: impl IntoIterator<Item = Action>) -> Detail {
        let mut state = Rc::new(Detail::default());
        for action in actions {
            state = state.reduce(action);
        }
        (*state).clone()
    }

    fn report(accepted: usize) -> ImportReport {
        ImportReport {
            accepted,
            duplicates: 0,
            rejected: Vec::new(),
            not_saved: false,
            skipped: 0,
        }
    }

    #[test]
    fn an_import_shows_its_report_and_rereads_storage_keeping_the_filter() {
        let state = after([
            Action::FilterWadah(Some("Wadah Ampenan".into())),
            Action::Imported(report(3)),
            Action::Imported(report(1)),
        ]);
        assert_eq!(state.report, Some(report(1)), "the last import's report");
        assert_eq!(state.version, 2);
        assert_eq!(state.filter.wadah.as_deref(), Some("Wadah Ampenan"));
    }

    #[test]
    fn the_two_filters_are_chosen_apart_and_cleared_with_none() {
        let state = after([
            Action::FilterWadah(Some("A".into())),
            Action::FilterScenario(Some("fisher".into())),
            Action::FilterWadah(None),
        ]);
        assert_eq!(state.filter.wadah, None);
        assert_eq!(state.filter.scenario.as_deref(), Some("fisher"));
    }

    #[test]
    fn copied_shows_until_seen_and_not_at_all_when_copying_failed() {
        assert!(after([Action::Copied(true)]).copied);
        assert!(!after([Action::Copied(true), Action::CopiedSeen]).copied);
        assert!(!after([Action::Copied(false)]).copied);
    }

    #[test]
    fn a_refused_count_is_said_until_a_count_is_stored() {
        let failed = after([Action::CountedAnyway { stored: false }]);
        assert!(failed.count_failed);
        assert_eq!(failed.version, 1);
        let later = after([
            Action::CountedAnyway { stored: false },
            Action::CountedAnyway { stored: true },
        ]);
        assert!(!later.count_failed);
        assert_eq!(later.version, 2);
    }
}

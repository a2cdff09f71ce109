//! The autosave's rules, apart from timers and listeners so they are tested natively: which
//! edit is saved, what a save's outcome does, what leaving the page does, and what another
//! tab's change to storage means for the scenario open here. `autosave.rs` is the hook that
//! runs them on the browser's events.

use crate::engine::Scenario;
use crate::platform::events::StorageChange;
use crate::trainer::storage::scenarios::{read_stored, text_key, Entry, SaveError, INDEX_KEY};

/// What the autosave knows between events. Edits are counted: the editor's `changes` goes up
/// by one per edit, so "saved up to change n" says what is on disk.
#[derive(Debug, Default)]
pub(super) struct SaveBook {
    /// The last change written to storage.
    saved: u64,
    /// A banner (other tab, purged) holds the edit: nothing is saved until the trainer chooses.
    held: bool,
    /// The scenario the held edit was kept as when the trainer left, so it is kept once.
    kept_as: Option<String>,
}

/// What a save's outcome means for the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Settled {
    /// Written: the indicator shows it saved.
    Saved,
    /// Storage refused it: the indicator shows it failed; the next change, hide or close tries
    /// again, since the edit still counts as unsaved.
    Failed,
    /// The scenario was purged in another tab: the edit is held and the trainer is offered to
    /// keep it as a new scenario.
    Gone,
}

/// What leaving the page does with the edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Leave {
    /// Nothing is unsaved.
    Nothing,
    /// Save it where it is.
    Save,
    /// A banner holds an unsaved edit: keep it as a new scenario, so nothing typed is lost.
    KeepCopy,
    /// Already kept as this scenario.
    KeptAs(String),
}

impl SaveBook {
    /// Whether there is an edit to save now, `latest` being the editor's change count.
    pub(super) fn unsaved(&self, latest: u64) -> bool {
        !self.held && latest > self.saved
    }

    /// Whether a save of change `changes`, started earlier and written a slice at a time, is
    /// still worth writing: nothing held, and nothing newer saved meanwhile (the page was
    /// hidden). The editor's count only goes up, so `latest` below `changes` cannot happen
    /// today; it is refused all the same, as a count that went back would be another run.
    pub(super) fn still_wanted(&self, changes: u64, latest: u64) -> bool {
        !self.held && changes > self.saved && changes <= latest
    }

    /// Records the outcome of saving change `changes`.
    pub(super) fn settle(&mut self, result: Result<(), SaveError>, changes: u64) -> Settled {
        match result {
            Ok(()) => {
                self.saved = self.saved.max(changes);
                Settled::Saved
            }
            Err(SaveError::Gone) => {
                self.held = true;
                Settled::Gone
            }
            Err(SaveError::Store(_)) => Settled::Failed,
        }
    }

    /// Whether the browser should ask before the tab closes: an edit held and unsaved.
    pub(super) fn ask_before_closing(&self, latest: u64) -> bool {
        self.held && latest > self.saved
    }

    /// What leaving the page (closing, reloading, another page) does with the edit.
    pub(super) fn leave(&self, latest: u64) -> Leave {
        match (self.held, latest > self.saved, &self.kept_as) {
            (_, false, _) => Leave::Nothing,
            (false, true, _) => Leave::Save,
            (true, true, Some(uid)) => Leave::KeptAs(uid.clone()),
            (true, true, None) => Leave::KeepCopy,
        }
    }

    /// The held edit was kept as the scenario `uid`.
    pub(super) fn kept_as(&mut self, uid: String) {
        self.kept_as = Some(uid);
    }

    /// The scenario this edit was kept as, if it was.
    pub(super) fn kept(&self) -> Option<String> {
        self.kept_as.clone()
    }

    /// Whether a banner holds the edit.
    pub(super) fn holding(&self) -> bool {
        self.held
    }

    /// A banner now holds the edit.
    pub(super) fn hold(&mut self) {
        self.held = true;
    }

    /// The trainer chose: saving goes on.
    pub(super) fn release(&mut self) {
        self.held = false;
    }
}

/// What another tab's change to storage means for the scenario `uid`, open here as `mine`.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum OtherTab {
    /// Nothing that concerns this scenario (or the same text as here).
    Nothing,
    /// The library no longer lists it (purged, or storage cleared).
    Gone,
    /// Another tab saved a different version.
    Changed(Box<Scenario>),
}

/// Reads another tab's storage change for the scenario `uid`, open here as `mine`.
pub(super) fn other_tab(change: &StorageChange, uid: &str, mine: &Scenario) -> OtherTab {
    // `None`: storage was cleared, so the list is gone too.
    if change.key.as_deref().is_none_or(|k| k == INDEX_KEY) {
        let listed = change
            .new_value
            .as_deref()
            .and_then(|t| serde_json::from_str::<Vec<Entry>>(t).ok())
            .is_some_and(|all| all.iter().any(|e| e.uid == uid));
        return if listed {
            OtherTab::Nothing
        } else {
            OtherTab::Gone
        };
    }
    if change.key.as_deref() != Some(text_key(uid).as_str()) {
        return OtherTab::Nothing;
    }
    match change.new_value.as_deref().map(read_stored) {
        Some(Ok(theirs)) if theirs != *mine => OtherTab::Changed(Box::new(theirs)),
        _ => OtherTab::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::pack;
    use crate::platform::storage::{Store, StoreError};
    use crate::trainer::storage::scenarios::ScenarioStore;

    fn change(key: Option<&str>, value: Option<String>) -> StorageChange {
        StorageChange {
            key: key.map(str::to_owned),
            new_value: value,
        }
    }

    #[test]
    fn edits_are_saved_once_and_a_refused_save_is_tried_again() {
        let mut book = SaveBook::default();
        assert!(!book.unsaved(0), "a fresh page has nothing to save");
        assert!(book.unsaved(3));
        assert_eq!(
            book.settle(Err(SaveError::Store(StoreError::Full)), 3),
            Settled::Failed
        );
        assert!(book.unsaved(3), "a refused save leaves the edit unsaved");
        assert_eq!(book.settle(Ok(()), 3), Settled::Saved);
        assert!(!book.unsaved(3));
        // A slow slice save of change 2 finishing after change 3 was saved does not go back.
        assert_eq!(book.settle(Ok(()), 2), Settled::Saved);
        assert!(!book.unsaved(3));
        assert!(book.unsaved(4));
    }

    #[test]
    fn a_slice_save_stops_when_a_newer_save_or_a_replace_overtook_it() {
        let mut book = SaveBook::default();
        assert!(book.still_wanted(5, 5));
        assert!(
            book.still_wanted(5, 7),
            "newer edits do not make change 5 worthless"
        );
        assert!(
            !book.still_wanted(5, 4),
            "a count that went back is refused"
        );
        book.settle(Ok(()), 6);
        assert!(
            !book.still_wanted(5, 7),
            "the page hid and saved change 6 meanwhile"
        );
        book.hold();
        assert!(
            !book.still_wanted(7, 7),
            "nothing is written while a banner holds the edit"
        );
    }

    #[test]
    fn leaving_saves_or_keeps_a_held_edit_as_a_copy_once() {
        let mut book = SaveBook::default();
        assert_eq!(book.leave(0), Leave::Nothing);
        assert_eq!(book.leave(2), Leave::Save);
        assert!(
            !book.ask_before_closing(2),
            "an edit that will be saved needs no question"
        );
        assert_eq!(book.settle(Err(SaveError::Gone), 2), Settled::Gone);
        assert!(
            !book.unsaved(2),
            "a purged scenario is never written under its id"
        );
        assert!(book.ask_before_closing(2));
        assert_eq!(book.leave(2), Leave::KeepCopy);
        book.kept_as("copy-1".into());
        assert_eq!(book.leave(2), Leave::KeptAs("copy-1".into()));
        book.release();
        assert_eq!(book.leave(3), Leave::Save);
    }

    #[test]
    fn another_tab_saving_or_purging_the_scenario_is_recognised() {
        let scenarios = pack::load().expect("the pack loads");
        let (mine, other) = (&scenarios[0], &scenarios[1]);
        let store = ScenarioStore::new(Store::memory());
        let uid = store.add(mine, "u1".into(), 0).expect("added");
        let index = |store: &ScenarioStore| {
            serde_json::to_string(&store.entries().expect("listed")).expect("serialises")
        };
        // The list still names it, or another key changed: nothing to do.
        let listed = index(&store);
        assert_eq!(
            other_tab(&change(Some(INDEX_KEY), Some(listed)), &uid, mine),
            OtherTab::Nothing
        );
        assert_eq!(
            other_tab(&change(Some("latih.lang"), Some("en".into())), &uid, mine),
            OtherTab::Nothing
        );
        // The same version saved again: nothing.
        let stored = store.text(&uid).expect("readable").expect("stored");
        assert_eq!(
            other_tab(&change(Some(&text_key(&uid)), Some(stored)), &uid, mine),
            OtherTab::Nothing
        );
        let text = |s: &Scenario| crate::engine::export(s);
        // A different version: the trainer chooses.
        assert_eq!(
            other_tab(
                &change(Some(&text_key(&uid)), Some(text(other))),
                &uid,
                mine
            ),
            OtherTab::Changed(Box::new(other.clone()))
        );
        // Damaged text is not a version to offer.
        assert_eq!(
            other_tab(&change(Some(&text_key(&uid)), Some("{".into())), &uid, mine),
            OtherTab::Nothing
        );
        // Purged: the list no longer names it; storage cleared: no list at all.
        store.purge(&uid).expect("purged");
        assert_eq!(
            other_tab(&change(Some(INDEX_KEY), Some(index(&store))), &uid, mine),
            OtherTab::Gone
        );
        assert_eq!(other_tab(&change(None, None), &uid, mine), OtherTab::Gone);
    }
}

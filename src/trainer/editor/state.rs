//! The editor's state: the scenario being edited, its undo and redo history, and a count of
//! changes that drives the autosave. Every change goes through [`EditorAction`], so each is
//! one undo step; storage is written by the autosave (see `autosave.rs`), never here.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::engine::edit;
use crate::engine::Scenario;

/// The latest scenario and change count, shared with the autosave: updated as each action is
/// reduced, before the next render, so a save when the page closes has the last edit.
pub type Mirror = Rc<RefCell<(Rc<Scenario>, u64)>>;

/// The editor's state: the scenario and its undo and redo history.
pub struct Editor {
    pub scenario: Rc<Scenario>,
    pub(super) undo: Vec<Rc<Scenario>>,
    pub(super) redo: Vec<Rc<Scenario>>,
    /// Counts changes, so the page saves after each one (0: as loaded).
    pub changes: u64,
    /// The latest scenario and change count, updated as each action is reduced (before the
    /// next render), so a save when the page closes includes the field that was just left.
    mirror: Rc<RefCell<(Rc<Scenario>, u64)>>,
}

/// How far back undo goes.
const UNDO_DEPTH: usize = 200;

/// What the editor can do to its scenario. Every action but undo and redo is one step of undo;
/// one that changes nothing is no step.
pub enum EditorAction {
    /// Changes one field of the forms. The forms have a field for every part of the format, so
    /// a field's change is the closure that sets it rather than a variant of its own (which
    /// would copy the format a second time).
    Edit(Rc<dyn Fn(&mut Scenario)>),
    /// Adds an empty node with a fresh id.
    AddNode,
    /// Removes a node (links to it are left for validation to point out).
    RemoveNode(usize),
    /// Adds an empty choice to a node.
    AddChoice(usize),
    /// Removes a choice of a node.
    RemoveChoice {
        /// The node.
        node: usize,
        /// Its choice.
        choice: usize,
    },
    /// Steps back.
    Undo,
    /// Steps forward again.
    Redo,
    /// Replaces the scenario (an earlier version, another tab's, a renamed node's).
    Replace(Rc<Scenario>),
}

impl EditorAction {
    /// Makes the change to `s` (undo, redo and replace are not changes of a scenario, and
    /// change nothing here).
    fn apply(&self, s: &mut Scenario) {
        match *self {
            EditorAction::Edit(ref f) => f(s),
            EditorAction::AddNode => {
                edit::add_node(s);
            }
            EditorAction::RemoveNode(node) => edit::remove_node(s, node),
            EditorAction::AddChoice(node) => {
                edit::add_choice(s, node);
            }
            EditorAction::RemoveChoice { node, choice } => edit::remove_choice(s, node, choice),
            EditorAction::Undo | EditorAction::Redo | EditorAction::Replace(_) => {}
        }
    }
}

impl Reducible for Editor {
    type Action = EditorAction;

    fn reduce(self: Rc<Self>, action: EditorAction) -> Rc<Self> {
        let mut undo = self.undo.clone();
        let mut redo = self.redo.clone();
        let scenario = match action {
            EditorAction::Replace(next) => {
                undo.push(self.scenario.clone());
                redo.clear();
                next
            }
            EditorAction::Undo => match undo.pop() {
                Some(previous) => {
                    redo.push(self.scenario.clone());
                    previous
                }
                None => return self,
            },
            EditorAction::Redo => match redo.pop() {
                Some(next) => {
                    undo.push(self.scenario.clone());
                    next
                }
                None => return self,
            },
            change => {
                let mut next = (*self.scenario).clone();
                change.apply(&mut next);
                if next == *self.scenario {
                    return self;
                }
                undo.push(self.scenario.clone());
                redo.clear();
                Rc::new(next)
            }
        };
        // A step shares every node it did not change with the others (see `Scenario::nodes`):
        // 200 steps of a 2,000-node scenario cost about 3 MB of pointers.
        while undo.len() > UNDO_DEPTH {
            undo.remove(0);
        }
        *self.mirror.borrow_mut() = (scenario.clone(), self.changes + 1);
        Rc::new(Editor {
            scenario,
            undo,
            redo,
            changes: self.changes + 1,
            mirror: self.mirror.clone(),
        })
    }
}

impl Editor {
    /// The editor of `initial`, unchanged, writing its latest state to `mirror`.
    pub fn new(initial: Rc<Scenario>, mirror: Mirror) -> Editor {
        Editor {
            scenario: initial,
            undo: Vec::new(),
            redo: Vec::new(),
            changes: 0,
            mirror,
        }
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn editor() -> Rc<Editor> {
        let s = Rc::new(crate::engine::edit::new_scenario("x".into()));
        let mirror = Rc::new(RefCell::new((s.clone(), 0)));
        Rc::new(Editor::new(s, mirror))
    }

    fn retitle(title: &'static str) -> EditorAction {
        EditorAction::Edit(Rc::new(move |s: &mut Scenario| {
            s.meta.title.id = title.to_owned()
        }))
    }

    #[test]
    fn each_edit_is_one_step_of_undo_and_redo() {
        let e = editor().reduce(retitle("a")).reduce(retitle("b"));
        assert_eq!(e.scenario.meta.title.id, "b");
        assert_eq!(e.changes, 2);
        assert_eq!(e.mirror.borrow().0.meta.title.id, "b");
        assert_eq!(e.mirror.borrow().1, 2);
        let e = e.reduce(EditorAction::Undo);
        assert_eq!(e.scenario.meta.title.id, "a");
        assert!(e.can_redo());
        let e = e.reduce(EditorAction::Redo);
        assert_eq!(e.scenario.meta.title.id, "b");
        assert!(!e.can_redo());
        // A new edit after undo drops what could be redone.
        let e = e.reduce(EditorAction::Undo).reduce(retitle("c"));
        assert!(!e.can_redo());
        assert_eq!(e.scenario.meta.title.id, "c");
        // The mirror follows every step, undo included, and the count only grows.
        let e = e.reduce(EditorAction::Undo);
        assert_eq!(e.mirror.borrow().0.meta.title.id, "a");
        assert_eq!(e.changes, 7);
    }

    #[test]
    fn an_edit_that_changes_nothing_is_not_a_step() {
        let e = editor();
        let same = e
            .clone()
            .reduce(EditorAction::Edit(Rc::new(|_: &mut Scenario| {})));
        assert!(Rc::ptr_eq(&e, &same));
        assert!(!same.can_undo());
        // Undo and redo with nothing to undo or redo change nothing either.
        assert!(Rc::ptr_eq(&e, &e.clone().reduce(EditorAction::Undo)));
        assert!(Rc::ptr_eq(&e, &e.clone().reduce(EditorAction::Redo)));
    }

    #[test]
    fn undo_goes_back_at_most_its_depth() {
        let mut e = editor();
        for n in 0..UNDO_DEPTH + 20 {
            e = e.reduce(EditorAction::Edit(Rc::new(move |s: &mut Scenario| {
                s.version = n as u32 + 2
            })));
        }
        let mut steps = 0;
        while e.can_undo() {
            e = e.reduce(EditorAction::Undo);
            steps += 1;
        }
        assert_eq!(steps, UNDO_DEPTH);
        assert_eq!(e.scenario.version, 21);
    }

    #[test]
    fn nodes_and_choices_are_added_and_removed_as_one_step_each() {
        let e = editor();
        let nodes = e.scenario.nodes.len();
        let e = e.reduce(EditorAction::AddNode);
        assert_eq!(e.scenario.nodes.len(), nodes + 1);
        let choices = e.scenario.nodes[nodes].choices.len();
        let e = e.reduce(EditorAction::AddChoice(nodes));
        assert_eq!(e.scenario.nodes[nodes].choices.len(), choices + 1);
        let e = e.reduce(EditorAction::RemoveChoice {
            node: nodes,
            choice: choices,
        });
        assert_eq!(e.scenario.nodes[nodes].choices.len(), choices);
        let e = e.reduce(EditorAction::RemoveNode(nodes));
        assert_eq!(e.scenario.nodes.len(), nodes);
        assert_eq!(e.changes, 4);
        // Out of range, nothing happens and no step is kept.
        let same = e.clone().reduce(EditorAction::RemoveNode(99));
        assert!(Rc::ptr_eq(&e, &same));
        let e = e.reduce(EditorAction::Undo).reduce(EditorAction::Undo);
        assert_eq!(e.scenario.nodes[nodes].choices.len(), choices + 1);
    }

    #[test]
    fn replacing_the_scenario_is_one_step() {
        let e = editor();
        let mut other = (*e.scenario).clone();
        other.id = "y".into();
        let e = e.reduce(EditorAction::Replace(Rc::new(other)));
        assert_eq!(e.scenario.id, "y");
        assert_eq!(e.reduce(EditorAction::Undo).scenario.id, "x");
    }
}

//! Structural edits of a scenario for the trainer's editor: adding and removing nodes and
//! choices, and renaming a node everywhere it is linked from. Field edits are plain
//! assignments; these are the ones that must keep ids unique and links whole.

use std::rc::Rc;

use super::scenario::*;
use super::terms::Occupation;

/// An id not yet used by `taken`, made of `base` and a number.
fn fresh(base: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_owned())
}

/// A new choice that ends the conversation, with empty texts for the trainer to fill in.
fn new_choice(id: String) -> Choice {
    Choice {
        id,
        text: Localized::default(),
        kind: MoveKind::Explain,
        objection: None,
        package: None,
        requires: Vec::new(),
        effects: Effects::default(),
        scores: Default::default(),
        feedback: Localized::default(),
        next: Next::End,
        if_not_ready: None,
    }
}

/// Adds a node (one empty line, one choice that ends the conversation); returns its index.
pub fn add_node(s: &mut Scenario) -> usize {
    let id = fresh("simpul", |id| s.nodes.iter().any(|n| n.id == id));
    s.nodes.push(Rc::new(Node {
        id,
        lines: vec![LineVariant {
            when: Vec::new(),
            weight: 1,
            text: Localized::default(),
        }],
        choices: vec![new_choice("pilihan-1".into())],
        pin_order: None,
    }));
    s.nodes.len() - 1
}

/// Adds a choice to node `node`; returns its index.
pub fn add_choice(s: &mut Scenario, node: usize) -> Option<usize> {
    let n = s.node_mut(node)?;
    let id = fresh("pilihan", |id| n.choices.iter().any(|c| c.id == id));
    n.choices.push(new_choice(id));
    Some(n.choices.len() - 1)
}

/// Removes a choice. Saved runs that chose it no longer replay; validation says what else broke.
pub fn remove_choice(s: &mut Scenario, node: usize, choice: usize) {
    if let Some(n) = s.node_mut(node) {
        if choice < n.choices.len() {
            n.choices.remove(choice);
        }
    }
}

/// Removes a node. Links to it become broken links, which validation reports.
pub fn remove_node(s: &mut Scenario, node: usize) {
    if node < s.nodes.len() {
        s.nodes.remove(node);
    }
}

/// Why a node could not be renamed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenameError {
    /// The new id is empty or has spaces.
    Invalid,
    /// Another node has it.
    Taken,
}

/// Renames node `node` to `new_id` and updates the start and every link to it.
pub fn rename_node(s: &mut Scenario, node: usize, new_id: &str) -> Result<(), RenameError> {
    let new_id = new_id.trim();
    if new_id.is_empty() || new_id.chars().any(char::is_whitespace) {
        return Err(RenameError::Invalid);
    }
    let Some(old) = s.nodes.get(node).map(|n| n.id.clone()) else {
        return Ok(());
    };
    if old == new_id {
        return Ok(());
    }
    if s.nodes.iter().any(|n| n.id == new_id) {
        return Err(RenameError::Taken);
    }
    let relink = |next: &mut Next| match next {
        Next::Node(id) if *id == old => *id = new_id.to_owned(),
        Next::Branch {
            branches,
            otherwise,
        } => {
            for b in branches.iter_mut().filter(|b| b.go == old) {
                b.go = new_id.to_owned();
            }
            if *otherwise == old {
                *otherwise = new_id.to_owned();
            }
        }
        _ => {}
    };
    // Only the nodes that link to it are changed (and so copied; see `Scenario::nodes`).
    for n in &mut s.nodes {
        let links = n.choices.iter().any(|c| {
            c.all_next()
                .any(|next| next.targets().contains(&old.as_str()))
        });
        if !links {
            continue;
        }
        for c in &mut Rc::make_mut(n).choices {
            relink(&mut c.next);
            if let Some(next) = &mut c.if_not_ready {
                relink(next);
            }
        }
    }
    if s.start == old {
        s.start = new_id.to_owned();
    }
    Rc::make_mut(&mut s.nodes[node]).id = new_id.to_owned();
    Ok(())
}

/// A new scenario to write from scratch: a persona with middle-of-the-range attitudes, one
/// node, an ending for every outcome, and empty texts, which validation lists for the
/// trainer to fill in. `id` must be unused on this device. Its runs take place on the day they
/// are played (no pinned date).
pub fn new_scenario(id: String) -> Scenario {
    let mut s = Scenario {
        schema_version: SCHEMA_VERSION,
        min_compatible_version: SCHEMA_VERSION,
        id,
        version: 1,
        meta: Meta {
            title: Localized::new("Skenario baru", "New scenario"),
            summary: Localized::default(),
            briefing: Localized::default(),
            difficulty: Difficulty::Beginner,
            tags: Vec::new(),
            objections: Vec::new(),
            estimated_minutes: 10,
            pinned_date: None,
        },
        persona: Persona {
            name: String::new(),
            occupation: Occupation::Other,
            occupation_label: Localized::default(),
            age: 35,
            place: String::new(),
            household: Localized::default(),
            declared_income: 1_000_000,
            income_pattern: IncomePattern::Irregular,
            government_paid: false,
            can_keep_paying: 30_000,
            coverage: Vec::new(),
            risks: Vec::new(),
            attitudes: Attitudes {
                trust: 40,
                need: 40,
                price_worry: 50,
                patience: 60,
            },
            sensitivities: Sensitivities::default(),
            decision_threshold: 60,
            hidden_facts: Vec::new(),
            avatar: "farmer".into(),
        },
        rubric: Rubric::default(),
        start: String::new(),
        nodes: Vec::new(),
        endings: Outcome::ALL
            .into_iter()
            .map(|outcome| Ending {
                outcome,
                text: Localized::default(),
                scores: Points::new(),
            })
            .collect(),
    };
    let first = add_node(&mut s);
    s.start = s.nodes[first].id.clone();
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::pack;
    use crate::engine::validate::{has_errors, validate};

    #[test]
    fn renaming_a_node_keeps_every_link() {
        let mut s = pack::load()
            .unwrap()
            .into_iter()
            .find(|s| s.id == "fisher-lombok-timur")
            .unwrap();
        let start = s.nodes.iter().position(|n| n.id == s.start).unwrap();
        let target = s
            .nodes
            .iter()
            .position(|n| n.id == "discovery")
            .expect("the fisher has a discovery node");
        rename_node(&mut s, target, "cari-tahu").unwrap();
        rename_node(&mut s, start, "sapaan").unwrap();
        assert_eq!(s.start, "sapaan");
        assert!(!has_errors(&validate(&s)), "{:?}", validate(&s));
        assert_eq!(rename_node(&mut s, 0, "cari-tahu"), Err(RenameError::Taken));
        assert_eq!(
            rename_node(&mut s, 0, "dua kata"),
            Err(RenameError::Invalid)
        );
        assert_eq!(rename_node(&mut s, 0, " "), Err(RenameError::Invalid));
    }

    #[test]
    fn added_parts_get_fresh_ids_and_removing_a_linked_node_is_reported() {
        let mut s = pack::load()
            .unwrap()
            .into_iter()
            .find(|s| s.id == "fisher-lombok-timur")
            .unwrap();
        let a = add_node(&mut s);
        let b = add_node(&mut s);
        assert_ne!(s.nodes[a].id, s.nodes[b].id);
        let c = add_choice(&mut s, a).unwrap();
        assert_eq!(s.nodes[a].choices[c].id, "pilihan-2");
        remove_choice(&mut s, a, c);
        assert_eq!(s.nodes[a].choices.len(), 1);
        let discovery = s.nodes.iter().position(|n| n.id == "discovery").unwrap();
        remove_node(&mut s, discovery);
        assert!(
            has_errors(&validate(&s)),
            "links to a removed node are broken"
        );
    }
}

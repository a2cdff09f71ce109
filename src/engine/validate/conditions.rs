//! The names nodes refer to (nodes their choices lead to, facts and choices their conditions
//! ask about) and the check of one condition. Each lookup is noted with whether it was found,
//! so that [`super::Validator`] can tell when a remembered node's findings no longer hold.

use std::collections::{HashMap, HashSet};

use super::report::Collect;
use super::report::Report;
use crate::engine::messages::message;
use crate::engine::notes::Note;
use crate::engine::scenario::{Condition, Stat};

/// A name a node refers to.
pub(super) enum Lookup {
    /// A node its choices lead to.
    Target(String),
    /// A node a condition asks about.
    Visited(String),
    /// A fact a condition needs discovered.
    Revealed(String),
    /// A choice a condition asks about.
    Choice(String),
}

/// The names in a scenario that nodes refer to.
pub(super) struct Names<'s> {
    pub(super) facts: HashSet<&'s str>,
    pub(super) revealed: HashSet<&'s str>,
    pub(super) choices: HashSet<&'s str>,
    pub(super) index: HashMap<&'s str, usize>,
}

impl Names<'_> {
    /// Whether each name is still there, or still missing, as when it was looked up.
    pub(super) fn hold(&self, lookups: &[(Lookup, bool)]) -> bool {
        lookups.iter().all(|(lookup, found)| {
            *found
                == match lookup {
                    Lookup::Target(n) | Lookup::Visited(n) => self.index.contains_key(n.as_str()),
                    Lookup::Revealed(f) => self.revealed.contains(f.as_str()),
                    Lookup::Choice(c) => self.choices.contains(c.as_str()),
                }
        })
    }
}

/// Checks the names a condition refers to, noting each lookup.
pub(super) fn check_condition(
    r: &mut Report,
    names: &Names,
    lookups: &mut Vec<(Lookup, bool)>,
    node: &str,
    choice: Option<&str>,
    field: String,
    c: &Condition,
) {
    // A name looked up: noted, and an error where it is missing.
    let mut look_up = |lookup: Lookup, found: bool, note: Note, arg: (&str, &String)| {
        lookups.push((lookup, found));
        if !found {
            r.error(
                Some(node),
                choice,
                field.clone(),
                message(note, &[(arg.0, arg.1.clone())]),
            );
        }
    };
    match c {
        Condition::Discovered(f) | Condition::NotDiscovered(f)
            if !names.facts.contains(f.as_str()) =>
        {
            r.error(
                Some(node),
                choice,
                field,
                message(Note::VUnknownFact, &[("fact", f.clone())]),
            );
        }
        Condition::Discovered(f) => look_up(
            Lookup::Revealed(f.clone()),
            names.revealed.contains(f.as_str()),
            Note::VFactNeverRevealed,
            ("fact", f),
        ),
        Condition::AtLeast(stats) | Condition::AtMost(stats) => {
            let at_least = matches!(c, Condition::AtLeast(_));
            for (stat, v) in stats {
                // Stats stay within 0..=100, so these can never hold.
                if (at_least && *v > 100) || (!at_least && *v < 0) {
                    let args = [
                        ("stat", stat_name(*stat).to_owned()),
                        ("op", if at_least { ">=" } else { "<=" }.to_owned()),
                        ("value", v.to_string()),
                    ];
                    r.error(
                        Some(node),
                        choice,
                        field.clone(),
                        message(Note::VImpossibleStat, &args),
                    );
                }
            }
        }
        Condition::Visited(n) => look_up(
            Lookup::Visited(n.clone()),
            names.index.contains_key(n.as_str()),
            Note::VUnknownNodeCondition,
            ("node", n),
        ),
        Condition::Chose(c) => look_up(
            Lookup::Choice(c.clone()),
            names.choices.contains(c.as_str()),
            Note::VUnknownChoiceCondition,
            ("choice", c),
        ),
        _ => {}
    }
}

fn stat_name(stat: Stat) -> &'static str {
    match stat {
        Stat::Trust => "trust",
        Stat::Interest => "interest",
        Stat::CostWorry => "cost_worry",
        Stat::Patience => "patience",
    }
}

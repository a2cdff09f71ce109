//! The objections and the moments agents handled badly across a workshop's runs, with the
//! better moves they missed.

use std::collections::BTreeMap;

use super::{MomentRow, ObjectionRow};
use crate::engine::order::sort_small_by_key;
use crate::engine::scenario::{MoveKind, Objection, Scenario};
use crate::engine::scoring::{move_value, turn_gap};
use crate::engine::workshop::Verified;

/// What happened at one node across all runs.
#[derive(Default)]
struct Tally {
    reached: u32,
    badly: u32,
    /// How often each better move was missed.
    missed: BTreeMap<u32, u32>,
}

/// The objections and moments agents handled badly.
pub(super) fn obstacles(
    kept: &[&Verified],
    scenarios: &[Scenario],
) -> (Vec<ObjectionRow>, Vec<MomentRow>) {
    let mut objections: BTreeMap<Objection, (u32, u32)> = BTreeMap::new();
    let mut moments: BTreeMap<(String, u32), Tally> = BTreeMap::new();
    for v in kept {
        let Some(scenario) = scenarios.iter().find(|s| s.id == v.record.scenario) else {
            continue;
        };
        for turn in &v.turns {
            let (gap, better) = turn_gap(scenario, turn, v.terms);
            let bad = gap < 0 || turn.violation.is_some();
            let node = &scenario.nodes[turn.node as usize];
            // The worker raised an objection here if an answer to it was on offer.
            let mut raised: Vec<Objection> = turn
                .available
                .iter()
                .map(|&c| &node.choices[c as usize])
                .filter(|c| {
                    c.kind == MoveKind::AnswerObjection && move_value(scenario, c, v.terms) > 0
                })
                .filter_map(|c| c.objection)
                .collect();
            crate::engine::order::sort_small(&mut raised);
            raised.dedup();
            for o in raised {
                let entry = objections.entry(o).or_default();
                if bad {
                    entry.1 += 1;
                } else {
                    entry.0 += 1;
                }
            }
            let tally = moments.entry((scenario.id.clone(), turn.node)).or_default();
            tally.reached += 1;
            if bad {
                tally.badly += 1;
                if let Some(b) = better {
                    *tally.missed.entry(b).or_default() += 1;
                }
            }
        }
    }
    let mut objections: Vec<ObjectionRow> = objections
        .into_iter()
        .map(|(objection, (well, badly))| ObjectionRow {
            objection,
            well,
            badly,
        })
        .collect();
    // Worst share first: compare badly/(well+badly) without floats.
    sort_small_by_key(&mut objections, |o| {
        std::cmp::Reverse(u64::from(o.badly) * 1000 / u64::from((o.well + o.badly).max(1)))
    });
    let mut moments: Vec<MomentRow> = moments
        .into_iter()
        .filter(|(_, t)| t.badly > 0)
        .map(|((scenario, node), t)| MomentRow {
            scenario,
            node,
            reached: t.reached,
            badly: t.badly,
            better: t
                .missed
                .iter()
                .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))
                .map(|(c, _)| *c),
        })
        .collect();
    sort_small_by_key(&mut moments, |m| {
        (
            std::cmp::Reverse(m.badly),
            std::cmp::Reverse(u64::from(m.badly) * 1000 / u64::from(m.reached.max(1))),
        )
    });
    moments.truncate(5);
    (objections, moments)
}

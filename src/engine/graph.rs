//! The conversation graph of a scenario laid out for drawing: nodes in columns by their
//! distance from the start (a layered layout, so a conversation reads left to right), nodes no
//! path reaches in a last column, and one edge per choice to the node it leads to or to the end.

use std::collections::VecDeque;

use super::scenario::{Next, Scenario};

/// Width of a column and height of a row, in drawing units.
pub const COLUMN: u32 = 240;
/// Height of a row.
pub const ROW: u32 = 84;

/// Where a choice leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Another node (by index).
    Node(u32),
    /// The end of the conversation.
    End,
}

/// An edge: a choice of node `from` (by index) leading to `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge {
    /// The node the choice is in.
    pub from: u32,
    /// The choice's index in that node.
    pub choice: u32,
    /// Where it leads.
    pub to: Target,
}

/// The layout: a position per node (in `scenario.nodes` order), the edges, and the size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Top-left corner of each node's box.
    pub positions: Vec<(u32, u32)>,
    /// Whether a path from the start reaches the node.
    pub reachable: Vec<bool>,
    /// Every choice's edge (a branching choice has one edge per possible target).
    pub edges: Vec<Edge>,
    /// Width and height of the whole drawing.
    pub size: (u32, u32),
}

/// Lays out `scenario`'s graph. Broken links are left out (validation reports them).
pub fn layout(scenario: &Scenario) -> Layout {
    let n = scenario.nodes.len();
    let index: std::collections::HashMap<&str, u32> = scenario
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| (node.id.as_str(), i as u32))
        .collect();
    let mut edges = Vec::new();
    for (from, node) in scenario.nodes.iter().enumerate() {
        for (c, choice) in node.choices.iter().enumerate() {
            let mut targets: Vec<Target> = Vec::new();
            for next in choice.all_next() {
                match next {
                    Next::End => targets.push(Target::End),
                    next => targets.extend(
                        next.targets()
                            .into_iter()
                            .filter_map(|t| index.get(t).map(|&i| Target::Node(i))),
                    ),
                }
            }
            targets.dedup();
            for to in targets {
                edges.push(Edge {
                    from: from as u32,
                    choice: c as u32,
                    to,
                });
            }
        }
    }
    // Breadth-first from the start: a node's column is its distance.
    let mut column = vec![u32::MAX; n];
    let mut order = Vec::with_capacity(n);
    let mut queue = VecDeque::new();
    if let Some(&start) = index.get(scenario.start.as_str()) {
        column[start as usize] = 0;
        queue.push_back(start);
    }
    let mut outgoing: Vec<Vec<u32>> = vec![Vec::new(); n];
    for e in &edges {
        if let Target::Node(to) = e.to {
            outgoing[e.from as usize].push(to);
        }
    }
    while let Some(at) = queue.pop_front() {
        order.push(at);
        for &to in &outgoing[at as usize] {
            if column[to as usize] == u32::MAX {
                column[to as usize] = column[at as usize] + 1;
                queue.push_back(to);
            }
        }
    }
    let reachable: Vec<bool> = column.iter().map(|&c| c != u32::MAX).collect();
    let last = column
        .iter()
        .filter(|&&c| c != u32::MAX)
        .max()
        .map_or(0, |c| c + 1);
    for (i, c) in column.iter_mut().enumerate() {
        if *c == u32::MAX {
            *c = last;
            order.push(i as u32);
        }
    }
    let mut rows_used = vec![0u32; last as usize + 1];
    let mut positions = vec![(0, 0); n];
    for &i in &order {
        let c = column[i as usize];
        let row = rows_used[c as usize];
        rows_used[c as usize] += 1;
        positions[i as usize] = (c * COLUMN, row * ROW);
    }
    let columns = column.iter().max().map_or(1, |c| c + 1);
    let rows = rows_used.iter().copied().max().unwrap_or(1).max(1);
    Layout {
        positions,
        reachable,
        edges,
        // One more column for the "end" marks.
        size: ((columns + 1) * COLUMN, rows * ROW),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{generate, pack};

    #[test]
    fn the_start_is_first_and_every_link_goes_somewhere_drawn() {
        for s in pack::load().unwrap() {
            let l = layout(&s);
            assert_eq!(l.positions.len(), s.nodes.len());
            let start = s.nodes.iter().position(|n| n.id == s.start).unwrap();
            assert_eq!(
                l.positions[start].0, 0,
                "{}: the start is in the first column",
                s.id
            );
            assert!(
                l.reachable.iter().all(|r| *r),
                "{}: the pack has no orphans",
                s.id
            );
            let mut seen = std::collections::HashSet::new();
            for p in &l.positions {
                assert!(seen.insert(*p), "{}: two nodes share a place", s.id);
                assert!(p.0 < l.size.0 && p.1 < l.size.1);
            }
            let choices: usize = s.nodes.iter().map(|n| n.choices.len()).sum();
            assert!(
                l.edges.len() >= choices,
                "{}: every choice has an edge",
                s.id
            );
        }
    }

    #[test]
    fn unreachable_nodes_go_last_and_broken_links_are_skipped() {
        let mut s = pack::load().unwrap().remove(0);
        let mut orphan = (*s.nodes[1]).clone();
        orphan.id = "orphan".into();
        orphan.choices[0].next = Next::Node("nowhere".into());
        s.nodes.push(orphan.into());
        let l = layout(&s);
        let last = l.positions.iter().map(|p| p.0).max().unwrap();
        assert_eq!(l.positions.last().unwrap().0, last);
        assert!(!l.reachable.last().unwrap());
    }

    #[test]
    fn a_large_scenario_lays_out() {
        let s = generate::large(2000);
        let l = layout(&s);
        assert_eq!(l.positions.len(), s.nodes.len());
    }
}

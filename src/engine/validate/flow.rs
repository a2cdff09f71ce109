//! The checks of the conversation as a whole graph: nodes the start never leads to, and loops
//! a trainee could enter and never leave.

use std::collections::{HashMap, HashSet};

use super::report::Collect;
use super::report::Report;
use crate::engine::messages::message;
use crate::engine::notes::Note;
use crate::engine::scenario::Scenario;

/// Warns about nodes unreachable from the start, and reports reachable loops with no way
/// out. `edges[n]` are the nodes node `n` leads to (by index into `s.nodes`); `exits[n]` says
/// whether a choice there ends the conversation.
pub(super) fn check_flow(
    r: &mut Report,
    s: &Scenario,
    index: &HashMap<&str, usize>,
    edges: &[Vec<usize>],
    exits: &[bool],
) {
    // Reachability from the start.
    let mut reachable = vec![false; s.nodes.len()];
    if let Some(&start) = index.get(s.start.as_str()) {
        let mut stack = vec![start];
        while let Some(n) = stack.pop() {
            if !std::mem::replace(&mut reachable[n], true) {
                stack.extend(edges[n].iter().copied());
            }
        }
        for (i, node) in s.nodes.iter().enumerate() {
            if !reachable[i] {
                r.warning(
                    Some(&node.id),
                    None,
                    "id",
                    message(Note::VUnreachableNode, &[("node", node.id.clone())]),
                );
            }
        }
    }

    // Loops with no way out: strongly connected groups that no edge leaves and no choice ends.
    for group in strongly_connected(edges) {
        let cyclic = group.len() > 1 || edges[group[0]].contains(&group[0]);
        let members: HashSet<usize> = group.iter().copied().collect();
        let leaves = group
            .iter()
            .any(|&n| exits[n] || edges[n].iter().any(|t| !members.contains(t)));
        if cyclic && !leaves && group.iter().any(|&n| reachable[n]) {
            let mut names: Vec<&str> = group.iter().map(|&n| s.nodes[n].id.as_str()).collect();
            crate::engine::order::sort_small(&mut names);
            r.error(
                Some(names[0]),
                None,
                "choices",
                message(Note::VLoopNoExit, &[("nodes", names.join(", "))]),
            );
        }
    }
}

/// Tarjan's algorithm, iterative (a 2,000-node chain must not overflow the stack).
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = edges.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut groups = Vec::new();
    let mut next = 0;
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(&mut (v, ref mut i)) = work.last_mut() {
            if *i == 0 && index[v] == usize::MAX {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = edges[v].get(*i) {
                *i += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut group = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    group.push(w);
                    if w == v {
                        break;
                    }
                }
                groups.push(group);
            }
        }
    }
    groups
}

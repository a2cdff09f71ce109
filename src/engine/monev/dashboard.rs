//! The dashboard of a workshop: participation, leaderboards per agent and per Wadah,
//! competency averages, pre-test against post-test, and the parts computed elsewhere
//! (obstacles, item analysis), under a filter.

use std::collections::BTreeMap;

use super::items::item_analysis;
use super::obstacles::obstacles;
use super::{mean, AgentRow, Dashboard, Filter, Participation, PrePost, WadahRow};
use crate::engine::order::sort_small_by_key;
use crate::engine::scenario::Scenario;
use crate::engine::workshop::{Phase, Verified, Workshop};

/// An agent is a name (spacing and case ignored) within a Wadah.
fn agent_key(v: &Verified) -> (String, String) {
    let name = v
        .record
        .agent
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    (v.record.wadah.clone(), name)
}

/// Keeps one result per attempt id (the same code imported twice counts once).
pub fn merge_duplicates(results: Vec<Verified>) -> Vec<Verified> {
    let mut seen = std::collections::BTreeSet::new();
    results
        .into_iter()
        .filter(|v| seen.insert(v.record.attempt))
        .collect()
}

/// The dashboard of `results` (already verified and de-duplicated) under `filter`.
pub fn dashboard(
    results: &[Verified],
    workshop: &Workshop,
    scenarios: &[Scenario],
    filter: &Filter,
) -> Dashboard {
    let kept: Vec<&Verified> = results.iter().filter(|v| filter.keeps(v)).collect();

    let mut by_agent: BTreeMap<(String, String), Vec<&Verified>> = BTreeMap::new();
    for v in &kept {
        by_agent.entry(agent_key(v)).or_default().push(v);
    }
    let mut participation = Participation::default();
    let mut agents = Vec::new();
    for list in by_agent.values() {
        let took = |p: Phase| list.iter().any(|v| v.record.phase == p);
        participation.agents += 1;
        participation.pre += u32::from(took(Phase::PreTest));
        participation.post += u32::from(took(Phase::PostTest));
        participation.both += u32::from(took(Phase::PreTest) && took(Phase::PostTest));
        let posts: Vec<_> = list
            .iter()
            .filter(|v| v.record.phase == Phase::PostTest)
            .collect();
        agents.push(AgentRow {
            // The name as first typed.
            agent: list[0].record.agent.trim().to_owned(),
            wadah: list[0].record.wadah.clone(),
            scores: PrePost::of(list.iter().copied()),
            attempts: list.len() as u32,
            // Every post-test of the workshop taken, and all passed.
            passed_post: !posts.is_empty()
                && posts.iter().all(|v| v.card.passed)
                && workshop
                    .post_test
                    .iter()
                    .all(|t| posts.iter().any(|v| v.record.scenario == t.id)),
            best: list.iter().map(|v| v.card.total).max().unwrap_or(0),
        });
    }
    sort_small_by_key(&mut agents, |a| {
        (
            std::cmp::Reverse(a.scores.post),
            std::cmp::Reverse(a.scores.pre),
            a.agent.to_lowercase(),
        )
    });

    let mut wadah_names: Vec<&str> = kept.iter().map(|v| v.record.wadah.as_str()).collect();
    wadah_names.dedup();
    sort_small_by_key(&mut wadah_names, |w| *w);
    wadah_names.dedup();
    let mut wadah: Vec<WadahRow> = wadah_names
        .iter()
        .map(|name| {
            let rows: Vec<&AgentRow> = agents.iter().filter(|a| a.wadah == *name).collect();
            let took_post = rows.iter().filter(|a| a.scores.post.is_some()).count() as u32;
            let passed = rows.iter().filter(|a| a.passed_post).count() as u32;
            WadahRow {
                wadah: (*name).to_owned(),
                agents: rows.len() as u32,
                scores: PrePost::of(kept.iter().copied().filter(|v| v.record.wadah == *name)),
                passed_post: (passed, took_post),
            }
        })
        .collect();
    sort_small_by_key(&mut wadah, |w| {
        (
            std::cmp::Reverse(w.scores.post),
            std::cmp::Reverse(w.scores.pre),
        )
    });

    let mut competencies = BTreeMap::new();
    let mut distribution = BTreeMap::new();
    for phase in [Phase::PreTest, Phase::PostTest] {
        let of_phase: Vec<&&Verified> = kept.iter().filter(|v| v.record.phase == phase).collect();
        let mut means = [None; 6];
        for (i, slot) in means.iter_mut().enumerate() {
            *slot = mean(of_phase.iter().map(|v| v.card.competencies[i]));
        }
        competencies.insert(phase, means);
        let mut bands = [0u32; 10];
        for v in &of_phase {
            bands[(v.card.total.min(100) / 10).min(9) as usize] += 1;
        }
        distribution.insert(phase, bands);
    }

    let (objections, moments) = obstacles(&kept, scenarios);
    let items = item_analysis(&kept, scenarios);
    Dashboard {
        participation,
        agents,
        wadah,
        overall: PrePost::of(kept.iter().copied()),
        competencies,
        objections,
        moments,
        distribution,
        items,
    }
}

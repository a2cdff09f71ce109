//! The branch's monev across workshops, read back from a learning record store: the
//! `completed` statements Latih sent ([`super::xapi`]) carry each result's code and its
//! workshop's code, so every result is replayed here exactly as the trainer who imported it
//! replayed it, and a statement whose score disagrees with its own code is refused.
//!
//! Reading is incremental so a page can do it in slices: [`Branch::add_page`] takes one page of
//! the LRS's answer as text, [`Branch::verify_some`] replays a few results, [`Branch::view`]
//! sums up what has been verified.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;

use super::{mean, PrePost};
use crate::engine::scenario::{Competency, Scenario};
use crate::engine::workshop::{
    verify_stored, AttemptId, CodeError, Phase, Rejection, ResultRecord, Verified, Workshop,
};
use crate::engine::Date;

/// One page of `GET statements`: each statement is only delimited here, and read later in
/// slices ([`Branch::digest_some`]), so a page of a thousand is never one long task.
#[derive(Deserialize)]
struct PageJson {
    statements: Vec<Box<serde_json::value::RawValue>>,
    #[serde(default)]
    more: Option<String>,
}

#[derive(Deserialize)]
struct StatementJson {
    verb: VerbJson,
    #[serde(default)]
    result: Option<ResultJson>,
}

#[derive(Deserialize)]
struct VerbJson {
    id: String,
}

#[derive(Deserialize)]
struct ResultJson {
    #[serde(default)]
    score: Option<ScoreJson>,
    #[serde(default)]
    extensions: Option<ExtensionsJson>,
}

#[derive(Deserialize)]
struct ScoreJson {
    #[serde(default)]
    raw: Option<f64>,
}

// The names are `XAPI_BASE` + "/ext/...": serde needs them written out (a test checks them).
#[derive(Deserialize)]
struct ExtensionsJson {
    #[serde(default, rename = "https://latih.invalid/xapi/ext/result-code")]
    result_code: Option<String>,
    #[serde(default, rename = "https://latih.invalid/xapi/ext/workshop-code")]
    workshop_code: Option<String>,
}

/// What one page of statements held.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// Statements on the page.
    pub statements: usize,
    /// The address of the next page (relative to the LRS), if any.
    pub more: Option<String>,
}

/// A page the LRS sent that is not a page of statements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotStatements;

/// A `completed` statement of Latih's, before it is replayed.
#[derive(Clone, Debug, PartialEq)]
struct Reported {
    result_code: String,
    workshop_code: String,
    score: Option<f64>,
}

/// Why a statement read back is not counted.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// Its workshop code does not read.
    Workshop(CodeError),
    /// Its result code does not read.
    Code(CodeError),
    /// The replay refused it (see [`Rejection`]).
    Rejected(Rejection),
    /// The statement's score is not the score its own code replays to.
    ScoreDiffers {
        /// The statement's `result.score.raw`.
        claimed: f64,
        /// The replayed score.
        replayed: u32,
    },
    /// The same attempt was sent under another agent's name.
    Copied {
        /// The name it was first counted under.
        of: String,
    },
}

/// Statements read back, and what replaying them found.
#[derive(Default)]
pub struct Branch {
    /// Statements read, of any kind.
    pub statements: usize,
    raw: std::collections::VecDeque<Box<serde_json::value::RawValue>>,
    pending: Vec<Reported>,
    /// Code and score of every statement queued for replay (the same sent twice is read once).
    seen: HashSet<(String, Option<u64>)>,
    /// Codes counted: a later statement of the same result is the same result.
    counted: HashSet<String>,
    attempts: HashMap<AttemptId, (String, String)>,
    workshops: BTreeMap<String, (Workshop, Vec<Verified>)>,
    workshop_codes: HashMap<String, Result<Workshop, CodeError>>,
    /// Results not counted, each with the reason.
    pub refused: Vec<(String, Refusal)>,
}

impl Branch {
    /// Takes one page of the LRS's answer to `GET statements`; its statements are read by
    /// [`Branch::digest_some`].
    pub fn add_page(&mut self, text: &str) -> Result<Page, NotStatements> {
        let page: PageJson = serde_json::from_str(text).map_err(|_| NotStatements)?;
        let n = page.statements.len();
        self.statements += n;
        self.raw.extend(page.statements);
        Ok(Page {
            statements: n,
            more: page.more.filter(|m| !m.is_empty()),
        })
    }

    /// Statements taken but not read yet.
    pub fn undigested(&self) -> usize {
        self.raw.len()
    }

    /// Reads up to `n` of the statements taken: Latih's `completed` statements are kept for
    /// replay, the others are read past. Returns how many remain.
    pub fn digest_some(&mut self, n: usize) -> usize {
        for _ in 0..n.min(self.raw.len()) {
            let Some(raw) = self.raw.pop_front() else {
                break;
            };
            let Ok(s) = serde_json::from_str::<StatementJson>(raw.get()) else {
                continue;
            };
            if !s.verb.id.ends_with("/completed") {
                continue;
            }
            let Some(result) = s.result else { continue };
            let Some(ext) = result.extensions else {
                continue;
            };
            let (Some(result_code), Some(workshop_code)) = (ext.result_code, ext.workshop_code)
            else {
                continue;
            };
            // The same result sent twice (or by two trainers) is replayed once. Another
            // statement with the same code but another score is replayed too: it must not hide
            // the honest one whichever comes first.
            let score = result.score.and_then(|s| s.raw);
            if self
                .seen
                .insert((result_code.clone(), score.map(f64::to_bits)))
            {
                self.pending.push(Reported {
                    result_code,
                    workshop_code,
                    score,
                });
            }
        }
        self.raw.len()
    }

    /// Results read but not replayed yet.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// Results counted.
    pub fn verified(&self) -> usize {
        self.workshops.values().map(|(_, r)| r.len()).sum()
    }

    /// Replays up to `n` of the pending results against `scenarios`; returns how many remain.
    pub fn verify_some(&mut self, scenarios: &[Scenario], n: usize) -> usize {
        let take = n.min(self.pending.len());
        let batch: Vec<Reported> = self.pending.drain(..take).collect();
        for r in batch {
            let code = r.result_code.clone();
            if let Err(why) = self.verify_one(r, scenarios) {
                self.refused.push((code, why));
            }
        }
        self.pending.len()
    }

    fn verify_one(&mut self, r: Reported, scenarios: &[Scenario]) -> Result<(), Refusal> {
        if self.counted.contains(&r.result_code) && r.score.is_none() {
            return Ok(());
        }
        let workshop = self
            .workshop_codes
            .entry(r.workshop_code.clone())
            .or_insert_with(|| Workshop::from_code(&r.workshop_code))
            .clone()
            .map_err(Refusal::Workshop)?;
        let record = ResultRecord::from_code(&r.result_code).map_err(Refusal::Code)?;
        let v = verify_stored(&record, &workshop, scenarios).map_err(Refusal::Rejected)?;
        if let Some(claimed) = r.score {
            if claimed != f64::from(v.card.total) {
                return Err(Refusal::ScoreDiffers {
                    claimed,
                    replayed: v.card.total,
                });
            }
        }
        if !self.counted.insert(r.result_code) {
            return Ok(());
        }
        let who = (v.record.agent.clone(), v.record.wadah.clone());
        match self.attempts.get(&v.record.attempt) {
            Some(first) if *first == who => return Ok(()),
            Some((agent, _)) => return Err(Refusal::Copied { of: agent.clone() }),
            None => {
                self.attempts.insert(v.record.attempt, who);
            }
        }
        self.workshops
            .entry(workshop.id.clone())
            .or_insert_with(|| (workshop, Vec::new()))
            .1
            .push(v);
        Ok(())
    }

    /// The monev across every workshop verified so far.
    pub fn view(&self) -> BranchView {
        view(self.workshops.values())
    }
}

/// One workshop's line in the branch view.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkshopLine {
    /// The workshop's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its date.
    pub date: Date,
    /// Where it was held.
    pub place: String,
    /// Agents with a verified result.
    pub agents: u32,
    /// Pre/post means over its results.
    pub scores: PrePost,
}

/// An agent or a Wadah over time: one cell per workshop of the view (`None`: not there).
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The agent's name as first written, or the Wadah's name.
    pub name: String,
    /// The Wadah (for an agent; the name again for a Wadah).
    pub wadah: String,
    /// Pre/post in each workshop, in the order of [`BranchView::workshops`].
    pub cells: Vec<Option<PrePost>>,
}

impl Series {
    /// The first pre-test and the last post-test mean over time, when both exist: the change
    /// over every workshop the series took part in.
    pub fn first_to_last(&self) -> Option<(u32, u32)> {
        let first = self.cells.iter().flatten().find_map(|c| c.pre)?;
        let last = self.cells.iter().flatten().rev().find_map(|c| c.post)?;
        Some((first, last))
    }
}

/// One competency's means before and after training, over every workshop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompetencyChange {
    /// The competency.
    pub competency: Competency,
    /// Mean pre-test score.
    pub pre: Option<u32>,
    /// Mean post-test score.
    pub post: Option<u32>,
}

impl CompetencyChange {
    /// Post minus pre, when both exist.
    pub fn change(&self) -> Option<i32> {
        Some(self.post? as i32 - self.pre? as i32)
    }
}

/// The monev across workshops.
#[derive(Clone, Debug, PartialEq)]
pub struct BranchView {
    /// Workshops, oldest first.
    pub workshops: Vec<WorkshopLine>,
    /// Wadah over time, by name.
    pub wadah: Vec<Series>,
    /// Agents over time, by Wadah then name.
    pub agents: Vec<Series>,
    /// Each competency's pre and post means, in [`Competency::ALL`] order.
    pub competencies: Vec<CompetencyChange>,
    /// Results counted.
    pub results: usize,
}

/// An agent is a name (spacing and case ignored) within a Wadah, as on a workshop's dashboard.
fn agent_key(v: &Verified) -> (String, String) {
    let name = v.record.agent.split_whitespace().collect::<Vec<_>>();
    (v.record.wadah.clone(), name.join(" ").to_lowercase())
}

fn view<'a>(workshops: impl Iterator<Item = &'a (Workshop, Vec<Verified>)>) -> BranchView {
    let mut list: Vec<&(Workshop, Vec<Verified>)> = workshops.collect();
    list.sort_by(|(a, _), (b, _)| (a.date, &a.name, &a.id).cmp(&(b.date, &b.name, &b.id)));
    let columns = list.len();
    let mut lines = Vec::with_capacity(columns);
    let mut wadah: BTreeMap<String, Series> = BTreeMap::new();
    let mut agents: BTreeMap<(String, String), Series> = BTreeMap::new();
    let mut results = 0;
    for (column, (workshop, verified)) in list.iter().enumerate() {
        results += verified.len();
        let mut by_agent: BTreeMap<(String, String), Vec<&Verified>> = BTreeMap::new();
        let mut by_wadah: BTreeMap<&str, Vec<&Verified>> = BTreeMap::new();
        for v in verified {
            by_agent.entry(agent_key(v)).or_default().push(v);
            by_wadah.entry(v.record.wadah.as_str()).or_default().push(v);
        }
        lines.push(WorkshopLine {
            id: workshop.id.clone(),
            name: workshop.name.clone(),
            date: workshop.date,
            place: workshop.place.clone(),
            agents: by_agent.len() as u32,
            scores: PrePost::of(verified.iter()),
        });
        for (key, list) in by_agent {
            let series = agents.entry(key).or_insert_with(|| Series {
                name: list[0].record.agent.clone(),
                wadah: list[0].record.wadah.clone(),
                cells: vec![None; columns],
            });
            series.cells[column] = Some(PrePost::of(list.iter().copied()));
        }
        for (name, list) in by_wadah {
            let series = wadah.entry(name.to_owned()).or_insert_with(|| Series {
                name: name.to_owned(),
                wadah: name.to_owned(),
                cells: vec![None; columns],
            });
            series.cells[column] = Some(PrePost::of(list.iter().copied()));
        }
    }
    let all = || list.iter().flat_map(|(_, r)| r.iter());
    let competencies = Competency::ALL
        .iter()
        .map(|&c| {
            let of = |p: Phase| {
                mean(
                    all()
                        .filter(|v| v.record.phase == p)
                        .map(|v| v.card.competency(c)),
                )
            };
            CompetencyChange {
                competency: c,
                pre: of(Phase::PreTest),
                post: of(Phase::PostTest),
            }
        })
        .collect();
    BranchView {
        workshops: lines,
        wadah: wadah.into_values().collect(),
        agents: agents.into_values().collect(),
        competencies,
        results,
    }
}

//! Monitoring and evaluation (monev) of a workshop from its verified results: participation,
//! leaderboards per agent and per Wadah, competency averages, the objections and moments
//! agents handled badly, pre-test against post-test, and score distributions; plus the CSV and
//! xAPI exports. Every number here comes from replayed runs ([`Verified`]), never from what a
//! code merely claims.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::order::sort_small_by_key;
use super::scenario::{format_name, Competency, MoveKind, Objection, Scenario};
use super::scoring::{move_value, turn_gap};
use super::workshop::{Phase, Verified, Workshop};

/// Which results a view counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this Wadah.
    pub wadah: Option<String>,
    /// Only this scenario.
    pub scenario: Option<String>,
}

impl Filter {
    fn keeps(&self, v: &Verified) -> bool {
        self.wadah.as_ref().is_none_or(|w| *w == v.record.wadah)
            && self
                .scenario
                .as_ref()
                .is_none_or(|s| *s == v.record.scenario)
    }
}

/// The mean of `values`, rounded half up to a whole point; `None` for no values.
pub fn mean(values: impl IntoIterator<Item = u32>) -> Option<u32> {
    let (sum, n) = values
        .into_iter()
        .fold((0u64, 0u64), |(s, n), v| (s + u64::from(v), n + 1));
    (n > 0).then(|| ((sum * 2 + n) / (2 * n)) as u32)
}

/// Pre-test and post-test means of a group, and the change between them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PrePost {
    /// Mean pre-test score.
    pub pre: Option<u32>,
    /// Mean post-test score.
    pub post: Option<u32>,
    /// Post mean minus pre mean, from the exact means (so it is not off by one from rounding
    /// each mean first), rounded half away from zero.
    change: Option<i32>,
}

impl PrePost {
    fn of<'a>(results: impl IntoIterator<Item = &'a Verified> + Clone) -> PrePost {
        let phase = |p: Phase| {
            mean(
                results
                    .clone()
                    .into_iter()
                    .filter(move |v| v.record.phase == p)
                    .map(|v| v.card.total),
            )
        };
        let sum = |p: Phase| {
            results
                .clone()
                .into_iter()
                .filter(|v| v.record.phase == p)
                .fold((0i64, 0i64), |(s, n), v| {
                    (s + i64::from(v.card.total), n + 1)
                })
        };
        let ((pre_sum, pre_n), (post_sum, post_n)) = (sum(Phase::PreTest), sum(Phase::PostTest));
        let change = (pre_n > 0 && post_n > 0).then(|| {
            // post_sum/post_n - pre_sum/pre_n over one denominator, rounded half away from 0.
            let num = post_sum * pre_n - pre_sum * post_n;
            let den = pre_n * post_n;
            ((2 * num + num.signum() * den) / (2 * den)) as i32
        });
        PrePost {
            pre: phase(Phase::PreTest),
            post: phase(Phase::PostTest),
            change,
        }
    }

    /// Post minus pre, when both exist.
    pub fn change(&self) -> Option<i32> {
        self.change
    }
}

/// One agent's line on the leaderboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgentRow {
    /// Name as typed.
    pub agent: String,
    /// Wadah.
    pub wadah: String,
    /// Pre/post means.
    pub scores: PrePost,
    /// Assessments verified.
    pub attempts: u32,
    /// Took every post-test of the workshop and passed them all.
    pub passed_post: bool,
    /// Best score in any assessment.
    pub best: u32,
}

/// One Wadah's line on the leaderboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WadahRow {
    /// Name.
    pub wadah: String,
    /// Agents with at least one verified result.
    pub agents: u32,
    /// Pre/post means over every result of its agents.
    pub scores: PrePost,
    /// Agents who passed the post-test, out of those who took it.
    pub passed_post: (u32, u32),
}

/// How agents handled one objection when a worker raised it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ObjectionRow {
    /// The objection.
    pub objection: Objection,
    /// Times it was met with the best move on offer.
    pub well: u32,
    /// Times it was met with a worse move or a violation.
    pub badly: u32,
}

/// A point in a scenario where agents often went wrong (a field obstacle).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MomentRow {
    /// Scenario id.
    pub scenario: String,
    /// Node index.
    pub node: u32,
    /// Times agents reached it.
    pub reached: u32,
    /// Times they chose worse than the best move, or broke a rule.
    pub badly: u32,
    /// The better move (choice index) agents most often missed there.
    pub better: Option<u32>,
}

/// Who took part and how far they got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Participation {
    /// Agents with at least one verified result.
    pub agents: u32,
    /// Agents with a verified pre-test.
    pub pre: u32,
    /// Agents with a verified post-test.
    pub post: u32,
    /// Agents with both.
    pub both: u32,
}

/// Everything the monev dashboard shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard {
    /// Participation and completion.
    pub participation: Participation,
    /// Agents, best post-test first (then best pre-test).
    pub agents: Vec<AgentRow>,
    /// Wadah, best post-test first.
    pub wadah: Vec<WadahRow>,
    /// Pre/post over everyone counted.
    pub overall: PrePost,
    /// Mean competency scores (in [`Competency::ALL`] order) per phase.
    pub competencies: BTreeMap<Phase, [Option<u32>; 6]>,
    /// Objections, the worst handled first.
    pub objections: Vec<ObjectionRow>,
    /// The moments most often handled badly (at most 5), worst first.
    pub moments: Vec<MomentRow>,
    /// Scores in ten bands (0-9, 10-19, ..., 90-100) per phase.
    pub distribution: BTreeMap<Phase, [u32; 10]>,
    /// Item analysis: for each node of each test scenario, how the choices were taken and
    /// whether the node separates strong agents from weak ones.
    pub items: Vec<ItemRow>,
}

/// How often one choice was taken at a node, and by whom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChoiceStat {
    /// Choice index in the node.
    pub choice: u32,
    /// Times it was taken (first visits only).
    pub taken: u32,
    /// Mean total score of the attempts that took it.
    pub mean_total: Option<u32>,
    /// Whether it is the best move on offer there.
    pub best: bool,
}

/// Something a trainer should look at in a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ItemFlag {
    /// Everybody chose the best move: the node does not tell agents apart.
    NobodyErs,
    /// Nobody chose the best move: check the node, or what the training teaches.
    EverybodyErs,
    /// The weaker agents chose the best move more often than the stronger ones: look for a
    /// cue or a best move that is not clearly best.
    Reversed,
}

/// Item analysis of one node of a test scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemRow {
    /// Scenario id.
    pub scenario: String,
    /// Node index.
    pub node: u32,
    /// Attempts that reached the node.
    pub reached: u32,
    /// Percent of them that chose the best move on offer (its difficulty, p).
    pub best_percent: u32,
    /// Discrimination index D in hundredths (-100..100): the share choosing the best move in
    /// the top 27% of attempts by total, minus that share in the bottom 27%. None below 4
    /// attempts.
    pub discrimination: Option<i32>,
    /// Each choice that was taken or is the best, in the node's order.
    pub choices: Vec<ChoiceStat>,
    /// What to look at.
    pub flags: Vec<ItemFlag>,
}

/// The fewest attempts at a node for which the discrimination index is reported.
pub const ITEM_MIN_ATTEMPTS: usize = 4;

/// The item analysis of `results` (verified): one row per node reached in a test, in scenario
/// and node order. At each node only an attempt's first visit counts. The best move is the one
/// with the highest value on offer on that attempt's terms (as the debrief says).
pub fn item_analysis(results: &[&Verified], scenarios: &[Scenario]) -> Vec<ItemRow> {
    // (scenario, node) -> the attempts there: (total, choice, chose the best move).
    type Visit = (u32, u32, bool);
    let mut visits: BTreeMap<(String, u32), Vec<Visit>> = BTreeMap::new();
    let mut best_moves: BTreeMap<(String, u32), std::collections::BTreeSet<u32>> = BTreeMap::new();
    for v in results {
        let Some(scenario) = scenarios.iter().find(|s| s.id == v.record.scenario) else {
            continue;
        };
        let mut seen = std::collections::BTreeSet::new();
        for turn in &v.turns {
            if !seen.insert(turn.node) {
                continue;
            }
            let (gap, better) = turn_gap(scenario, turn, v.terms);
            let chose_best = gap >= 0 && better.is_none() && !turn.repeated;
            let key = (scenario.id.clone(), turn.node);
            if chose_best {
                best_moves
                    .entry(key.clone())
                    .or_default()
                    .insert(turn.choice);
            } else if let Some(b) = better {
                best_moves.entry(key.clone()).or_default().insert(b);
            }
            visits
                .entry(key)
                .or_default()
                .push((v.card.total, turn.choice, chose_best));
        }
    }
    let mut rows = Vec::new();
    for ((scenario, node), mut list) in visits {
        let reached = list.len();
        let best_count = list.iter().filter(|(_, _, b)| *b).count();
        sort_small_by_key(&mut list, |(total, _, _)| std::cmp::Reverse(*total));
        let discrimination = (reached >= ITEM_MIN_ATTEMPTS).then(|| {
            // 27% of the attempts at each end, at least one.
            let group = (reached * 27).div_ceil(100).max(1);
            let share = |g: &[(u32, u32, bool)]| {
                g.iter().filter(|(_, _, b)| *b).count() as i32 * 100 / g.len() as i32
            };
            share(&list[..group]) - share(&list[reached - group..])
        });
        let best = best_moves
            .get(&(scenario.clone(), node))
            .cloned()
            .unwrap_or_default();
        let mut choices: Vec<ChoiceStat> = Vec::new();
        let mut indices: Vec<u32> = list
            .iter()
            .map(|(_, c, _)| *c)
            .chain(best.iter().copied())
            .collect();
        sort_small_by_key(&mut indices, |c| *c);
        indices.dedup();
        for c in indices {
            let took: Vec<u32> = list
                .iter()
                .filter(|(_, x, _)| *x == c)
                .map(|(t, _, _)| *t)
                .collect();
            choices.push(ChoiceStat {
                choice: c,
                taken: took.len() as u32,
                mean_total: mean(took.iter().copied()),
                best: best.contains(&c),
            });
        }
        let mut flags = Vec::new();
        if reached >= 2 && best_count == reached {
            flags.push(ItemFlag::NobodyErs);
        }
        if reached >= 2 && best_count == 0 {
            flags.push(ItemFlag::EverybodyErs);
        }
        if discrimination.is_some_and(|d| d < 0) {
            flags.push(ItemFlag::Reversed);
        }
        rows.push(ItemRow {
            scenario,
            node,
            reached: reached as u32,
            best_percent: (best_count * 100 / reached.max(1)) as u32,
            discrimination,
            choices,
            flags,
        });
    }
    rows
}

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

/// What happened at one node across all runs.
#[derive(Default)]
struct Tally {
    reached: u32,
    badly: u32,
    /// How often each better move was missed.
    missed: BTreeMap<u32, u32>,
}

/// The objections and moments agents handled badly.
fn obstacles(kept: &[&Verified], scenarios: &[Scenario]) -> (Vec<ObjectionRow>, Vec<MomentRow>) {
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
            raised.sort_unstable();
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

/// The CSV columns, in order (documented in docs/monev.md).
pub const CSV_COLUMNS: &[&str] = &[
    "attempt_id",
    "workshop_id",
    "workshop_name",
    "workshop_date",
    "agent",
    "wadah",
    "phase",
    "scenario",
    "scenario_version",
    "seed",
    "started_utc",
    "duration_s",
    "score",
    "passed",
    "outcome",
    "package",
    "suitable",
    "rapport",
    "discovery",
    "accuracy",
    "objections",
    "closing",
    "ethics",
    "violations",
    "choices",
];

fn phase_name(p: Phase) -> &'static str {
    match p {
        Phase::PreTest => "pre_test",
        Phase::PostTest => "post_test",
    }
}

/// A field quoted when it holds a comma, quote or line break (RFC 4180), and defused when it
/// starts like a spreadsheet formula.
fn csv_field(text: &str) -> String {
    // A spreadsheet reads a cell starting with = + - @ (or a tab or carriage return, or any of
    // them after spaces) as a formula: such a cell starts with an apostrophe instead.
    let risky = text
        .trim_start_matches(' ')
        .starts_with(['=', '+', '-', '@', '\t', '\r']);
    let text = if risky {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Seconds since the epoch as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn utc(seconds: u64) -> String {
    let days = seconds / 86_400;
    let rem = seconds % 86_400;
    // Civil-from-days (Howard Hinnant's algorithm), valid for any date after 1970.
    let z = days as i64 + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// One row per verified attempt, with a header row.
pub fn csv(workshop: &Workshop, results: &[Verified]) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    for v in results {
        let r = &v.record;
        let c = &v.card;
        let mut row: Vec<String> = vec![
            r.attempt.uuid(),
            workshop.id.clone(),
            workshop.name.clone(),
            workshop.date.to_string(),
            r.agent.clone(),
            r.wadah.clone(),
            phase_name(r.phase).into(),
            r.scenario.clone(),
            r.version.to_string(),
            r.seed.to_string(),
            utc(r.started_s),
            r.duration_s.to_string(),
            c.total.to_string(),
            c.passed.to_string(),
            format_name(&c.outcome),
            c.package.map(|p| format_name(&p)).unwrap_or_default(),
            c.suitable.map(|s| s.to_string()).unwrap_or_default(),
        ];
        row.extend(c.competencies.iter().map(u32::to_string));
        row.push(
            c.violations
                .iter()
                .map(format_name)
                .collect::<Vec<_>>()
                .join(";"),
        );
        row.push(v.save.choices.join(";"));
        let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The base of the app's own xAPI identifiers (activities and extensions). `.invalid` is a
/// reserved domain: there is no Latih server, and these IRIs only need to be stable and ours.
pub const XAPI_BASE: &str = "https://latih.invalid/xapi";

/// The namespace of Latih's statement ids (a fixed random UUID).
const STATEMENT_NAMESPACE: [u8; 16] = [
    0x3c, 0x1f, 0x6e, 0x52, 0x8a, 0x04, 0x4b, 0x9d, 0xa1, 0x77, 0x2e, 0x90, 0x5d, 0xc3, 0x18, 0xf6,
];

/// A stable UUID (version 5) for the `index`-th statement of an attempt, so exporting twice
/// gives the same statement ids (a learning record store then ignores the repeat).
fn statement_id(v: &Verified, index: u32) -> String {
    let name = format!("{}/{index}", v.record.attempt.uuid());
    super::workshop::AttemptId(super::code::uuid_v5(&STATEMENT_NAMESPACE, name.as_bytes())).uuid()
}

/// xAPI statements for `results`: an `answered` statement per choice, then `completed` and
/// `passed` or `failed` with the duration, the score and the six competencies.
pub fn xapi(workshop: &Workshop, results: &[Verified], scenarios: &[Scenario]) -> Value {
    let verb = |name: &str| {
        json!({
            "id": format!("http://adlnet.gov/expapi/verbs/{name}"),
            "display": { "en-US": name },
        })
    };
    let mut statements = Vec::new();
    for v in results {
        let r = &v.record;
        let Some(scenario) = scenarios.iter().find(|s| s.id == r.scenario) else {
            continue;
        };
        let actor = json!({
            "objectType": "Agent",
            "name": r.agent,
            "account": {
                "homePage": format!("{XAPI_BASE}/workshop/{}/wadah/{}", workshop.id, super::code::percent_encode(&r.wadah)),
                "name": r.agent.trim().to_lowercase(),
            },
        });
        let activity_id = format!("{XAPI_BASE}/scenario/{}/v{}", r.scenario, r.version);
        let context = json!({
            "registration": r.attempt.uuid(),
            "contextActivities": { "grouping": [{ "id": format!("{XAPI_BASE}/workshop/{}", workshop.id) }] },
            "extensions": {
                format!("{XAPI_BASE}/ext/wadah"): r.wadah,
                format!("{XAPI_BASE}/ext/phase"): phase_name(r.phase),
                format!("{XAPI_BASE}/ext/seed"): r.seed.to_string(),
                format!("{XAPI_BASE}/ext/date"): r.date.to_string(),
                format!("{XAPI_BASE}/ext/rates"): r.rates,
            },
        });
        let started = utc(r.started_s);
        let mut index = 0;
        for (turn, choice_id) in v.turns.iter().zip(&v.save.choices) {
            let node = &scenario.nodes[turn.node as usize];
            let (gap, _) = turn_gap(scenario, turn, v.terms);
            statements.push(json!({
                "id": statement_id(v, index),
                "actor": actor,
                "verb": verb("answered"),
                "object": {
                    "objectType": "Activity",
                    "id": format!("{activity_id}/node/{}", node.id),
                    "definition": {
                        "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                        "interactionType": "choice",
                        "choices": node.choices.iter().map(|c| json!({
                            "id": c.id,
                            "description": { "id-ID": c.text.id, "en-US": c.text.en },
                        })).collect::<Vec<_>>(),
                    },
                },
                "result": {
                    "response": choice_id,
                    "success": gap >= 0 && turn.violation.is_none(),
                    "extensions": { format!("{XAPI_BASE}/ext/points"): turn.points },
                },
                "context": context,
                "timestamp": started,
            }));
            index += 1;
        }
        let competencies: serde_json::Map<String, Value> = Competency::ALL
            .iter()
            .map(|c| {
                (
                    format!("{XAPI_BASE}/ext/competency/{}", format_name(c)),
                    json!(v.card.competency(*c)),
                )
            })
            .collect();
        let result = json!({
            "completion": true,
            "success": v.card.passed,
            "duration": format!("PT{}S", r.duration_s),
            "score": {
                "raw": v.card.total, "min": 0, "max": 100,
                "scaled": f64::from(v.card.total) / 100.0,
            },
            "extensions": competencies,
        });
        let object = json!({
            "objectType": "Activity",
            "id": activity_id,
            "definition": {
                "type": "http://adlnet.gov/expapi/activities/simulation",
                "name": { "id-ID": scenario.meta.title.id, "en-US": scenario.meta.title.en },
            },
        });
        let finished = utc(r.started_s.saturating_add(u64::from(r.duration_s)));
        for name in ["completed", if v.card.passed { "passed" } else { "failed" }] {
            statements.push(json!({
                "id": statement_id(v, index),
                "actor": actor,
                "verb": verb(name),
                "object": object,
                "result": result,
                "context": context,
                "timestamp": finished,
            }));
            index += 1;
        }
    }
    Value::Array(statements)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::balance::{scripted_session, Policy};
    use crate::engine::pack;
    use crate::engine::terms::Date;
    use crate::engine::workshop::{verify, AttemptId, ResultRecord, ScenarioRef, Taker};

    /// The day the tests play on: a workshop in December 2026.
    fn day() -> crate::engine::sim::Terms {
        crate::engine::sim::Terms::on(crate::engine::terms::Date {
            year: 2026,
            month: 12,
            day: 3,
        })
    }

    struct Fixture {
        scenarios: Vec<Scenario>,
        workshop: Workshop,
    }

    fn fixture() -> Fixture {
        let scenarios = pack::load().unwrap();
        let workshop = Workshop {
            id: Workshop::new_id(42),
            name: "Upgrading Skill, Lombok \"Timur\"".into(),
            date: Date::new(2026, 12, 3).unwrap(),
            place: "Selong".into(),
            wadah: vec!["Koperasi A".into(), "Koperasi B".into()],
            pre_test: vec![ScenarioRef::of(&scenarios[0])],
            post_test: vec![ScenarioRef::of(&scenarios[0])],
            practice: vec![],
            post_after_practice: false,
        };
        Fixture {
            scenarios,
            workshop,
        }
    }

    fn result(
        f: &Fixture,
        agent: &str,
        wadah: &str,
        phase: Phase,
        policy: Policy,
        id: u64,
    ) -> Verified {
        let seed =
            crate::engine::workshop::test_seed(&f.workshop.id, AttemptId::from_random(id, id));
        let session = scripted_session(&f.scenarios[0], policy, seed, day()).unwrap();
        let taker = Taker {
            workshop: f.workshop.id.clone(),
            agent: agent.into(),
            wadah: wadah.into(),
            phase,
        };
        let record = ResultRecord::of(
            &session,
            taker,
            AttemptId::from_random(id, id),
            1_796_300_000,
            420,
        )
        .unwrap();
        verify(&record, &f.workshop, &f.scenarios).unwrap()
    }

    #[test]
    fn the_change_is_taken_from_the_exact_means() {
        let f = fixture();
        let mut a = result(
            &f,
            "A",
            "Koperasi A",
            Phase::PreTest,
            Policy::BestPractice,
            1,
        );
        let mut b = result(
            &f,
            "B",
            "Koperasi A",
            Phase::PreTest,
            Policy::BestPractice,
            2,
        );
        let mut c = result(
            &f,
            "C",
            "Koperasi A",
            Phase::PostTest,
            Policy::BestPractice,
            3,
        );
        // Pre 10 and 11 (mean 10.5 shows as 11), post 12: the change is 1.5, shown as +2,
        // not 12 - 11 = +1.
        a.card.total = 10;
        b.card.total = 11;
        c.card.total = 12;
        let p = PrePost::of([&a, &b, &c]);
        assert_eq!((p.pre, p.post, p.change()), (Some(11), Some(12), Some(2)));
        c.card.total = 9;
        assert_eq!(
            PrePost::of([&a, &b, &c]).change(),
            Some(-2),
            "-1.5 rounds away from zero"
        );
    }

    #[test]
    fn means_round_half_up() {
        assert_eq!(mean([]), None);
        assert_eq!(mean([1, 2]), Some(2));
        assert_eq!(mean([1, 1, 2]), Some(1));
        assert_eq!(mean([100]), Some(100));
    }

    #[test]
    fn the_dashboard_counts_what_the_replays_earned() {
        let f = fixture();
        let rina_pre = result(&f, "Rina", "Koperasi A", Phase::PreTest, Policy::Pushy, 1);
        // The app writes names cleaned (no stray spaces); case still differs.
        let rina_post = result(
            &f,
            "rina",
            "Koperasi A",
            Phase::PostTest,
            Policy::BestPractice,
            2,
        );
        let budi_pre = result(&f, "Budi", "Koperasi B", Phase::PreTest, Policy::Random, 3);
        let all = merge_duplicates(vec![
            rina_pre.clone(),
            rina_post.clone(),
            budi_pre.clone(),
            rina_post.clone(),
        ]);
        assert_eq!(all.len(), 3, "the same attempt twice counts once");
        let d = dashboard(&all, &f.workshop, &f.scenarios, &Filter::default());
        assert_eq!(
            d.participation,
            Participation {
                agents: 2,
                pre: 2,
                post: 1,
                both: 1
            }
        );
        let rina = &d.agents[0];
        assert_eq!(rina.agent, "Rina", "name case merges one agent");
        assert_eq!(rina.scores.pre, Some(rina_pre.card.total));
        assert_eq!(rina.scores.post, Some(rina_post.card.total));
        assert!(rina.scores.change().unwrap() > 0);
        assert!(rina.passed_post);
        assert_eq!(d.wadah[0].wadah, "Koperasi A");
        assert_eq!(d.wadah[0].passed_post, (1, 1));
        assert_eq!(
            d.overall.pre,
            mean([rina_pre.card.total, budi_pre.card.total])
        );
        let pre_bands: u32 = d.distribution[&Phase::PreTest].iter().sum();
        assert_eq!(pre_bands, 2);
        assert_eq!(
            d.competencies[&Phase::PostTest][0],
            Some(rina_post.card.competencies[0])
        );
        assert!(
            !d.moments.is_empty(),
            "the pushy and random runs went wrong somewhere"
        );
        assert!(d.moments.iter().all(|m| m.badly <= m.reached));

        let only_b = dashboard(
            &all,
            &f.workshop,
            &f.scenarios,
            &Filter {
                wadah: Some("Koperasi B".into()),
                scenario: None,
            },
        );
        assert_eq!(only_b.participation.agents, 1);
        assert_eq!(only_b.agents[0].agent, "Budi");
        assert!(!only_b.agents[0].passed_post, "no post-test, no pass");
    }

    #[test]
    fn csv_has_a_row_per_attempt_and_escapes_text() {
        let f = fixture();
        let rows = vec![
            result(
                &f,
                "=cmd()",
                "Koperasi A",
                Phase::PreTest,
                Policy::BestPractice,
                1,
            ),
            result(
                &f,
                "Sri, \"Bu\"",
                "Koperasi B",
                Phase::PostTest,
                Policy::Pushy,
                2,
            ),
        ];
        let text = csv(&f.workshop, &rows);
        let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], CSV_COLUMNS.join(","));
        assert!(
            lines[1].contains("'=cmd()"),
            "formula defused: {}",
            lines[1]
        );
        assert!(lines[2].contains("\"Sri, \"\"Bu\"\"\""), "{}", lines[2]);
        assert!(lines[1].contains("\"Upgrading Skill, Lombok \"\"Timur\"\"\""));
        assert!(lines[1].contains(&rows[0].record.attempt.uuid()));
        assert!(lines[1].contains("2026-12-03"));
    }

    /// An attempt on the frozen fixture that opens with `first`, then plays well, and whose
    /// total is set to `total` (the item analysis reads only choices and totals).
    fn opening(s: &Scenario, first: &str, total: u32, id: u64) -> Verified {
        let mut session = crate::engine::session::Session::start(s, id, day()).unwrap();
        session.choose(first).unwrap();
        let mut agent = crate::engine::rng::WorkerRng::new(id);
        while session.end().is_none() {
            let offered = crate::engine::sim::available(s, session.state());
            let pick = Policy::BestPractice.pick(s, session.state(), &offered, "", &mut agent);
            let choice = s.nodes[session.state().node as usize].choices[pick as usize]
                .id
                .clone();
            session.choose(&choice).unwrap();
        }
        let mut card = session.score_card().unwrap();
        card.total = total;
        Verified {
            record: ResultRecord {
                attempt: AttemptId::from_random(id, id),
                workshop: "W".into(),
                agent: format!("agent {id}"),
                wadah: "A".into(),
                phase: Phase::PreTest,
                scenario: s.id.clone(),
                version: s.version,
                seed: id,
                date: day().date,
                rates: day().rates.version.clone(),
                choices: session.turns().map(|t| t.choice).collect(),
                score: total,
                started_s: 1_796_000_000,
                duration_s: 300,
            },
            save: session.save(),
            card,
            turns: session.turns().cloned().collect(),
            terms: day(),
            doubts: Vec::new(),
        }
    }

    #[test]
    fn item_analysis_matches_a_hand_computed_example() {
        let s =
            crate::engine::import::import(include_str!("../../tests/fixtures/fisher-fixture.json"))
                .unwrap()
                .scenario;
        let greeting = |rows: &[ItemRow]| {
            rows.iter()
                .find(|r| r.node == 0)
                .cloned()
                .expect("the opening node")
        };
        let index = |id: &str| s.nodes[0].choices.iter().position(|c| c.id == id).unwrap() as u32;
        // Four agents: two open with the best move and score high, one with a weaker move,
        // one with pressure.
        let results = [
            opening(&s, "greet_respect", 90, 1),
            opening(&s, "greet_respect", 80, 2),
            opening(&s, "show_credentials", 40, 3),
            opening(&s, "deadline", 10, 4),
        ];
        let refs: Vec<&Verified> = results.iter().collect();
        let row = greeting(&item_analysis(&refs, std::slice::from_ref(&s)));
        assert_eq!(row.reached, 4);
        assert_eq!(row.best_percent, 50);
        // Groups of 27% of 4, rounded up: 2 at each end. Top: 2 of 2 chose the best move
        // (100%); bottom: 0 of 2 (0%). D = 100 - 0.
        assert_eq!(row.discrimination, Some(100));
        assert!(row.flags.is_empty(), "{:?}", row.flags);
        let stat = |id: &str| {
            row.choices
                .iter()
                .find(|c| c.choice == index(id))
                .cloned()
                .unwrap()
        };
        assert_eq!(
            (
                stat("greet_respect").taken,
                stat("greet_respect").mean_total
            ),
            (2, Some(85))
        );
        assert!(stat("greet_respect").best);
        assert_eq!(
            (
                stat("show_credentials").taken,
                stat("show_credentials").mean_total
            ),
            (1, Some(40))
        );
        assert_eq!(
            (stat("deadline").taken, stat("deadline").mean_total),
            (1, Some(10))
        );

        // The weak agents chose the best move: a reversed item.
        let reversed = [
            opening(&s, "greet_respect", 20, 1),
            opening(&s, "greet_respect", 10, 2),
            opening(&s, "show_credentials", 95, 3),
            opening(&s, "straight_pitch", 70, 4),
        ];
        let refs: Vec<&Verified> = reversed.iter().collect();
        let row = greeting(&item_analysis(&refs, std::slice::from_ref(&s)));
        assert_eq!(row.discrimination, Some(-100));
        assert_eq!(row.flags, vec![ItemFlag::Reversed]);

        // Everybody right, then everybody wrong.
        let all_right = [
            opening(&s, "greet_respect", 70, 1),
            opening(&s, "greet_respect", 60, 2),
        ];
        let refs: Vec<&Verified> = all_right.iter().collect();
        let row = greeting(&item_analysis(&refs, std::slice::from_ref(&s)));
        assert_eq!(
            (row.flags.clone(), row.discrimination),
            (vec![ItemFlag::NobodyErs], None)
        );
        let all_wrong = [
            opening(&s, "deadline", 10, 1),
            opening(&s, "straight_pitch", 20, 2),
        ];
        let refs: Vec<&Verified> = all_wrong.iter().collect();
        let row = greeting(&item_analysis(&refs, std::slice::from_ref(&s)));
        assert_eq!(row.flags, vec![ItemFlag::EverybodyErs]);
        assert!(
            row.choices.iter().any(|c| c.best && c.taken == 0),
            "the missed best move is listed"
        );
    }

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_are_defused() {
        for risky in [
            "=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "  =cmd()", " @x",
        ] {
            assert!(
                csv_field(risky).trim_start_matches('"').starts_with('\''),
                "{risky:?}"
            );
        }
        assert_eq!(csv_field("Rina"), "Rina");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
    }

    #[test]
    fn utc_writes_calendar_dates() {
        assert_eq!(utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc(1_796_300_000), "2026-12-03T12:13:20Z");
    }

    #[test]
    fn xapi_has_answered_completed_and_a_verdict_per_attempt() {
        let f = fixture();
        let v = result(
            &f,
            "Rina",
            "Koperasi A",
            Phase::PostTest,
            Policy::BestPractice,
            1,
        );
        let statements = xapi(&f.workshop, std::slice::from_ref(&v), &f.scenarios);
        let list = statements.as_array().unwrap();
        assert_eq!(list.len(), v.turns.len() + 2);
        let verbs: Vec<&str> = list
            .iter()
            .map(|s| s["verb"]["id"].as_str().unwrap())
            .collect();
        assert!(verbs[..v.turns.len()]
            .iter()
            .all(|v| v.ends_with("/answered")));
        assert!(verbs[v.turns.len()].ends_with("/completed"));
        assert!(verbs[v.turns.len() + 1].ends_with("/passed"));
        let done = &list[v.turns.len()];
        assert_eq!(done["context"]["registration"], v.record.attempt.uuid());
        assert_eq!(done["result"]["duration"], "PT420S");
        assert_eq!(done["result"]["score"]["raw"], v.card.total);
        let ext = done["result"]["extensions"].as_object().unwrap();
        assert_eq!(ext.len(), 6);
        assert!(ext.contains_key(&format!("{XAPI_BASE}/ext/competency/ethics")));
        let mut ids: Vec<&str> = list.iter().map(|s| s["id"].as_str().unwrap()).collect();
        assert!(ids.iter().all(|id| &id[14..15] == "5"), "version-5 UUIDs");
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), list.len(), "statement ids are unique");
        assert_eq!(
            xapi(&f.workshop, std::slice::from_ref(&v), &f.scenarios),
            statements,
            "exporting twice gives the same statements"
        );
    }
}

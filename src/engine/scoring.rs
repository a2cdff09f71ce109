//! Scoring: six competencies, a weighted total with ethics caps and a pass mark, and the debrief
//! (strengths, the most important fixes and the better move at each of those moments).

use serde::Serialize;

use super::figures;
use super::messages::{message_with, Msg};
use super::order::sort_small_by_key;
use super::scenario::{Choice, Competency, Localized, Outcome, Scenario, Violation};
use super::sim::{spoken, End, Terms, Turn};
use super::terms::Package;

/// Ethics points lost per violation (ethics starts at 100).
pub fn ethics_penalty(v: Violation) -> i32 {
    match v {
        Violation::FalsePromise => 60,
        Violation::ConfuseAgencies => 50,
        Violation::SkipReceipt => 50,
        Violation::Unaffordable => 50,
        Violation::Pressure => 40,
        Violation::Disrespect => 40,
        Violation::WrongFigure => 25,
    }
}

/// The highest total a run with this violation can get.
pub fn total_cap(v: Violation) -> u32 {
    match v {
        Violation::FalsePromise | Violation::ConfuseAgencies => 30,
        Violation::Pressure
        | Violation::Disrespect
        | Violation::SkipReceipt
        | Violation::Unaffordable => 35,
        Violation::WrongFigure => 50,
    }
}

/// The cap when a run has two or more different violations.
pub const REPEAT_OFFENDER_CAP: u32 = 25;

/// The result of a finished run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreCard {
    /// Score per competency, 0-100, in [`Competency::ALL`] order.
    pub competencies: [u32; 6],
    /// The weighted total before caps.
    pub uncapped: u32,
    /// The total, 0-100.
    pub total: u32,
    /// The cap that applied, and the violation behind it.
    pub cap: Option<(Violation, u32)>,
    /// The scenario's pass mark.
    pub pass_mark: u32,
    /// Whether the run passed.
    pub passed: bool,
    /// How it ended.
    pub outcome: Outcome,
    /// The package signed, for an enrolment.
    pub package: Option<Package>,
    /// For an enrolment: whether the worker can keep paying it.
    pub suitable: Option<bool>,
    /// Every violation, in the order committed (end-of-run ones last).
    pub violations: Vec<Violation>,
}

impl ScoreCard {
    /// The score of one competency.
    pub fn competency(&self, c: Competency) -> u32 {
        self.competencies[c.index()]
    }
}

/// Months ahead over which a package must stay affordable.
pub const AFFORDABLE_MONTHS: u32 = 12;

/// Whether `package` is one this worker can keep paying (so it will not lapse after 3 months
/// of arrears): its price in each of the next [`AFFORDABLE_MONTHS`] months from the run's date
/// is within what the household can keep paying. A discount that ends within the year does not
/// make a package suitable that the worker cannot pay once it ends.
pub fn affordable(scenario: &Scenario, package: Package, terms: Terms) -> bool {
    let p = &scenario.persona;
    let worker = p.worker();
    // Asked at every step of every scripted run: the last answers are kept (a year of prices
    // takes twelve contributions to work out).
    type Key = (
        u64,
        crate::engine::terms::Occupation,
        bool,
        u64,
        Package,
        crate::engine::terms::Date,
        usize,
    );
    thread_local! {
        static KNOWN: std::cell::RefCell<Vec<(Key, bool)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let key: Key = (
        worker.income,
        worker.occupation,
        worker.government_paid,
        p.can_keep_paying,
        package,
        terms.date,
        std::ptr::from_ref(terms.rates) as usize,
    );
    if let Some(known) = KNOWN.with(|k| k.borrow().iter().find(|(x, _)| *x == key).map(|(_, v)| *v))
    {
        return known;
    }
    let answer = terms
        .rates
        .ahead(&worker, package, terms.date, AFFORDABLE_MONTHS)
        .is_ok_and(|a| a.months.iter().all(|(_, c)| c.total <= p.can_keep_paying));
    KNOWN.with(|k| {
        let mut k = k.borrow_mut();
        if k.len() >= 16 {
            k.remove(0);
        }
        k.push((key, answer));
    });
    answer
}

/// Scores a finished run from its turns and how it ended.
pub fn score<'a>(
    scenario: &Scenario,
    turns: impl IntoIterator<Item = &'a Turn>,
    end: End,
    skipped_receipt: bool,
    terms: Terms,
) -> ScoreCard {
    let mut points = [0i32; 6];
    let mut violations = Vec::new();
    for turn in turns {
        for (sum, p) in points.iter_mut().zip(turn.points) {
            *sum += p;
        }
        violations.extend(turn.violation);
    }
    let suitable = end.package.map(|p| affordable(scenario, p, terms));
    if suitable == Some(false) {
        violations.push(Violation::Unaffordable);
    }
    // Leaving without the receipt that was on offer, unless that was already a skip-receipt move.
    if end.outcome == Outcome::Enrolled
        && skipped_receipt
        && !violations.contains(&Violation::SkipReceipt)
    {
        violations.push(Violation::SkipReceipt);
    }
    // Outcome points: an enrolment earns them only when the worker can keep paying.
    if let Some(ending) = scenario.ending(end.outcome) {
        if suitable != Some(false) {
            for (c, p) in &ending.scores {
                points[c.index()] += (*p).clamp(-10, 10);
            }
        }
    }

    let rubric = &scenario.rubric;
    let mut competencies = [0u32; 6];
    for c in Competency::ALL {
        let i = c.index();
        competencies[i] = if c == Competency::Ethics {
            let lost: i32 = violations.iter().map(|v| ethics_penalty(*v)).sum();
            (100 - lost + points[i].min(0) * 5).clamp(0, 100) as u32
        } else {
            let full = rubric.full_marks.get(&c).copied().unwrap_or(6).max(1);
            (points[i] * 100 / full).clamp(0, 100) as u32
        };
    }
    let weight = |c: Competency| u64::from(rubric.weights.get(&c).copied().unwrap_or(0));
    let weight_sum: u64 = Competency::ALL.iter().map(|c| weight(*c)).sum();
    let weighted: u64 = Competency::ALL
        .iter()
        .map(|c| weight(*c) * u64::from(competencies[c.index()]))
        .sum();
    let uncapped = (weighted + weight_sum / 2)
        .checked_div(weight_sum)
        .unwrap_or(0) as u32;

    let mut distinct = violations.clone();
    sort_small_by_key(&mut distinct, |v| *v);
    distinct.dedup();
    let mut cap = distinct
        .iter()
        .map(|v| (*v, total_cap(*v)))
        .min_by_key(|(_, c)| *c);
    if distinct.len() >= 2 {
        if let Some((v, _)) = cap {
            cap = Some((v, REPEAT_OFFENDER_CAP));
        }
    }
    let total = cap.map_or(uncapped, |(_, c)| uncapped.min(c));
    ScoreCard {
        competencies,
        uncapped,
        total,
        cap,
        pass_mark: rubric.pass_mark,
        passed: total >= rubric.pass_mark,
        outcome: end.outcome,
        package: end.package,
        suitable,
        violations,
    }
}

/// How good a move is on its face on the run's terms: its points, less heavy penalties for
/// violations and wrong figures. The best-practice policy and the debrief's "better move" both
/// use this one rule.
pub fn move_value(scenario: &Scenario, choice: &Choice, terms: Terms) -> i32 {
    let mut value: i32 = choice.scores.values().map(|p| (*p).clamp(-10, 10)).sum();
    if let Some(v) = choice.kind.violation() {
        value -= ethics_penalty(v);
    }
    let text = spoken(&choice.text);
    if text.contains('{') {
        let ctx = terms.context(scenario);
        if figures::figures_in(text)
            .iter()
            .any(|p| figures::check(p, &ctx).is_wrong())
        {
            value -= ethics_penalty(Violation::WrongFigure);
        }
    }
    if let Some(package) = choice.package {
        if !affordable(scenario, package, terms) {
            value -= ethics_penalty(Violation::Unaffordable);
        }
    }
    value
}

/// One moment the debrief points at.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Moment {
    /// Which turn (0-based).
    pub turn: usize,
    /// Node index.
    pub node: u32,
    /// The choice made.
    pub chose: u32,
    /// A better choice that was on offer, if any.
    pub better: Option<u32>,
    /// What went wrong there.
    pub violation: Option<Violation>,
    /// The move repeated one the worker had heard.
    pub repeated: bool,
    /// The wrong figures the move stated (a price or benefit the worker would repeat).
    pub wrong_figures: Vec<super::figures::Check>,
}

impl Moment {
    /// Whether the debrief must show this moment whatever else went wrong: an ethics
    /// violation, a repetition, or a wrong figure.
    pub fn must_show(&self) -> bool {
        self.violation.is_some() || self.repeated || !self.wrong_figures.is_empty()
    }
}

/// The end-of-run coaching.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Debrief {
    /// The strongest competencies (80 or more), best first.
    pub strengths: Vec<Competency>,
    /// The weakest competencies (below 60), weakest first.
    pub weaknesses: Vec<Competency>,
    /// The moments that cost points, in the order they happened, each with the better move:
    /// every violation, repetition and wrong figure, then the weakest other moves while fewer
    /// than [`MAX_FIXES`] are shown.
    pub fixes: Vec<Moment>,
    /// The best moves made (at most 2).
    pub highlights: Vec<Moment>,
}

/// The most moments a debrief points at, unless more must be shown.
pub const MAX_FIXES: usize = 6;

/// How far a turn's move fell short of the best move on offer (0 = it was the best; negative
/// = worse, counting any points lost to a wrong figure or a repetition), and the better move if
/// there was one.
pub fn turn_gap(scenario: &Scenario, turn: &Turn, terms: Terms) -> (i32, Option<u32>) {
    let Some(node) = scenario.nodes.get(turn.node as usize) else {
        return (0, None);
    };
    let value_of = |c: u32| {
        node.choices
            .get(c as usize)
            .map_or(i32::MIN / 2, |choice| move_value(scenario, choice, terms))
    };
    let chosen = value_of(turn.choice) + turn.points.iter().sum::<i32>().min(0);
    let best = turn
        .available
        .iter()
        .copied()
        .max_by_key(|c| (value_of(*c), std::cmp::Reverse(*c)));
    let better = best.filter(|b| value_of(*b) > value_of(turn.choice) || turn.repeated);
    let better = better.filter(|b| *b != turn.choice);
    (chosen - best.map_or(chosen, value_of), better)
}

/// The line that explains a score cap: a lowering when the cap lowered the total, otherwise
/// the limit the violation sets ("capped at 25" beside a total of 0 reads as a contradiction).
/// `name` says the violation (the app's words, or the CLI's).
pub fn cap_note(card: &ScoreCard, name: impl Fn(Violation) -> Localized) -> Option<Localized> {
    let (violation, cap) = card.cap?;
    Some(message_with(
        if card.uncapped > cap {
            Msg::CardCap
        } else {
            Msg::CardCapLimit
        },
        &[
            ("cap", cap.to_string()),
            ("uncapped", card.uncapped.to_string()),
        ],
        &[("violation", &name(violation))],
    ))
}

/// The debrief of a finished run.
pub fn debrief<'a>(
    scenario: &Scenario,
    turns: impl IntoIterator<Item = &'a Turn>,
    card: &ScoreCard,
    terms: Terms,
) -> Debrief {
    let mut strengths: Vec<Competency> = Competency::ALL
        .into_iter()
        .filter(|c| card.competency(*c) >= 80)
        .collect();
    sort_small_by_key(&mut strengths, |c| std::cmp::Reverse(card.competency(*c)));
    let mut weaknesses: Vec<Competency> = Competency::ALL
        .into_iter()
        .filter(|c| card.competency(*c) < 60)
        .collect();
    sort_small_by_key(&mut weaknesses, |c| card.competency(*c));

    let mut rated: Vec<(i32, Moment)> = turns
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let (gap, better) = turn_gap(scenario, t, terms);
            (
                gap,
                Moment {
                    turn: i,
                    node: t.node,
                    chose: t.choice,
                    better,
                    violation: t.violation,
                    repeated: t.repeated,
                    wrong_figures: t.checks.iter().copied().filter(|c| c.is_wrong()).collect(),
                },
            )
        })
        .collect();
    // Every violation, repetition and wrong figure (an agent must see each one, however many),
    // then the weakest of the other moves that fell short while fewer than MAX_FIXES are shown;
    // shown in the order they happened, so the agent can follow the conversation back.
    sort_small_by_key(&mut rated, |(gap, m)| (!m.must_show(), *gap, m.turn));
    let must = rated.iter().filter(|(_, m)| m.must_show()).count();
    let mut fixes: Vec<Moment> = rated
        .iter()
        .filter(|(gap, m)| *gap < 0 || m.must_show())
        .take(must.max(MAX_FIXES))
        .map(|(_, m)| m.clone())
        .collect();
    sort_small_by_key(&mut fixes, |m| m.turn);
    let mut highlights: Vec<Moment> = rated
        .iter()
        .rev()
        .filter(|(gap, m)| *gap == 0 && !m.must_show())
        .filter(|(_, m)| {
            scenario
                .nodes
                .get(m.node as usize)
                .and_then(|n| n.choices.get(m.chose as usize))
                .is_some_and(|c| move_value(scenario, c, terms) >= 3)
        })
        .take(2)
        .map(|(_, m)| m.clone())
        .collect();
    sort_small_by_key(&mut highlights, |m| m.turn);
    Debrief {
        strengths,
        weaknesses,
        fixes,
        highlights,
    }
}

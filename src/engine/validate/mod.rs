//! Validation: everything wrong with a scenario, as diagnostics with a location and a message in
//! both languages. Errors stop a scenario from being played; warnings do not.

use serde::Serialize;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::figures;
use super::lint::{Dates, Lint, NodeCues, Place};
use super::messages::{message, message_with, text};
use super::notes::Note;
use super::rates::RatesTable;
use super::scenario::{
    Condition, Localized, MoveKind, Next, Node, Outcome, Persona, PinnedDate, Scenario, Stat,
};
use super::sim::spoken;
use super::terms::Package;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The scenario cannot be played as it is.
    Error,
    /// Worth fixing; the scenario still plays.
    Warning,
}

/// Where a problem is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The node, if the problem is in one.
    pub node: Option<String>,
    /// The choice, if the problem is in one.
    pub choice: Option<String>,
    /// The field, as a path (e.g. `choices[2].effects.trust`).
    pub field: String,
}

/// One problem.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where.
    pub location: Location,
    /// What, in both languages.
    pub message: Localized,
}

/// Whether any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

struct Report {
    out: Vec<Diagnostic>,
}

/// A field path (`choices[1].feedback`) in words, for people who edit in the app rather than
/// in the JSON: "pilihan 2 › umpan balik" / "choice 2 › feedback". Unknown parts are kept as
/// written, so nothing is hidden.
pub fn field_name(path: &str) -> Localized {
    let mut id = Vec::new();
    let mut en = Vec::new();
    for part in path.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        let words: Option<(&str, &str)> = match name {
            "meta" | "text" => None,
            "title" => Some(("judul", "title")),
            "summary" => Some(("ringkasan", "summary")),
            "briefing" => Some(("pengarahan", "briefing")),
            "estimated_minutes" => Some(("perkiraan menit", "estimated minutes")),
            "pinned_date" => Some(("tanggal tetap", "pinned date")),
            "date" => Some(("tanggal", "date")),
            "reason" => Some(("alasan", "reason")),
            "persona" => Some(("pekerja", "worker")),
            "name" => Some(("nama", "name")),
            "age" => Some(("umur", "age")),
            "occupation_label" => Some(("pekerjaan", "occupation")),
            "household" => Some(("keluarga", "household")),
            "declared_income" => Some(("penghasilan", "income")),
            "decision_threshold" => Some(("ambang keputusan", "decision threshold")),
            "attitudes" => Some(("sikap", "attitudes")),
            "sensitivities" => Some(("kepekaan", "sensitivities")),
            "hidden_facts" => Some(("fakta tersembunyi", "hidden fact")),
            "risks" => Some(("risiko", "risk")),
            "rubric" => Some(("penilaian", "rubric")),
            "pass_mark" => Some(("nilai lulus", "pass mark")),
            "weights" => Some(("bobot", "weights")),
            "full_marks" => Some(("nilai penuh", "full marks")),
            "nodes" => Some(("simpul", "node")),
            "lines" => Some(("ucapan pekerja", "worker's line")),
            "weight" => Some(("bobot", "weight")),
            "when" | "requires" => Some(("syarat", "condition")),
            "choices" => Some(("pilihan", "choice")),
            "feedback" => Some(("umpan balik", "feedback")),
            "effects" => Some(("efek", "effects")),
            "scores" => Some(("skor", "scores")),
            "reveals" => Some(("membuka fakta", "reveals")),
            "next" => Some(("lalu ke", "next")),
            "branches" => Some(("cabang", "branch")),
            "endings" => Some(("penutup", "ending")),
            "outcome" => Some(("hasil", "outcome")),
            _ => Some((name, name)),
        };
        if let Some((i, e)) = words {
            match index {
                Some(n) => {
                    id.push(format!("{i} {}", n + 1));
                    en.push(format!("{e} {}", n + 1));
                }
                None => {
                    id.push(i.to_owned());
                    en.push(e.to_owned());
                }
            }
        }
    }
    if id.is_empty() {
        return Localized::new("teks".to_owned(), "text".to_owned());
    }
    Localized::new(id.join(" › "), en.join(" › "))
}

/// A message about a field, the field named in words (see [`field_name`]).
fn named(note: Note, field: &str, args: &[(&str, String)]) -> Localized {
    message_with(note, args, &[("field", &field_name(field))])
}

impl Report {
    fn push(
        &mut self,
        severity: Severity,
        node: Option<&str>,
        choice: Option<&str>,
        field: String,
        message: Localized,
    ) {
        self.out.push(Diagnostic {
            severity,
            location: Location {
                node: node.map(str::to_owned),
                choice: choice.map(str::to_owned),
                field,
            },
            message,
        });
    }

    fn range(
        &mut self,
        node: Option<&str>,
        choice: Option<&str>,
        field: &str,
        value: i64,
        min: i64,
        max: i64,
    ) {
        if value < min || value > max {
            let args = [
                ("value", value.to_string()),
                ("min", min.to_string()),
                ("max", max.to_string()),
            ];
            self.push(
                Severity::Error,
                node,
                choice,
                field.to_owned(),
                named(Note::VOutOfRange, field, &args),
            );
        }
    }

    fn text(&mut self, node: Option<&str>, choice: Option<&str>, field: &str, t: &Localized) {
        let id = t.id.trim().is_empty();
        let en = t.en.trim().is_empty();
        let args = |lang: &str| [("lang", lang.to_owned())];
        match (id, en) {
            (true, true) => self.push(
                Severity::Error,
                node,
                choice,
                field.to_owned(),
                named(Note::VEmptyText, field, &[]),
            ),
            (true, false) => self.push(
                Severity::Warning,
                node,
                choice,
                field.to_owned(),
                named(Note::VMissingTranslation, field, &args("Bahasa Indonesia")),
            ),
            (false, true) => self.push(
                Severity::Warning,
                node,
                choice,
                field.to_owned(),
                named(Note::VMissingTranslation, field, &args("English")),
            ),
            (false, false) => {}
        }
    }
}

/// Every problem with `scenario`, errors first, in a stable order.
pub fn validate(scenario: &Scenario) -> Vec<Diagnostic> {
    check(scenario, None)
}

/// Validation for an editor that validates after every edit: it remembers what it found in
/// each node and checks a node again only when the node changed, when a name it refers to came
/// or went (a node, a choice, a revealed fact), or when the worker or the pinned date changed.
/// It gives exactly what [`validate`] gives.
#[derive(Default)]
pub struct Validator {
    /// What every node's checks read besides the node: the worker (figures, facts, name) and
    /// the pinned date. When they change, nothing remembered holds. (The title and other
    /// details are not read: editing them re-checks no node.)
    key: Option<(Option<PinnedDate>, Persona)>,
    /// By node id: the node as it was checked (shared with the scenario, so an unchanged node
    /// is known by its pointer), and what was found.
    nodes: HashMap<String, (Rc<Node>, Rc<NodeCheck>)>,
}

impl Validator {
    /// Every problem with `scenario`, as [`validate`] gives them.
    pub fn validate(&mut self, scenario: &Scenario) -> Vec<Diagnostic> {
        check(scenario, Some(self))
    }

    /// Itself, having forgotten every node if what all of them read has changed.
    fn keep_if(&mut self, s: &Scenario) -> &mut Validator {
        let same = self.key.as_ref().is_some_and(|(pinned, persona)| {
            *pinned == s.meta.pinned_date && *persona == s.persona
        });
        if !same {
            self.key = Some((s.meta.pinned_date.clone(), s.persona.clone()));
            self.nodes.clear();
        }
        self
    }
}

/// What a node's checks found, and what they depended on.
#[derive(Default)]
struct NodeCheck {
    /// Problems with its structure and values.
    graph: Vec<Diagnostic>,
    /// Problems with its words and figures.
    words: Vec<Diagnostic>,
    /// Each name looked up, in order, and whether it was there.
    lookups: Vec<(Lookup, bool)>,
    /// Whether a choice (or having none) ends the conversation here.
    exits: bool,
    can_close: bool,
    can_follow_up: bool,
    can_violate: bool,
    /// The date checks, once they have run (only for a scenario with no errors).
    dates: OnceCell<Vec<Diagnostic>>,
    /// The cue checks, once they have run: the warning about this node, and its part in the
    /// checks across nodes.
    cues: OnceCell<(Vec<Diagnostic>, Option<NodeCues>)>,
}

/// A name a node refers to.
enum Lookup {
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
struct Names<'s> {
    facts: HashSet<&'s str>,
    revealed: HashSet<&'s str>,
    choices: HashSet<&'s str>,
    index: HashMap<&'s str, usize>,
}

impl Names<'_> {
    /// Whether each name is still there, or still missing, as when it was looked up.
    fn hold(&self, lookups: &[(Lookup, bool)]) -> bool {
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
fn check_condition(
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
            r.push(
                Severity::Error,
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
            r.push(
                Severity::Error,
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
                if (at_least && *v > 100) || (!at_least && *v < 0) {
                    let args = [
                        ("stat", stat_name(*stat).to_owned()),
                        ("op", if at_least { ">=" } else { "<=" }.to_owned()),
                        ("value", v.to_string()),
                    ];
                    r.push(
                        Severity::Error,
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

/// Checks one node: its texts, ids, values and conditions, and the names it links to.
fn check_node(lint: &mut Lint, names: &Names, node: &Node) -> NodeCheck {
    let mut r = Report { out: Vec::new() };
    let words_from = lint.out.len();
    let mut out = NodeCheck::default();
    let nid = Some(node.id.as_str());
    if node.lines.is_empty() {
        r.push(
            Severity::Error,
            nid,
            None,
            "lines".into(),
            named(Note::VEmptyText, "lines", &[]),
        );
    }
    if let Some(why) = &node.pin_order {
        r.text(nid, None, "pin_order", why);
    }
    for (li, line) in node.lines.iter().enumerate() {
        // Field paths are written out only where a problem is (a 2,000-node scenario has
        // tens of thousands of fields).
        let text_field = format!("lines[{li}].text");
        r.text(nid, None, &text_field, &line.text);
        let guarded = line.when.contains(&Condition::Discount(true));
        lint.text(nid, None, &text_field, &line.text, Place::Run, guarded);
        if line.weight > 1000 {
            r.range(
                nid,
                None,
                &format!("lines[{li}].weight"),
                line.weight.into(),
                0,
                1000,
            );
        }
        for (ci, c) in line.when.iter().enumerate() {
            check_condition(
                &mut r,
                names,
                &mut out.lookups,
                &node.id,
                None,
                format!("lines[{li}].when[{ci}]"),
                c,
            );
        }
    }
    if node.choices.is_empty() {
        r.push(
            Severity::Warning,
            nid,
            None,
            "choices".into(),
            message(Note::VDeadEnd, &[("node", node.id.clone())]),
        );
        out.exits = true;
    }

    let mut seen = HashSet::new();
    for (ci, choice) in node.choices.iter().enumerate() {
        let cid = Some(choice.id.as_str());
        let at = |f: &str| format!("choices[{ci}].{f}");
        if choice.id.trim().is_empty() {
            r.push(
                Severity::Error,
                nid,
                None,
                at("id"),
                named(Note::VEmptyId, &at("id"), &[]),
            );
        }
        if !seen.insert(choice.id.as_str()) {
            r.push(
                Severity::Error,
                nid,
                cid,
                at("id"),
                message(
                    Note::VDuplicateChoice,
                    &[("node", node.id.clone()), ("choice", choice.id.clone())],
                ),
            );
        }
        let (text_field, feedback_field) = (at("text"), at("feedback"));
        r.text(nid, cid, &text_field, &choice.text);
        r.text(nid, cid, &feedback_field, &choice.feedback);
        let guarded = choice.requires.contains(&Condition::Discount(true));
        lint.text(nid, cid, &text_field, &choice.text, Place::Choice, guarded);
        lint.text(
            nid,
            cid,
            &feedback_field,
            &choice.feedback,
            Place::Run,
            guarded,
        );
        for (name, v) in [
            ("trust", choice.effects.trust),
            ("interest", choice.effects.interest),
            ("cost_worry", choice.effects.cost_worry),
            ("patience", choice.effects.patience),
        ] {
            if !(-50..=50).contains(&v) {
                r.range(nid, cid, &at(&format!("effects.{name}")), v.into(), -50, 50);
            }
        }
        for (comp, v) in &choice.scores {
            if !(-10..=10).contains(v) {
                r.range(
                    nid,
                    cid,
                    &at(&format!("scores.{comp:?}").to_lowercase()),
                    (*v).into(),
                    -10,
                    10,
                );
            }
        }
        for fact in &choice.effects.reveals {
            if !names.facts.contains(fact.as_str()) {
                r.push(
                    Severity::Error,
                    nid,
                    cid,
                    at("effects.reveals"),
                    message(Note::VUnknownFact, &[("fact", fact.clone())]),
                );
            }
        }
        for (i, c) in choice.requires.iter().enumerate() {
            check_condition(
                &mut r,
                names,
                &mut out.lookups,
                &node.id,
                cid,
                at(&format!("requires[{i}]")),
                c,
            );
        }
        match choice.kind {
            MoveKind::Close if choice.package.is_none() => {
                r.push(
                    Severity::Error,
                    nid,
                    cid,
                    at("package"),
                    message(Note::VCloseWithoutPackage, &[("choice", choice.id.clone())]),
                );
            }
            MoveKind::Quote if figures::figures_in(spoken(&choice.text)).is_empty() => {
                r.push(
                    Severity::Error,
                    nid,
                    cid,
                    at("text"),
                    message(Note::VQuoteWithoutFigure, &[("choice", choice.id.clone())]),
                );
            }
            MoveKind::AnswerObjection if choice.objection.is_none() => {
                r.push(
                    Severity::Warning,
                    nid,
                    cid,
                    at("objection"),
                    message(Note::VObjectionMissing, &[("choice", choice.id.clone())]),
                );
            }
            _ => {}
        }
        // Where it can lead, and whether it can end the conversation.
        let ends = matches!(choice.kind, MoveKind::FollowUp | MoveKind::Leave)
            || choice.next == Next::End
            || (choice.kind == MoveKind::Close
                && choice.if_not_ready.as_ref().is_none_or(|n| *n == Next::End));
        out.exits |= ends;
        out.can_close |= choice.kind == MoveKind::Close;
        out.can_follow_up |= choice.kind == MoveKind::FollowUp
            || (choice.kind == MoveKind::Close && choice.if_not_ready.is_none());
        out.can_violate |= choice.kind.violation().is_some();
        let nexts = std::iter::once(("next", &choice.next))
            .chain(choice.if_not_ready.as_ref().map(|n| ("if_not_ready", n)));
        for (field, next) in nexts {
            if let Next::Branch { branches, .. } = next {
                for (bi, b) in branches.iter().enumerate() {
                    for (wi, c) in b.when.iter().enumerate() {
                        check_condition(
                            &mut r,
                            names,
                            &mut out.lookups,
                            &node.id,
                            cid,
                            at(&format!("{field}.branches[{bi}].when[{wi}]")),
                            c,
                        );
                    }
                }
            }
            for target in next.targets() {
                let found = names.index.contains_key(target);
                out.lookups.push((Lookup::Target(target.to_owned()), found));
                if !found {
                    r.push(
                        Severity::Error,
                        nid,
                        cid,
                        at(field),
                        message(
                            Note::VBrokenLink,
                            &[("choice", choice.id.clone()), ("target", target.to_owned())],
                        ),
                    );
                }
            }
        }
    }
    out.graph = r.out;
    out.words = lint.out.split_off(words_from);
    out
}

/// Validation, remembering per node in `cache` if given.
fn check(scenario: &Scenario, cache: Option<&mut Validator>) -> Vec<Diagnostic> {
    let mut r = Report { out: Vec::new() };
    let s = scenario;

    // Identity and metadata.
    if s.id.trim().is_empty() {
        r.push(
            Severity::Error,
            None,
            None,
            "id".into(),
            named(Note::VEmptyId, "id", &[]),
        );
    }
    let mut lint = Lint::new(s);
    r.text(None, None, "meta.title", &s.meta.title);
    r.text(None, None, "meta.summary", &s.meta.summary);
    r.text(None, None, "meta.briefing", &s.meta.briefing);
    lint.text(None, None, "meta.title", &s.meta.title, Place::NoRun, false);
    lint.text(
        None,
        None,
        "meta.summary",
        &s.meta.summary,
        Place::NoRun,
        false,
    );
    lint.text(
        None,
        None,
        "meta.briefing",
        &s.meta.briefing,
        Place::Run,
        false,
    );
    r.range(
        None,
        None,
        "meta.estimated_minutes",
        s.meta.estimated_minutes.into(),
        1,
        120,
    );
    if let Some(pinned) = &s.meta.pinned_date {
        r.text(None, None, "meta.pinned_date.reason", &pinned.reason);
        if RatesTable::bundled()
            .contribution(&s.persona.worker(), Package::JkkJkm, pinned.date)
            .is_err()
        {
            r.push(
                Severity::Error,
                None,
                None,
                "meta.pinned_date.date".into(),
                message(Note::VNoRates, &[("date", pinned.date.to_string())]),
            );
        }
    }

    // Persona.
    let p = &s.persona;
    r.text(None, None, "persona.occupation_label", &p.occupation_label);
    r.text(None, None, "persona.household", &p.household);
    lint.text(
        None,
        None,
        "persona.occupation_label",
        &p.occupation_label,
        Place::NoRun,
        false,
    );
    lint.text(
        None,
        None,
        "persona.household",
        &p.household,
        Place::Run,
        false,
    );
    for (i, risk) in p.risks.iter().enumerate() {
        r.text(None, None, &format!("persona.risks[{i}]"), risk);
        lint.text(
            None,
            None,
            &format!("persona.risks[{i}]"),
            risk,
            Place::Run,
            false,
        );
    }
    r.range(None, None, "persona.age", p.age.into(), 15, 90);
    for (name, v) in [
        ("trust", p.attitudes.trust),
        ("need", p.attitudes.need),
        ("price_worry", p.attitudes.price_worry),
        ("patience", p.attitudes.patience),
    ] {
        r.range(
            None,
            None,
            &format!("persona.attitudes.{name}"),
            v.into(),
            0,
            100,
        );
    }
    for (name, v) in [
        ("price", p.sensitivities.price),
        ("pressure", p.sensitivities.pressure),
        ("rapport", p.sensitivities.rapport),
    ] {
        r.range(
            None,
            None,
            &format!("persona.sensitivities.{name}"),
            v.into(),
            0,
            300,
        );
    }
    r.range(
        None,
        None,
        "persona.decision_threshold",
        p.decision_threshold.into(),
        0,
        100,
    );
    r.range(
        None,
        None,
        "persona.declared_income",
        p.declared_income.min(i64::MAX as u64) as i64,
        0,
        1_000_000_000,
    );
    let mut fact_ids = HashSet::new();
    for (i, fact) in p.hidden_facts.iter().enumerate() {
        if fact.id.trim().is_empty() || !fact_ids.insert(fact.id.as_str()) {
            r.push(
                Severity::Error,
                None,
                None,
                format!("persona.hidden_facts[{i}].id"),
                named(
                    Note::VEmptyId,
                    &format!("persona.hidden_facts[{i}].id"),
                    &[],
                ),
            );
        }
        r.text(
            None,
            None,
            &format!("persona.hidden_facts[{i}].text"),
            &fact.text,
        );
        lint.text(
            None,
            None,
            &format!("persona.hidden_facts[{i}].text"),
            &fact.text,
            Place::Run,
            false,
        );
    }

    // Rubric.
    if s.rubric.weights.values().all(|w| *w == 0) {
        r.push(
            Severity::Error,
            None,
            None,
            "rubric.weights".into(),
            text(Note::VNoWeights),
        );
    }
    r.range(
        None,
        None,
        "rubric.pass_mark",
        s.rubric.pass_mark.into(),
        0,
        100,
    );
    for (c, v) in &s.rubric.full_marks {
        r.range(
            None,
            None,
            &format!("rubric.full_marks.{c:?}").to_lowercase(),
            (*v).into(),
            1,
            100,
        );
    }

    // Graph.
    if s.nodes.is_empty() {
        r.push(
            Severity::Error,
            None,
            None,
            "nodes".into(),
            text(Note::VNoNodes),
        );
    }
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, node) in s.nodes.iter().enumerate() {
        if node.id.trim().is_empty() {
            r.push(
                Severity::Error,
                None,
                None,
                format!("nodes[{i}].id"),
                named(Note::VEmptyId, &format!("nodes[{i}].id"), &[]),
            );
        }
        if index.insert(node.id.as_str(), i).is_some() {
            r.push(
                Severity::Error,
                Some(&node.id),
                None,
                "id".into(),
                message(Note::VDuplicateNode, &[("node", node.id.clone())]),
            );
        }
    }
    if !s.nodes.is_empty() && !index.contains_key(s.start.as_str()) {
        r.push(
            Severity::Error,
            None,
            None,
            "start".into(),
            message(Note::VMissingStart, &[("node", s.start.clone())]),
        );
    }
    let names = Names {
        facts: fact_ids,
        revealed: s
            .nodes
            .iter()
            .flat_map(|n| &n.choices)
            .flat_map(|c| &c.effects.reveals)
            .map(String::as_str)
            .collect(),
        choices: s
            .nodes
            .iter()
            .flat_map(|n| &n.choices)
            .map(|c| c.id.as_str())
            .collect(),
        index,
    };

    // Each node, from what is remembered of it where that still holds.
    let mut cache = cache.map(|c| c.keep_if(s));
    let mut checks: Vec<Rc<NodeCheck>> = Vec::with_capacity(s.nodes.len());
    for node in &s.nodes {
        // Remembered by id: two different nodes with one id (an error, reported) take each
        // other's place and are both checked again each time, which is slower, never wrong.
        let known = cache
            .as_ref()
            .and_then(|c| c.nodes.get(&node.id))
            .filter(|(seen, check)| {
                (Rc::ptr_eq(seen, node) || seen == node) && names.hold(&check.lookups)
            });
        let check = match known {
            Some((_, check)) => check.clone(),
            None => {
                let check = Rc::new(check_node(&mut lint, &names, node));
                if let Some(c) = cache.as_mut() {
                    c.nodes
                        .insert(node.id.clone(), (node.clone(), check.clone()));
                }
                check
            }
        };
        checks.push(check);
    }
    if let Some(c) = cache.as_mut() {
        c.nodes
            .retain(|id, _| names.index.contains_key(id.as_str()));
    }
    let mut edges: Vec<Vec<usize>> = Vec::with_capacity(s.nodes.len());
    let mut exits = Vec::with_capacity(s.nodes.len());
    let (mut can_close, mut can_follow_up, mut can_violate) = (false, false, false);
    for check in &checks {
        r.out.extend(check.graph.iter().cloned());
        lint.out.extend(check.words.iter().cloned());
        edges.push(
            check
                .lookups
                .iter()
                .filter_map(|(l, found)| match l {
                    Lookup::Target(t) if *found => names.index.get(t.as_str()).copied(),
                    _ => None,
                })
                .collect(),
        );
        exits.push(check.exits);
        can_close |= check.can_close;
        can_follow_up |= check.can_follow_up;
        can_violate |= check.can_violate;
    }
    let index = &names.index;

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
                r.push(
                    Severity::Warning,
                    Some(&node.id),
                    None,
                    "id".into(),
                    message(Note::VUnreachableNode, &[("node", node.id.clone())]),
                );
            }
        }
    }

    // Loops with no way out: strongly connected groups that no edge leaves and no choice ends.
    for group in strongly_connected(&edges) {
        let cyclic = group.len() > 1 || edges[group[0]].contains(&group[0]);
        let members: HashSet<usize> = group.iter().copied().collect();
        let leaves = group
            .iter()
            .any(|&n| exits[n] || edges[n].iter().any(|t| !members.contains(t)));
        if cyclic && !leaves && group.iter().any(|&n| reachable[n]) {
            let mut names: Vec<&str> = group.iter().map(|&n| s.nodes[n].id.as_str()).collect();
            names.sort_unstable();
            r.push(
                Severity::Error,
                Some(names[0]),
                None,
                "choices".into(),
                message(Note::VLoopNoExit, &[("nodes", names.join(", "))]),
            );
        }
    }

    // Endings.
    let mut seen_outcomes = HashSet::new();
    for (i, ending) in s.endings.iter().enumerate() {
        r.text(None, None, &format!("endings[{i}].text"), &ending.text);
        lint.text(
            None,
            None,
            &format!("endings[{i}].text"),
            &ending.text,
            Place::Run,
            false,
        );
        if !seen_outcomes.insert(ending.outcome) {
            r.push(
                Severity::Error,
                None,
                None,
                format!("endings[{i}].outcome"),
                message(
                    Note::VDuplicateEnding,
                    &[("outcome", outcome_key(ending.outcome).into())],
                ),
            );
        }
        for (comp, v) in &ending.scores {
            r.range(
                None,
                None,
                &format!("endings[{i}].scores.{comp:?}").to_lowercase(),
                (*v).into(),
                -10,
                10,
            );
        }
        let why = match ending.outcome {
            Outcome::Enrolled if !can_close => Some(Note::VWhyNoClose),
            Outcome::FollowUp if !can_follow_up => Some(Note::VWhyNoFollowUp),
            Outcome::Complained if !can_violate => Some(Note::VWhyNoViolation),
            _ => None,
        };
        if let Some(why) = why {
            r.push(
                Severity::Warning,
                None,
                None,
                format!("endings[{i}]"),
                message_with(
                    Note::VUnreachableEnding,
                    &[("outcome", outcome_key(ending.outcome).into())],
                    &[("why", &text(why))],
                ),
            );
        }
    }
    for outcome in Outcome::ALL {
        if !seen_outcomes.contains(&outcome) {
            r.push(
                Severity::Warning,
                None,
                None,
                "endings".into(),
                message(
                    Note::VNoEndingText,
                    &[("outcome", outcome_key(outcome).into())],
                ),
            );
        }
    }

    if !has_errors(&r.out) && !has_errors(&lint.out) {
        let dates = Dates::of(s);
        let mut cues = Vec::new();
        for (node, check) in s.nodes.iter().zip(&checks) {
            let found = check.dates.get_or_init(|| {
                let from = lint.out.len();
                lint.node_dates(node, &dates);
                lint.out.split_off(from)
            });
            lint.out.extend(found.iter().cloned());
        }
        for (node, check) in s.nodes.iter().zip(&checks) {
            let (found, part) = check.cues.get_or_init(|| {
                let from = lint.out.len();
                let part = lint.node_cues(node);
                (lint.out.split_off(from), part)
            });
            lint.out.extend(found.iter().cloned());
            cues.extend(part.as_ref());
        }
        lint.cues(cues);
    }
    r.out.extend(lint.out);
    r.out.sort_by_key(|d| d.severity);
    r.out
}

fn stat_name(stat: Stat) -> &'static str {
    match stat {
        Stat::Trust => "trust",
        Stat::Interest => "interest",
        Stat::CostWorry => "cost_worry",
        Stat::Patience => "patience",
    }
}

fn outcome_key(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Enrolled => "enrolled",
        Outcome::FollowUp => "follow_up",
        Outcome::Declined => "declined",
        Outcome::WalkedAway => "walked_away",
        Outcome::Complained => "complained",
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

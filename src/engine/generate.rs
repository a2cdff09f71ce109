//! Generated scenarios for benchmarks and property tests: valid by construction, any size.

use super::scenario::*;
use super::terms::Occupation;
use super::terms::Package;
use std::collections::BTreeMap;

fn text(s: &str) -> Localized {
    Localized::new(format!("{s} (id)"), format!("{s} (en)"))
}

/// A valid scenario with `nodes` nodes in a chain with side branches and loops back, three or
/// four choices each, hidden facts, conditions and every ending: the shape an ambitious
/// trainer's scenario has, at any size.
pub fn large(nodes: usize) -> Scenario {
    let nodes = nodes.max(2);
    let id = |i: usize| format!("n{i}");
    let facts: Vec<HiddenFact> = (0..8)
        .map(|i| HiddenFact {
            id: format!("f{i}"),
            text: text(&format!("fact {i}")),
        })
        .collect();
    let mut out = Vec::with_capacity(nodes);
    for i in 0..nodes {
        let last = i + 1 == nodes;
        let forward = if last {
            Next::End
        } else {
            Next::Node(id(i + 1))
        };
        let mut choices = vec![
            Choice {
                id: "ask".into(),
                text: text("ask"),
                kind: MoveKind::Discover,
                objection: None,
                package: None,
                requires: vec![],
                effects: Effects {
                    trust: 3,
                    interest: 2,
                    reveals: vec![format!("f{}", i % 8)],
                    ..Effects::default()
                },
                scores: BTreeMap::from([(Competency::Discovery, 1)]),
                feedback: text("good question"),
                next: forward.clone(),
                if_not_ready: None,
            },
            Choice {
                id: "push".into(),
                text: text("push"),
                kind: MoveKind::Pressure,
                objection: None,
                package: None,
                requires: vec![],
                effects: Effects {
                    trust: -8,
                    ..Effects::default()
                },
                scores: BTreeMap::from([(Competency::Rapport, -2)]),
                feedback: text("pressure"),
                next: if i > 2 {
                    Next::Node(id(i - 2))
                } else {
                    forward.clone()
                },
                if_not_ready: None,
            },
            Choice {
                id: "close".into(),
                text: text("close {monthly jkk_jkm}"),
                kind: MoveKind::Close,
                objection: None,
                package: Some(Package::JkkJkm),
                requires: vec![Condition::AtLeast(BTreeMap::from([(Stat::Trust, 30)]))],
                effects: Effects::default(),
                scores: BTreeMap::from([(Competency::Closing, 2), (Competency::Accuracy, 1)]),
                feedback: text("close"),
                next: Next::Node(id(nodes - 1)),
                if_not_ready: Some(forward.clone()),
            },
        ];
        if i % 3 == 0 {
            choices.push(Choice {
                id: "branch".into(),
                text: text("branch"),
                kind: MoveKind::Explain,
                objection: None,
                package: None,
                requires: vec![Condition::Discovered(format!("f{}", i % 8))],
                effects: Effects {
                    interest: 5,
                    ..Effects::default()
                },
                scores: BTreeMap::from([(Competency::Objections, 1)]),
                feedback: text("branch"),
                next: Next::Branch {
                    branches: vec![Branch {
                        when: vec![Condition::AtLeast(BTreeMap::from([(Stat::Interest, 60)]))],
                        go: id((i + 5).min(nodes - 1)),
                    }],
                    otherwise: id((i + 1).min(nodes - 1)),
                },
                if_not_ready: None,
            });
        }
        if last {
            choices.push(Choice {
                id: "receipt".into(),
                text: text("receipt"),
                kind: MoveKind::Receipt,
                objection: None,
                package: None,
                requires: vec![],
                effects: Effects::default(),
                scores: BTreeMap::from([(Competency::Closing, 2)]),
                feedback: text("receipt"),
                next: Next::End,
                if_not_ready: None,
            });
            choices.push(Choice {
                id: "later".into(),
                text: text("later"),
                kind: MoveKind::FollowUp,
                objection: None,
                package: None,
                requires: vec![],
                effects: Effects::default(),
                scores: BTreeMap::new(),
                feedback: text("later"),
                next: Next::End,
                if_not_ready: None,
            });
        }
        out.push(Node {
            id: id(i),
            lines: vec![
                LineVariant {
                    when: vec![Condition::AtLeast(BTreeMap::from([(Stat::Trust, 50)]))],
                    weight: 1,
                    text: text(&format!("warm line {i}")),
                },
                LineVariant {
                    when: vec![],
                    weight: 2,
                    text: text(&format!("line {i}")),
                },
            ],
            choices,
            pin_order: None,
        });
    }
    Scenario {
        schema_version: SCHEMA_VERSION,
        min_compatible_version: SCHEMA_VERSION,
        id: format!("generated-{nodes}"),
        version: 1,
        meta: Meta {
            title: text("generated"),
            summary: text("summary"),
            briefing: text("briefing"),
            difficulty: Difficulty::Advanced,
            tags: vec![],
            objections: vec![],
            estimated_minutes: 10,
            pinned_date: None,
        },
        persona: Persona {
            name: "Generated".into(),
            occupation: Occupation::Fisher,
            occupation_label: text("fisher"),
            age: 40,
            place: "Lombok".into(),
            household: text("household"),
            declared_income: 1_000_000,
            income_pattern: IncomePattern::Seasonal,
            government_paid: false,
            can_keep_paying: 20_000,
            coverage: vec![],
            risks: vec![text("risk")],
            attitudes: Attitudes {
                trust: 40,
                need: 40,
                price_worry: 50,
                patience: 90,
            },
            sensitivities: Sensitivities::default(),
            decision_threshold: 60,
            hidden_facts: facts,
            avatar: String::new(),
        },
        rubric: Rubric::default(),
        start: id(0),
        nodes: out.into_iter().map(std::rc::Rc::new).collect(),
        endings: Outcome::ALL
            .iter()
            .map(|o| Ending {
                outcome: *o,
                text: text("bye"),
                scores: BTreeMap::new(),
            })
            .collect(),
    }
}

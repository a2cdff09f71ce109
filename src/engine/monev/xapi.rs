//! The xAPI export: statements a learning record store can take, with stable ids so that
//! exporting twice sends the same statements.

use serde_json::{json, Value};

use super::csv::{phase_name, utc};
use crate::engine::code::{percent_encode, uuid_v5};
use crate::engine::scenario::{format_name, Competency, Scenario};
use crate::engine::scoring::turn_gap;
use crate::engine::workshop::{AttemptId, Verified, Workshop};

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
    AttemptId(uuid_v5(&STATEMENT_NAMESPACE, name.as_bytes())).uuid()
}

/// xAPI statements for `results`: an `answered` statement per choice, then `completed` and
/// `passed` or `failed` with the duration, the score, the six competencies, and the result
/// and workshop codes (which [`super::branch`] replays).
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
                "homePage": format!("{XAPI_BASE}/workshop/{}/wadah/{}", workshop.id, percent_encode(&r.wadah)),
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
        // Inserted one by one: collecting into a map would sort (see `order`).
        let mut competencies = serde_json::Map::new();
        for c in Competency::ALL {
            competencies.insert(
                format!("{XAPI_BASE}/ext/competency/{}", format_name(&c)),
                json!(v.card.competency(c)),
            );
        }
        // The codes themselves, so whoever reads the statements back (the trainer's Branch
        // view) can replay the run and trust the score for the same reason the trainer did.
        competencies.insert(format!("{XAPI_BASE}/ext/result-code"), json!(r.to_code()));
        competencies.insert(
            format!("{XAPI_BASE}/ext/workshop-code"),
            json!(workshop.to_code()),
        );
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

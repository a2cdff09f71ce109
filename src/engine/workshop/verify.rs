//! Accepting results: each code is replayed with the engine against the workshop and the
//! scenarios this device has, so an edited score, a result from another workshop or a copy
//! under another name is refused with the reason; a batch of pasted codes is checked at once.

use super::doubts::doubts;
use super::names::clean_name;
use super::{find_codes, test_seed, AttemptId, CodeError, Doubt, ResultRecord, Workshop};
use crate::engine::messages::{message, Msg};
use crate::engine::pack::{content_hash_of, ContentHash};
use crate::engine::rates::RatesTable;
use crate::engine::scenario::{Localized, Scenario};
use crate::engine::scoring::ScoreCard;
use crate::engine::session::{SaveState, Session};
use crate::engine::sim::{Terms, Turn};

/// Why a result was not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejection {
    /// The code could not be read.
    Code(CodeError),
    /// The code belongs to another workshop.
    OtherWorkshop {
        /// The workshop the code names.
        workshop: String,
    },
    /// The scenario is not a test of this workshop in that phase.
    NotATest {
        /// The scenario the code names.
        scenario: String,
    },
    /// The code was played on another version of the scenario than this device has.
    OtherVersion {
        /// The scenario.
        scenario: String,
        /// The version in the code.
        played: u32,
        /// The version here.
        here: u32,
    },
    /// The code was played on a copy of the scenario whose content differs from the one this
    /// device has (and shipped): the copy on the phone was changed.
    OtherCopy {
        /// The scenario.
        scenario: String,
    },
    /// The code was scored with a rates table this device does not have (update Latih).
    UnknownRates {
        /// The table's version in the code.
        version: String,
    },
    /// The choices cannot be replayed (edited or corrupted).
    Unplayable {
        /// The first turn that fails (1-based).
        turn: usize,
    },
    /// The choices end before the conversation does.
    Unfinished,
    /// The agent's name is empty or too long, or the Wadah is not one of the workshop's.
    WhoUnknown,
    /// The start time or duration is impossible (the code was edited).
    WhenImpossible,
    /// The seed is not the one the app draws for this workshop and attempt: made by hand.
    SeedNotDrawn,
    /// The same attempt as a result already counted, under another name or Wadah: a copy.
    Copied {
        /// The name on the result already counted.
        of: String,
    },
    /// The replayed score differs from the score in the code: the code was edited.
    ScoreEdited {
        /// The score the code claims.
        claimed: u32,
        /// The score the choices earn.
        replayed: u32,
    },
}

impl Rejection {
    /// The reason in both languages.
    pub fn message(&self) -> Localized {
        match self {
            Rejection::Code(e) => e.message(),
            Rejection::OtherWorkshop { workshop } => {
                message(Msg::CodeOtherWorkshop, &[("workshop", workshop.clone())])
            }
            Rejection::NotATest { scenario } => {
                message(Msg::CodeNotATest, &[("scenario", scenario.clone())])
            }
            Rejection::OtherVersion {
                scenario,
                played,
                here,
            } => message(
                Msg::CodeOtherVersion,
                &[
                    ("scenario", scenario.clone()),
                    ("played", played.to_string()),
                    ("here", here.to_string()),
                ],
            ),
            Rejection::OtherCopy { scenario } => {
                message(Msg::CodeOtherCopy, &[("scenario", scenario.clone())])
            }
            Rejection::UnknownRates { version } => {
                message(Msg::CodeUnknownRates, &[("version", version.clone())])
            }
            Rejection::Unplayable { turn } => {
                message(Msg::CodeUnplayable, &[("turn", turn.to_string())])
            }
            Rejection::Unfinished => message(Msg::CodeUnfinished, &[]),
            Rejection::WhoUnknown => message(Msg::CodeWhoUnknown, &[]),
            Rejection::WhenImpossible => message(Msg::CodeWhenImpossible, &[]),
            Rejection::SeedNotDrawn => message(Msg::CodeSeedNotDrawn, &[]),
            Rejection::Copied { of } => message(Msg::CodeCopied, &[("name", of.clone())]),
            Rejection::ScoreEdited { claimed, replayed } => message(
                Msg::CodeScoreEdited,
                &[
                    ("claimed", claimed.to_string()),
                    ("replayed", replayed.to_string()),
                ],
            ),
        }
    }
}

/// A result whose score the engine has confirmed by replaying it.
#[derive(Clone, Debug, PartialEq)]
pub struct Verified {
    /// What the code said.
    pub record: ResultRecord,
    /// The replayed run, as a save.
    pub save: SaveState,
    /// The replayed score card (its total equals the claimed score).
    pub card: ScoreCard,
    /// The replayed turns, for the weak-moment analysis.
    pub turns: Vec<Turn>,
    /// The date and rates the run was played and scored on.
    pub terms: Terms,
    /// What a trainer should look at before counting it (empty: nothing).
    pub doubts: Vec<Doubt>,
}

/// Results must start in this window (Unix seconds: 2020-01-01 to 2100-01-01).
const PLAUSIBLE_START: std::ops::Range<u64> = 1_577_836_800..4_102_444_800;
/// The longest a test can take, in seconds (a week: a phone left open over days).
const MAX_DURATION_S: u32 = 7 * 24 * 3600;

/// Replays `record` against the workshop and the scenarios this device has, and accepts it
/// only if it belongs to the workshop, names a Wadah of it and a plausible agent and time, is
/// one of its tests, replays to the end, and earns exactly the score it claims. (The replay
/// proves the score; nothing can prove who held the phone.)
pub fn verify(
    record: &ResultRecord,
    workshop: &Workshop,
    scenarios: &[Scenario],
) -> Result<Verified, Rejection> {
    verify_with(record, workshop, scenarios, &mut Hashes::checking())
}

/// [`verify`] for a result already accepted once (stored, or sent to a learning record store
/// by the trainer who imported it): everything is checked but the content hash, which an update
/// of Latih that changes the compiled form of scenarios would otherwise fail.
pub fn verify_stored(
    record: &ResultRecord,
    workshop: &Workshop,
    scenarios: &[Scenario],
) -> Result<Verified, Rejection> {
    verify_with(record, workshop, scenarios, &mut Hashes::default())
}

/// The content hashes of the scenarios a batch names, each computed once; `None` when a
/// batch does not check contents (results stored before, see [`verified_results`]).
#[derive(Default)]
struct Hashes(Option<Vec<(String, ContentHash)>>);

impl Hashes {
    fn checking() -> Hashes {
        Hashes(Some(Vec::new()))
    }

    /// Whether the code's content matches `scenario` (always, when not checking).
    fn matches(&mut self, scenario: &Scenario, content: Option<ContentHash>) -> bool {
        match content {
            Some(h) if self.0.is_some() => self.of(scenario) == h,
            _ => true,
        }
    }

    fn of(&mut self, scenario: &Scenario) -> ContentHash {
        let known = self.0.get_or_insert_with(Vec::new);
        if let Some((_, h)) = known.iter().find(|(id, _)| *id == scenario.id) {
            return *h;
        }
        let h = content_hash_of(scenario);
        known.push((scenario.id.clone(), h));
        h
    }
}

fn verify_with(
    record: &ResultRecord,
    workshop: &Workshop,
    scenarios: &[Scenario],
    hashes: &mut Hashes,
) -> Result<Verified, Rejection> {
    if record.workshop != workshop.id {
        return Err(Rejection::OtherWorkshop {
            workshop: record.workshop.clone(),
        });
    }
    // The app writes names cleaned; anything else was written by hand.
    if clean_name(&record.agent).as_deref() != Ok(record.agent.as_str())
        || !workshop.wadah.contains(&record.wadah)
    {
        return Err(Rejection::WhoUnknown);
    }
    if !PLAUSIBLE_START.contains(&record.started_s) || record.duration_s > MAX_DURATION_S {
        return Err(Rejection::WhenImpossible);
    }
    if record.seed != test_seed(&record.workshop, record.attempt) {
        return Err(Rejection::SeedNotDrawn);
    }
    let planned = workshop
        .tests(record.phase)
        .iter()
        .any(|r| r.id == record.scenario);
    let scenario = scenarios.iter().find(|s| s.id == record.scenario);
    let (true, Some(scenario)) = (planned, scenario) else {
        return Err(Rejection::NotATest {
            scenario: record.scenario.clone(),
        });
    };
    if scenario.version != record.version {
        return Err(Rejection::OtherVersion {
            scenario: record.scenario.clone(),
            played: record.version,
            here: scenario.version,
        });
    }
    // Codes from before Latih carried the hash name the scenario by id and version only.
    if !hashes.matches(scenario, record.content) {
        return Err(Rejection::OtherCopy {
            scenario: record.scenario.clone(),
        });
    }
    let rates = RatesTable::find(&record.rates).ok_or_else(|| Rejection::UnknownRates {
        version: record.rates.clone(),
    })?;
    let terms = Terms {
        date: record.date,
        rates,
    };
    let mut session = Session::start(scenario, record.seed, terms)
        .map_err(|_| Rejection::Unplayable { turn: 1 })?;
    for (i, &index) in record.choices.iter().enumerate() {
        let unplayable = Rejection::Unplayable { turn: i + 1 };
        if session.end().is_some() {
            return Err(unplayable);
        }
        let node = &scenario.nodes[session.state().node as usize];
        let choice = node.choices.get(index as usize).ok_or(unplayable.clone())?;
        session.choose(&choice.id).map_err(|_| unplayable)?;
    }
    let card = session.score_card().ok_or(Rejection::Unfinished)?;
    if card.total != record.score {
        return Err(Rejection::ScoreEdited {
            claimed: record.score,
            replayed: card.total,
        });
    }
    Ok(Verified {
        record: record.clone(),
        save: session.save(),
        turns: session.turns().cloned().collect(),
        card,
        terms,
        doubts: doubts(record, workshop),
    })
}

/// What importing a batch of pasted text or files found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    /// New, verified results, with their codes as found.
    pub accepted: Vec<(String, Verified)>,
    /// Codes for attempts already imported (or twice in this batch): counted once.
    pub duplicates: u32,
    /// Codes refused, each with the reason.
    pub rejected: Vec<(String, Rejection)>,
}

/// Checks every result code in `text` against the workshop: `known` holds the codes imported
/// before. Nothing here writes anything; the caller stores only what was accepted.
pub fn check_batch(
    text: &str,
    workshop: &Workshop,
    scenarios: &[Scenario],
    known: &[String],
) -> Batch {
    check(text, workshop, scenarios, known, Hashes::checking())
}

fn check(
    text: &str,
    workshop: &Workshop,
    scenarios: &[Scenario],
    known: &[String],
    mut hashes: Hashes,
) -> Batch {
    // Each attempt once, with who took it: the same attempt under another name is a copy.
    let mut seen: Vec<(AttemptId, String, String)> = known
        .iter()
        .filter_map(|c| ResultRecord::from_code(c).ok())
        .map(|r| (r.attempt, r.agent, r.wadah))
        .collect();
    let mut batch = Batch::default();
    for code in find_codes(text) {
        let checked = ResultRecord::from_code(code)
            .map_err(Rejection::Code)
            .and_then(|r| verify_with(&r, workshop, scenarios, &mut hashes));
        match checked {
            Ok(v) => match seen.iter().find(|(a, _, _)| *a == v.record.attempt) {
                Some((_, agent, wadah)) if *agent == v.record.agent && *wadah == v.record.wadah => {
                    batch.duplicates += 1
                }
                Some((_, agent, _)) => batch
                    .rejected
                    .push((code.to_owned(), Rejection::Copied { of: agent.clone() })),
                None => {
                    seen.push((
                        v.record.attempt,
                        v.record.agent.clone(),
                        v.record.wadah.clone(),
                    ));
                    batch.accepted.push((code.to_owned(), v));
                }
            },
            Err(why) => batch.rejected.push((code.to_owned(), why)),
        }
    }
    batch
}

/// The verified results behind stored codes (codes that no longer verify, e.g. after a
/// scenario changed version, are left out), one per attempt.
///
/// Contents were checked when the codes were imported; they are not checked again, so an
/// update of Latih that changes the compiled form of scenarios (and so every content hash)
/// never drops results already counted.
pub fn verified_results(
    codes: &[String],
    workshop: &Workshop,
    scenarios: &[Scenario],
) -> Vec<Verified> {
    check(
        &codes.join("\n"),
        workshop,
        scenarios,
        &[],
        Hashes::default(),
    )
    .accepted
    .into_iter()
    .map(|(_, v)| v)
    .collect()
}

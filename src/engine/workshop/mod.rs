//! Workshops and the results that travel from agents' phones to the trainer without a server.
//!
//! A [`Workshop`] (name, date, place, the Wadah taking part, the scenarios for the pre-test, the
//! post-test and practice) travels to the phones as a short code in a link. Each finished
//! assessment becomes a [`ResultRecord`]: who, which Wadah, which scenario and version, the seed
//! and the choices, and the score the agent saw. Its code carries a CRC-32, so a damaged code
//! is refused, and the trainer's app replays the choices with the engine ([`verify()`]), so an
//! edited score is refused with the reason. What a code cannot prove is who held the phone: a
//! name is what the agent typed.
//!
//! This file holds what a workshop and a result are; the modules around it hold what is done
//! with them: `codes` (the text codes that carry them, and finding codes in a pasted text),
//! `verify` (replaying a result and checking a batch), `doubts` (what a trainer should look at
//! in a verified result) and `names` (how a typed name is kept).

use serde::{Deserialize, Serialize};

use super::code::to_base32;
use super::pack::ContentHash;
use super::scenario::Scenario;
use super::session::Session;
use super::terms::Date;

mod codes;
mod doubts;
pub mod installed;
mod names;
mod package;
mod verify;

pub use codes::{find_codes, CodeError, MAX_CODE_CHARS, RESULT_PREFIX};
pub use doubts::{doubts, Doubt, DAYS_AFTER, DAYS_BEFORE, MIN_SECONDS_PER_TURN};
pub use names::{clean_name, NameProblem, MAX_NAME_CHARS};
pub use package::{
    install_link, link_payload, Package, PackageError, INSTALL_PAGE, LINK_FRAGMENT, MAX_LINK_CHARS,
    MAX_PACKAGE_BYTES, MAX_PACKAGE_SCENARIOS, PACKAGE_FORMAT, PACKAGE_KIND,
};
pub use verify::{
    check_batch, verified_results, verify, verify_stored, Batch, Rejection, Verified,
};

/// A scenario at a given content version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioRef {
    /// Scenario id.
    pub id: String,
    /// Content version.
    pub version: u32,
}

impl ScenarioRef {
    /// The reference to `scenario` as it is now.
    pub fn of(scenario: &Scenario) -> ScenarioRef {
        ScenarioRef {
            id: scenario.id.clone(),
            version: scenario.version,
        }
    }
}

/// Which assessment of a workshop a result belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Before the training.
    PreTest,
    /// After it.
    PostTest,
}

impl Phase {
    fn byte(self) -> u8 {
        match self {
            Phase::PreTest => 0,
            Phase::PostTest => 1,
        }
    }

    fn from_byte(b: u8) -> Option<Phase> {
        match b {
            0 => Some(Phase::PreTest),
            1 => Some(Phase::PostTest),
            _ => None,
        }
    }
}

/// A workshop, as the trainer sets it up and the agents' phones receive it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workshop {
    /// A short random identifier (8 base32 characters).
    pub id: String,
    /// Name, e.g. "Upgrading Skill Perisai Lombok Timur".
    pub name: String,
    /// The day it takes place.
    pub date: Date,
    /// Where.
    pub place: String,
    /// The Wadah taking part; an agent picks one when joining.
    pub wadah: Vec<String>,
    /// Scenarios of the pre-test (assessment mode).
    pub pre_test: Vec<ScenarioRef>,
    /// Scenarios of the post-test (assessment mode).
    pub post_test: Vec<ScenarioRef>,
    /// Scenarios for practice.
    pub practice: Vec<ScenarioRef>,
    /// Whether the post-test opens only after a practice run (it always waits for the
    /// pre-test).
    pub post_after_practice: bool,
}

impl Workshop {
    /// An identifier from 40 random bits.
    pub fn new_id(random: u64) -> String {
        to_base32(&random.to_be_bytes()[3..])
    }

    /// Every scenario the workshop names: pre-test, post-test and practice.
    pub fn uses(&self) -> impl Iterator<Item = &ScenarioRef> {
        [&self.pre_test, &self.post_test, &self.practice]
            .into_iter()
            .flatten()
    }

    /// The tests of `phase`.
    pub fn tests(&self, phase: Phase) -> &[ScenarioRef] {
        match phase {
            Phase::PreTest => &self.pre_test,
            Phase::PostTest => &self.post_test,
        }
    }
}

/// A random attempt identifier, shown as a UUID (version 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AttemptId(pub [u8; 16]);

impl AttemptId {
    /// An identifier from 128 random bits (the version and variant bits are then set).
    pub fn from_random(high: u64, low: u64) -> AttemptId {
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&high.to_be_bytes());
        b[8..].copy_from_slice(&low.to_be_bytes());
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        AttemptId(b)
    }

    /// Reads the UUID text back.
    pub fn from_uuid(text: &str) -> Option<AttemptId> {
        let hex: Vec<u8> = text
            .bytes()
            .filter(|b| *b != b'-')
            .map(|b| (b as char).to_digit(16).map(|d| d as u8))
            .collect::<Option<Vec<u8>>>()?;
        if hex.len() != 32 {
            return None;
        }
        let mut out = [0u8; 16];
        for (i, pair) in hex.chunks(2).enumerate() {
            out[i] = pair[0] << 4 | pair[1];
        }
        Some(AttemptId(out))
    }

    /// The UUID text, e.g. `1b4e28ba-2fa1-41d2-883f-0016d3cca427`.
    pub fn uuid(&self) -> String {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut out = String::with_capacity(36);
        for (i, b) in self.0.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                out.push('-');
            }
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
        out
    }
}

/// The seed of a workshop test: drawn from the workshop and the attempt, so the situation is
/// fresh for every attempt and a code cannot choose its own (a code whose seed is not this one
/// was not made by the app).
pub fn test_seed(workshop: &str, attempt: AttemptId) -> u64 {
    // FNV-1a over the workshop id and the attempt's bytes, then a splitmix finaliser.
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for b in workshop.bytes().chain(attempt.0) {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// One finished assessment, as its result code carries it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultRecord {
    /// The attempt's identifier (xAPI `context.registration`).
    pub attempt: AttemptId,
    /// The workshop's id.
    pub workshop: String,
    /// The agent's name as they typed it.
    pub agent: String,
    /// The agent's Wadah.
    pub wadah: String,
    /// Pre-test or post-test.
    pub phase: Phase,
    /// Scenario id.
    pub scenario: String,
    /// Scenario content version.
    pub version: u32,
    /// The worker's seed.
    pub seed: u64,
    /// The run's date (its figures are those of this day).
    pub date: Date,
    /// The version of the rates table it was scored with.
    pub rates: String,
    /// The content hash of the scenario as the phone had it (`None` in codes of Latih before
    /// it carried one).
    pub content: Option<ContentHash>,
    /// The choice made at each turn, as its index among the node's choices as written (not
    /// as shown, which depends on the seed).
    pub choices: Vec<u32>,
    /// The score the agent saw.
    pub score: u32,
    /// When the attempt started (seconds since the Unix epoch).
    pub started_s: u64,
    /// How long it took, in seconds.
    pub duration_s: u32,
}

/// Who took an assessment, and where it belongs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Taker {
    /// The workshop's id.
    pub workshop: String,
    /// The agent's name.
    pub agent: String,
    /// The agent's Wadah.
    pub wadah: String,
    /// Pre-test or post-test.
    pub phase: Phase,
}

impl ResultRecord {
    /// The record of a finished `session`, played on the scenario whose compiled form hashes to
    /// `content`; `None` while it is still going.
    pub fn of(
        session: &Session,
        content: Option<ContentHash>,
        taker: Taker,
        attempt: AttemptId,
        started_s: u64,
        duration_s: u32,
    ) -> Option<ResultRecord> {
        let card = session.score_card()?;
        let save = session.save();
        Some(ResultRecord {
            attempt,
            workshop: taker.workshop,
            agent: taker.agent,
            wadah: taker.wadah,
            phase: taker.phase,
            scenario: save.scenario,
            version: save.version,
            seed: save.seed,
            date: session.terms().date,
            rates: session.terms().rates.version.clone(),
            content,
            choices: session.turns().map(|t| t.choice).collect(),
            score: card.total,
            started_s,
            duration_s,
        })
    }
}

#[cfg(test)]
mod tests;

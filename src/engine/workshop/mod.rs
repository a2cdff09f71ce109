//! Workshops and the results that travel from agents' phones to the trainer without a server.
//!
//! A [`Workshop`] (name, date, place, the Wadah taking part, the scenarios for the pre-test, the
//! post-test and practice) travels to the phones as a short code in a link. Each finished
//! assessment becomes a [`ResultRecord`]: who, which Wadah, which scenario and version, the seed
//! and the choices, and the score the agent saw. Its code carries a CRC-32, so a damaged code
//! is refused, and the trainer's app replays the choices with the engine ([`verify`]), so an
//! edited score is refused with the reason. What a code cannot prove is who held the phone: a
//! name is what the agent typed.

use serde::{Deserialize, Serialize};

use super::code::{from_base32, to_base32, ReadError, Reader, Writer};
use super::messages::{message, Msg};
use super::rates::RatesTable;
use super::scenario::{Localized, Scenario};
use super::scoring::ScoreCard;
use super::session::{SaveState, Session};
use super::sim::{Terms, Turn};
use super::terms::Date;

/// What every result code starts with, so codes can be picked out of a pasted chat.
pub const RESULT_PREFIX: &str = "LATIH-";
/// The longest code accepted (a real one is a few hundred characters).
pub const MAX_CODE_CHARS: usize = 8_000;
const WORKSHOP_TAG: u8 = b'W';
const RESULT_TAG: u8 = b'R';
/// The workshop code layout written now. Version 2 added the order of the tests (a flags byte);
/// version 1 codes are still read (the post-test then opens after the pre-test).
const WORKSHOP_FORMAT: u8 = 2;
/// The result code layout written now. Version 2 added the run's date and the rates table's
/// version; version 1 codes were scored under rules that have changed and are refused.
const RESULT_FORMAT: u8 = 2;

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

/// Why a code could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// Not a Latih code at all (wrong characters, or a code of another kind).
    NotACode,
    /// A Latih code with characters missing or changed.
    Damaged,
    /// Made by a newer Latih.
    Newer,
    /// Made by an earlier Latih whose figures and scoring have changed since: it cannot be
    /// checked again.
    Older,
}

impl CodeError {
    /// The reason in both languages.
    pub fn message(self) -> Localized {
        message(
            match self {
                CodeError::NotACode => Msg::CodeNotACode,
                CodeError::Damaged => Msg::CodeDamaged,
                CodeError::Newer => Msg::CodeNewer,
                CodeError::Older => Msg::CodeOlder,
            },
            &[],
        )
    }
}

impl From<ReadError> for CodeError {
    fn from(_: ReadError) -> CodeError {
        CodeError::Damaged
    }
}

/// Reads the tagged, checked bytes of a code whose layout is `oldest..=format`: the bytes, the
/// position after the header, and the layout version.
fn open(text: &str, tag: u8, oldest: u8, format: u8) -> Result<(Vec<u8>, usize, u8), CodeError> {
    if text.len() > MAX_CODE_CHARS {
        return Err(CodeError::NotACode);
    }
    let bytes = from_base32(text).ok_or(CodeError::NotACode)?;
    if bytes.first() != Some(&tag) {
        // A truncated or mistyped first character also lands here; say "damaged" when the
        // rest still looks like ours.
        return Err(if bytes.len() > 6 {
            CodeError::Damaged
        } else {
            CodeError::NotACode
        });
    }
    Reader::checked(&bytes)?;
    match bytes.get(1) {
        Some(&v) if (oldest..=format).contains(&v) => Ok((bytes, 2, v)),
        Some(&v) if v > format => Err(CodeError::Newer),
        Some(&v) if v >= 1 => Err(CodeError::Older),
        _ => Err(CodeError::Damaged),
    }
}

fn write_refs(w: &mut Writer, refs: &[ScenarioRef]) {
    w.varint(refs.len() as u64);
    for r in refs {
        w.str(&r.id).varint(u64::from(r.version));
    }
}

fn read_refs(r: &mut Reader) -> Result<Vec<ScenarioRef>, CodeError> {
    let n = r.varint()?;
    let mut refs = Vec::new();
    for _ in 0..n {
        refs.push(ScenarioRef {
            id: r.str()?,
            version: u32::try_from(r.varint()?).map_err(|_| CodeError::Damaged)?,
        });
    }
    Ok(refs)
}

fn read_u32(r: &mut Reader) -> Result<u32, CodeError> {
    u32::try_from(r.varint()?).map_err(|_| CodeError::Damaged)
}

impl Workshop {
    /// An identifier from 40 random bits.
    pub fn new_id(random: u64) -> String {
        to_base32(&random.to_be_bytes()[3..])
    }

    /// The code that carries this workshop in a link.
    pub fn to_code(&self) -> String {
        let mut w = Writer::new();
        w.u8(WORKSHOP_TAG)
            .u8(WORKSHOP_FORMAT)
            .str(&self.id)
            .str(&self.name)
            .varint(u64::from(self.date.year))
            .u8(self.date.month)
            .u8(self.date.day)
            .str(&self.place);
        w.varint(self.wadah.len() as u64);
        for wadah in &self.wadah {
            w.str(wadah);
        }
        write_refs(&mut w, &self.pre_test);
        write_refs(&mut w, &self.post_test);
        write_refs(&mut w, &self.practice);
        w.u8(u8::from(self.post_after_practice));
        to_base32(&w.finish())
    }

    /// Reads a workshop code.
    pub fn from_code(text: &str) -> Result<Workshop, CodeError> {
        let (bytes, at, format) = open(text.trim(), WORKSHOP_TAG, 1, WORKSHOP_FORMAT)?;
        let mut r = Reader::checked(&bytes)?;
        r.bytes(at)?;
        let id = r.str()?;
        let name = r.str()?;
        let year = u16::try_from(r.varint()?).map_err(|_| CodeError::Damaged)?;
        let (month, day) = (r.u8()?, r.u8()?);
        let date = Date::new(year, month, day).ok_or(CodeError::Damaged)?;
        let place = r.str()?;
        let n = r.varint()?;
        let mut wadah = Vec::new();
        for _ in 0..n {
            wadah.push(r.str()?);
        }
        let workshop = Workshop {
            id,
            name,
            date,
            place,
            wadah,
            pre_test: read_refs(&mut r)?,
            post_test: read_refs(&mut r)?,
            practice: read_refs(&mut r)?,
            post_after_practice: format >= 2 && r.u8()? == 1,
        };
        if !r.is_done() {
            return Err(CodeError::Damaged);
        }
        Ok(workshop)
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

/// Something about a verified result that a trainer should look at before counting it. The
/// replay proves the score; these say the code may not come from a real test.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Doubt {
    /// Finished faster than anyone can read the worker's lines and the choices.
    TooFast {
        /// Seconds the test took.
        seconds: u32,
        /// Choices made.
        turns: u32,
    },
    /// Played on a day far from the workshop's.
    OutsideWorkshop {
        /// The run's date.
        played: Date,
    },
}

/// The fewest seconds a choice takes an agent who reads it.
pub const MIN_SECONDS_PER_TURN: u32 = 3;
/// A test may be taken this many days before the workshop's date...
pub const DAYS_BEFORE: i64 = 7;
/// ...and this many after it.
pub const DAYS_AFTER: i64 = 60;

impl Doubt {
    /// The doubt in both languages.
    pub fn message(&self) -> Localized {
        match self {
            Doubt::TooFast { seconds, turns } => message(
                Msg::DoubtTooFast,
                &[
                    ("seconds", seconds.to_string()),
                    ("turns", turns.to_string()),
                ],
            ),
            Doubt::OutsideWorkshop { played } => {
                let one = |english| super::messages::long_date(*played, english);
                let mut m = message(Msg::DoubtOutside, &[]);
                m.id = super::messages::fill(&m.id, &[("date", one(false))]);
                m.en = super::messages::fill(&m.en, &[("date", one(true))]);
                m
            }
        }
    }
}

/// Days since 1970-01-01 of a date.
fn day_number(d: Date) -> i64 {
    // Howard Hinnant's days-from-civil.
    let y = i64::from(d.year) - i64::from(d.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(d.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// What a trainer should look at in a verified result.
pub fn doubts(record: &ResultRecord, workshop: &Workshop) -> Vec<Doubt> {
    let mut out = Vec::new();
    let turns = record.choices.len() as u32;
    if record.duration_s < turns.saturating_mul(MIN_SECONDS_PER_TURN) {
        out.push(Doubt::TooFast {
            seconds: record.duration_s,
            turns,
        });
    }
    let days = day_number(record.date) - day_number(workshop.date);
    if !(-DAYS_BEFORE..=DAYS_AFTER).contains(&days) {
        out.push(Doubt::OutsideWorkshop {
            played: record.date,
        });
    }
    out
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
    /// The record of a finished `session`; `None` while it is still going.
    pub fn of(
        session: &Session,
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
            choices: session.turns().map(|t| t.choice).collect(),
            score: card.total,
            started_s,
            duration_s,
        })
    }

    /// The result code: `LATIH-` and base32 text.
    pub fn to_code(&self) -> String {
        let mut w = Writer::new();
        w.u8(RESULT_TAG)
            .u8(RESULT_FORMAT)
            .bytes(&self.attempt.0)
            .str(&self.workshop)
            .str(&self.agent)
            .str(&self.wadah)
            .u8(self.phase.byte())
            .str(&self.scenario)
            .varint(u64::from(self.version))
            .bytes(&self.seed.to_be_bytes())
            .varint(u64::from(self.date.year))
            .u8(self.date.month)
            .u8(self.date.day)
            .str(&self.rates)
            .varint(self.choices.len() as u64);
        for c in &self.choices {
            w.varint(u64::from(*c));
        }
        w.varint(u64::from(self.score))
            .varint(self.started_s)
            .varint(u64::from(self.duration_s));
        format!("{RESULT_PREFIX}{}", to_base32(&w.finish()))
    }

    /// Reads a result code (with or without its `LATIH-` prefix).
    pub fn from_code(text: &str) -> Result<ResultRecord, CodeError> {
        let text = text.trim();
        let body = match text.get(..RESULT_PREFIX.len()) {
            Some(p) if p.eq_ignore_ascii_case(RESULT_PREFIX) => &text[RESULT_PREFIX.len()..],
            _ => text,
        };
        let (bytes, at, _) = open(body, RESULT_TAG, RESULT_FORMAT, RESULT_FORMAT)?;
        let mut r = Reader::checked(&bytes)?;
        r.bytes(at)?;
        let mut attempt = [0u8; 16];
        attempt.copy_from_slice(r.bytes(16)?);
        let workshop = r.str()?;
        let agent = r.str()?;
        let wadah = r.str()?;
        let phase = Phase::from_byte(r.u8()?).ok_or(CodeError::Damaged)?;
        let scenario = r.str()?;
        let version = read_u32(&mut r)?;
        let mut seed = [0u8; 8];
        seed.copy_from_slice(r.bytes(8)?);
        let year = u16::try_from(r.varint()?).map_err(|_| CodeError::Damaged)?;
        let (month, day) = (r.u8()?, r.u8()?);
        let date = Date::new(year, month, day).ok_or(CodeError::Damaged)?;
        let rates = r.str()?;
        let n = r.varint()?;
        let mut choices = Vec::new();
        for _ in 0..n {
            choices.push(read_u32(&mut r)?);
        }
        let record = ResultRecord {
            attempt: AttemptId(attempt),
            workshop,
            agent,
            wadah,
            phase,
            scenario,
            version,
            seed: u64::from_be_bytes(seed),
            date,
            rates,
            choices,
            score: read_u32(&mut r)?,
            started_s: r.varint()?,
            duration_s: read_u32(&mut r)?,
        };
        if !r.is_done() {
            return Err(CodeError::Damaged);
        }
        Ok(record)
    }
}

/// Every result code in a pasted text (a chat export, a list, one per line...), in order.
pub fn find_codes(text: &str) -> Vec<&str> {
    let mut codes = Vec::new();
    let mut rest = text;
    while let Some(at) = find_ignore_case(rest, RESULT_PREFIX) {
        let tail = &rest[at..];
        let end = tail[RESULT_PREFIX.len()..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map_or(tail.len(), |e| e + RESULT_PREFIX.len());
        codes.push(&tail[..end]);
        rest = &tail[end..];
    }
    codes
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack.char_indices().map(|(i, _)| i).find(|&i| {
        haystack
            .get(i..i + needle.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(needle))
    })
}

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

/// Why a typed name cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameProblem {
    /// Nothing visible is left.
    Empty,
    /// It holds a control character (such as NUL), which no keyboard types.
    Control,
}

/// A name as the app keeps it: invisible characters (zero-width spaces and joiners, byte-order
/// marks) and direction overrides removed, so a name cannot show blank or reversed on a
/// leaderboard; spaces collapsed; at most [`MAX_NAME_CHARS`] characters. A control character
/// is refused rather than removed.
pub fn clean_name(typed: &str) -> Result<String, NameProblem> {
    const INVISIBLE: &[char] = &[
        '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{00ad}', '\u{200e}',
        '\u{200f}', '\u{061c}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}',
        '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    ];
    if typed.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return Err(NameProblem::Control);
    }
    let visible: String = typed.chars().filter(|c| !INVISIBLE.contains(c)).collect();
    let name: String = visible
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_NAME_CHARS)
        .collect();
    if name.is_empty() {
        Err(NameProblem::Empty)
    } else {
        Ok(name)
    }
}

/// The longest agent name a result may carry (what the join form allows).
pub const MAX_NAME_CHARS: usize = 60;
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
            .and_then(|r| verify(&r, workshop, scenarios));
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
pub fn verified_results(
    codes: &[String],
    workshop: &Workshop,
    scenarios: &[Scenario],
) -> Vec<Verified> {
    check_batch(&codes.join("\n"), workshop, scenarios, &[])
        .accepted
        .into_iter()
        .map(|(_, v)| v)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::balance::{scripted_session, Policy};
    use crate::engine::pack;

    /// The day the tests play on: a workshop in December 2026.
    fn day() -> crate::engine::sim::Terms {
        crate::engine::sim::Terms::on(crate::engine::terms::Date {
            year: 2026,
            month: 12,
            day: 3,
        })
    }

    fn workshop(scenarios: &[Scenario]) -> Workshop {
        Workshop {
            id: Workshop::new_id(0x0012_3456_789a),
            name: "Upgrading Skill Perisai — Lombok Timur".into(),
            date: Date::new(2026, 12, 3).unwrap(),
            place: "Aula BPJS Ketenagakerjaan Selong".into(),
            wadah: vec![
                "Koperasi Nelayan Tanjung Luar".into(),
                "Pokdarwis Sukarara".into(),
            ],
            pre_test: vec![ScenarioRef::of(&scenarios[0])],
            post_test: vec![ScenarioRef::of(&scenarios[1])],
            practice: scenarios.iter().map(ScenarioRef::of).collect(),
            post_after_practice: true,
        }
    }

    fn record(scenario: &Scenario, workshop: &Workshop, phase: Phase) -> ResultRecord {
        record_as(scenario, workshop, phase, AttemptId::from_random(1, 2))
    }

    /// A result as the app makes it for `attempt` (its seed drawn from workshop and attempt).
    fn record_as(
        scenario: &Scenario,
        workshop: &Workshop,
        phase: Phase,
        attempt: AttemptId,
    ) -> ResultRecord {
        let seed = test_seed(&workshop.id, attempt);
        let session = scripted_session(scenario, Policy::BestPractice, seed, day()).unwrap();
        let taker = Taker {
            workshop: workshop.id.clone(),
            agent: "Rina".into(),
            wadah: workshop.wadah[0].clone(),
            phase,
        };
        ResultRecord::of(&session, taker, attempt, 1_796_000_000, 540).unwrap()
    }

    #[test]
    fn a_workshop_travels_as_a_code() {
        let scenarios = pack::load().unwrap();
        let w = workshop(&scenarios);
        assert_eq!(w.id.len(), 8);
        let code = w.to_code();
        assert!(code.len() < 700, "{} characters", code.len());
        assert_eq!(Workshop::from_code(&code), Ok(w.clone()));
        assert_eq!(
            Workshop::from_code(&code.to_lowercase()),
            Ok(w),
            "case does not matter"
        );
        assert_eq!(Workshop::from_code("hello!"), Err(CodeError::NotACode));
        assert_eq!(
            Workshop::from_code(&code[..code.len() - 3]),
            Err(CodeError::Damaged)
        );
    }

    #[test]
    fn a_genuine_result_is_verified_and_its_code_is_compact() {
        let scenarios = pack::load().unwrap();
        let w = workshop(&scenarios);
        let r = record(&scenarios[0], &w, Phase::PreTest);
        let code = r.to_code();
        assert!(code.starts_with(RESULT_PREFIX));
        assert!(code.len() < 300, "{} characters", code.len());
        let back = ResultRecord::from_code(&code).unwrap();
        assert_eq!(back, r);
        let v = verify(&back, &w, &scenarios).unwrap();
        assert_eq!(v.card.total, r.score);
        assert!(v.card.passed, "best practice passes");
        assert_eq!(v.turns.len(), r.choices.len());
        assert_eq!(r.attempt.uuid().len(), 36);
        assert_eq!(&r.attempt.uuid()[14..15], "4", "a version-4 UUID");
    }

    #[test]
    fn an_edited_score_is_rejected_with_both_scores() {
        let scenarios = pack::load().unwrap();
        let w = workshop(&scenarios);
        let mut r = record(&scenarios[0], &w, Phase::PreTest);
        let real = r.score;
        r.score = 100 - real / 2;
        // A forger can recompute the checksum (the format is open); the replay still catches it.
        let forged = ResultRecord::from_code(&r.to_code()).unwrap();
        assert_eq!(
            verify(&forged, &w, &scenarios),
            Err(Rejection::ScoreEdited {
                claimed: 100 - real / 2,
                replayed: real
            })
        );
        let why = Rejection::ScoreEdited {
            claimed: 90,
            replayed: 40,
        }
        .message();
        assert!(why.en.contains("90") && why.en.contains("40"), "{}", why.en);
        assert!(why.id.contains("90") && why.id.contains("40"), "{}", why.id);
    }

    #[test]
    fn a_corrupted_code_is_refused() {
        let scenarios = pack::load().unwrap();
        let w = workshop(&scenarios);
        let code = record(&scenarios[0], &w, Phase::PreTest).to_code();
        let mut chars: Vec<char> = code.chars().collect();
        let at = chars.len() / 2;
        chars[at] = if chars[at] == 'A' { 'B' } else { 'A' };
        let damaged: String = chars.into_iter().collect();
        assert_eq!(ResultRecord::from_code(&damaged), Err(CodeError::Damaged));
        assert_eq!(
            ResultRecord::from_code(&code[..code.len() - 5]),
            Err(CodeError::Damaged)
        );
        assert_eq!(
            ResultRecord::from_code("LATIH-hello!"),
            Err(CodeError::NotACode)
        );
        assert_eq!(
            ResultRecord::from_code(&w.to_code()),
            Err(CodeError::Damaged),
            "a workshop code is not a result"
        );
    }

    #[test]
    fn results_from_elsewhere_are_refused_with_the_reason() {
        let scenarios = pack::load().unwrap();
        let w = workshop(&scenarios);
        let r = record(&scenarios[0], &w, Phase::PreTest);

        let other = Workshop {
            id: Workshop::new_id(99),
            ..w.clone()
        };
        assert!(matches!(
            verify(&r, &other, &scenarios),
            Err(Rejection::OtherWorkshop { .. })
        ));
        let wrong_phase = ResultRecord {
            phase: Phase::PostTest,
            ..r.clone()
        };
        assert!(matches!(
            verify(&wrong_phase, &w, &scenarios),
            Err(Rejection::NotATest { .. })
        ));
        let old = ResultRecord {
            version: r.version + 1,
            ..r.clone()
        };
        assert!(matches!(
            verify(&old, &w, &scenarios),
            Err(Rejection::OtherVersion { .. })
        ));
        let mut short = r.clone();
        short.choices.pop();
        assert_eq!(verify(&short, &w, &scenarios), Err(Rejection::Unfinished));
        let mut bad = r.clone();
        bad.choices[1] = 250;
        assert_eq!(
            verify(&bad, &w, &scenarios),
            Err(Rejection::Unplayable { turn: 2 })
        );
        let nobody = ResultRecord {
            agent: "  ".into(),
            ..r.clone()
        };
        assert_eq!(verify(&nobody, &w, &scenarios), Err(Rejection::WhoUnknown));
        let elsewhere = ResultRecord {
            wadah: "Wadah Palsu".into(),
            ..r.clone()
        };
        assert_eq!(
            verify(&elsewhere, &w, &scenarios),
            Err(Rejection::WhoUnknown)
        );
        let future = ResultRecord {
            started_s: u64::MAX - 5,
            ..r.clone()
        };
        assert_eq!(
            verify(&future, &w, &scenarios),
            Err(Rejection::WhenImpossible)
        );
        let endless = ResultRecord {
            duration_s: u32::MAX,
            ..r.clone()
        };
        assert_eq!(
            verify(&endless, &w, &scenarios),
            Err(Rejection::WhenImpossible)
        );
        let mut long = r;
        long.choices.push(0);
        assert!(matches!(
            verify(&long, &w, &scenarios),
            Err(Rejection::Unplayable { .. })
        ));
    }

    #[test]
    fn a_batch_accepts_new_codes_counts_repeats_once_and_explains_refusals() {
        let scenarios = pack::load().unwrap();
        let w = workshop(&scenarios);
        let a = record(&scenarios[0], &w, Phase::PreTest).to_code();
        let b = record_as(
            &scenarios[1],
            &w,
            Phase::PostTest,
            AttemptId::from_random(7, 7),
        )
        .to_code();
        let text = format!("Rina: {a}\nRina lagi: {a}\nBudi: {b}\nSiti: LATIH-ZZZZ");
        let batch = check_batch(&text, &w, &scenarios, &[]);
        assert_eq!(batch.accepted.len(), 2, "{:?}", batch.rejected);
        assert_eq!(batch.duplicates, 1);
        assert_eq!(batch.rejected.len(), 1);
        assert_eq!(batch.rejected[0].0, "LATIH-ZZZZ");
        let again = check_batch(&text, &w, &scenarios, &[a.clone(), b.clone()]);
        assert!(again.accepted.is_empty());
        assert_eq!(again.duplicates, 3);
        assert_eq!(
            verified_results(&[a.clone(), b, a], &w, &scenarios).len(),
            2
        );
    }

    #[test]
    fn a_result_code_from_before_dated_runs_is_refused_with_the_reason() {
        // A version 1 result code, written byte by byte as the earlier Latih wrote it: no date
        // and no rates version. Its score was computed under rules that have changed.
        let mut w = Writer::new();
        w.u8(RESULT_TAG)
            .u8(1)
            .bytes(&[7u8; 16])
            .str("ABCDEFGH")
            .str("Rina")
            .str("Koperasi A")
            .u8(0)
            .str("fisher-lombok-timur")
            .varint(1)
            .bytes(&42u64.to_be_bytes())
            .varint(2)
            .varint(0)
            .varint(1)
            .varint(90)
            .varint(1_796_000_000)
            .varint(300);
        let code = format!("{RESULT_PREFIX}{}", to_base32(&w.finish()));
        assert_eq!(ResultRecord::from_code(&code), Err(CodeError::Older));
        let why = CodeError::Older.message();
        assert!(
            why.en.contains("earlier Latih") && why.en.contains("take the test again"),
            "{why:?}"
        );
        assert!(why.id.contains("Latih versi lama"), "{why:?}");
        // A newer layout asks for an update instead.
        let mut w = Writer::new();
        w.u8(RESULT_TAG).u8(RESULT_FORMAT + 1).str("x");
        let newer = format!("{RESULT_PREFIX}{}", to_base32(&w.finish()));
        assert_eq!(ResultRecord::from_code(&newer), Err(CodeError::Newer));
    }

    #[test]
    fn a_result_code_carries_the_date_and_rates_it_was_scored_with() {
        let scenarios = pack::load().unwrap();
        let w = workshop(&scenarios);
        let record = record(&scenarios[0], &w, Phase::PreTest);
        assert_eq!(record.date, day().date);
        assert_eq!(record.rates, day().rates.version);
        let back = ResultRecord::from_code(&record.to_code()).unwrap();
        assert_eq!(back, record);
        // Verified with the same date: the figures and the score are the ones the agent saw.
        let v = verify(&back, &w, &scenarios).unwrap();
        assert_eq!(v.terms.date, record.date);
        // A code naming a rates table this build does not have is refused, not rescored.
        let mut unknown = record.clone();
        unknown.rates = "2031-01".into();
        let unknown = ResultRecord::from_code(&unknown.to_code()).unwrap();
        assert_eq!(
            verify(&unknown, &w, &scenarios).unwrap_err(),
            Rejection::UnknownRates {
                version: "2031-01".into()
            }
        );
    }

    #[test]
    fn workshop_codes_of_the_first_layout_still_open() {
        let scenarios = pack::load().unwrap();
        let mut w = workshop(&scenarios);
        w.post_after_practice = false;
        // Layout 1: the same fields without the flags byte.
        let mut old = Writer::new();
        old.u8(WORKSHOP_TAG)
            .u8(1)
            .str(&w.id)
            .str(&w.name)
            .varint(u64::from(w.date.year))
            .u8(w.date.month)
            .u8(w.date.day)
            .str(&w.place);
        old.varint(w.wadah.len() as u64);
        for x in &w.wadah {
            old.str(x);
        }
        write_refs(&mut old, &w.pre_test);
        write_refs(&mut old, &w.post_test);
        write_refs(&mut old, &w.practice);
        assert_eq!(
            Workshop::from_code(&to_base32(&old.finish())),
            Ok(w.clone())
        );
        w.post_after_practice = true;
        assert_eq!(Workshop::from_code(&w.to_code()), Ok(w));
    }

    #[test]
    fn a_code_cannot_choose_its_situation_or_be_copied_under_another_name() {
        let scenarios = pack::load().unwrap();
        let w = workshop(&scenarios);
        // The best path played on a seed of the forger's choosing, and its score.
        let mut forged = record(&scenarios[0], &w, Phase::PreTest);
        let session = scripted_session(&scenarios[0], Policy::BestPractice, 12_345, day()).unwrap();
        forged.seed = 12_345;
        forged.choices = session.turns().map(|t| t.choice).collect();
        forged.score = session.score_card().unwrap().total;
        let forged = ResultRecord::from_code(&forged.to_code()).unwrap();
        assert_eq!(
            verify(&forged, &w, &scenarios),
            Err(Rejection::SeedNotDrawn)
        );
        // Rina's real result sent again as Budi's: refused as a copy, naming Rina.
        let rina = record(&scenarios[0], &w, Phase::PreTest);
        let mut budi = rina.clone();
        budi.agent = "Budi".into();
        let text = format!("{}\n{}", rina.to_code(), budi.to_code());
        let batch = check_batch(&text, &w, &scenarios, &[]);
        assert_eq!(batch.accepted.len(), 1);
        assert_eq!(batch.rejected[0].1, Rejection::Copied { of: "Rina".into() });
        assert!(batch.rejected[0]
            .1
            .message()
            .en
            .contains("copy of Rina's result"));
        let later = check_batch(&budi.to_code(), &w, &scenarios, &[rina.to_code()]);
        assert_eq!(later.rejected[0].1, Rejection::Copied { of: "Rina".into() });
    }

    #[test]
    fn results_too_fast_or_far_from_the_workshop_are_flagged_for_the_trainer() {
        let scenarios = pack::load().unwrap();
        let w = workshop(&scenarios);
        let honest = record(&scenarios[0], &w, Phase::PreTest);
        assert!(verify(&honest, &w, &scenarios).unwrap().doubts.is_empty());
        let turns = honest.choices.len() as u32;
        let fast = ResultRecord {
            duration_s: 2 * turns,
            ..honest.clone()
        };
        let fast = ResultRecord::from_code(&fast.to_code()).unwrap();
        assert_eq!(
            verify(&fast, &w, &scenarios).unwrap().doubts,
            vec![Doubt::TooFast {
                seconds: 2 * turns,
                turns
            }]
        );
        // The workshop is on 3 December 2026; its tests a week before to two months after.
        let mut moved = w.clone();
        moved.date = Date::new(2027, 6, 1).unwrap();
        let v = verify(&honest, &moved, &scenarios).unwrap();
        assert_eq!(
            v.doubts,
            vec![Doubt::OutsideWorkshop {
                played: honest.date
            }]
        );
        assert!(
            v.doubts[0].message().id.contains("3 Desember 2026"),
            "{:?}",
            v.doubts[0].message()
        );
        moved.date = Date::new(2026, 11, 27).unwrap();
        assert!(verify(&honest, &moved, &scenarios)
            .unwrap()
            .doubts
            .is_empty());
        assert_eq!(day_number(Date::new(2026, 12, 3).unwrap()), 20_790);
    }

    #[test]
    fn names_are_kept_visible_and_in_order() {
        assert_eq!(clean_name("  Rina   Sari "), Ok("Rina Sari".into()));
        assert_eq!(clean_name("Ri\u{200b}na"), Ok("Rina".into()));
        assert_eq!(clean_name("\u{202e}aniR"), Ok("aniR".into()));
        assert_eq!(
            clean_name("\u{200b}\u{200d}\u{feff}"),
            Err(NameProblem::Empty)
        );
        assert_eq!(clean_name("Ri\0na"), Err(NameProblem::Control));
        assert_eq!(clean_name(&"a".repeat(80)).unwrap().len(), MAX_NAME_CHARS);
        // A code whose name the app would not have written is refused.
        let scenarios = pack::load().unwrap();
        let w = workshop(&scenarios);
        for forged in ["\u{202e}aniR", "Ri\u{200b}na", "Rina ", "Ri\0na"] {
            let mut r = record(&scenarios[0], &w, Phase::PreTest);
            r.agent = forged.into();
            let r = ResultRecord::from_code(&r.to_code()).unwrap();
            assert_eq!(
                verify(&r, &w, &scenarios).unwrap_err(),
                Rejection::WhoUnknown,
                "{forged:?}"
            );
        }
    }

    #[test]
    fn codes_are_found_in_a_pasted_chat() {
        let text =
            "[09.12] Rina: LATIH-ABC123\n[09.13] Budi: ini kode saya latih-XYZ9, makasih\nLATIH-";
        assert_eq!(
            find_codes(text),
            vec!["LATIH-ABC123", "latih-XYZ9", "LATIH-"]
        );
        assert!(find_codes("tidak ada kode").is_empty());
    }
}

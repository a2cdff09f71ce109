//! The text codes that carry a workshop to the phones and a result back: base32 text with a
//! tag, a layout version and a CRC-32, so a code of another kind, a damaged one and one from
//! another Latih are each refused with their own reason. Also finding result codes in a pasted
//! chat.

use super::{AttemptId, Phase, ResultRecord, ScenarioRef, Workshop};
use crate::engine::code::{from_base32, to_base32, ReadError, Reader, Writer};
use crate::engine::messages::{message, Msg};
use crate::engine::scenario::Localized;
use crate::engine::terms::Date;

/// What every result code starts with, so codes can be picked out of a pasted chat.
pub const RESULT_PREFIX: &str = "LATIH-";
/// The longest code accepted (a real one is a few hundred characters).
pub const MAX_CODE_CHARS: usize = 8_000;
/// The first byte of a workshop code, so a result code given where a workshop's belongs is
/// told apart (and the other way round).
pub(super) const WORKSHOP_TAG: u8 = b'W';
/// The first byte of a result code.
pub(super) const RESULT_TAG: u8 = b'R';
/// The workshop code layout written now. Version 2 added the order of the tests (a flags byte);
/// version 1 codes are still read (the post-test then opens after the pre-test).
const WORKSHOP_FORMAT: u8 = 2;
/// The result code layout written now. Version 2 added the run's date and the rates table's
/// version; version 1 codes were scored under rules that have changed and are refused.
/// Version 3 added the content hash of the scenario played; version 2 codes are still read
/// (without one, so they are checked by id and version as before).
pub(super) const RESULT_FORMAT: u8 = 3;
/// The oldest result code layout read.
const OLDEST_RESULT_FORMAT: u8 = 2;

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

pub(super) fn write_refs(w: &mut Writer, refs: &[ScenarioRef]) {
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
}

impl ResultRecord {
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
            .str(&self.rates);
        match &self.content {
            Some(hash) => w.u8(1).bytes(hash),
            None => w.u8(0),
        };
        w.varint(self.choices.len() as u64);
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
        let (bytes, at, format) = open(body, RESULT_TAG, OLDEST_RESULT_FORMAT, RESULT_FORMAT)?;
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
        let content = match format {
            2 => None,
            _ => match r.u8()? {
                0 => None,
                1 => {
                    let mut hash = [0u8; 16];
                    hash.copy_from_slice(r.bytes(16)?);
                    Some(hash)
                }
                _ => return Err(CodeError::Damaged),
            },
        };
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
            content,
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

//! The limits a file from outside must keep (size, nesting, number of parts) and JSON errors
//! placed at a line and column, so a bad file is refused with a reason instead of freezing the
//! page.

use super::{fail, ImportError, MAX_BYTES, MAX_DEPTH, MAX_PARTS};
use crate::engine::messages::message;
use crate::engine::notes::Note;

/// Refuses files over [`MAX_BYTES`], nested deeper than [`MAX_DEPTH`] or with more than
/// [`MAX_PARTS`] objects, before parsing them.
pub(super) fn check_limits(text: &str) -> Result<(), ImportError> {
    if text.len() > MAX_BYTES {
        return Err(too_large(text.len()));
    }
    let parts = check_depth(text)?;
    if parts > MAX_PARTS {
        return Err(fail(message(
            Note::ITooManyParts,
            &[("count", parts.to_string()), ("max", MAX_PARTS.to_string())],
        )));
    }
    Ok(())
}

/// Why a file of `size` bytes (over [`MAX_BYTES`]) is refused: the app says so from the
/// file's size, without reading it.
pub fn too_large(size: usize) -> ImportError {
    fail(message(
        Note::ITooLarge,
        &[("size", size.to_string()), ("max", MAX_BYTES.to_string())],
    ))
}

/// Refuses nesting deeper than [`MAX_DEPTH`]; returns how many objects the text holds.
pub(super) fn check_depth(text: &str) -> Result<usize, ImportError> {
    let (depth, parts) = shape(text);
    if depth > MAX_DEPTH {
        return Err(fail(message(
            Note::ITooDeep,
            &[("max", MAX_DEPTH.to_string())],
        )));
    }
    Ok(parts)
}

pub(super) fn located(msg: Note, e: &serde_json::Error) -> ImportError {
    let detail = e.to_string();
    // serde_json appends " at line L column C"; the message already says where.
    let detail = detail
        .split(" at line ")
        .next()
        .unwrap_or(&detail)
        .to_owned();
    ImportError {
        message: message(
            msg,
            &[
                ("line", e.line().to_string()),
                ("column", e.column().to_string()),
                ("detail", detail),
            ],
        ),
        position: Some((e.line(), e.column())),
    }
}

/// The deepest nesting of `[` and `{` outside strings.
/// The deepest nesting of arrays and objects in a JSON text, and how many objects it has,
/// in one pass that never recurses.
fn shape(text: &str) -> (usize, usize) {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    let mut objects = 0usize;
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
                objects += usize::from(b == b'{');
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    (max, objects)
}

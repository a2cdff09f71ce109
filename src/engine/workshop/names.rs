//! How an agent's typed name is kept: visible, in order, and short enough for a leaderboard.

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

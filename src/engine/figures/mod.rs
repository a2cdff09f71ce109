//! Figures in scenario text. A trainer never types a rupiah amount the rates decide: the text
//! names the figure with a placeholder such as `{monthly jkk_jkm}`, and the engine fills it in
//! from the rates table for this worker on the run's date ("Rp 8.400" or "Rp 8,400"). A wrong
//! figure is written the same way, by what makes it wrong (`{monthly jkk_jkm trap=undiscounted}`
//! is the price without the PP 50/2025 discount), so it stays wrong when the rates change; on a
//! date when it would be right the choice is simply not offered. Every figure placeholder in an
//! agent's choice is checked, so a choice can state several figures.
//!
//! Syntax: `{name token token key=value}`; `{{` and `}}` write a brace. See
//! docs/scenario-format.md for the list of names, packages, traps and options.
//!
//! The code is split by step: `names` (figures, traps, facts, the placeholder), `parse`
//! (text to placeholders and back), `compute` (true and stated values, checks), `render`
//! (filling text in), `typed` (amounts typed as digits, for the lint) and `words` (figures'
//! names and the coaching for a wrong one).

mod compute;
mod names;
mod parse;
mod render;
mod typed;
mod words;

pub use compute::{check, figure_date, stated, truth, Amount, Check, Context};
pub use names::{Figure, Info, Placeholder, Trap, FIGURES, TRAPS};
pub use parse::{figures_in, pieces, tokens, written, BadPlaceholder, Piece, Problem, Token};
pub use render::{render, render_localized, sayable};
pub use typed::{known_values, typed_amounts, Typed};
pub use words::{figure_name, trap_name, wrong_figure};

#[cfg(test)]
mod tests;

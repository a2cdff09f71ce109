//! The six competencies as an SVG bar chart, readable on a phone and in print.

use yew::prelude::*;

use crate::context::use_i18n;
use crate::engine::messages;
use crate::engine::Competency;
use crate::i18n::Text;

/// Props of [`ScoreChart`].
#[derive(Properties, PartialEq)]
pub struct ScoreChartProps {
    /// Scores in [`Competency::ALL`] order.
    pub scores: [u32; 6],
}

/// Horizontal bars, one per competency, with the value written at the end.
#[function_component]
pub fn ScoreChart(props: &ScoreChartProps) -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let row_h = 34;
    let height = row_h * 6;
    html! {
        <svg class="score-chart" viewBox={format!("0 0 320 {height}")} role="img"
            aria-label={i18n.t(Text::DebriefChartLabel)} data-testid="score-chart">
            { for Competency::ALL.iter().enumerate().map(|(i, c)| {
                let y = i as i32 * row_h;
                let v = props.scores[i].min(100) as i32;
                let name = messages::competency(*c).get(lang).to_owned();
                let band = if v >= 80 { "bar--good" } else if v >= 60 { "bar--ok" } else { "bar--weak" };
                html! {
                    <g>
                        <text x="0" y={(y + 12).to_string()} class="score-chart__label">{ name.clone() }</text>
                        <rect x="0" y={(y + 17).to_string()} width="270" height="10" rx="5" class="bar__bg" />
                        <rect x="0" y={(y + 17).to_string()} width={(v * 270 / 100).to_string()} height="10" rx="5" class={band}>
                            <title>{ format!("{name}: {v}") }</title>
                        </rect>
                        <text x="316" y={(y + 27).to_string()} text-anchor="end" class="score-chart__value">{ v }</text>
                    </g>
                }
            }) }
        </svg>
    }
}

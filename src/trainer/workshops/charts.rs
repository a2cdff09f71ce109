//! SVG charts for the monev dashboard. Pre-test bars are outlined and post-test bars solid,
//! and every bar carries its number, so the charts read the same on screen and printed in
//! black and white.

use yew::prelude::*;

/// One row of a paired bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct PairRow {
    /// What the row is about.
    pub label: AttrValue,
    /// The pre-test value (0-100), if any.
    pub pre: Option<u32>,
    /// The post-test value (0-100), if any.
    pub post: Option<u32>,
}

/// Props of [`PairedBars`].
#[derive(Properties, PartialEq)]
pub struct PairedBarsProps {
    /// The rows.
    pub rows: Vec<PairRow>,
    /// Legend text for the pre-test bars.
    pub pre_label: AttrValue,
    /// Legend text for the post-test bars.
    pub post_label: AttrValue,
    /// The chart's accessible title.
    pub title: AttrValue,
}

const WIDTH: u32 = 640;
const LABEL_W: u32 = 190;
const BAR_W: u32 = WIDTH - LABEL_W - 50;

/// Horizontal bars, two per row (pre and post), scaled 0-100.
#[function_component]
pub fn PairedBars(props: &PairedBarsProps) -> Html {
    let row_h = 38;
    let height = 28 + row_h * props.rows.len() as u32;
    let bar = |y: u32, value: Option<u32>, solid: bool| match value {
        Some(v) => {
            let w = BAR_W * v.min(100) / 100;
            html! {
                <>
                    <rect x={LABEL_W.to_string()} y={y.to_string()} width={w.max(1).to_string()} height="13"
                        class={if solid { "bar bar--post" } else { "bar bar--pre" }} />
                    <text x={(LABEL_W + w + 6).to_string()} y={(y + 11).to_string()} class="chart__value">{ v }</text>
                </>
            }
        }
        None => html! {
            <text x={LABEL_W.to_string()} y={(y + 11).to_string()} class="chart__value">{ "–" }</text>
        },
    };
    html! {
        <svg class="chart" viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-label={props.title.clone()}>
            <rect x={LABEL_W.to_string()} y="4" width="14" height="10" class="bar bar--pre" />
            <text x={(LABEL_W + 20).to_string()} y="13" class="chart__legend">{ props.pre_label.clone() }</text>
            <rect x={(LABEL_W + 150).to_string()} y="4" width="14" height="10" class="bar bar--post" />
            <text x={(LABEL_W + 170).to_string()} y="13" class="chart__legend">{ props.post_label.clone() }</text>
            { for props.rows.iter().enumerate().map(|(i, row)| {
                let y = 24 + row_h * i as u32;
                html! {
                    <g>
                        <text x="0" y={(y + 18).to_string()} class="chart__label">{ row.label.clone() }</text>
                        { bar(y + 2, row.pre, false) }
                        { bar(y + 18, row.post, true) }
                    </g>
                }
            }) }
        </svg>
    }
}

/// Props of [`Distribution`].
#[derive(Properties, PartialEq)]
pub struct DistributionProps {
    /// Pre-test counts in ten bands (0-9 ... 90-100).
    pub pre: [u32; 10],
    /// Post-test counts in the same bands.
    pub post: [u32; 10],
    /// Legend text for the pre-test bars.
    pub pre_label: AttrValue,
    /// Legend text for the post-test bars.
    pub post_label: AttrValue,
    /// The chart's accessible title.
    pub title: AttrValue,
}

/// Column pairs per score band.
#[function_component]
pub fn Distribution(props: &DistributionProps) -> Html {
    let (height, base, band_w) = (200u32, 170u32, 60u32);
    let top = props
        .pre
        .iter()
        .chain(props.post.iter())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let column = |x: u32, n: u32, solid: bool| {
        let h = 130 * n / top;
        html! {
            <>
                <rect x={x.to_string()} y={(base - h).to_string()} width="22" height={h.max(1).to_string()}
                    class={if solid { "bar bar--post" } else { "bar bar--pre" }} />
                if n > 0 {
                    <text x={(x + 11).to_string()} y={(base - h - 4).to_string()} class="chart__value chart__value--mid">{ n }</text>
                }
            </>
        }
    };
    html! {
        <svg class="chart" viewBox={format!("0 0 {} {height}", band_w * 10 + 10)} role="img" aria-label={props.title.clone()}>
            <rect x="10" y="4" width="14" height="10" class="bar bar--pre" />
            <text x="30" y="13" class="chart__legend">{ props.pre_label.clone() }</text>
            <rect x="160" y="4" width="14" height="10" class="bar bar--post" />
            <text x="180" y="13" class="chart__legend">{ props.post_label.clone() }</text>
            { for (0..10u32).map(|band| {
                let x = 10 + band * band_w;
                html! {
                    <g>
                        { column(x + 4, props.pre[band as usize], false) }
                        { column(x + 28, props.post[band as usize], true) }
                        <text x={(x + 27).to_string()} y={(base + 18).to_string()} class="chart__label chart__label--mid">
                            { if band == 9 { "90–100".to_owned() } else { format!("{}–{}", band * 10, band * 10 + 9) } }
                        </text>
                    </g>
                }
            }) }
        </svg>
    }
}

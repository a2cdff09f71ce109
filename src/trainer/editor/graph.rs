//! The conversation graph as SVG: one box per node, coloured by its worst problem, with its
//! choices' links. Each node is its own component, so after an edit only the nodes whose
//! position, links or problems changed are redrawn: this keeps a 2,000-node scenario
//! responsive (see scripts/bench-graph.mjs).

use std::rc::Rc;

use yew::prelude::*;

use crate::context::use_i18n;
use crate::engine::graph::{Layout, Target, COLUMN, ROW};
use crate::engine::Scenario;
use crate::engine::{Diagnostic, Severity};
use crate::i18n::{t_with, TrainerText};
use crate::platform::page::{scroll_box, scroll_to, target_within, ScrollBox};

const BOX_W: u32 = COLUMN - 60;
const BOX_H: u32 = ROW - 24;

/// The worst problem of each node (in `scenario.nodes` order).
pub fn severities(scenario: &Scenario, diagnostics: &[Diagnostic]) -> Vec<Option<Severity>> {
    let index: std::collections::HashMap<&str, usize> = scenario
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let mut worst = vec![None; scenario.nodes.len()];
    for d in diagnostics {
        if let Some(&i) = d.location.node.as_deref().and_then(|id| index.get(id)) {
            if worst[i] != Some(Severity::Error) {
                worst[i] = Some(d.severity);
            }
        }
    }
    worst
}

/// Props of [`Graph`].
#[derive(Properties, PartialEq)]
pub struct GraphProps {
    /// The scenario drawn.
    pub scenario: Rc<Scenario>,
    /// Its layout.
    pub layout: Rc<Layout>,
    /// The worst problem of each node.
    pub severities: Rc<Vec<Option<Severity>>>,
    /// The node being edited.
    pub selected: Option<usize>,
    /// Zoom in percent.
    pub zoom: u32,
    /// Called with a node's index when it is clicked.
    pub on_select: Callback<usize>,
}

/// Above this many nodes only the part of the drawing in view (and a margin around it) is in
/// the page: a browser slows down with tens of thousands of SVG elements to restyle.
const DRAW_ALL_UP_TO: usize = 300;

/// The part of the drawing in view, in drawing units: left, top, right, bottom.
type View = (u32, u32, u32, u32);

fn view_of(frame: ScrollBox, zoom: u32) -> View {
    let zoom = zoom.max(1) as f64 / 100.0;
    let unit = |px: i32| (f64::from(px.max(0)) / zoom) as u32;
    let (left, top) = (unit(frame.left), unit(frame.top));
    let (width, height) = (unit(frame.width), unit(frame.height));
    // A margin of half a view on each side, so scrolling shows drawn nodes at once.
    let (mx, my) = (width / 2 + COLUMN, height / 2 + ROW);
    (
        left.saturating_sub(mx),
        top.saturating_sub(my),
        left + width + mx,
        top + height + my,
    )
}

/// Whether the box with corners `(x1, y1)` and `(x2, y2)` is (partly) in view.
fn overlaps(view: Option<View>, (x1, y1): (u32, u32), (x2, y2): (u32, u32)) -> bool {
    view.is_none_or(|(l, t, r, b)| {
        x1.max(x2) >= l && x1.min(x2) <= r && y1.max(y2) >= t && y1.min(y2) <= b
    })
}

/// Whether the straight link from `from` to `to` passes through the view. A long link's box
/// covers much more than the link: a 2,000-node drawing has thousands of links whose boxes
/// reach into any view, and few that cross it (Liang-Barsky clipping).
fn crosses(view: Option<View>, from: (u32, u32), to: (u32, u32)) -> bool {
    let Some((l, t, r, b)) = view else {
        return true;
    };
    if !overlaps(view, from, to) {
        return false;
    }
    let (x0, y0) = (f64::from(from.0), f64::from(from.1));
    let (dx, dy) = (f64::from(to.0) - x0, f64::from(to.1) - y0);
    let (mut enter, mut leave) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, x0 - f64::from(l)),
        (dx, f64::from(r) - x0),
        (-dy, y0 - f64::from(t)),
        (dy, f64::from(b) - y0),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else if p < 0.0 {
            enter = enter.max(q / p);
        } else {
            leave = leave.min(q / p);
        }
    }
    enter <= leave
}

/// The whole graph, in a scrolling frame (scrolling pans; the zoom buttons zoom).
#[function_component]
pub fn Graph(props: &GraphProps) -> Html {
    let i18n = use_i18n();
    let frame = use_node_ref();
    let view = use_state(|| None::<View>);
    let l = &props.layout;
    let (w, h) = l.size;
    let large = props.scenario.nodes.len() > DRAW_ALL_UP_TO;
    let measure = {
        let (frame, view, zoom) = (frame.clone(), view.clone(), props.zoom);
        move || {
            if let Some(scroll) = scroll_box(&frame) {
                view.set(Some(view_of(scroll, zoom)));
            }
        }
    };
    // Measure the frame when drawn and when the zoom changes; bring the selected node into view.
    {
        let (measure, frame, selected) = (measure.clone(), frame.clone(), props.selected);
        let position = selected.and_then(|i| l.positions.get(i).copied());
        let zoom = props.zoom;
        use_effect_with((large, zoom, selected), move |_| {
            // Read the frame's box only with a node to show: reading it forces a layout.
            if let Some(((x, y), b)) = position.and_then(|p| Some((p, scroll_box(&frame)?))) {
                let scale = |u: u32| (u64::from(u) * u64::from(zoom) / 100) as i32;
                let (px, py) = (scale(x), scale(y));
                if px < b.left
                    || px + scale(BOX_W) > b.left + b.width
                    || py < b.top
                    || py + scale(BOX_H) > b.top + b.height
                {
                    scroll_to(
                        &frame,
                        px - b.width / 2 + scale(BOX_W) / 2,
                        py - b.height / 2 + scale(BOX_H) / 2,
                    );
                }
            }
            if large {
                measure();
            }
        });
    }
    let onscroll = large.then(|| Callback::from(move |_: Event| measure()));
    // Dragging the background with the mouse pans (touch screens scroll natively).
    let drag = use_mut_ref(|| None::<(i32, i32, i32, i32)>);
    let onpointerdown = {
        let (drag, frame) = (drag.clone(), frame.clone());
        Callback::from(move |e: PointerEvent| {
            let (on_node, in_drawing) = (target_within(&e, ".gnode"), target_within(&e, "svg"));
            if on_node || e.button() != 0 || e.pointer_type() != "mouse" {
                return;
            }
            if let Some(b) = scroll_box(&frame) {
                // A press on the drawing, not on the frame's scrollbars; no text selection.
                if !in_drawing {
                    return;
                }
                e.prevent_default();
                *drag.borrow_mut() = Some((e.client_x(), e.client_y(), b.left, b.top));
            }
        })
    };
    let onpointermove = {
        let (drag, frame) = (drag.clone(), frame.clone());
        Callback::from(move |e: PointerEvent| {
            if e.buttons() == 0 {
                // The button was let go outside the frame.
                *drag.borrow_mut() = None;
            }
            if let Some((x, y, left, top)) = *drag.borrow() {
                scroll_to(&frame, left - (e.client_x() - x), top - (e.client_y() - y));
            }
        })
    };
    let stop = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };
    let view = if large {
        Some((*view).unwrap_or((0, 0, 2 * COLUMN * 4, 2 * ROW * 8)))
    } else {
        None
    };

    // Links first, so the boxes are drawn over them.
    let mut edges = l.edges.iter().peekable();
    let links = (0..props.scenario.nodes.len()).filter_map(|i| {
        let (x, y) = l.positions[i];
        let from = (x + BOX_W, y + BOX_H / 2);
        let mut ends = Vec::new();
        while let Some(e) = edges.next_if(|e| e.from as usize == i) {
            let end = match e.to {
                Target::Node(t) => {
                    let (tx, ty) = l.positions[t as usize];
                    (tx, ty + BOX_H / 2, false)
                }
                Target::End => (x + BOX_W + 30, y + BOX_H / 2, true),
            };
            if crosses(view, from, (end.0, end.1)) {
                ends.push(end);
            }
        }
        (!ends.is_empty()).then(|| html! { <NodeLinks key={i} {from} {ends} /> })
    });
    let boxes = props.scenario.nodes.iter().enumerate().filter_map(|(i, n)| {
        let (x, y) = l.positions[i];
        overlaps(view, (x, y), (x + BOX_W, y + BOX_H)).then(|| html! {
            <NodeBox key={i} index={i} x={x} y={y} id={AttrValue::from(n.id.clone())} choices={n.choices.len()}
                severity={props.severities.get(i).copied().flatten()} orphan={!l.reachable[i]}
                selected={props.selected == Some(i)} on_select={props.on_select.clone()} />
        })
    });
    html! {
        // A scrolling box: in the tab order, so the arrow keys pan it too (WCAG 2.1.1).
        <div class="graph" ref={frame} {onscroll} {onpointerdown} {onpointermove} onpointerup={stop} data-testid="graph"
            tabindex="0" role="region" aria-label={i18n.t(TrainerText::ScenarioGraph)}>
            <svg width={(w * props.zoom / 100).to_string()} height={(h * props.zoom / 100).to_string()} viewBox={format!("0 0 {w} {h}")}
                role="img" aria-label={i18n.t(TrainerText::ScenarioGraph)}>
                <g>{ for links }</g>
                <g>{ for boxes }</g>
            </svg>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct NodeLinksProps {
    /// Where the node's links start.
    from: (u32, u32),
    /// Each link's end point, and whether it is the end of the conversation.
    ends: Vec<(u32, u32, bool)>,
}

/// One node's links.
#[function_component]
fn NodeLinks(props: &NodeLinksProps) -> Html {
    let (x1, y1) = props.from;
    html! {
        <>
            { for props.ends.iter().map(|&(x2, y2, end)| html! {
                <line x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()}
                    class={if end { "edge edge--end" } else { "edge" }} />
            }) }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct NodeBoxProps {
    index: usize,
    x: u32,
    y: u32,
    id: AttrValue,
    choices: usize,
    severity: Option<Severity>,
    orphan: bool,
    selected: bool,
    on_select: Callback<usize>,
}

/// One node's box.
#[function_component]
fn NodeBox(props: &NodeBoxProps) -> Html {
    let i18n = use_i18n();
    let (x, y) = (props.x, props.y);
    let class = classes!(
        "gnode",
        match props.severity {
            Some(Severity::Error) => Some("gnode--error"),
            Some(Severity::Warning) => Some("gnode--warning"),
            None => None,
        },
        props.orphan.then_some("gnode--orphan"),
        props.selected.then_some("gnode--selected"),
    );
    let onclick = {
        let (on_select, i) = (props.on_select.clone(), props.index);
        Callback::from(move |_| on_select.emit(i))
    };
    html! {
        <g class={class} {onclick} data-testid={format!("gnode-{}", props.id)}>
            <rect x={x.to_string()} y={y.to_string()} width={BOX_W.to_string()} height={BOX_H.to_string()} rx="8" />
            <text x={(x + 10).to_string()} y={(y + 22).to_string()} class="gnode__id">{ props.id.clone() }</text>
            <text x={(x + 10).to_string()} y={(y + 42).to_string()} class="gnode__count">
                { t_with(i18n.lang, TrainerText::ScenarioChoiceCount, &[("count", &props.choices.to_string())]) }
            </text>
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VIEW: Option<View> = Some((100, 100, 200, 200));

    #[test]
    fn a_link_is_drawn_only_where_it_crosses_the_view() {
        // Through the middle, and one end inside.
        assert!(crosses(VIEW, (0, 150), (300, 150)));
        assert!(crosses(VIEW, (150, 150), (900, 900)));
        // Its box covers the view, but the link passes beside it.
        assert!(!crosses(VIEW, (0, 0), (90, 400)));
        assert!(crosses(VIEW, (0, 250), (250, 0)));
        assert!(!crosses(VIEW, (0, 190), (20, 400)));
        // A diagonal that clips a corner, and one that misses it.
        assert!(crosses(VIEW, (150, 0), (250, 300)));
        assert!(!crosses(VIEW, (150, 0), (250, 150)));
        assert!(!crosses(VIEW, (190, 0), (400, 150)));
        // Vertical and horizontal, beside and through.
        assert!(!crosses(VIEW, (50, 0), (50, 400)));
        assert!(crosses(VIEW, (150, 0), (150, 400)));
        assert!(!crosses(VIEW, (0, 50), (400, 50)));
        // With no view (a small graph), everything is drawn.
        assert!(crosses(None, (0, 0), (1, 1)));
    }
}

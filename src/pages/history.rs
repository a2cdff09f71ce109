//! Attempts on this device, per scenario: personal bests and progress over time.

use std::collections::BTreeMap;

use crate::router::Link;
use yew::prelude::*;

use crate::context::{use_i18n, use_store, use_visit};
use crate::engine::messages;
use crate::i18n::{t_with, Text};
use crate::loader::{use_index, Loadable};
use crate::practice::{Mode, PracticeStore};
use crate::router::Route;

/// The history page.
#[function_component]
pub fn History() -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let store = use_store();
    let attempts = use_visit().attempts(&PracticeStore::new(store));
    let index = use_index();
    let title = |id: &str| match &index {
        Loadable::Ready(all) => all
            .iter()
            .find(|s| s.id == id)
            .map_or(id.to_owned(), |s| s.title.get(lang).to_owned()),
        _ => id.to_owned(),
    };
    let mut by_scenario: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, a) in attempts.iter().enumerate() {
        by_scenario
            .entry(a.save.scenario.clone())
            .or_default()
            .push(i);
    }
    html! {
        <div class="page">
            <h1>{ i18n.t(Text::HistoryTitle) }</h1>
            if attempts.is_empty() {
                <p data-testid="history-empty">{ i18n.t(Text::HistoryEmpty) }</p>
                <Link to={Route::Library} classes="button">{ i18n.t(Text::NavLibrary) }</Link>
            }
            { for by_scenario.iter().map(|(id, list)| {
                let totals: Vec<u32> = list.iter().map(|&i| attempts[i].total).collect();
                let best = totals.iter().copied().max().unwrap_or(0);
                html! {
                    <section class="card history" data-testid={format!("history-{id}")}>
                        <h2>{ title(id) }</h2>
                        <p>{ t_with(i18n.lang, Text::HistorySummary, &[("count", &list.len().to_string()), ("best", &best.to_string())]) }</p>
                        <Sparkline totals={totals} />
                        <ol class="history__list">
                            { for list.iter().rev().map(|&i| {
                                let a = &attempts[i];
                                let (day, minutes) = crate::platform::clock::local_date_time(a.finished_ms);
                                html! {
                                    <li>
                                        <Link to={Route::Debrief { attempt: i }}>
                                            { format!("{} · {} · {}", a.total, messages::outcome(a.outcome).get(lang),
                                                i18n.t(if a.mode == Mode::Practice { Text::ModePractice } else { Text::ModeAssessment })) }
                                        </Link>
                                        { " " }
                                        <time class="hint" data-testid="history-when">{ messages::date_time(day, minutes, lang) }</time>
                                        { " " }
                                        <span class={if a.passed { "chip chip--pass" } else { "chip" }}>
                                            { i18n.t(if a.passed { Text::HistoryPassed } else { Text::HistoryNotPassed }) }
                                        </span>
                                    </li>
                                }
                            }) }
                        </ol>
                    </section>
                }
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SparklineProps {
    totals: Vec<u32>,
}

/// Scores over time as a small line chart (0-100).
#[function_component]
fn Sparkline(props: &SparklineProps) -> Html {
    let i18n = use_i18n();
    let n = props.totals.len();
    if n < 2 {
        return html! {};
    }
    let points: Vec<String> = props
        .totals
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{},{}", i * 200 / (n - 1), 50 - (*t).min(100) as usize / 2))
        .collect();
    let label = t_with(
        i18n.lang,
        Text::HistoryProgress,
        &[(
            "scores",
            &props
                .totals
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        )],
    );
    html! {
        <svg class="sparkline" viewBox="-4 -4 208 58" role="img" aria-label={label}>
            <line x1="0" y1="10" x2="200" y2="10" class="sparkline__mark" />
            <text x="200" y="7" text-anchor="end" class="sparkline__label" data-testid="pass-line">{ i18n.t(Text::HistoryPassLine) }</text>
            <polyline points={points.join(" ")} class="sparkline__line" />
        </svg>
    }
}

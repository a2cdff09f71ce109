//! The monev dashboard of a workshop (participation, competencies, agents, Wadah, scenarios)
//! and its awards.

use yew::prelude::*;

use super::charts::{Distribution, PairRow, PairedBars};
use crate::context::I18n;
use crate::engine::messages::{self};
use crate::engine::monev::{self, Dashboard};
use crate::engine::sim::Terms;
use crate::engine::workshop::Phase;
use crate::engine::Date;
use crate::engine::{Competency, Scenario};
use crate::i18n::{t_with, Text, TrainerText};
use crate::trainer::table_wrap;

pub(crate) fn number(value: Option<u32>) -> String {
    value.map_or("–".to_owned(), |v| v.to_string())
}

pub(crate) fn change(value: Option<i32>) -> String {
    value.map_or("–".to_owned(), |v| format!("{v:+}"))
}

pub(super) fn dashboard_view(
    i18n: &I18n,
    d: &Dashboard,
    scenarios: &[Scenario],
    date: Date,
) -> Html {
    let lang = i18n.lang;
    let p = d.participation;
    let tile = |label: &'static str, value: u32, id: &str| {
        html! {
            <div class="tile"><span class="tile__value" data-testid={id.to_owned()}>{ value }</span><span class="tile__label">{ label }</span></div>
        }
    };
    if p.agents == 0 {
        return html! { <p data-testid="dashboard-empty">{ i18n.t(TrainerText::NoResults) }</p> };
    }
    let pre = d
        .competencies
        .get(&Phase::PreTest)
        .copied()
        .unwrap_or([None; 6]);
    let post = d
        .competencies
        .get(&Phase::PostTest)
        .copied()
        .unwrap_or([None; 6]);
    let competency_rows: Vec<PairRow> = Competency::ALL
        .iter()
        .enumerate()
        .map(|(i, c)| PairRow {
            label: messages::competency(*c).get(lang).to_owned().into(),
            pre: pre[i],
            post: post[i],
        })
        .collect();
    // Figures in the scenario's words as they read on the workshop's day.
    let say = |s: &Scenario, t: &crate::engine::Localized| {
        crate::engine::figures::render_localized(t, &Terms::of(s, date).context(s), i18n.lang)
    };
    let node_text = |scenario: &str, node: u32, choice: Option<u32>| {
        let s = scenarios.iter().find(|s| s.id == scenario)?;
        let n = s.nodes.get(node as usize)?;
        let line = n.lines.first().map(|l| say(s, &l.text)).unwrap_or_default();
        let better = choice
            .and_then(|c| n.choices.get(c as usize))
            .map(|c| say(s, &c.text));
        Some((s.meta.title.get(lang).to_owned(), line, better))
    };
    html! {
        <>
            <div class="tiles">
                { tile(i18n.t(TrainerText::Agents), p.agents, "part-agents") }
                { tile(i18n.t(Text::WorkshopPreTest), p.pre, "part-pre") }
                { tile(i18n.t(Text::WorkshopPostTest), p.post, "part-post") }
                { tile(i18n.t(TrainerText::Both), p.both, "part-both") }
            </div>
            <p class="overall" data-testid="overall">
                { t_with(i18n.lang, TrainerText::Overall, &[("pre", &number(d.overall.pre)), ("post", &number(d.overall.post)), ("change", &change(d.overall.change()))]) }
            </p>
            <h3>{ i18n.t(TrainerText::ByAgent) }</h3>
            { table_wrap(i18n.t(TrainerText::ByAgent), html! {
                <table class="table" data-testid="agents-table">
                    <caption class="sr-only">{ i18n.t(TrainerText::ByAgent) }</caption>
                    <thead><tr>
                        <th>{ "#" }</th><th>{ i18n.t(TrainerText::AgentName) }</th><th>{ i18n.t(TrainerText::Wadah) }</th>
                        <th>{ i18n.t(Text::WorkshopPreTest) }</th><th>{ i18n.t(Text::WorkshopPostTest) }</th>
                        <th>{ i18n.t(TrainerText::Change) }</th><th>{ i18n.t(TrainerText::Passed) }</th>
                    </tr></thead>
                    <tbody>
                        { for d.agents.iter().enumerate().map(|(i, a)| html! {
                            <tr data-testid="agent-row">
                                <td>{ i + 1 }</td><td data-testid="agent-name">{ a.agent.clone() }</td><td>{ a.wadah.clone() }</td>
                                <td data-testid="agent-pre">{ number(a.scores.pre) }</td>
                                <td data-testid="agent-post">{ number(a.scores.post) }</td>
                                <td data-testid="agent-change">{ change(a.scores.change()) }</td>
                                <td>
                                    if a.passed_post {
                                        <span aria-hidden="true">{ "✓" }</span><span class="sr-only">{ i18n.t(TrainerText::Yes) }</span>
                                    }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }) }
            <h3>{ i18n.t(TrainerText::ByWadah) }</h3>
            { table_wrap(i18n.t(TrainerText::ByWadah), html! {
                <table class="table" data-testid="wadah-table">
                    <caption class="sr-only">{ i18n.t(TrainerText::ByWadah) }</caption>
                    <thead><tr>
                        <th>{ i18n.t(TrainerText::Wadah) }</th><th>{ i18n.t(TrainerText::Agents) }</th>
                        <th>{ i18n.t(Text::WorkshopPreTest) }</th><th>{ i18n.t(Text::WorkshopPostTest) }</th>
                        <th>{ i18n.t(TrainerText::Change) }</th><th>{ i18n.t(TrainerText::Passed) }</th>
                    </tr></thead>
                    <tbody>
                        { for d.wadah.iter().map(|w| html! {
                            <tr data-testid="wadah-row">
                                <td>{ w.wadah.clone() }</td><td>{ w.agents }</td>
                                <td>{ number(w.scores.pre) }</td><td>{ number(w.scores.post) }</td>
                                <td>{ change(w.scores.change()) }</td>
                                <td>{ format!("{} / {}", w.passed_post.0, w.passed_post.1) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }) }
            <h3>{ i18n.t(TrainerText::Competencies) }</h3>
            <PairedBars rows={competency_rows} pre_label={i18n.t(Text::WorkshopPreTest)} post_label={i18n.t(Text::WorkshopPostTest)} title={i18n.t(TrainerText::Competencies)} />
            <h3>{ i18n.t(TrainerText::Distribution) }</h3>
            <Distribution pre={d.distribution.get(&Phase::PreTest).copied().unwrap_or_default()}
                post={d.distribution.get(&Phase::PostTest).copied().unwrap_or_default()}
                pre_label={i18n.t(Text::WorkshopPreTest)} post_label={i18n.t(Text::WorkshopPostTest)} title={i18n.t(TrainerText::Distribution)} />
            <h3>{ i18n.t(TrainerText::Objections) }</h3>
            <ul class="obstacles" data-testid="objections">
                { for d.objections.iter().map(|o| html! {
                    <li>{ t_with(i18n.lang, TrainerText::ObjectionLine, &[
                        ("objection", messages::objection(o.objection).get(lang)), ("badly", &o.badly.to_string()), ("times", &(o.well + o.badly).to_string())]) }</li>
                }) }
            </ul>
            <h3>{ i18n.t(TrainerText::Moments) }</h3>
            <ol class="obstacles" data-testid="moments">
                { for d.moments.iter().filter_map(|m| node_text(&m.scenario, m.node, m.better).map(|t| (m, t))).map(|(m, (title, line, better))| html! {
                    <li>
                        <p><strong>{ title }</strong>{ " · " }{ t_with(i18n.lang, TrainerText::MomentCount, &[("badly", &m.badly.to_string()), ("reached", &m.reached.to_string())]) }</p>
                        <p class="bubble bubble--worker">{ line }</p>
                        if let Some(b) = better {
                            <p class="better"><strong>{ i18n.t(Text::DebriefBetter) }</strong>{ " " }{ b }</p>
                        }
                    </li>
                }) }
            </ol>
            <h3>{ i18n.t(TrainerText::Items) }</h3>
            <p class="hint">{ i18n.t(TrainerText::ItemsHelp) }</p>
            { table_wrap(i18n.t(TrainerText::Items), html! {
                <table class="table" data-testid="items-table">
                    <caption class="sr-only">{ i18n.t(TrainerText::Items) }</caption>
                    <thead><tr>
                        <th>{ i18n.t(TrainerText::ItemNode) }</th><th>{ i18n.t(TrainerText::ItemReached) }</th>
                        <th>{ i18n.t(TrainerText::ItemBest) }</th><th>{ i18n.t(TrainerText::ItemDiscrimination) }</th>
                        <th>{ i18n.t(TrainerText::ItemChoices) }</th><th>{ i18n.t(TrainerText::ItemFlags) }</th>
                    </tr></thead>
                    <tbody>
                        { for d.items.iter().filter_map(|row| {
                            let s = scenarios.iter().find(|s| s.id == row.scenario)?;
                            let node = s.nodes.get(row.node as usize)?;
                            Some(html! {
                                <tr data-testid="item-row" data-flagged={(!row.flags.is_empty()).to_string()}>
                                    <td><strong>{ s.meta.title.get(lang).to_owned() }</strong><br />{ node.lines.first().map(|l| say(s, &l.text)).unwrap_or_default() }</td>
                                    <td>{ row.reached }</td>
                                    <td>{ format!("{}%", row.best_percent) }</td>
                                    <td data-testid="item-d">{ row.discrimination.map_or("–".to_owned(), |v| format!("{v:+}")) }</td>
                                    <td>
                                        <ul class="item-choices">
                                            { for row.choices.iter().filter_map(|c| node.choices.get(c.choice as usize).map(|ch| (c, ch))).map(|(c, ch)| html! {
                                                <li class={classes!(c.best.then_some("item-choices__best"))}>
                                                    { t_with(i18n.lang, if c.best { TrainerText::ItemChoiceBest } else { TrainerText::ItemChoice }, &[
                                                        ("text", &say(s, &ch.text)),
                                                        ("taken", &c.taken.to_string()),
                                                        ("mean", &number(c.mean_total)),
                                                    ]) }
                                                </li>
                                            }) }
                                        </ul>
                                    </td>
                                    <td>{ for row.flags.iter().map(|f| html! { <p class="warn">{ i18n.t(match f {
                                        monev::ItemFlag::NobodyErs => TrainerText::ItemNobodyErs,
                                        monev::ItemFlag::EverybodyErs => TrainerText::ItemEverybodyErs,
                                        monev::ItemFlag::Reversed => TrainerText::ItemReversed,
                                    }) }</p> }) }</td>
                                </tr>
                            })
                        }) }
                    </tbody>
                </table>
            }) }
        </>
    }
}

/// The best agent of each Wadah: the highest post-test mean among those who passed it (a Wadah
/// where nobody passed gets no award). The leaderboard is already sorted best first.
pub(super) fn top_per_wadah(d: &Dashboard) -> Vec<&monev::AgentRow> {
    let mut tops: Vec<&monev::AgentRow> = Vec::new();
    for a in &d.agents {
        if a.passed_post && !tops.iter().any(|t| t.wadah == a.wadah) {
            tops.push(a);
        }
    }
    tops
}

pub(super) fn awards_view(i18n: &I18n, d: &Dashboard) -> Html {
    let tops = top_per_wadah(d);
    let passed = d.agents.iter().filter(|a| a.passed_post).count();
    html! {
        <>
            <ul data-testid="awards">
                { for tops.iter().map(|a| html! {
                    <li>{ t_with(i18n.lang, TrainerText::TopOf, &[("wadah", &a.wadah), ("name", &a.agent), ("score", &number(a.scores.post))]) }</li>
                }) }
            </ul>
            <p>{ t_with(i18n.lang, TrainerText::PassedCount, &[("count", &passed.to_string())]) }</p>
        </>
    }
}

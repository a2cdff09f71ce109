//! The Branch page (`#/cabang`): where this laptop sends results (the LRS settings and the send
//! queue), and the monev of every workshop the LRS holds, from every trainer, read back and
//! replayed here ([`crate::engine::monev::branch`]).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::sender::{call, use_lrs};
use super::{LrsSettings, SendError};
use crate::components::notice::{Notice, Tone};
use crate::context::{use_i18n, use_store, I18n};
use crate::engine::messages;
use crate::engine::monev::branch::{Branch, BranchView, Refusal, Series};
use crate::engine::workshop::Rejection;
use crate::engine::{Localized, Scenario};
use crate::i18n::{t_with, Text, TrainerText};
use crate::platform::form::{checked_at, value_at};
use crate::platform::storage::Store;
use crate::trainer::storage::workshops::WorkshopStore;
use crate::trainer::table_wrap;
use crate::trainer::workshops::charts::{PairRow, PairedBars};
use crate::trainer::workshops::{change, number};

/// Statements asked for per page (an LRS may send fewer): a page of 1,000 is about 2 MB and
/// parses in one short task; fewer, larger requests spare an LRS that pages slowly.
const PAGE: usize = 1000;
/// Results replayed between two breaks given back to the browser.
const SLICE: usize = 20;
/// Statements read between two breaks.
const DIGEST: usize = 200;

/// Where a read of the LRS is.
#[derive(Clone, Debug, Default, PartialEq)]
enum Reading {
    /// Not started.
    #[default]
    Idle,
    /// Statements read so far, results replayed and waiting.
    Going {
        statements: usize,
        verified: usize,
        pending: usize,
    },
    /// Done: the view and what was refused.
    Done {
        view: Rc<BranchView>,
        refused: Rc<Vec<Localized>>,
        statements: usize,
    },
    /// It failed.
    Failed(SendError),
}

/// Why a result read back is not counted, in words.
fn refusal_text(r: &Refusal) -> Localized {
    match r {
        Refusal::Workshop(e) | Refusal::Code(e) => e.message(),
        Refusal::Rejected(why) => why.message(),
        Refusal::ScoreDiffers { claimed, replayed } => Rejection::ScoreEdited {
            claimed: claimed.round().clamp(0.0, 1000.0) as u32,
            replayed: *replayed,
        }
        .message(),
        Refusal::Copied { of } => Rejection::Copied { of: of.clone() }.message(),
    }
}

/// The scenarios results can be replayed against here: the bundled pack and those the
/// workshops on this laptop carry.
async fn scenarios(store: &Store) -> Result<Vec<Scenario>, SendError> {
    let pack = crate::loader::load_pack(store)
        .await
        .map_err(|_| SendError::Storage)?;
    let mut all: Vec<Scenario> = pack.to_vec();
    for saved in WorkshopStore::new(store.clone()).all().unwrap_or_default() {
        for s in saved.scenarios(&[]) {
            if !all.iter().any(|a| a.id == s.id && a.version == s.version) {
                all.push(s);
            }
        }
    }
    Ok(all)
}

/// Reads every statement the LRS holds, page by page, replaying results in slices so the page
/// never freezes; `progress` is told after each page and slice.
async fn read_all(
    settings: LrsSettings,
    store: Store,
    branch: Rc<RefCell<Branch>>,
    progress: Callback<Reading>,
) -> Result<(), SendError> {
    let scenarios = scenarios(&store).await?;
    let mut url = format!("{}?limit={PAGE}", settings.statements_url());
    loop {
        let body = call(&settings, "GET", &url, None).await?;
        let page = branch
            .borrow_mut()
            .add_page(&body)
            .map_err(|_| SendError::BadAnswer)?;
        drop(body);
        // The page was one task; reading its statements starts in the next.
        crate::platform::events::next_task().await;
        loop {
            let (statements, verified, pending) = {
                let mut b = branch.borrow_mut();
                let undigested = b.digest_some(DIGEST);
                let pending = b.verify_some(&scenarios, SLICE) + undigested;
                (b.statements - undigested, b.verified(), pending)
            };
            progress.emit(Reading::Going {
                statements,
                verified,
                pending,
            });
            crate::platform::events::next_task().await;
            if pending == 0 {
                break;
            }
        }
        match page.more {
            Some(more) => url = settings.resolve(&more),
            None => return Ok(()),
        }
    }
}

/// The Branch page.
#[function_component]
pub fn BranchPage() -> Html {
    let i18n = use_i18n();
    let store = use_store();
    let lrs = use_lrs();
    let settings = LrsSettings::load(&store);
    let (endpoint, username, password, auto) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    let problem = use_state(|| None::<TrainerText>);
    let reading = use_state(Reading::default);
    let shown = use_state(|| AGENTS_SHOWN);

    let save = {
        let (store, problem, lrs) = (store.clone(), problem.clone(), lrs.clone());
        let (endpoint, username, password, auto) = (
            endpoint.clone(),
            username.clone(),
            password.clone(),
            auto.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let typed = LrsSettings::new(
                &value_at(&endpoint).unwrap_or_default(),
                &value_at(&username).unwrap_or_default(),
                &value_at(&password).unwrap_or_default(),
                checked_at(&auto),
            );
            match typed {
                Ok(s) => match s.save(&store) {
                    Ok(()) => {
                        problem.set(Some(TrainerText::LrsSaved));
                        if let Some(lrs) = &lrs {
                            lrs.refresh.emit(());
                            lrs.send.emit(None);
                        }
                    }
                    Err(_) => problem.set(Some(TrainerText::LrsNotSaved)),
                },
                Err(p) => problem.set(Some(p.text())),
            }
        })
    };
    let forget = {
        let (store, problem, lrs) = (store.clone(), problem.clone(), lrs.clone());
        Callback::from(move |_| {
            let _ = LrsSettings::forget(&store);
            problem.set(Some(TrainerText::LrsForgotten));
            if let Some(lrs) = &lrs {
                lrs.refresh.emit(());
            }
        })
    };
    let send_now = lrs.as_ref().map(|lrs| {
        let send = lrs.send.clone();
        Callback::from(move |_| send.emit(None))
    });
    let read = {
        let (store, reading, shown) = (store.clone(), reading.clone(), shown.clone());
        Callback::from(move |_| {
            let Some(settings) = LrsSettings::load(&store) else {
                return;
            };
            if matches!(*reading, Reading::Going { .. }) {
                return;
            }
            shown.set(AGENTS_SHOWN);
            reading.set(Reading::Going {
                statements: 0,
                verified: 0,
                pending: 0,
            });
            let (store, reading) = (store.clone(), reading.clone());
            let branch = Rc::new(RefCell::new(Branch::default()));
            let progress = {
                let reading = reading.clone();
                Callback::from(move |r: Reading| reading.set(r))
            };
            crate::platform::events::spawn(async move {
                let done = read_all(settings, store, branch.clone(), progress).await;
                reading.set(match done {
                    Ok(()) => {
                        let b = branch.borrow();
                        Reading::Done {
                            view: Rc::new(b.view()),
                            refused: Rc::new(
                                b.refused.iter().map(|(_, r)| refusal_text(r)).collect(),
                            ),
                            statements: b.statements,
                        }
                    }
                    Err(e) => Reading::Failed(e),
                });
            });
        })
    };

    let status = lrs.as_ref().map(|l| l.status.clone());
    let queue_view = status.map(|s| {
        let waiting = s.queue.waiting.len();
        let names: Vec<String> = {
            let all = WorkshopStore::new(store.clone()).all().unwrap_or_default();
            s.queue
                .waiting
                .iter()
                .map(|w| {
                    all.iter()
                        .filter_map(|a| a.workshop())
                        .find(|ws| ws.id == w.workshop)
                        .map_or(w.workshop.clone(), |ws| ws.name)
                })
                .collect()
        };
        html! {
            <section class="card" data-testid="lrs-queue" aria-live="polite">
                <h2>{ i18n.t(TrainerText::LrsQueueTitle) }</h2>
                if waiting == 0 {
                    <p data-testid="lrs-queue-empty">{ i18n.t(TrainerText::LrsQueueEmpty) }</p>
                } else {
                    <p data-testid="lrs-queue-count">{ t_with(i18n.lang, TrainerText::LrsQueueWaiting, &[("count", &waiting.to_string())]) }</p>
                    <ul>{ for names.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
                }
                if let Some((_, done, total)) = &s.sending {
                    <progress data-testid="lrs-send-progress" max={total.to_string()} value={done.to_string()}></progress>
                }
                if let Some(error) = &s.queue.error {
                    <Notice tone={Tone::Warning} urgent=true testid="lrs-error">
                        <p>{ i18n.t(error.text()) }</p>
                        if let Some(detail) = error.detail() { <p class="hint">{ detail }</p> }
                        <p class="hint">{ i18n.t(if error.retries() { TrainerText::LrsWillRetry } else { TrainerText::LrsWaitsForYou }) }</p>
                    </Notice>
                }
                if waiting > 0 && s.configured {
                    <div class="actions">
                        <button type="button" class="button" onclick={send_now.clone()} data-testid="lrs-send-now">{ i18n.t(TrainerText::LrsSendNow) }</button>
                    </div>
                }
            </section>
        }
    });

    html! {
        <div class="page">
            <h1>{ i18n.t(TrainerText::BranchTitle) }</h1>
            <p class="lead">{ i18n.t(TrainerText::BranchIntro) }</p>
            <section class="card" data-testid="lrs-settings">
                <h2>{ i18n.t(TrainerText::LrsSettingsTitle) }</h2>
                <Notice tone={Tone::Warning}>{ i18n.t(TrainerText::LrsPasswordWarning) }</Notice>
                <form class="form" onsubmit={save} novalidate=true>
                    <label class="field">
                        <span class="field__label">{ i18n.t(TrainerText::LrsEndpoint) }</span>
                        <input ref={endpoint} type="url" inputmode="url" autocomplete="off" spellcheck="false" placeholder="https://lrs.example.org/xAPI/"
                            value={settings.as_ref().map(|s| s.endpoint.clone()).unwrap_or_default()} data-testid="lrs-endpoint" />
                    </label>
                    <label class="field">
                        <span class="field__label">{ i18n.t(TrainerText::LrsUsername) }</span>
                        <input ref={username} type="text" autocomplete="username" spellcheck="false"
                            value={settings.as_ref().map(|s| s.username.clone()).unwrap_or_default()} data-testid="lrs-username" />
                    </label>
                    <label class="field">
                        <span class="field__label">{ i18n.t(TrainerText::LrsPassword) }</span>
                        <input ref={password} type="password" autocomplete="current-password"
                            value={settings.as_ref().map(|s| s.password.clone()).unwrap_or_default()} data-testid="lrs-password" />
                    </label>
                    <label class="check">
                        <input ref={auto} type="checkbox" checked={settings.as_ref().is_none_or(|s| s.auto)} data-testid="lrs-auto" />
                        <span>{ i18n.t(TrainerText::LrsAuto) }</span>
                    </label>
                    if let Some(p) = *problem {
                        <p class={if matches!(p, TrainerText::LrsSaved | TrainerText::LrsForgotten) { "ok" } else { "warn" }} role="status" data-testid="lrs-settings-status">{ i18n.t(p) }</p>
                    }
                    <div class="actions">
                        <button type="submit" class="button" data-testid="lrs-save">{ i18n.t(TrainerText::LrsSave) }</button>
                        if settings.is_some() {
                            <button type="button" class="button button--secondary" onclick={forget} data-testid="lrs-forget">{ i18n.t(TrainerText::LrsForget) }</button>
                        }
                    </div>
                </form>
            </section>
            { queue_view.unwrap_or_default() }
            <section class="card" data-testid="branch-read">
                <h2>{ i18n.t(TrainerText::BranchReadTitle) }</h2>
                <p class="hint">{ i18n.t(TrainerText::BranchReadHelp) }</p>
                <div class="actions">
                    <button type="button" class="button" onclick={read} disabled={settings.is_none() || matches!(*reading, Reading::Going { .. })} data-testid="branch-read-button">
                        { i18n.t(if matches!(*reading, Reading::Done { .. }) { TrainerText::BranchReadAgain } else { TrainerText::BranchRead }) }
                    </button>
                </div>
                { reading_view(&i18n, &reading) }
            </section>
            if let Reading::Done { view, refused, statements } = &*reading {
                { branch_view(&i18n, view, refused, *statements, *shown, {
                    let shown = shown.clone();
                    Callback::from(move |_| shown.set(*shown + AGENTS_SHOWN))
                }) }
            }
        </div>
    }
}

fn reading_view(i18n: &I18n, reading: &Reading) -> Html {
    match reading {
        Reading::Idle => Html::default(),
        Reading::Going {
            statements,
            verified,
            pending,
            ..
        } => html! {
            <div data-testid="branch-progress" aria-live="polite">
                <progress max={(verified + pending).max(1).to_string()} value={verified.to_string()}></progress>
                <p class="hint">{ t_with(i18n.lang, TrainerText::BranchReading, &[("statements", &statements.to_string()), ("results", &verified.to_string())]) }</p>
            </div>
        },
        Reading::Done { .. } => Html::default(),
        Reading::Failed(e) => html! {
            <Notice tone={Tone::Warning} urgent=true testid="branch-error">
                <p>{ i18n.t(e.text()) }</p>
                if let Some(detail) = e.detail() { <p class="hint">{ detail }</p> }
            </Notice>
        },
    }
}

/// A pre → post cell.
fn cell(c: &Option<crate::engine::monev::PrePost>) -> String {
    match c {
        None => "·".to_owned(),
        Some(p) => format!("{} → {}", number(p.pre), number(p.post)),
    }
}

fn series_table(
    i18n: &I18n,
    title: TrainerText,
    view: &BranchView,
    rows: &[Series],
    testid: &str,
    with_wadah: bool,
) -> Html {
    let name = i18n.t(title);
    table_wrap(
        name,
        html! {
            <table class="table" data-testid={testid.to_owned()}>
                <caption class="sr-only">{ name }</caption>
                <thead><tr>
                    <th>{ i18n.t(if with_wadah { TrainerText::AgentName } else { TrainerText::Wadah }) }</th>
                    if with_wadah { <th>{ i18n.t(TrainerText::Wadah) }</th> }
                    { for view.workshops.iter().map(|w| html! { <th>{ format!("{} ({})", w.name, crate::pages::date_text(i18n.lang, w.date)) }</th> }) }
                    <th>{ i18n.t(TrainerText::BranchFirstToLast) }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|s| html! {
                        <tr data-testid="series-row">
                            <th scope="row">{ s.name.clone() }</th>
                            if with_wadah { <td>{ s.wadah.clone() }</td> }
                            { for s.cells.iter().map(|c| html! { <td>{ cell(c) }</td> }) }
                            <td data-testid="series-change">{ s.first_to_last().map_or("–".to_owned(), |(a, b)| format!("{a} → {b} ({:+})", i64::from(b) - i64::from(a))) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        },
    )
}

/// Agents shown at first, and added by each "more": a branch has thousands, and a table of all
/// of them would be one long task to draw and a wall to read.
const AGENTS_SHOWN: usize = 100;

fn branch_view(
    i18n: &I18n,
    view: &BranchView,
    refused: &[Localized],
    statements: usize,
    shown: usize,
    more: Callback<MouseEvent>,
) -> Html {
    let lang = i18n.lang;
    let competency_rows: Vec<PairRow> = view
        .competencies
        .iter()
        .map(|c| PairRow {
            label: messages::competency(c.competency)
                .get(lang)
                .to_owned()
                .into(),
            pre: c.pre,
            post: c.post,
        })
        .collect();
    html! {
        <section class="card" data-testid="branch-view">
            <p data-testid="branch-summary">{ t_with(lang, TrainerText::BranchSummary, &[
                ("statements", &statements.to_string()),
                ("results", &view.results.to_string()),
                ("workshops", &view.workshops.len().to_string()),
            ]) }</p>
            if !refused.is_empty() {
                <details data-testid="branch-refused">
                    <summary>{ t_with(lang, TrainerText::BranchRefused, &[("count", &refused.len().to_string())]) }</summary>
                    <ul>{ for refused.iter().take(200).map(|r| html! { <li>{ r.get(lang).to_owned() }</li> }) }</ul>
                </details>
            }
            if view.results == 0 {
                <p data-testid="branch-empty">{ i18n.t(TrainerText::BranchEmpty) }</p>
            } else {
                <h3>{ i18n.t(TrainerText::Workshops) }</h3>
                { table_wrap(i18n.t(TrainerText::Workshops), html! {
                    <table class="table" data-testid="branch-workshops">
                        <caption class="sr-only">{ i18n.t(TrainerText::Workshops) }</caption>
                        <thead><tr>
                            <th>{ i18n.t(TrainerText::BranchDate) }</th><th>{ i18n.t(TrainerText::BranchWorkshop) }</th>
                            <th>{ i18n.t(TrainerText::Agents) }</th>
                            <th>{ i18n.t(Text::WorkshopPreTest) }</th><th>{ i18n.t(Text::WorkshopPostTest) }</th>
                            <th>{ i18n.t(TrainerText::Change) }</th>
                        </tr></thead>
                        <tbody>
                            { for view.workshops.iter().map(|w| html! {
                                <tr data-testid="branch-workshop-row">
                                    <td>{ crate::pages::date_text(lang, w.date) }</td>
                                    <th scope="row">{ format!("{} · {}", w.name, w.place) }</th>
                                    <td>{ w.agents }</td>
                                    <td>{ number(w.scores.pre) }</td><td>{ number(w.scores.post) }</td>
                                    <td>{ change(w.scores.change()) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                }) }
                <h3>{ i18n.t(TrainerText::Competencies) }</h3>
                <PairedBars rows={competency_rows} pre_label={i18n.t(Text::WorkshopPreTest)} post_label={i18n.t(Text::WorkshopPostTest)} title={i18n.t(TrainerText::Competencies)} />
                <ul class="branch-competencies" data-testid="branch-competencies">
                    { for view.competencies.iter().map(|c| html! {
                        <li>{ t_with(lang, match c.change() {
                            Some(d) if d > 0 => TrainerText::BranchImproved,
                            Some(d) if d < 0 => TrainerText::BranchWorse,
                            Some(_) => TrainerText::BranchSame,
                            None => TrainerText::BranchNoPair,
                        }, &[("name", messages::competency(c.competency).get(lang)), ("pre", &number(c.pre)), ("post", &number(c.post)), ("change", &change(c.change()))]) }</li>
                    }) }
                </ul>
                <h3>{ i18n.t(TrainerText::ByWadah) }</h3>
                { series_table(i18n, TrainerText::ByWadah, view, &view.wadah, "branch-wadah", false) }
                <h3>{ i18n.t(TrainerText::ByAgent) }</h3>
                { series_table(i18n, TrainerText::ByAgent, view, &view.agents[..shown.min(view.agents.len())], "branch-agents", true) }
                if view.agents.len() > shown {
                    <p class="hint" data-testid="branch-agents-shown">{ t_with(lang, TrainerText::BranchAgentsShown, &[("shown", &shown.to_string()), ("count", &view.agents.len().to_string())]) }</p>
                    <div class="actions">
                        <button type="button" class="button button--secondary" onclick={more} data-testid="branch-agents-more">{ i18n.t(TrainerText::BranchAgentsMore) }</button>
                    </div>
                }
            }
        </section>
    }
}

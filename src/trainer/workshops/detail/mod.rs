//! One workshop: the join link and code to share, importing the agents' result codes, the
//! monev dashboard, awards and exports.

use std::rc::Rc;

use yew::prelude::*;

use super::dashboard::{awards_view, dashboard_view};
use super::{excerpt, print, read_files, WorkshopProps};
use crate::components::notice::{Notice, Tone};
use crate::context::{use_i18n, use_store};
use crate::engine::monev::{self, dashboard, Filter};
use crate::engine::workshop::{check_batch, ScenarioRef};
use crate::i18n::{t_with, Text, TrainerText};
use crate::loader::use_pack;
use crate::pages::date_text;
use crate::platform::download::{download, download_text};
use crate::platform::share::copy_text;
use crate::trainer::storage::workshops::{backup, WorkshopStore};
use crate::trainer::TrainerRoute;

/// The address agents open to join, from the address the trainer's app runs at: its folder,
/// then `#/w/CODE`.
fn join_link(page: &str, code: &str) -> String {
    let base = page.split(['#', '?']).next().unwrap_or("");
    let dir = &base[..base.rfind('/').map_or(0, |i| i + 1)];
    format!("{dir}#/w/{code}")
}

mod package_share;
mod state;

use crate::platform::form::{set_value_at, value_at, value_of};
use state::{Action, Detail, ImportReport};

/// One workshop: sharing, importing results, the dashboard, awards and exports.
#[function_component]
pub fn WorkshopDetail(props: &WorkshopProps) -> Html {
    let i18n = use_i18n();
    let app_store = use_store();
    let store = WorkshopStore::new(app_store.clone());
    // Results imported in another tab show here at once (imports merge, so none is lost).
    crate::platform::events::use_refresh_on_storage(
        crate::trainer::storage::workshops::is_workshop_key,
    );
    let pack = use_pack();
    let lrs = crate::trainer::lrs::sender::use_lrs();
    let state = use_reducer(Detail::default);
    // "Kode disalin." shows for a few seconds, then goes, so a second copy is seen to work.
    let copied_timer = use_mut_ref(|| None::<crate::platform::events::Timer>);
    let text_ref = use_node_ref();

    let Some(saved) = store.get(&props.id).ok().flatten() else {
        return html! { <div class="page page--narrow"><p data-testid="workshop-missing">{ i18n.t(TrainerText::WorkshopMissing) }</p></div> };
    };
    let Some(workshop) = saved.workshop() else {
        return html! { <div class="page page--narrow"><p>{ i18n.t(TrainerText::WorkshopMissing) }</p></div> };
    };
    // The bundled scenarios and those the workshop's package carries, as shipped.
    let scenarios = match crate::pages::ready(&i18n, pack) {
        Ok(value) => std::rc::Rc::new(saved.scenarios(&value)),
        Err(page) => return page,
    };
    let import = {
        let (store, dispatch, scenarios, workshop, saved, key, lrs, app_store) = (
            store.clone(),
            state.dispatcher(),
            scenarios.clone(),
            workshop.clone(),
            saved.clone(),
            props.id.clone(),
            lrs.clone(),
            app_store.clone(),
        );
        Rc::new(move |text: String, skipped: usize| {
            let batch = check_batch(&text, &workshop, &scenarios, &saved.results);
            let codes: Vec<String> = batch.accepted.iter().map(|(c, _)| c.clone()).collect();
            let stored = store.add_results(&key, &codes);
            // New results go to the branch's LRS by themselves, when the trainer chose that.
            let auto = crate::trainer::lrs::LrsSettings::load(&app_store).is_some_and(|s| s.auto);
            if auto && matches!(stored, Ok(n) if n > 0) {
                if let Some(lrs) = &lrs {
                    lrs.send.emit(Some(key.to_string()));
                }
            }
            dispatch.dispatch(Action::Imported(ImportReport {
                accepted: stored.as_ref().map_or(0, |n| *n),
                duplicates: batch.duplicates,
                rejected: batch
                    .rejected
                    .iter()
                    .map(|(c, why)| (c.clone(), why.message()))
                    .collect(),
                not_saved: stored.is_err(),
                skipped,
            }));
        })
    };
    let on_paste = {
        let (import, text_ref) = (import.clone(), text_ref.clone());
        Callback::from(move |_| {
            if let Some(text) = value_at(&text_ref) {
                import(text, 0);
                set_value_at(&text_ref, "");
            }
        })
    };
    let on_files = {
        let import = import.clone();
        Callback::from(move |e: Event| {
            let import = import.clone();
            read_files(&e, move |text, skipped| import(text, skipped));
        })
    };
    let link = join_link(&crate::platform::page::address(), &saved.code);
    let copy_link = {
        let (link, dispatch, timer) = (link.clone(), state.dispatcher(), copied_timer.clone());
        Callback::from(move |_| {
            let (link, dispatch, timer) = (link.clone(), dispatch.clone(), timer.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let ok = copy_text(&link).await;
                dispatch.dispatch(Action::Copied(ok));
                if ok {
                    let dispatch = dispatch.clone();
                    *timer.borrow_mut() = crate::platform::events::Timer::new(4000, move || {
                        dispatch.dispatch(Action::CopiedSeen)
                    });
                }
            });
        })
    };
    let (results, doubtful) = saved.results(&workshop, &scenarios);
    let d = dashboard(&results, &workshop, &scenarios, &state.filter);
    // Awards are for the whole workshop, whatever the filter shows.
    let everyone = dashboard(&results, &workshop, &scenarios, &Filter::default());
    // Stored codes that no longer verify (e.g. this device now has another version of a
    // scenario) are not counted; say so rather than let them vanish.
    let unverified = saved
        .results
        .len()
        .saturating_sub(results.len() + doubtful.len());
    let count_anyway = |attempt: String| {
        let (store, dispatch, id) = (store.clone(), state.dispatcher(), props.id.clone());
        Callback::from(move |_| {
            let stored = store.count_anyway(&id, &attempt).is_ok();
            dispatch.dispatch(Action::CountedAnyway { stored });
        })
    };
    let doubtful_view = (!doubtful.is_empty()).then(|| {
        let lang = i18n.lang;
        html! {
            <section class="card" data-testid="doubtful">
                <h2>{ i18n.t(TrainerText::DoubtfulTitle) }</h2>
                <p>{ i18n.t(TrainerText::DoubtfulHelp) }</p>
                <ul class="doubtful">
                    { for doubtful.iter().map(|v| html! {
                        <li data-testid="doubtful-result">
                            <p><strong>{ v.record.agent.clone() }</strong>{ format!(" · {} · {} · {}", v.record.wadah, v.record.scenario, v.card.total) }</p>
                            { for v.doubts.iter().map(|d| html! { <p class="warn">{ d.message().get(lang).to_owned() }</p> }) }
                            <button type="button" class="button button--secondary" onclick={count_anyway(v.record.attempt.uuid())}
                                data-testid="count-anyway" aria-label={t_with(i18n.lang, TrainerText::CountAnywayFor, &[("name", &v.record.agent), ("scenario", &v.record.scenario)])}>
                                { i18n.t(TrainerText::CountAnyway) }
                            </button>
                        </li>
                    }) }
                </ul>
            </section>
        }
    });
    let exports = {
        let (workshop, results, scenarios, saved) = (
            workshop.clone(),
            results.clone(),
            scenarios.clone(),
            saved.clone(),
        );
        move |what: &'static str| {
            let (workshop, results, scenarios, saved) = (
                workshop.clone(),
                results.clone(),
                scenarios.clone(),
                saved.clone(),
            );
            Callback::from(move |_| {
                let base = format!("latih-workshop-{}", workshop.id);
                match what {
                    // A byte-order mark, so spreadsheet programs read the text as UTF-8.
                    "csv" => download(
                        &format!("{base}.csv"),
                        "text/csv;charset=utf-8",
                        &format!("\u{feff}{}", monev::csv(&workshop, &results)),
                    ),
                    "xapi" => download_text(
                        &format!("{base}-xapi.json"),
                        &serde_json::to_string_pretty(&monev::xapi(
                            &workshop, &results, &scenarios,
                        ))
                        .unwrap_or_default(),
                    ),
                    _ => download_text(&format!("{base}-cadangan.json"), &backup(&saved)),
                };
            })
        }
    };
    let set_filter = |wadah: bool| {
        let dispatch = state.dispatcher();
        Callback::from(move |e: Event| {
            let value = value_of(&e);
            let value = (!value.is_empty()).then_some(value);
            dispatch.dispatch(if wadah {
                Action::FilterWadah(value)
            } else {
                Action::FilterScenario(value)
            });
        })
    };
    let lang = i18n.lang;
    let title_of = |id: &str| {
        scenarios
            .iter()
            .find(|s| s.id == id)
            .map_or(id.to_owned(), |s| s.meta.title.get(lang).to_owned())
    };
    // Each tested scenario once, even when it is both the pre-test and the post-test.
    let mut tested: Vec<&ScenarioRef> = Vec::new();
    for r in workshop.pre_test.iter().chain(&workshop.post_test) {
        if !tested.iter().any(|t| t.id == r.id) {
            tested.push(r);
        }
    }
    html! {
        <div class="page monev" data-testid="workshop-detail">
            <p class="eyebrow">{ i18n.t(Text::WorkshopTitle) }</p>
            <h1 data-testid="ws-title">{ workshop.name.clone() }</h1>
            <p>{ format!("{} · {}", date_text(i18n.lang, workshop.date), workshop.place) }</p>
            <section class="card" data-testid="ws-plan">
                <h2>{ i18n.t(TrainerText::Plan) }</h2>
                <dl class="plan">
                    { for [(Text::WorkshopPreTest, &workshop.pre_test), (Text::WorkshopPractice, &workshop.practice), (Text::WorkshopPostTest, &workshop.post_test)]
                        .into_iter().filter(|(_, refs)| !refs.is_empty()).map(|(label, refs)| html! {
                        <>
                            <dt>{ i18n.t(label) }</dt>
                            <dd>{ refs.iter().map(|r| scenarios.iter().find(|s| s.id == r.id).map_or_else(|| r.id.clone(), |s| s.meta.title.get(lang).to_owned())).collect::<Vec<_>>().join(", ") }</dd>
                        </>
                    }) }
                    <dt>{ i18n.t(TrainerText::WadahList) }</dt>
                    <dd>{ workshop.wadah.join(", ") }</dd>
                </dl>
                if workshop.post_after_practice {
                    <p class="hint">{ i18n.t(TrainerText::PostAfterPractice) }</p>
                }
            </section>

            if let Some(package) = saved.package.clone() {
                <package_share::PackageShare id={workshop.id.clone()} {package} />
            }
            <section class="card no-print">
                <h2>{ i18n.t(TrainerText::Share) }</h2>
                <p>{ i18n.t(TrainerText::ShareHelp) }</p>
                <p class="result-code__text" data-testid="share-link">{ link.clone() }</p>
                <div class="actions">
                    <button type="button" class="button" onclick={copy_link} data-testid="copy-link">{ i18n.t(TrainerText::CopyLink) }</button>
                    <a class="button button--secondary" href={link.clone()} target="_blank" rel="noopener">{ i18n.t(TrainerText::OpenLink) }</a>
                </div>
                if state.copied {
                    <p class="hint" role="status">{ i18n.t(Text::CodeCopied) }</p>
                }
                <details class="qr-box">
                    <summary>{ i18n.t(TrainerText::ShowQr) }</summary>
                    <crate::components::qr::Qr text={link.clone()} label={i18n.t(TrainerText::Share)} />
                </details>
            </section>

            <section class="card no-print">
                <h2>{ i18n.t(TrainerText::Import) }</h2>
                <p>{ i18n.t(TrainerText::ImportHelp) }</p>
                <label class="field">
                    <span>{ i18n.t(TrainerText::PasteLabel) }</span>
                    <textarea ref={text_ref} rows="5" data-testid="import-text" />
                </label>
                <div class="actions">
                    <button type="button" class="button" onclick={on_paste} data-testid="import-submit">{ i18n.t(TrainerText::ImportSubmit) }</button>
                    <label class="button button--secondary file-button">
                        { i18n.t(TrainerText::ImportFiles) }
                        <input type="file" multiple=true accept=".txt,.json,text/plain" onchange={on_files} data-testid="import-files" />
                    </label>
                </div>
                if let Some(r) = state.report.clone() {
                    <div role="status" data-testid="import-report">
                        <p data-testid="import-summary">{ t_with(i18n.lang, TrainerText::ImportSummary, &[
                            ("accepted", &r.accepted.to_string()), ("duplicates", &r.duplicates.to_string()), ("rejected", &r.rejected.len().to_string())]) }</p>
                        if r.skipped > 0 {
                            <Notice tone={Tone::Warning}>{ t_with(i18n.lang, TrainerText::FilesSkipped, &[("count", &r.skipped.to_string())]) }</Notice>
                        }
                        if r.not_saved {
                            <Notice tone={Tone::Warning}>{ i18n.t(TrainerText::NotSaved) }</Notice>
                        }
                        <ul class="rejections">
                            { for r.rejected.iter().map(|(code, why)| html! {
                                <li data-testid="import-rejected">
                                    <code>{ excerpt(code) }</code>{ " — " }{ why.get(lang).to_owned() }
                                </li>
                            }) }
                        </ul>
                    </div>
                }
            </section>

            <section class="card">
                <h2>{ i18n.t(TrainerText::Dashboard) }</h2>
                <div class="filters no-print">
                    <label class="field">
                        <span>{ i18n.t(TrainerText::Wadah) }</span>
                        <select onchange={set_filter(true)} data-testid="filter-wadah">
                            <option value="" selected={state.filter.wadah.is_none()}>{ i18n.t(Text::LibraryAll) }</option>
                            { for workshop.wadah.iter().map(|w| html! { <option value={w.clone()} selected={state.filter.wadah.as_ref() == Some(w)}>{ w.clone() }</option> }) }
                        </select>
                    </label>
                    <label class="field">
                        <span>{ i18n.t(TrainerText::Scenario) }</span>
                        <select onchange={set_filter(false)} data-testid="filter-scenario">
                            <option value="" selected={state.filter.scenario.is_none()}>{ i18n.t(Text::LibraryAll) }</option>
                            { for tested.iter().map(|r| html! { <option value={r.id.clone()} selected={state.filter.scenario.as_ref() == Some(&r.id)}>{ title_of(&r.id) }</option> }) }
                        </select>
                    </label>
                </div>
                if unverified > 0 {
                    <Notice tone={Tone::Warning} testid="unverified">
                        { t_with(i18n.lang, TrainerText::Unverified, &[("count", &unverified.to_string())]) }
                    </Notice>
                }
                if state.count_failed {
                    <Notice tone={Tone::Warning} urgent=true testid="count-not-saved">{ i18n.t(TrainerText::NotSaved) }</Notice>
                }
                { doubtful_view.unwrap_or_default() }
                { dashboard_view(&i18n, &d, &scenarios, workshop.date) }
            </section>

            <section class="card">
                <h2>{ i18n.t(TrainerText::Awards) }</h2>
                { awards_view(&i18n, &everyone) }
                <a class="button no-print" href={TrainerRoute::Certificates { id: props.id.to_string() }.href()} data-testid="to-certificates">{ i18n.t(TrainerText::Certificates) }</a>
            </section>

            { lrs_view(&i18n, lrs.as_ref(), &props.id) }

            <section class="card no-print">
                <h2>{ i18n.t(TrainerText::Exports) }</h2>
                <p>{ i18n.t(TrainerText::ExportsHelp) }</p>
                <div class="actions">
                    <button type="button" class="button button--secondary" onclick={exports("csv")} data-testid="export-csv">{ "CSV" }</button>
                    <button type="button" class="button button--secondary" onclick={exports("xapi")} data-testid="export-xapi">{ "xAPI (JSON)" }</button>
                    <button type="button" class="button button--secondary" onclick={exports("backup")} data-testid="export-backup">{ i18n.t(TrainerText::Backup) }</button>
                    <button type="button" class="button button--secondary" onclick={Callback::from(|_| print())}>{ i18n.t(TrainerText::Print) }</button>
                </div>
            </section>
        </div>
    }
}

/// Sending this workshop to the branch's LRS: the button, and where its results are.
fn lrs_view(
    i18n: &crate::context::I18n,
    lrs: Option<&crate::trainer::lrs::sender::Lrs>,
    id: &str,
) -> Html {
    let Some(lrs) = lrs else {
        return Html::default();
    };
    let status = &lrs.status;
    let line = if !status.configured {
        html! { <p data-testid="lrs-workshop-status">{ i18n.t(TrainerText::LrsNotConfigured) }{ " " }<a href={TrainerRoute::Branch.href()}>{ i18n.t(TrainerText::Branch) }</a></p> }
    } else if status.queue.has(id) {
        html! {
            <>
                <p data-testid="lrs-workshop-status">{ i18n.t(TrainerText::LrsWorkshopQueued) }</p>
                if let Some(error) = &status.queue.error {
                    <p class="warn" role="alert" data-testid="lrs-workshop-error">{ i18n.t(error.text()) }{ " " }<a href={TrainerRoute::Branch.href()}>{ i18n.t(TrainerText::Branch) }</a></p>
                }
            </>
        }
    } else if let Some(ms) = status.queue.sent_ms(id) {
        let (day, minutes) = crate::platform::clock::local_date_time(ms);
        let when = format!(
            "{} {:02}.{:02}",
            date_text(i18n.lang, day),
            minutes / 60,
            minutes % 60
        );
        html! { <p data-testid="lrs-workshop-status">{ t_with(i18n.lang, TrainerText::LrsWorkshopSent, &[("when", &when)]) }</p> }
    } else {
        Html::default()
    };
    let send = {
        let (send, id) = (lrs.send.clone(), id.to_owned());
        Callback::from(move |_| send.emit(Some(id.clone())))
    };
    html! {
        <section class="card no-print" data-testid="lrs-workshop">
            <h2>{ i18n.t(TrainerText::LrsSendWorkshop) }</h2>
            { line }
            <div class="actions">
                <button type="button" class="button button--secondary" onclick={send} disabled={!status.configured} data-testid="lrs-send-workshop">{ i18n.t(TrainerText::LrsSendWorkshop) }</button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::join_link;

    #[test]
    fn the_join_link_is_the_trainers_folder_then_the_code() {
        assert_eq!(
            join_link("https://bpjs.example/latih/pelatih.html#/w/ABC", "CODE"),
            "https://bpjs.example/latih/#/w/CODE"
        );
        assert_eq!(
            join_link("https://bpjs.example/pelatih.html?x=1", "CODE"),
            "https://bpjs.example/#/w/CODE"
        );
        // Outside a browser there is no address: the link is relative.
        assert_eq!(join_link("", "CODE"), "#/w/CODE");
    }
}

//! The trainer's pages: the workshop list, setting up a workshop, one workshop (share link,
//! importing results, the monev dashboard, awards and exports) and its certificates.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::charts::{Distribution, PairRow, PairedBars};
use super::store::{backup, read_backup, RestoreError, SavedWorkshop, WorkshopStore};
use super::{table_wrap, TrainerRoute};
use crate::context::{use_i18n, use_store, I18n};
use crate::engine::messages::{self};
use crate::engine::monev::{self, dashboard, Dashboard, Filter};
use crate::engine::scenario::{Competency, Scenario};
use crate::engine::sim::Terms;
use crate::engine::terms::Date;
use crate::engine::workshop::{check_batch, Phase, ScenarioRef, Workshop};
use crate::i18n::{t_with, Lang, Text, TrainerText};
use crate::loader::{use_index, use_pack};
use crate::pages::date_text;
use crate::platform::clock::{now_ms, random_u64};
use crate::platform::download::{download, download_text};
use crate::platform::share::copy_text;
use crate::router::use_navigator;

/// Reads the text of every file chosen in a file input, then calls `done` with them joined and
/// the number of files skipped for being too large to be ours.
fn read_files(input: HtmlInputElement, done: impl Fn(String, usize) + 'static) {
    let files = super::files::files_of(input.files());
    input.set_value("");
    wasm_bindgen_futures::spawn_local(async move {
        let mut all = String::new();
        let mut skipped = 0;
        for file in files {
            // Result and backup files are a few KB; a huge file is not one of ours.
            if file.size() > 2_000_000.0 {
                skipped += 1;
                continue;
            }
            if let Some(text) = super::files::read_text(&file).await {
                all.push_str(&text);
                all.push('\n');
            }
        }
        done(all, skipped);
    });
}

/// Every workshop on this device.
#[function_component]
pub fn WorkshopList() -> Html {
    let i18n = use_i18n();
    let store = WorkshopStore::new(use_store());
    crate::platform::events::use_refresh_on_storage(super::store::is_workshop_key);
    let version = use_state(|| 0u32);
    let status = use_state(|| None::<TrainerText>);
    let all = store.all();
    let on_restore = {
        let (store, status, version) = (store.clone(), status.clone(), version.clone());
        Callback::from(move |e: Event| {
            let (store, status, version) = (store.clone(), status.clone(), version.clone());
            read_files(e.target_unchecked_into(), move |text, _| {
                status.set(Some(match read_backup(text.trim()) {
                    Ok(saved) => match store.save(saved) {
                        Ok(super::store::Added::Beside(_)) => TrainerText::RestoredBeside,
                        Ok(_) => TrainerText::Restored,
                        Err(_) => TrainerText::NotSaved,
                    },
                    Err(RestoreError::TooNew) => TrainerText::BackupTooNew,
                    Err(RestoreError::NotABackup) => TrainerText::NotABackup,
                }));
                version.set(*version + 1);
            });
        })
    };
    html! {
        <div class="page">
            <h1>{ i18n.t(TrainerText::Workshops) }</h1>
            <p class="lead">{ i18n.t(TrainerText::Intro) }</p>
            <div class="actions">
                <a class="button" href={TrainerRoute::New.href()} data-testid="new-workshop">{ i18n.t(TrainerText::New) }</a>
                <label class="button button--secondary file-button">
                    { i18n.t(TrainerText::Restore) }
                    <input type="file" accept=".json,application/json" onchange={on_restore} data-testid="restore-workshop" />
                </label>
            </div>
            if let Some(s) = *status {
                <p class="notice notice--info" role="status" data-testid="restore-status">{ i18n.t(s) }</p>
            }
            { match all {
                Ok(list) if list.is_empty() => html! { <p data-testid="no-workshops">{ i18n.t(TrainerText::NoWorkshops) }</p> },
                Ok(list) => html! {
                    <ul class="workshop-list">
                        { for list.iter().filter_map(|saved| Some((saved, saved.workshop()?, saved.key()?))).map(|(saved, w, key)| html! {
                            <li class="card workshop-list__item">
                                <a href={TrainerRoute::Workshop { id: key.clone() }.href()} data-testid={format!("workshop-{key}")}>
                                    <strong>{ w.name.clone() }</strong>
                                </a>
                                if saved.local_id.is_some() {
                                    <p class="hint" data-testid="kept-beside">{ i18n.t(TrainerText::KeptBeside) }</p>
                                }
                                <p>{ format!("{} · {}", date_text(i18n.lang, w.date), w.place) }</p>
                                <p class="hint">{ t_with(i18n.lang, TrainerText::ResultCount, &[("count", &saved.results.len().to_string())]) }</p>
                            </li>
                        }) }
                    </ul>
                },
                // Shown at the top of the page until dismissed.
                Err(crate::practice::ReadError::SetAside(_)) => html! {},
                Err(crate::practice::ReadError::Store(_)) => html! { <p class="notice notice--warning" role="alert">{ i18n.t(Text::StorageUnavailable) }</p> },
            } }
        </div>
    }
}

/// Which list a scenario goes into.
#[derive(Clone, Copy, PartialEq)]
enum Slot {
    Pre,
    Practice,
    Post,
}

/// Setting up a new workshop.
#[function_component]
pub fn NewWorkshop() -> Html {
    let i18n = use_i18n();
    let en = i18n.lang == Lang::En;
    let store = WorkshopStore::new(use_store());
    let navigator = use_navigator();
    let index = use_index();
    let (name, date, place, wadah, after_practice) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    let picked = use_state(Vec::<(String, Slot)>::new);
    // Every problem of the form at once, each shown at its field.
    let problems = use_state(Vec::<(FormField, TrainerText)>::new);

    let index = match crate::pages::ready(&i18n, index) {
        // Workshops use the bundled scenarios, which every phone has.
        Ok(value) => std::rc::Rc::new(
            value
                .iter()
                .filter(|s| s.is_bundled())
                .cloned()
                .collect::<Vec<_>>(),
        ),
        Err(page) => return page,
    };
    let toggle = |id: String, slot: Slot| {
        let picked = picked.clone();
        Callback::from(move |_| {
            let mut next = (*picked).clone();
            match next.iter().position(|(i, s)| *i == id && *s == slot) {
                Some(at) => {
                    next.remove(at);
                }
                None => next.push((id.clone(), slot)),
            }
            picked.set(next);
        })
    };
    let submit = {
        let (store, navigator, picked, problems, index) = (
            store.clone(),
            navigator.clone(),
            picked.clone(),
            problems.clone(),
            index.clone(),
        );
        let (name, date, place, wadah, after_practice) = (
            name.clone(),
            date.clone(),
            place.clone(),
            wadah.clone(),
            after_practice.clone(),
        );
        let (name_ref, date_ref, wadah_ref) = (name.clone(), date.clone(), wadah.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| {
                r.cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .or_else(|| r.cast::<HtmlTextAreaElement>().map(|t| t.value()))
                    .unwrap_or_default()
            };
            let name = value(&name).trim().to_owned();
            let wadah: Vec<String> = value(&wadah)
                .lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|l| !l.is_empty())
                .collect();
            let date = Date::parse(&value(&date));
            let refs = |slot: Slot| -> Vec<ScenarioRef> {
                index
                    .iter()
                    .filter(|s| picked.iter().any(|(id, sl)| *id == s.id && *sl == slot))
                    .map(|s| ScenarioRef {
                        id: s.id.clone(),
                        version: s.version,
                    })
                    .collect()
            };
            let mut found = Vec::new();
            if name.is_empty() {
                found.push((FormField::Name, TrainerText::NameMissing));
            }
            if date.is_none() {
                found.push((FormField::Date, TrainerText::DateMissing));
            }
            if wadah.is_empty() {
                found.push((FormField::Wadah, TrainerText::WadahMissing));
            }
            if refs(Slot::Pre).is_empty() && refs(Slot::Post).is_empty() {
                found.push((FormField::Tests, TrainerText::TestsMissing));
            }
            let (Some(date), true) = (date, found.is_empty()) else {
                // The first field to complete gets the focus (and comes into view).
                let first = found.first().and_then(|(field, _)| match field {
                    FormField::Name => Some(&name_ref),
                    FormField::Date => Some(&date_ref),
                    FormField::Wadah => Some(&wadah_ref),
                    _ => None,
                });
                if let Some(el) = first.and_then(|r| r.cast::<web_sys::HtmlElement>()) {
                    let _ = el.focus();
                }
                problems.set(found);
                return;
            };
            let workshop = Workshop {
                id: Workshop::new_id(random_u64()),
                name,
                date,
                place: value(&place).trim().to_owned(),
                wadah,
                pre_test: refs(Slot::Pre),
                post_test: refs(Slot::Post),
                practice: refs(Slot::Practice),
                post_after_practice: after_practice
                    .cast::<HtmlInputElement>()
                    .is_some_and(|i| i.checked()),
            };
            let saved = SavedWorkshop {
                code: workshop.to_code(),
                created_ms: now_ms(),
                results: Vec::new(),
                counted_anyway: Vec::new(),
                local_id: None,
            };
            match store.save(saved) {
                Ok(_) => navigator.push_path(TrainerRoute::Workshop { id: workshop.id }.path()),
                Err(_) => problems.set(vec![(FormField::Form, TrainerText::NotSaved)]),
            }
        })
    };
    let slot_box = |s: &crate::engine::pack::Summary, slot: Slot, label: Text, key: &str| {
        let on = picked.iter().any(|(id, sl)| *id == s.id && *sl == slot);
        // Named with its scenario ("Pra-tes: Amaq Mahsun ..."), not only "Pra-tes" 24 times.
        let name = format!("{}: {}", i18n.t(label), s.title.get(en));
        html! {
            <label class="field--check">
                <input type="checkbox" checked={on} onchange={toggle(s.id.clone(), slot)} aria-label={name}
                    data-testid={format!("pick-{key}-{}", s.id)} />
                { i18n.t(label) }
            </label>
        }
    };
    let error_of = |field: FormField| problems.iter().find(|(f, _)| *f == field).map(|(_, t)| *t);
    let error_id = |field: FormField| format!("ws-error-{}", field.key());
    let error_at = |field: FormField| match error_of(field) {
        Some(t) => {
            html! { <span class="field__error" id={error_id(field)} data-testid={format!("ws-error-{}", field.key())}>{ i18n.t(t) }</span> }
        }
        None => html! {},
    };
    let invalid = |field: FormField| error_of(field).is_some().then_some("true");
    let described = |field: FormField| error_of(field).map(|_| error_id(field));
    // The agents' library order: easiest first, then by title.
    let mut listed: Vec<&crate::engine::pack::Summary> = index.iter().collect();
    crate::engine::order::sort_small_by_key(&mut listed, |s| (s.difficulty, s.title.get(en)));
    html! {
        <div class="page page--narrow">
            <h1>{ i18n.t(TrainerText::New) }</h1>
            <form class="card form" onsubmit={submit} novalidate=true>
                <label class="field">
                    <span>{ i18n.t(TrainerText::Name) }</span>
                    <input ref={name} type="text" maxlength="120" data-testid="ws-name"
                        aria-invalid={invalid(FormField::Name)} aria-describedby={described(FormField::Name)} />
                    { error_at(FormField::Name) }
                </label>
                <label class="field">
                    <span>{ i18n.t(TrainerText::Date) }</span>
                    <input ref={date} type="date" data-testid="ws-date"
                        aria-invalid={invalid(FormField::Date)} aria-describedby={described(FormField::Date)} />
                    { error_at(FormField::Date) }
                </label>
                <label class="field">
                    <span>{ i18n.t(TrainerText::Place) }</span>
                    <input ref={place} type="text" maxlength="120" data-testid="ws-place" />
                </label>
                <label class="field">
                    <span>{ i18n.t(TrainerText::WadahList) }</span>
                    <textarea ref={wadah} rows="4" data-testid="ws-wadah"
                        aria-invalid={invalid(FormField::Wadah)} aria-describedby={described(FormField::Wadah)} />
                    <span class="hint">{ i18n.t(TrainerText::WadahHelp) }</span>
                    { error_at(FormField::Wadah) }
                </label>
                <fieldset class="scenario-picks" aria-describedby={described(FormField::Tests)}>
                    <legend>{ i18n.t(TrainerText::Scenarios) }</legend>
                    { error_at(FormField::Tests) }
                    { for listed.into_iter().map(|s| html! {
                        <div class="scenario-pick">
                            <p class="workshop__title">{ s.title.get(en).to_owned() }
                                <span class="hint">{ format!(" · {}", crate::engine::messages::difficulty(s.difficulty).get(en)) }</span></p>
                            <div class="scenario-pick__slots">
                                { slot_box(s, Slot::Pre, Text::WorkshopPreTest, "pre") }
                                { slot_box(s, Slot::Practice, Text::WorkshopPractice, "practice") }
                                { slot_box(s, Slot::Post, Text::WorkshopPostTest, "post") }
                            </div>
                        </div>
                    }) }
                </fieldset>
                <label class="field--check">
                    <input ref={after_practice} type="checkbox" data-testid="ws-after-practice" />
                    <span>{ i18n.t(TrainerText::PostAfterPractice) }</span>
                </label>
                <p class="hint">{ i18n.t(TrainerText::TestOrderHelp) }</p>
                if !problems.is_empty() {
                    <div class="notice notice--warning" role="alert" data-testid="ws-problem">
                        <p>{ t_with(i18n.lang, TrainerText::FormProblems, &[("count", &problems.len().to_string())]) }</p>
                        <ul>{ for problems.iter().map(|(_, t)| html! { <li>{ i18n.t(*t) }</li> }) }</ul>
                    </div>
                }
                <button type="submit" class="button" data-testid="ws-create">{ i18n.t(TrainerText::Create) }</button>
            </form>
        </div>
    }
}

/// A field of the new-workshop form, for tying a problem to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FormField {
    Name,
    Date,
    Wadah,
    Tests,
    /// The form as a whole (storage refused it).
    Form,
}

impl FormField {
    fn key(self) -> &'static str {
        match self {
            FormField::Name => "name",
            FormField::Date => "date",
            FormField::Wadah => "wadah",
            FormField::Tests => "tests",
            FormField::Form => "form",
        }
    }
}

/// Props of the pages of one workshop.
#[derive(Properties, PartialEq)]
pub struct WorkshopProps {
    /// The workshop's id.
    pub id: AttrValue,
}

/// The address agents open to join: this app's folder, then `#/w/CODE`.
fn join_link(code: &str) -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = href.split('#').next().unwrap_or("");
    let dir = &base[..base.rfind('/').map_or(0, |i| i + 1)];
    format!("{dir}#/w/{code}")
}

/// What the last import found.
#[derive(Clone, PartialEq)]
struct ImportReport {
    accepted: usize,
    duplicates: u32,
    rejected: Vec<(String, crate::engine::scenario::Localized)>,
    not_saved: bool,
    skipped: usize,
}

/// One workshop: sharing, importing results, the dashboard, awards and exports.
#[function_component]
pub fn WorkshopDetail(props: &WorkshopProps) -> Html {
    let i18n = use_i18n();
    let store = WorkshopStore::new(use_store());
    // Results imported in another tab show here at once (imports merge, so none is lost).
    crate::platform::events::use_refresh_on_storage(super::store::is_workshop_key);
    let pack = use_pack();
    let version = use_state(|| 0u32);
    let report = use_state(|| None::<ImportReport>);
    let filter = use_state(Filter::default);
    let copied = use_state(|| false);
    // "Kode disalin." shows for a few seconds, then goes, so a second copy is seen to work.
    let copied_timer = use_mut_ref(|| None::<crate::platform::events::Timer>);
    let text_ref = use_node_ref();

    let Some(saved) = store.get(&props.id).ok().flatten() else {
        return html! { <div class="page page--narrow"><p data-testid="workshop-missing">{ i18n.t(TrainerText::WorkshopMissing) }</p></div> };
    };
    let Some(workshop) = saved.workshop() else {
        return html! { <div class="page page--narrow"><p>{ i18n.t(TrainerText::WorkshopMissing) }</p></div> };
    };
    let scenarios = match crate::pages::ready(&i18n, pack) {
        Ok(value) => value,
        Err(page) => return page,
    };
    let import = {
        let (store, report, version, scenarios, workshop, saved, key) = (
            store.clone(),
            report.clone(),
            version.clone(),
            scenarios.clone(),
            workshop.clone(),
            saved.clone(),
            props.id.clone(),
        );
        Rc::new(move |text: String, skipped: usize| {
            let batch = check_batch(&text, &workshop, &scenarios, &saved.results);
            let codes: Vec<String> = batch.accepted.iter().map(|(c, _)| c.clone()).collect();
            let stored = store.add_results(&key, &codes);
            report.set(Some(ImportReport {
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
            version.set(*version + 1);
        })
    };
    let on_paste = {
        let (import, text_ref) = (import.clone(), text_ref.clone());
        Callback::from(move |_| {
            if let Some(area) = text_ref.cast::<HtmlTextAreaElement>() {
                import(area.value(), 0);
                area.set_value("");
            }
        })
    };
    let on_files = {
        let import = import.clone();
        Callback::from(move |e: Event| {
            let import = import.clone();
            read_files(e.target_unchecked_into(), move |text, skipped| {
                import(text, skipped)
            });
        })
    };
    let link = join_link(&saved.code);
    let copy_link = {
        let (link, copied, timer) = (link.clone(), copied.clone(), copied_timer.clone());
        Callback::from(move |_| {
            let (link, copied, timer) = (link.clone(), copied.clone(), timer.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let ok = copy_text(&link).await;
                copied.set(ok);
                if ok {
                    let copied = copied.clone();
                    *timer.borrow_mut() =
                        crate::platform::events::Timer::new(4000, move || copied.set(false));
                }
            });
        })
    };
    let (results, doubtful) = saved.results(&workshop, &scenarios);
    let d = dashboard(&results, &workshop, &scenarios, &filter);
    // Awards are for the whole workshop, whatever the filter shows.
    let everyone = dashboard(&results, &workshop, &scenarios, &Filter::default());
    // Stored codes that no longer verify (e.g. this device now has another version of a
    // scenario) are not counted; say so rather than let them vanish.
    let unverified = saved
        .results
        .len()
        .saturating_sub(results.len() + doubtful.len());
    let count_anyway = |attempt: String| {
        let (store, version, id) = (store.clone(), version.clone(), props.id.clone());
        Callback::from(move |_| {
            let _ = store.count_anyway(&id, &attempt);
            version.set(*version + 1);
        })
    };
    let doubtful_view = (!doubtful.is_empty()).then(|| {
        let en = i18n.lang == Lang::En;
        html! {
            <section class="card" data-testid="doubtful">
                <h2>{ i18n.t(TrainerText::DoubtfulTitle) }</h2>
                <p>{ i18n.t(TrainerText::DoubtfulHelp) }</p>
                <ul class="doubtful">
                    { for doubtful.iter().map(|v| html! {
                        <li data-testid="doubtful-result">
                            <p><strong>{ v.record.agent.clone() }</strong>{ format!(" · {} · {} · {}", v.record.wadah, v.record.scenario, v.card.total) }</p>
                            { for v.doubts.iter().map(|d| html! { <p class="warn">{ d.message().get(en).to_owned() }</p> }) }
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
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let value = (!value.is_empty()).then_some(value);
            let mut next = (*filter).clone();
            if wadah {
                next.wadah = value;
            } else {
                next.scenario = value;
            }
            filter.set(next);
        })
    };
    let en = i18n.lang == Lang::En;
    let title_of = |id: &str| {
        scenarios
            .iter()
            .find(|s| s.id == id)
            .map_or(id.to_owned(), |s| s.meta.title.get(en).to_owned())
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
                            <dd>{ refs.iter().map(|r| scenarios.iter().find(|s| s.id == r.id).map_or_else(|| r.id.clone(), |s| s.meta.title.get(en).to_owned())).collect::<Vec<_>>().join(", ") }</dd>
                        </>
                    }) }
                    <dt>{ i18n.t(TrainerText::WadahList) }</dt>
                    <dd>{ workshop.wadah.join(", ") }</dd>
                </dl>
                if workshop.post_after_practice {
                    <p class="hint">{ i18n.t(TrainerText::PostAfterPractice) }</p>
                }
            </section>

            <section class="card no-print">
                <h2>{ i18n.t(TrainerText::Share) }</h2>
                <p>{ i18n.t(TrainerText::ShareHelp) }</p>
                <p class="result-code__text" data-testid="share-link">{ link.clone() }</p>
                <div class="actions">
                    <button type="button" class="button" onclick={copy_link} data-testid="copy-link">{ i18n.t(TrainerText::CopyLink) }</button>
                    <a class="button button--secondary" href={link.clone()} target="_blank" rel="noopener">{ i18n.t(TrainerText::OpenLink) }</a>
                </div>
                if *copied {
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
                if let Some(r) = (*report).clone() {
                    <div role="status" data-testid="import-report">
                        <p data-testid="import-summary">{ t_with(i18n.lang, TrainerText::ImportSummary, &[
                            ("accepted", &r.accepted.to_string()), ("duplicates", &r.duplicates.to_string()), ("rejected", &r.rejected.len().to_string())]) }</p>
                        if r.skipped > 0 {
                            <p class="notice notice--warning">{ t_with(i18n.lang, TrainerText::FilesSkipped, &[("count", &r.skipped.to_string())]) }</p>
                        }
                        if r.not_saved {
                            <p class="notice notice--warning">{ i18n.t(TrainerText::NotSaved) }</p>
                        }
                        <ul class="rejections">
                            { for r.rejected.iter().map(|(code, why)| html! {
                                <li data-testid="import-rejected">
                                    <code>{ excerpt(code) }</code>{ " — " }{ why.get(en).to_owned() }
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
                            <option value="" selected={filter.wadah.is_none()}>{ i18n.t(Text::LibraryAll) }</option>
                            { for workshop.wadah.iter().map(|w| html! { <option value={w.clone()} selected={filter.wadah.as_ref() == Some(w)}>{ w.clone() }</option> }) }
                        </select>
                    </label>
                    <label class="field">
                        <span>{ i18n.t(TrainerText::Scenario) }</span>
                        <select onchange={set_filter(false)} data-testid="filter-scenario">
                            <option value="" selected={filter.scenario.is_none()}>{ i18n.t(Text::LibraryAll) }</option>
                            { for tested.iter().map(|r| html! { <option value={r.id.clone()} selected={filter.scenario.as_ref() == Some(&r.id)}>{ title_of(&r.id) }</option> }) }
                        </select>
                    </label>
                </div>
                if unverified > 0 {
                    <p class="notice notice--warning" role="status" data-testid="unverified">
                        { t_with(i18n.lang, TrainerText::Unverified, &[("count", &unverified.to_string())]) }
                    </p>
                }
                { doubtful_view.unwrap_or_default() }
                { dashboard_view(&i18n, &d, &scenarios, workshop.date) }
            </section>

            <section class="card">
                <h2>{ i18n.t(TrainerText::Awards) }</h2>
                { awards_view(&i18n, &everyone) }
                <a class="button no-print" href={TrainerRoute::Certificates { id: props.id.to_string() }.href()} data-testid="to-certificates">{ i18n.t(TrainerText::Certificates) }</a>
            </section>

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

fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The first and last characters of a long code.
fn excerpt(code: &str) -> String {
    if code.chars().count() <= 24 {
        return code.to_owned();
    }
    let head: String = code.chars().take(14).collect();
    let tail: String = code
        .chars()
        .rev()
        .take(6)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("{head}…{tail}")
}

fn number(value: Option<u32>) -> String {
    value.map_or("–".to_owned(), |v| v.to_string())
}

fn change(value: Option<i32>) -> String {
    value.map_or("–".to_owned(), |v| format!("{v:+}"))
}

fn dashboard_view(i18n: &I18n, d: &Dashboard, scenarios: &[Scenario], date: Date) -> Html {
    let en = i18n.lang == Lang::En;
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
            label: messages::competency(*c).get(en).to_owned().into(),
            pre: pre[i],
            post: post[i],
        })
        .collect();
    // Figures in the scenario's words as they read on the workshop's day.
    let say = |s: &Scenario, t: &crate::engine::scenario::Localized| {
        crate::engine::figures::render_localized(t, &Terms::of(s, date).context(s), en)
    };
    let node_text = |scenario: &str, node: u32, choice: Option<u32>| {
        let s = scenarios.iter().find(|s| s.id == scenario)?;
        let n = s.nodes.get(node as usize)?;
        let line = n.lines.first().map(|l| say(s, &l.text)).unwrap_or_default();
        let better = choice
            .and_then(|c| n.choices.get(c as usize))
            .map(|c| say(s, &c.text));
        Some((s.meta.title.get(en).to_owned(), line, better))
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
                        ("objection", messages::objection(o.objection).get(en)), ("badly", &o.badly.to_string()), ("times", &(o.well + o.badly).to_string())]) }</li>
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
                                    <td><strong>{ s.meta.title.get(en).to_owned() }</strong><br />{ node.lines.first().map(|l| say(s, &l.text)).unwrap_or_default() }</td>
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
fn top_per_wadah(d: &Dashboard) -> Vec<&monev::AgentRow> {
    let mut tops: Vec<&monev::AgentRow> = Vec::new();
    for a in &d.agents {
        if a.passed_post && !tops.iter().any(|t| t.wadah == a.wadah) {
            tops.push(a);
        }
    }
    tops
}

fn awards_view(i18n: &I18n, d: &Dashboard) -> Html {
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

/// Printable certificates: one A4 page per agent who passed the post-test, and one per Wadah
/// for its best agent.
#[function_component]
pub fn Certificates(props: &WorkshopProps) -> Html {
    let i18n = use_i18n();
    let store = WorkshopStore::new(use_store());
    let pack = use_pack();
    let Some((saved, workshop)) = store
        .get(&props.id)
        .ok()
        .flatten()
        .and_then(|s| s.workshop().map(|w| (s, w)))
    else {
        return html! { <div class="page page--narrow"><p>{ i18n.t(TrainerText::WorkshopMissing) }</p></div> };
    };
    let scenarios = match crate::pages::ready(&i18n, pack) {
        Ok(value) => value,
        Err(page) => return page,
    };
    // Certificates rest on the counted results only.
    let (results, _) = saved.results(&workshop, &scenarios);
    let d = dashboard(&results, &workshop, &scenarios, &Filter::default());
    let when = format!(
        "{}, {}",
        workshop.place,
        date_text(i18n.lang, workshop.date)
    );
    let certificate = |name: &str, wadah: &str, award: Option<&str>, score: Option<u32>| {
        html! {
            <article class="certificate" data-testid="certificate">
                <p class="certificate__org">{ i18n.t(TrainerText::CertificateOrg) }</p>
                <h1 class="certificate__title">{ i18n.t(if award.is_some() { TrainerText::CertificateAwardTitle } else { TrainerText::CertificateTitle }) }</h1>
                <p>{ i18n.t(TrainerText::CertificateGivenTo) }</p>
                <p class="certificate__name">{ name.to_owned() }</p>
                <p class="certificate__wadah">{ wadah.to_owned() }</p>
                <p>{ match award {
                    Some(w) => t_with(i18n.lang, TrainerText::CertificateAwardBody, &[("wadah", w), ("workshop", &workshop.name), ("score", &number(score))]),
                    None => t_with(i18n.lang, TrainerText::CertificateBody, &[("workshop", &workshop.name), ("score", &number(score))]),
                } }</p>
                <p class="certificate__when">{ when.clone() }</p>
                <div class="certificate__sign"><span>{ i18n.t(TrainerText::CertificateTrainer) }</span></div>
            </article>
        }
    };
    let passed: Vec<&monev::AgentRow> = d.agents.iter().filter(|a| a.passed_post).collect();
    let tops = top_per_wadah(&d);
    html! {
        <div class="certificates">
            <div class="page no-print">
                <h1>{ i18n.t(TrainerText::Certificates) }</h1>
                <p>{ t_with(i18n.lang, TrainerText::CertificatesHelp, &[("count", &(passed.len() + tops.len()).to_string())]) }</p>
                <div class="actions">
                    <button type="button" class="button" onclick={Callback::from(|_| print())} data-testid="print">{ i18n.t(TrainerText::Print) }</button>
                    <a class="button button--secondary" href={TrainerRoute::Workshop { id: props.id.to_string() }.href()}>{ i18n.t(TrainerText::Back) }</a>
                </div>
            </div>
            { for tops.iter().map(|a| certificate(&a.agent, &a.wadah, Some(&a.wadah), a.scores.post)) }
            { for passed.iter().map(|a| certificate(&a.agent, &a.wadah, None, a.scores.post)) }
        </div>
    }
}

//! Setting up a new workshop: its name, date, place and Wadah, and the scenarios of its
//! pre-test, practice and post-test.

use yew::prelude::*;

use crate::components::notice::{Notice, Tone};
use crate::context::{use_i18n, use_store};
use crate::engine::pack::Summary;
use crate::engine::workshop::{ScenarioRef, Workshop};
use crate::engine::Date;
use crate::i18n::{t_with, Text, TrainerText};
use crate::loader::use_index;
use crate::platform::clock::{now_ms, random_u64};
use crate::platform::form::{checked_at, value_at};
use crate::router::use_navigator;
use crate::trainer::storage::workshops::{SavedWorkshop, WorkshopStore};
use crate::trainer::TrainerRoute;

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
    let lang = i18n.lang;
    let store = WorkshopStore::new(use_store());
    let scenarios = crate::trainer::storage::scenarios::ScenarioStore::new(use_store());
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
        // The bundled scenarios, which every phone has, and the trainer's own published to
        // play (which travel to the phones in the workshop's package).
        Ok(value) => std::rc::Rc::new(
            value
                .iter()
                .filter(|s| s.workshop.is_empty())
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
        let scenarios = scenarios.clone();
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
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| value_at(r).unwrap_or_default();
            let form = Form {
                name: value(&name),
                date: value(&date),
                place: value(&place),
                wadah: value(&wadah),
                picked: (*picked).clone(),
                after_practice: checked_at(&after_practice),
            };
            let workshop = match workshop_of(&form, &index, Workshop::new_id(random_u64())) {
                Ok(workshop) => workshop,
                Err(found) => {
                    // The first field to complete gets the focus (and comes into view).
                    let first = found.first().and_then(|(field, _)| match field {
                        FormField::Name => Some(&name),
                        FormField::Date => Some(&date),
                        FormField::Wadah => Some(&wadah),
                        _ => None,
                    });
                    if let Some(node) = first {
                        crate::platform::page::focus_node(node, false);
                    }
                    problems.set(found);
                    return;
                }
            };
            let saved = SavedWorkshop {
                code: workshop.to_code(),
                created_ms: now_ms(),
                results: Vec::new(),
                counted_anyway: Vec::new(),
                local_id: None,
                package: package_of(&workshop, &index, &scenarios.published()),
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
        let name = format!("{}: {}", i18n.t(label), s.title.get(lang));
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
    crate::engine::order::sort_small_by_key(&mut listed, |s| (s.difficulty, s.title.get(lang)));
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
                            <p class="workshop__title">{ s.title.get(lang).to_owned() }
                                <span class="hint">{ format!(" · {}", crate::engine::messages::difficulty(s.difficulty).get(lang)) }</span>
                                if !s.is_bundled() { <span class="chip chip--own">{ i18n.t(Text::LibraryOwn) }</span> }</p>
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
                    <Notice tone={Tone::Warning} urgent=true testid="ws-problem">
                        <p>{ t_with(i18n.lang, TrainerText::FormProblems, &[("count", &problems.len().to_string())]) }</p>
                        <ul>{ for problems.iter().map(|(_, t)| html! { <li>{ i18n.t(*t) }</li> }) }</ul>
                    </Notice>
                }
                <button type="submit" class="button" data-testid="ws-create">{ i18n.t(TrainerText::Create) }</button>
            </form>
        </div>
    }
}

/// What the trainer typed and picked.
struct Form {
    name: String,
    date: String,
    place: String,
    /// One Wadah a line.
    wadah: String,
    picked: Vec<(String, Slot)>,
    after_practice: bool,
}

/// The workshop `form` describes, with id `id`, or every problem of the form, each at its
/// field, in the order of the fields. Scenarios are listed in the index's order.
fn workshop_of(
    form: &Form,
    index: &[Summary],
    id: String,
) -> Result<Workshop, Vec<(FormField, TrainerText)>> {
    let name = form.name.trim().to_owned();
    let wadah: Vec<String> = form
        .wadah
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    let date = Date::parse(&form.date);
    let refs = |slot: Slot| -> Vec<ScenarioRef> {
        index
            .iter()
            .filter(|s| {
                form.picked
                    .iter()
                    .any(|(id, sl)| *id == s.id && *sl == slot)
            })
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
    match date {
        Some(date) if found.is_empty() => Ok(Workshop {
            id,
            name,
            date,
            place: form.place.trim().to_owned(),
            wadah,
            pre_test: refs(Slot::Pre),
            post_test: refs(Slot::Post),
            practice: refs(Slot::Practice),
            post_after_practice: form.after_practice,
        }),
        _ => Err(found),
    }
}

/// The package of a workshop that uses scenarios of the trainer's own (`None` when it uses
/// only bundled ones): the workshop and those scenarios, as published to play on this device.
fn package_of(
    workshop: &Workshop,
    index: &[Summary],
    published: &[crate::engine::Scenario],
) -> Option<String> {
    let own: Vec<crate::engine::Scenario> = published
        .iter()
        .filter(|s| {
            workshop.uses().any(|r| r.id == s.id)
                && !index.iter().any(|e| e.id == s.id && e.is_bundled())
        })
        .cloned()
        .collect();
    (!own.is_empty()).then(|| {
        crate::engine::workshop::Package {
            workshop: workshop.clone(),
            scenarios: own,
        }
        .to_text()
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> Vec<Summary> {
        crate::engine::pack::load()
            .expect("the pack loads")
            .iter()
            .map(|s| Summary::of(s, ""))
            .collect()
    }

    fn form(picked: &[(&str, Slot)]) -> Form {
        Form {
            name: "  Pelatihan Perisai Desember ".into(),
            date: "2026-12-15".into(),
            place: " Mataram ".into(),
            wadah: "Wadah  Ampenan\n\n  Koperasi Tani Sejahtera \n".into(),
            picked: picked
                .iter()
                .map(|(id, s)| ((*id).to_owned(), *s))
                .collect(),
            after_practice: true,
        }
    }

    #[test]
    fn a_complete_form_makes_the_workshop_with_tidy_names_in_index_order() {
        let index = index();
        let (a, b) = (index[0].id.as_str(), index[1].id.as_str());
        let w = workshop_of(
            &form(&[
                (b, Slot::Pre),
                (a, Slot::Pre),
                (a, Slot::Post),
                (b, Slot::Practice),
            ]),
            &index,
            "W1".into(),
        )
        .expect("complete");
        assert_eq!(
            (w.id.as_str(), w.name.as_str(), w.place.as_str()),
            ("W1", "Pelatihan Perisai Desember", "Mataram")
        );
        assert_eq!(w.wadah, ["Wadah Ampenan", "Koperasi Tani Sejahtera"]);
        let ids = |r: &[ScenarioRef]| r.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        assert_eq!(
            ids(&w.pre_test),
            [a, b],
            "in the index's order, not the order picked"
        );
        assert_eq!(ids(&w.post_test), [a]);
        assert_eq!(ids(&w.practice), [b]);
        assert!(w.post_after_practice);
    }

    #[test]
    fn every_problem_is_found_at_once_in_the_order_of_the_fields() {
        let index = index();
        let empty = Form {
            name: " ".into(),
            date: "15/12/2026".into(),
            place: String::new(),
            wadah: "\n  \n".into(),
            // Practice alone is not a test.
            picked: vec![(index[0].id.clone(), Slot::Practice)],
            after_practice: false,
        };
        let fields: Vec<FormField> = workshop_of(&empty, &index, "W".into())
            .expect_err("incomplete")
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            fields,
            [
                FormField::Name,
                FormField::Date,
                FormField::Wadah,
                FormField::Tests
            ]
        );
    }

    #[test]
    fn a_post_test_alone_is_enough_and_unknown_picks_are_ignored() {
        let index = index();
        let w = workshop_of(
            &form(&[
                ("no-such-scenario", Slot::Pre),
                (index[2].id.as_str(), Slot::Post),
            ]),
            &index,
            "W".into(),
        )
        .expect("a post-test is a test");
        assert!(w.pre_test.is_empty());
        assert_eq!(w.post_test.len(), 1);
    }
}

//! Native server-side render tests of the app shell: the real components, rendered to HTML
//! without a browser, with in-memory storage and history.
#![cfg(not(target_arch = "wasm32"))]

use latih::app::{AppRoot, AppRootProps};
use latih::i18n::{t, Lang, Text};
use latih::platform::prefs::save_lang;
use latih::platform::storage::Store;
use latih::router::History;
use yew::LocalServerRenderer;

fn render(store: Store, path: &str) -> String {
    let props = AppRootProps {
        store,
        history: History::Memory(path.into()),
        defer_page: false,
    };
    futures::executor::block_on(
        LocalServerRenderer::<AppRoot>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

#[test]
fn shell_renders_in_bahasa_indonesia_by_default() {
    let html = render(Store::memory(), "/");
    for text in [
        Text::AppName,
        Text::NavHome,
        Text::HomeTitle,
        Text::HomeAgentTitle,
        Text::HomeTrainerTitle,
    ] {
        assert!(
            html.contains(t(Lang::Id, text)),
            "missing {:?} in {html}",
            text
        );
    }
    assert!(!html.contains(t(Lang::En, Text::HomeTitle)));
    assert!(
        html.contains(r#"aria-pressed="true" aria-label="ID: Ganti bahasa ke Bahasa Indonesia""#),
        "{html}"
    );
}

#[test]
fn shell_renders_in_the_saved_language() {
    let store = Store::memory();
    save_lang(&store, Lang::En).unwrap();
    let html = render(store, "/");
    assert!(html.contains(t(Lang::En, Text::HomeTitle)), "{html}");
    assert!(html.contains(t(Lang::En, Text::NavHome)));
    assert!(!html.contains(t(Lang::Id, Text::HomeTitle)));
}

#[test]
fn unknown_address_renders_the_not_found_page() {
    let html = render(Store::memory(), "/no/such/page");
    assert!(html.contains(t(Lang::Id, Text::NotFoundTitle)), "{html}");
    assert!(!html.contains(t(Lang::Id, Text::HomeTitle)));
}

#[test]
fn every_nav_section_is_linked_from_the_header() {
    let html = render(Store::memory(), "/");
    for (route, label) in latih::router::Route::NAV {
        assert!(html.contains(t(Lang::Id, *label)), "nav lacks {label:?}");
        assert!(
            html.contains(&format!(r#"href="{}""#, route.href())),
            "nav lacks a link to {route:?}"
        );
    }
    assert!(html.contains(r#"aria-label="Navigasi utama""#));
    // The page being shown is marked for screen readers, and only that one.
    assert_eq!(html.matches(r#"aria-current="page""#).count(), 1, "{html}");
}

#[test]
fn each_address_renders_its_page() {
    for (path, title) in [
        ("/riwayat", Text::HistoryTitle),
        ("/setelan", Text::SettingsTitle),
        ("/hasil/x", Text::NotFoundTitle),
    ] {
        let html = render(Store::memory(), path);
        assert!(html.contains(t(Lang::Id, title)), "{path}: {html}");
    }
    // The library waits for its index (fetched in the browser), then shows the cards.
    let html = render(Store::memory(), "/latihan");
    assert!(html.contains(t(Lang::Id, Text::Loading)), "{html}");
}

fn render_component<C: yew::BaseComponent>(props: C::Properties) -> String
where
    C::Properties: Send,
{
    futures::executor::block_on(
        LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

#[test]
fn the_score_chart_draws_six_labelled_bars() {
    use latih::components::score_chart::{ScoreChart, ScoreChartProps};
    let html = render_component::<ScoreChart>(ScoreChartProps {
        scores: [100, 80, 65, 40, 0, 100],
    });
    assert_eq!(
        html.matches("<rect").count(),
        12,
        "a track and a bar per competency: {html}"
    );
    for name in [
        "Membangun hubungan",
        "Menggali kebutuhan",
        "Etika dan kepatuhan",
    ] {
        assert!(html.contains(name), "{name} in {html}");
    }
    assert!(
        html.contains(r#"width="270" height="10" rx="5" class="bar--good""#),
        "100 fills the track"
    );
    assert!(html.contains("bar--weak") && html.contains("bar--ok"));
    assert!(html.contains(r#"role="img""#));
}

#[test]
fn meters_expose_their_values_to_screen_readers() {
    use latih::components::mood::{Meters, MetersProps};
    use latih::engine::sim::WorkerState;
    let html = render_component::<Meters>(MetersProps {
        worker: WorkerState {
            trust: 72,
            interest: 30,
            cost_worry: 140,
            patience: 50,
        },
    });
    assert_eq!(html.matches(r#"role="meter""#).count(), 3);
    assert!(html.contains(r#"aria-valuenow="72""#));
    assert!(
        html.contains(r#"aria-valuenow="100""#),
        "out-of-range values are clamped: {html}"
    );
    assert!(html.contains("72 dari 100"));
}

#[test]
fn mood_words_follow_the_workers_state() {
    use latih::components::mood::{mood_sign, mood_text};
    use latih::engine::sim::WorkerState;
    let w = |trust, interest, cost_worry, patience| WorkerState {
        trust,
        interest,
        cost_worry,
        patience,
    };
    assert_eq!(mood_text(&w(10, 80, 10, 80)), Text::MoodSuspicious);
    assert_eq!(mood_text(&w(70, 70, 20, 80)), Text::MoodKeen);
    assert_eq!(mood_text(&w(50, 50, 80, 80)), Text::MoodWorried);
    assert_eq!(mood_sign(&w(70, 70, 20, 80)), 1);
    assert_eq!(mood_sign(&w(10, 10, 90, 80)), -1);
}

mod trainer {
    use latih::engine::workshop::{ScenarioRef, Workshop};
    use latih::engine::Date;
    use latih::i18n::{t, Lang, TrainerText};
    use latih::platform::storage::Store;
    use latih::router::History;
    use latih::trainer::storage::workshops::{SavedWorkshop, WorkshopStore};
    use latih::trainer::{TrainerRoot, TrainerRootProps};
    use yew::LocalServerRenderer;

    fn render(store: Store, path: &str) -> String {
        let props = TrainerRootProps {
            store,
            history: History::Memory(path.into()),
        };
        futures::executor::block_on(
            LocalServerRenderer::<TrainerRoot>::with_props(props)
                .hydratable(false)
                .render(),
        )
    }

    #[test]
    fn the_trainer_starts_with_no_workshops_and_a_way_to_make_one() {
        let html = render(Store::memory(), "/");
        assert!(
            html.contains(t(Lang::Id, TrainerText::NoWorkshops)),
            "{html}"
        );
        assert!(html.contains(r##"href="#/baru""##), "{html}");
        assert!(html.contains(t(Lang::Id, TrainerText::AgentApp)));
    }

    #[test]
    fn saved_workshops_are_listed_and_unknown_ones_explained() {
        let store = Store::memory();
        let workshop = Workshop {
            id: Workshop::new_id(77),
            name: "Workshop <b>Selong</b>".into(),
            date: Date::new(2026, 12, 3).unwrap(),
            place: "Selong".into(),
            wadah: vec!["A".into()],
            pre_test: vec![ScenarioRef {
                id: "fisher-lombok-timur".into(),
                version: 1,
            }],
            post_test: vec![],
            practice: vec![],
            post_after_practice: false,
        };
        WorkshopStore::new(store.clone())
            .save(SavedWorkshop {
                code: workshop.to_code(),
                created_ms: 1,
                results: vec![],
                counted_anyway: Vec::new(),
                local_id: None,
                package: None,
            })
            .unwrap();
        let html = render(store.clone(), "/");
        assert!(
            html.contains("Workshop &lt;b&gt;Selong&lt;/b&gt;"),
            "a name is text, never HTML: {html}"
        );
        assert!(html.contains("3 Desember 2026"));
        let html = render(store, "/w/NOSUCHID");
        assert!(
            html.contains(t(Lang::Id, TrainerText::WorkshopMissing)),
            "{html}"
        );
    }

    #[test]
    fn the_editor_shows_every_part_of_a_scenario_as_text() {
        use latih::trainer::storage::scenarios::ScenarioStore;
        let store = Store::memory();
        let mut s = latih::engine::edit::new_scenario("baru".into());
        s.meta.title.id = "<img src=x onerror=alert(1)>".into();
        s.persona.name = "Inaq <b>Rahmah</b>".into();
        ScenarioStore::new(store.clone())
            .add(&s, "u1".into(), 1)
            .unwrap();
        let html = render(store, "/skenario/u1");
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(!html.contains("<img src=x"), "scenario text is never HTML");
        for testid in [
            "about-editor",
            "persona-avatar",
            "persona-can-pay",
            "rubric-pass",
            "fact-add",
            "add-ending-enrolled",
            "play-as-agent",
        ] {
            let found = html.contains(&format!("data-testid=\"{testid}\""));
            // Endings exist for every outcome, so none is offered to add.
            assert_eq!(found, testid != "add-ending-enrolled", "{testid}");
        }
        assert!(html.contains(t(Lang::Id, TrainerText::FieldCanPayHelp)));
    }

    #[test]
    fn the_library_holds_back_what_the_bundled_list_would_push_down() {
        use latih::trainer::storage::scenarios::ScenarioStore;
        let store = Store::memory();
        ScenarioStore::new(store.clone())
            .add(
                &latih::engine::edit::new_scenario("milik-saya".into()),
                "u1".into(),
                1,
            )
            .unwrap();
        // The pack's index has not arrived (it is fetched): the trainer's own scenarios show, and
        // nothing sits below the loading line for the list to push down when it comes.
        let html = render(store, "/skenario");
        assert!(html.contains("data-testid=\"own-milik-saya\""), "{html}");
        assert!(html.contains("aria-busy=\"true\""), "{html}");
        assert!(!html.contains("data-testid=\"library-backup\""), "{html}");
    }

    #[test]
    fn a_scenario_that_cannot_be_read_is_kept_and_offered_as_a_file() {
        let store = Store::memory();
        store
            .set("latih.trainer.scenario.u9", "{ not a scenario")
            .unwrap();
        let html = render(store.clone(), "/skenario/u9");
        assert!(html.contains("data-testid=\"scenario-missing\""), "{html}");
        assert!(html.contains("data-testid=\"unreadable\""), "{html}");
        assert_eq!(
            store.get("latih.trainer.scenario.u9").unwrap().as_deref(),
            Some("{ not a scenario")
        );
        let html = render(store, "/skenario/nothing-here");
        assert!(!html.contains("data-testid=\"unreadable\""), "{html}");
    }
}

//! The install page (`pasang.html`): a third wasm module, loaded only when an agent installs a
//! workshop package, so the agents' app never carries the JSON reader and the validator it
//! needs. A package comes in a file (picked, dropped, shared from WhatsApp, or opened with
//! Latih) or compressed in the link's fragment. It is checked whole
//! ([`crate::engine::workshop::Package::read`]) before anything is stored; then each scenario
//! is stored compiled, as the bundled ones are, and the agent goes on to join the workshop in
//! the agents' app.
//!
//! This file holds what installing does to storage, tested natively; `page` is the page.

mod page;

pub use page::InstallApp;

use crate::engine::workshop::installed::{Installed, INSTALLED_KEY};
use crate::engine::workshop::{Package, PackageError, ScenarioRef};
use crate::engine::Localized;
use crate::platform::storage::{Store, StoreError};
use crate::practice::PracticeStore;

/// What installing a package will do to one of its scenarios.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Not on this phone yet.
    New,
    /// Replaces this older version.
    Replaces(u32),
    /// A run in progress keeps this version; the new one is for runs not yet started.
    KeptForRun(u32),
    /// This exact version is already here.
    Same,
}

/// A checked package, ready to install.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The package's text as received.
    pub text: String,
    /// The package.
    pub package: Package,
    /// Per scenario of the package: its title and what installing does.
    pub changes: Vec<(Localized, Change)>,
}

/// The scenarios this phone has (the index: bundled, installed, published), as references.
pub type Here = Vec<ScenarioRef>;

/// Checks `text` as a package for this phone (nothing is stored).
pub fn plan(text: &str, here: &[ScenarioRef], store: &Store) -> Result<Plan, PackageError> {
    let package = Package::read(text, here)?;
    let practice = PracticeStore::new(store.clone());
    let changes = package
        .scenarios
        .iter()
        .map(|s| {
            let old = here.iter().find(|r| r.id == s.id).map(|r| r.version);
            let running = practice.run(&s.id).ok().flatten().map(|r| r.save.version);
            let change = match (old, running) {
                (Some(v), _) if v == s.version => Change::Same,
                (_, Some(v)) if v != s.version => Change::KeptForRun(v),
                (Some(v), _) => Change::Replaces(v),
                (None, _) => Change::New,
            };
            (s.meta.title.clone(), change)
        })
        .collect();
    Ok(Plan {
        text: text.to_owned(),
        package,
        changes,
    })
}

/// The storage key of a workshop's record.
fn key(workshop_id: &str) -> String {
    format!("{INSTALLED_KEY}{workshop_id}")
}

/// The versions runs in progress on this phone were started on, of `package`'s scenarios.
fn runs_in_progress(store: &Store, package: &Package) -> Vec<ScenarioRef> {
    let practice = PracticeStore::new(store.clone());
    package
        .scenarios
        .iter()
        .filter_map(|s| practice.run(&s.id).ok().flatten())
        .map(|run| ScenarioRef {
            id: run.save.scenario,
            version: run.save.version,
        })
        .collect()
}

/// Installs a checked package: one record per workshop (the same workshop again replaces its
/// record, keeping the copies runs in progress started on). Returns the workshop's code, for
/// the join link. Storage refusing (full) leaves the previous record as it was.
pub fn install(store: &Store, plan: &Plan) -> Result<String, StoreError> {
    let id = &plan.package.workshop.id;
    let previous = store
        .get(&key(id))
        .ok()
        .flatten()
        .and_then(|t| Installed::from_text(&t));
    let keep = runs_in_progress(store, &plan.package);
    let record = Installed::new(&plan.text, &plan.package, previous.as_ref(), &keep);
    store.set(&key(id), &record.to_text())?;
    Ok(record.workshop)
}

/// Compiles again, from their kept text, the installed workshops whose scenarios this build
/// cannot decode (after an update that changed their compiled form). Returns how many were
/// updated and, for each that could not be, its name and the reason.
pub fn update_stale(store: &Store, here: &[ScenarioRef]) -> (usize, Vec<(String, Localized)>) {
    let (mut updated, mut failed) = (0, Vec::new());
    let keys = store.keys().unwrap_or_default();
    for k in keys.iter().filter(|k| k.starts_with(INSTALLED_KEY)) {
        let Some(record) = store
            .get(k)
            .ok()
            .flatten()
            .and_then(|t| Installed::from_text(&t))
        else {
            continue;
        };
        if record.copies().is_ok() {
            continue;
        }
        let workshop = record.workshop();
        let name = workshop
            .as_ref()
            .map(|w| w.name.clone())
            .unwrap_or_default();
        // What the phone has now, and what the workshop names: an update that also changed a
        // bundled scenario it uses must not stop its own scenarios from being compiled again.
        let mut here = here.to_vec();
        here.extend(workshop.iter().flat_map(|w| w.uses().cloned()));
        let result = Package::read(&record.package, &here)
            .map_err(|e| e.message())
            .and_then(|package| {
                let keep = runs_in_progress(store, &package);
                let fresh = Installed::new(&record.package, &package, None, &keep);
                store.set(k, &fresh.to_text()).map_err(|_| {
                    use crate::i18n::{t, InstallText, Lang};
                    Localized::new(
                        t(Lang::Id, InstallText::Full),
                        t(Lang::En, InstallText::Full),
                    )
                })
            });
        match result {
            Ok(()) => updated += 1,
            Err(why) => failed.push((name, why)),
        }
    }
    (updated, failed)
}

/// Mounts [`InstallApp`] into the `#app` element of pasang.html.
pub fn mount() {
    crate::shell::mount_into_page::<InstallApp>();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::pack;
    use crate::engine::workshop::Workshop;
    use crate::engine::{Date, Scenario};
    use crate::practice::{Mode, SavedRun};

    fn own(version: u32) -> Scenario {
        let mut s = pack::load().unwrap().remove(2);
        s.id = "rumput-laut-ekas".into();
        s.version = version;
        s
    }

    fn package(version: u32) -> Package {
        let s = own(version);
        Package {
            workshop: Workshop {
                id: Workshop::new_id(3),
                name: "Lokakarya Perisai Lombok Timur".into(),
                date: Date::new(2026, 12, 10).unwrap(),
                place: "Selong".into(),
                wadah: vec!["Pokdakan Ekas".into()],
                pre_test: vec![ScenarioRef::of(&s)],
                post_test: vec![ScenarioRef::of(&s)],
                practice: vec![],
                post_after_practice: false,
            },
            scenarios: vec![s],
        }
    }

    fn here(store: &Store) -> Here {
        // What the loader lists: the bundled pack and what is installed.
        let mut refs: Here = pack::load().unwrap().iter().map(ScenarioRef::of).collect();
        for k in store.keys().unwrap() {
            if let Some(r) = store
                .get(&k)
                .unwrap()
                .and_then(|t| Installed::from_text(&t))
            {
                refs.extend(
                    r.copies()
                        .unwrap()
                        .iter()
                        .map(|c| ScenarioRef::of(&c.scenario)),
                );
            }
        }
        refs
    }

    #[test]
    fn installing_stores_one_record_per_workshop_and_says_what_changes() {
        let store = Store::memory();
        let v1 = package(1);
        let first = plan(&v1.to_text(), &here(&store), &store).expect("it checks");
        assert_eq!(first.changes[0].1, Change::New);
        assert_eq!(install(&store, &first), Ok(v1.workshop.to_code()));
        // The same file twice: one record, nothing changes.
        let again = plan(&v1.to_text(), &here(&store), &store).unwrap();
        assert_eq!(again.changes[0].1, Change::Same);
        install(&store, &again).unwrap();
        let records = |s: &Store| {
            s.keys()
                .unwrap()
                .into_iter()
                .filter(|k| k.starts_with(INSTALLED_KEY))
                .count()
        };
        assert_eq!(records(&store), 1);
        // A newer version, with a run in progress on version 1: that run keeps it.
        let practice = PracticeStore::new(store.clone());
        let run = SavedRun::start(
            &own(1),
            crate::engine::sim::Terms::on(Date::new(2026, 12, 10).unwrap()),
            Mode::Practice,
            5,
            None,
            (1, 2),
            1_796_000_000_000,
        );
        practice.save_run(&run).unwrap();
        let v2 = package(2);
        let newer = plan(&v2.to_text(), &here(&store), &store).unwrap();
        assert_eq!(newer.changes[0].1, Change::KeptForRun(1));
        install(&store, &newer).unwrap();
        assert_eq!(records(&store), 1);
        let record = Installed::from_text(
            &store
                .get(&format!("{INSTALLED_KEY}{}", v2.workshop.id))
                .unwrap()
                .unwrap(),
        )
        .unwrap();
        let versions: Vec<u32> = record
            .copies()
            .unwrap()
            .iter()
            .map(|c| c.scenario.version)
            .collect();
        assert_eq!(versions, vec![2, 1]);
        // With the run finished, version 3 replaces the others.
        practice.clear_run(&run.save.scenario).unwrap();
        let v3 = package(3);
        let third = plan(&v3.to_text(), &here(&store), &store).unwrap();
        assert_eq!(third.changes[0].1, Change::Replaces(2));
        install(&store, &third).unwrap();
        let record = Installed::from_text(
            &store
                .get(&format!("{INSTALLED_KEY}{}", v3.workshop.id))
                .unwrap()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(record.copies().unwrap().len(), 1);
    }

    #[test]
    fn a_refused_package_or_full_storage_stores_nothing() {
        let store = Store::memory_with_quota(2_000);
        let p = package(1);
        assert!(plan("{\"kind\":\"x\"}", &here(&store), &store).is_err());
        let checked = plan(&p.to_text(), &here(&store), &store).unwrap();
        assert_eq!(install(&store, &checked), Err(StoreError::Full));
        assert!(store.keys().unwrap().is_empty());
    }

    #[test]
    fn records_compiled_by_another_build_are_compiled_again_from_their_text() {
        let store = Store::memory();
        let p = package(1);
        install(&store, &plan(&p.to_text(), &here(&store), &store).unwrap()).unwrap();
        let k = format!("{INSTALLED_KEY}{}", p.workshop.id);
        let mut record = Installed::from_text(&store.get(&k).unwrap().unwrap()).unwrap();
        record.scenarios[0][6] += 1;
        store.set(&k, &record.to_text()).unwrap();
        let bundled: Here = pack::load().unwrap().iter().map(ScenarioRef::of).collect();
        assert_eq!(update_stale(&store, &bundled), (1, vec![]));
        let fresh = Installed::from_text(&store.get(&k).unwrap().unwrap()).unwrap();
        assert_eq!(fresh.copies().unwrap()[0].scenario, p.scenarios[0]);
        // Nothing more to do the second time.
        assert_eq!(update_stale(&store, &bundled), (0, vec![]));
    }
}

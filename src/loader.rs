//! Loading the scenario pack from the app's own files (`pack/index.bin`, `pack/ID.bin`, compiled
//! from the JSON scenarios at build time): the library index first, each full scenario when it
//! is opened. Loaded scenarios are kept for the rest of the visit, with the content hash of the
//! bytes they were decoded from (a workshop test's result code carries it). After the bundled
//! scenarios the index lists those of workshops installed on this phone (from storage), then
//! those the trainer's app on this device published.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::engine::pack::{decode_index, decode_published, ContentHash, Summary, PUBLISHED_KEY};
use crate::engine::workshop::installed::{choose, Copy, Installed, INSTALLED_KEY};
use crate::engine::workshop::ScenarioRef;
use crate::engine::Scenario;
use crate::platform::events::spawn;
use crate::platform::fetch::{fetch_bytes, FetchError};
use crate::platform::storage::Store;

/// Something being loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum Loadable<T> {
    /// Still loading.
    Loading,
    /// Here it is.
    Ready(T),
    /// It could not be loaded.
    Failed(LoadError),
}

/// Why something could not be loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The file could not be fetched (offline, or missing).
    Fetch(FetchError),
    /// The file was fetched but cannot be read: damaged, or from another build of the app.
    Damaged,
}

thread_local! {
    static SCENARIOS: RefCell<HashMap<String, Rc<Scenario>>> = RefCell::new(HashMap::new());
    static INDEX: RefCell<Option<Rc<Vec<Summary>>>> = const { RefCell::new(None) };
    static HASHES: RefCell<HashMap<String, ContentHash>> = RefCell::new(HashMap::new());
    static STALE: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// Every installed copy (all records, not only the copy chosen to play), and the ids the
    /// index added after the bundled ones.
    static INSTALLED_REFS: RefCell<Vec<ScenarioRef>> = const { RefCell::new(Vec::new()) };
    static EXTRA_IDS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static INSTALLED: std::cell::Cell<Option<AddInstalled>> =
        const { std::cell::Cell::new(None) };
}

/// Forgets the index loaded this visit, so the next page that needs it reads it again with
/// what storage now holds (the trainer's app calls it after publishing a scenario to play).
pub fn forget_index() {
    INDEX.with(|i| *i.borrow_mut() = None);
    // Installed and published scenarios are chosen with the index (which copy to play
    // depends on the workshop joined and the runs in progress): forget them with it.
    for id in EXTRA_IDS.with(|e| std::mem::take(&mut *e.borrow_mut())) {
        SCENARIOS.with(|m| m.borrow_mut().remove(&id));
        HASHES.with(|h| h.borrow_mut().remove(&id));
    }
}

/// Whether this phone has scenario `r` installed, in any workshop's record (the index lists only
/// the copy it plays).
pub fn has_installed(r: &ScenarioRef) -> bool {
    INSTALLED_REFS.with(|i| i.borrow().contains(r))
}

/// Adds installed scenarios to the index; returns the copies added, to hash.
type AddInstalled = fn(&Store, &mut Vec<Summary>) -> Vec<Copy>;

/// Makes the index list the scenarios of workshops installed on this phone. The agents' app
/// and the install page call it; the trainer's app does not, so it carries none of that code
/// (reading runs in progress, choosing among installed copies).
pub fn list_installed() {
    INSTALLED.with(|c| c.set(Some(add_installed)));
}

/// The content hash of the copy of scenario `id` this visit plays (`None` for one published by
/// the trainer's app on this device, which is never a workshop test).
pub fn content_of(id: &str) -> Option<ContentHash> {
    HASHES.with(|h| h.borrow().get(id).copied())
}

/// The names of installed workshops whose scenarios this build cannot decode (an update
/// changed their compiled form): the install page compiles them again.
pub fn stale_workshops() -> Vec<String> {
    STALE.with(|s| s.borrow().clone())
}

/// Keeps a decoded scenario for the visit, with the content hash of the bytes it came from.
async fn keep(copy: Copy) -> Rc<Scenario> {
    let scenario = Rc::new(copy.scenario);
    if let Some(hash) = crate::platform::digest::content_hash(&copy.compiled).await {
        HASHES.with(|h| h.borrow_mut().insert(scenario.id.clone(), hash));
    }
    SCENARIOS.with(|m| m.borrow_mut().insert(scenario.id.clone(), scenario.clone()));
    scenario
}

/// The directory of the pack, relative to the app.
pub const PACK_DIR: &str = "pack/";

async fn load_index(store: &Store) -> Result<Rc<Vec<Summary>>, LoadError> {
    if let Some(index) = INDEX.with(|i| i.borrow().clone()) {
        return Ok(index);
    }
    let bytes = fetch_bytes(&format!("{PACK_DIR}index.bin"))
        .await
        .map_err(LoadError::Fetch)?;
    let mut index = decode_index(&bytes).map_err(|_| LoadError::Damaged)?;
    if let Some(add) = INSTALLED.with(|c| c.get()) {
        for copy in add(store, &mut index) {
            keep(copy).await;
        }
    }
    add_published(store, &mut index);
    let index = Rc::new(index);
    INDEX.with(|i| *i.borrow_mut() = Some(index.clone()));
    Ok(index)
}

/// Adds the scenarios of the workshops installed on this phone, each under its workshop's name,
/// after the bundled ones (a bundled id is never replaced). When several copies of a scenario
/// are installed, the phone plays the version of its run in progress, else the one the joined
/// workshop names, else the newest.
fn add_installed(store: &Store, index: &mut Vec<Summary>) -> Vec<Copy> {
    let practice = crate::practice::PracticeStore::new(store.clone());
    let mut copies: Vec<(String, Copy)> = Vec::new();
    let mut stale = Vec::new();
    let keys = store.keys().unwrap_or_default();
    for key in keys.iter().filter(|k| k.starts_with(INSTALLED_KEY)) {
        let Some(record) = store
            .get(key)
            .ok()
            .flatten()
            .and_then(|t| Installed::from_text(&t))
        else {
            continue;
        };
        let name = record.workshop().map(|w| w.name).unwrap_or_default();
        match record.copies() {
            Ok(list) => copies.extend(list.into_iter().map(|c| (name.clone(), c))),
            Err(_) => stale.push(name),
        }
    }
    STALE.with(|s| *s.borrow_mut() = stale);
    INSTALLED_REFS.with(|i| {
        *i.borrow_mut() = copies
            .iter()
            .map(|(_, c)| ScenarioRef::of(&c.scenario))
            .collect()
    });
    let mut prefer: Vec<ScenarioRef> = copies
        .iter()
        .filter_map(|(_, c)| practice.run(&c.scenario.id).ok().flatten())
        .map(|run| ScenarioRef {
            id: run.save.scenario,
            version: run.save.version,
        })
        .collect();
    if let Some(w) = practice.joined().ok().flatten().and_then(|j| j.workshop()) {
        prefer.extend(w.uses().cloned());
    }
    let names: Vec<(String, ScenarioRef)> = copies
        .iter()
        .map(|(n, c)| (n.clone(), ScenarioRef::of(&c.scenario)))
        .collect();
    let mut added = Vec::new();
    for copy in choose(copies.into_iter().map(|(_, c)| c).collect(), &prefer) {
        if index.iter().any(|e| e.id == copy.scenario.id) {
            continue;
        }
        let r = ScenarioRef::of(&copy.scenario);
        let workshop = names
            .iter()
            .find(|(_, of)| *of == r)
            .map(|(n, _)| n.clone())
            .unwrap_or_default();
        let mut summary = Summary::of(&copy.scenario, "");
        summary.workshop = workshop;
        index.push(summary);
        EXTRA_IDS.with(|e| e.borrow_mut().push(copy.scenario.id.clone()));
        added.push(copy);
    }
    added
}

/// Adds the scenarios the trainer's app on this device published to play as an agent (their
/// summaries have no file), after the bundled ones; a published id that is bundled is left
/// out. The trainer's app keeps the originals, so data that cannot be read is skipped.
fn add_published(store: &Store, index: &mut Vec<Summary>) {
    let Some(list) = store
        .get(PUBLISHED_KEY)
        .ok()
        .flatten()
        .and_then(|text| decode_published(&text).ok())
    else {
        return;
    };
    for s in list {
        if !index.iter().any(|e| e.id == s.id) {
            index.push(Summary::of(&s, ""));
            EXTRA_IDS.with(|e| e.borrow_mut().push(s.id.clone()));
            SCENARIOS.with(|m| m.borrow_mut().insert(s.id.clone(), Rc::new(s)));
        }
    }
}

async fn load_scenario(id: String, store: &Store) -> Result<Rc<Scenario>, LoadError> {
    if let Some(s) = SCENARIOS.with(|m| m.borrow().get(&id).cloned()) {
        return Ok(s);
    }
    let index = load_index(store).await?;
    // Published scenarios were put in the cache with the index.
    if let Some(s) = SCENARIOS.with(|m| m.borrow().get(&id).cloned()) {
        return Ok(s);
    }
    let file = index
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.file.clone())
        .ok_or(LoadError::Fetch(FetchError::Status(404)))?;
    let bytes = fetch_bytes(&format!("{PACK_DIR}{file}"))
        .await
        .map_err(LoadError::Fetch)?;
    // The bundled pack is validated by the test suite; the phone only decodes it, and makes
    // sure the file is the scenario the index promised.
    let copy = Copy::decode(&bytes)
        .ok()
        .filter(|c| c.scenario.id == id)
        .ok_or(LoadError::Damaged)?;
    Ok(keep(copy).await)
}

/// Fetches the bundled scenario files `files` (as the index names them) in the background, so
/// they play with no connection later: a phone fetches a bundled scenario when it is opened, and
/// the service worker keeps what was fetched. Joining a workshop calls this for its scenarios.
pub fn keep_offline(files: Vec<String>) {
    spawn(async move {
        for file in files {
            // One that cannot be fetched now is fetched when it is opened.
            let _ = fetch_bytes(&format!("{PACK_DIR}{file}")).await;
        }
    });
}

/// Loads the scenario `id` (from memory, the device, or the pack) and hands it to `then`: for
/// an action on a scenario that a list shows from the index alone.
pub fn with_scenario(
    id: String,
    store: Store,
    then: impl FnOnce(Result<Rc<Scenario>, LoadError>) + 'static,
) {
    spawn(async move { then(load_scenario(id, &store).await) });
}
/// The library index.
#[hook]
pub fn use_index() -> Loadable<Rc<Vec<Summary>>> {
    let store = crate::context::use_store();
    let state = use_state(|| match INDEX.with(|i| i.borrow().clone()) {
        Some(index) => Loadable::Ready(index),
        None => Loadable::Loading,
    });
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if matches!(*state, Loadable::Loading) {
                spawn(async move {
                    state.set(match load_index(&store).await {
                        Ok(index) => Loadable::Ready(index),
                        Err(e) => Loadable::Failed(e),
                    });
                });
            }
        });
    }
    (*state).clone()
}

/// One scenario, by id.
#[hook]
pub fn use_scenario(id: &str) -> Loadable<Rc<Scenario>> {
    let store = crate::context::use_store();
    let cached = |id: &str| SCENARIOS.with(|m| m.borrow().get(id).cloned());
    let state = use_state(|| match cached(id) {
        Some(s) => Loadable::Ready(s),
        None => Loadable::Loading,
    });
    {
        let state = state.clone();
        use_effect_with(id.to_owned(), move |id| {
            let id = id.clone();
            let current_matches = matches!(&*state, Loadable::Ready(s) if s.id == id);
            if !current_matches {
                if let Some(s) = SCENARIOS.with(|m| m.borrow().get(&id).cloned()) {
                    state.set(Loadable::Ready(s));
                } else {
                    state.set(Loadable::Loading);
                    spawn(async move {
                        state.set(match load_scenario(id, &store).await {
                            Ok(s) => Loadable::Ready(s),
                            Err(e) => Loadable::Failed(e),
                        });
                    });
                }
            }
        });
    }
    (*state).clone()
}

/// Every scenario of the bundled pack, loaded (each once per page).
pub async fn load_pack(store: &Store) -> Result<Rc<Vec<Scenario>>, LoadError> {
    let index = load_index(store).await?;
    let mut all = Vec::with_capacity(index.len());
    for entry in index.iter().filter(|e| e.is_bundled()) {
        all.push((*load_scenario(entry.id.clone(), store).await?).clone());
    }
    Ok(Rc::new(all))
}

/// Every scenario of the bundled pack (the trainer's pages verify results against all of
/// them; workshops use only these, which every phone has).
#[hook]
pub fn use_pack() -> Loadable<Rc<Vec<Scenario>>> {
    let store = crate::context::use_store();
    let state = use_state(|| Loadable::Loading);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            spawn(async move {
                state.set(match load_pack(&store).await {
                    Ok(all) => Loadable::Ready(all),
                    Err(e) => Loadable::Failed(e),
                });
            });
        });
    }
    (*state).clone()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::engine::pack::{compiled, encode_published, encode_scenario};
    use crate::engine::Localized;
    use crate::platform::fetch::serve;
    use futures::executor::block_on;

    /// Serves the compiled pack as the app's server does (each test runs on its own thread,
    /// with its own files and caches).
    fn serve_pack() -> Vec<Scenario> {
        for (file, bytes) in compiled().expect("the pack compiles") {
            serve(&format!("{PACK_DIR}{file}"), Ok(bytes));
        }
        crate::engine::pack::load().expect("the pack loads")
    }

    #[test]
    fn a_scenario_loads_from_the_pack_and_then_from_memory() {
        let pack = serve_pack();
        let store = Store::memory();
        let first = &pack[0];
        let loaded = block_on(load_scenario(first.id.clone(), &store)).expect("it loads");
        assert_eq!(*loaded, *first);
        // Offline now: the scenario and the index are kept for the rest of the visit.
        serve(&format!("{PACK_DIR}index.bin"), Err(FetchError::Network));
        serve(
            &format!("{PACK_DIR}{}.bin", first.id),
            Err(FetchError::Network),
        );
        assert!(block_on(load_scenario(first.id.clone(), &store)).is_ok());
        assert_eq!(
            block_on(load_index(&store)).map(|i| i.len()),
            Ok(pack.len())
        );
    }

    #[test]
    fn offline_a_missing_file_and_damage_are_told_apart() {
        let store = Store::memory();
        serve(&format!("{PACK_DIR}index.bin"), Err(FetchError::Network));
        assert_eq!(
            block_on(load_index(&store)),
            Err(LoadError::Fetch(FetchError::Network))
        );
        let pack = serve_pack();
        // An id the index does not list.
        assert_eq!(
            block_on(load_scenario("no-such-scenario".into(), &store)).map(|_| ()),
            Err(LoadError::Fetch(FetchError::Status(404)))
        );
        // A file that is not the scenario the index promised, and one that is not a scenario.
        let (a, b) = (&pack[0], &pack[1]);
        serve(&format!("{PACK_DIR}{}.bin", a.id), Ok(encode_scenario(b)));
        serve(&format!("{PACK_DIR}{}.bin", b.id), Ok(vec![0xff; 7]));
        for id in [&a.id, &b.id] {
            assert_eq!(
                block_on(load_scenario(id.clone(), &store)).map(|_| ()),
                Err(LoadError::Damaged),
                "{id}"
            );
        }
    }

    #[test]
    fn scenarios_published_on_this_device_follow_the_bundled_ones() {
        let pack = serve_pack();
        let store = Store::memory();
        let mut own = pack[0].clone();
        own.id = "trainer-own".into();
        // A published copy of a bundled scenario does not replace it.
        let mut shadow = pack[1].clone();
        shadow.meta.title = Localized::new("Tiruan", "Copy");
        store
            .set(PUBLISHED_KEY, &encode_published(&[own.clone(), shadow]))
            .unwrap();
        let index = block_on(load_index(&store)).expect("the index loads");
        assert_eq!(index.len(), pack.len() + 1);
        assert_eq!(index.last().map(|s| s.id.as_str()), Some("trainer-own"));
        assert!(!index.last().unwrap().is_bundled());
        // It plays from memory (it has no file to fetch), and the bundled one is the pack's.
        assert_eq!(
            *block_on(load_scenario(own.id.clone(), &store)).unwrap(),
            own
        );
        assert_eq!(
            *block_on(load_scenario(pack[1].id.clone(), &store)).unwrap(),
            pack[1]
        );
    }

    #[test]
    fn installed_workshops_list_their_scenarios_under_their_name_with_hashes() {
        use crate::engine::workshop::{Package, Workshop};
        list_installed();
        let pack = serve_pack();
        let store = Store::memory();
        let mut own = pack[0].clone();
        own.id = "tenun-sukarara".into();
        let workshop = Workshop {
            id: Workshop::new_id(9),
            name: "Lokakarya Perisai Lombok Tengah".into(),
            date: crate::engine::Date::new(2026, 12, 10).unwrap(),
            place: "Praya".into(),
            wadah: vec!["Koperasi Tenun".into()],
            pre_test: vec![ScenarioRef::of(&own)],
            post_test: vec![],
            practice: vec![],
            post_after_practice: false,
        };
        let package = Package {
            workshop: workshop.clone(),
            scenarios: vec![own.clone()],
        };
        let record = Installed::new(&package.to_text(), &package, None, &[]);
        store
            .set(
                &format!("{INSTALLED_KEY}{}", workshop.id),
                &record.to_text(),
            )
            .unwrap();
        // A record compiled by another build is named, not played.
        let mut stale = record.clone();
        stale.workshop = Workshop {
            id: Workshop::new_id(10),
            name: "Lokakarya lama".into(),
            ..workshop.clone()
        }
        .to_code();
        stale.scenarios[0][6] += 1;
        store
            .set(&format!("{INSTALLED_KEY}old"), &stale.to_text())
            .unwrap();
        let index = block_on(load_index(&store)).expect("the index loads");
        assert_eq!(index.len(), pack.len() + 1);
        let entry = index.last().unwrap();
        assert_eq!(
            (entry.id.as_str(), entry.workshop.as_str()),
            ("tenun-sukarara", "Lokakarya Perisai Lombok Tengah")
        );
        assert_eq!(
            *block_on(load_scenario(own.id.clone(), &store)).unwrap(),
            own
        );
        assert_eq!(
            content_of("tenun-sukarara"),
            Some(crate::engine::pack::content_hash_of(&own))
        );
        assert_eq!(stale_workshops(), vec!["Lokakarya lama".to_owned()]);
        // A bundled scenario loaded from its file has the hash of the file's bytes.
        block_on(load_scenario(pack[1].id.clone(), &store)).unwrap();
        assert_eq!(
            content_of(&pack[1].id),
            Some(crate::engine::pack::content_hash_of(&pack[1]))
        );
    }
}

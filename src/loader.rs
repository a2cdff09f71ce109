//! Loading the scenario pack from the app's own files (`pack/index.bin`, `pack/ID.bin`, compiled
//! from the JSON scenarios at build time): the library index first, each full scenario when it
//! is opened. Loaded scenarios are kept for the rest of the visit.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::engine::pack::{
    decode_index, decode_published, decode_scenario, Summary, PUBLISHED_KEY,
};
use crate::engine::Scenario;
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
    add_published(store, &mut index);
    let index = Rc::new(index);
    INDEX.with(|i| *i.borrow_mut() = Some(index.clone()));
    Ok(index)
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
    let scenario = decode_scenario(&bytes)
        .ok()
        .filter(|s| s.id == id)
        .ok_or(LoadError::Damaged)?;
    let scenario = Rc::new(scenario);
    SCENARIOS.with(|m| m.borrow_mut().insert(id, scenario.clone()));
    Ok(scenario)
}

fn spawn<F: std::future::Future<Output = ()> + 'static>(future: F) {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(future);
    #[cfg(not(target_arch = "wasm32"))]
    drop(future);
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
                let load = async {
                    let index = load_index(&store).await?;
                    let mut all = Vec::with_capacity(index.len());
                    for entry in index.iter().filter(|e| e.is_bundled()) {
                        all.push((*load_scenario(entry.id.clone(), &store).await?).clone());
                    }
                    Ok::<_, LoadError>(Rc::new(all))
                };
                state.set(match load.await {
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
}

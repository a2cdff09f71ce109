//! Sends the queue to the LRS in the background, for as long as the trainer's app is open: on
//! start, when a workshop is queued, when the browser comes back online, and after a failure
//! that may pass (5 s, then twice as long each time, up to 5 minutes). Each batch leaves the
//! queue only once the LRS has answered that it stored it, so a reload, a lost connection or an
//! LRS that stops mid-send loses nothing; sending again is harmless (stable statement ids).

use std::rc::Rc;

use yew::prelude::*;

use super::{LrsSettings, Queue, SendError, BATCH, XAPI_VERSION};
use crate::context::use_store;
use crate::platform::clock::now_ms;
use crate::platform::events::spawn;
use crate::platform::fetch::{request, FetchError};
use crate::platform::storage::Store;
use crate::trainer::storage::workshops::WorkshopStore;

/// What the pages see of the sender.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LrsStatus {
    /// The queue as last stored.
    pub queue: Queue,
    /// Whether settings are saved.
    pub configured: bool,
    /// The workshop being sent: its id, batches stored and batches in all.
    pub sending: Option<(String, usize, usize)>,
}

/// The sender, as a context: its status and a way to send.
#[derive(Clone)]
pub struct Lrs {
    /// What it is doing.
    pub status: Rc<LrsStatus>,
    /// Queues a workshop (`Some(id)`) and sends now; `None`: sends what waits now.
    pub send: Callback<Option<String>>,
    /// Reads the stored queue and settings again (after the settings changed).
    pub refresh: Callback<()>,
}

/// Pages re-render when the status changes, not when the provider does: its callbacks act on
/// shared state, so each render's are as good as the last.
impl PartialEq for Lrs {
    fn eq(&self, other: &Lrs) -> bool {
        self.status == other.status
    }
}

/// The sender, for a page; `None` outside [`LrsProvider`].
#[hook]
pub fn use_lrs() -> Option<Lrs> {
    use_context::<Lrs>()
}

fn read_status(store: &Store) -> LrsStatus {
    LrsStatus {
        queue: Queue::load(store),
        configured: LrsSettings::load(store).is_some(),
        sending: None,
    }
}

/// A request to the LRS with its headers; the answer's body on success.
pub async fn call(
    settings: &LrsSettings,
    method: &str,
    url: &str,
    body: Option<&str>,
) -> Result<String, SendError> {
    let mut headers = vec![
        ("Authorization", settings.authorization()),
        ("X-Experience-API-Version", XAPI_VERSION.to_owned()),
    ];
    if body.is_some() {
        headers.push(("Content-Type", "application/json".to_owned()));
    }
    match request(method, url, &headers, body).await {
        Ok(answer) if (200..300).contains(&answer.status) => Ok(answer.body),
        Ok(answer) => Err(SendError::of_status(answer.status, &answer.body)),
        Err(FetchError::Network | FetchError::Status(_)) => {
            Err(if crate::platform::device::online() {
                SendError::Unreachable
            } else {
                SendError::Offline
            })
        }
    }
}

/// Saves the queue after `change`, read fresh from storage (another part of the page may have
/// queued a workshop meanwhile).
fn update(store: &Store, change: impl FnOnce(&mut Queue)) -> Queue {
    let mut queue = Queue::load(store);
    change(&mut queue);
    // Storage full or refused: the queue in memory still drives this send, and the workshops'
    // results themselves are untouched, so nothing is lost; the next start sends again.
    let _ = queue.save(store);
    queue
}

/// Sends what waits until the queue is empty, a send fails, or a retry is not due yet.
async fn drain(store: Store, report: Rc<dyn Fn(LrsStatus)>) {
    let status = |queue: &Queue, sending: Option<(String, usize, usize)>| LrsStatus {
        queue: queue.clone(),
        configured: true,
        sending,
    };
    let Some(settings) = LrsSettings::load(&store) else {
        report(read_status(&store));
        return;
    };
    let mut pack = None;
    loop {
        let queue = Queue::load(&store);
        let Some(head) = queue.waiting.first().cloned() else {
            report(status(&queue, None));
            return;
        };
        if queue.next_try_ms > now_ms() {
            report(status(&queue, None));
            return;
        }
        let saved = match WorkshopStore::new(store.clone()).get(&head.workshop) {
            Ok(Some(saved)) => saved,
            Ok(None) => {
                update(&store, |q| q.drop_workshop(&head.workshop));
                continue;
            }
            Err(_) => {
                let q = update(&store, |q| q.failed(SendError::Storage, now_ms()));
                report(status(&q, None));
                return;
            }
        };
        let Some(workshop) = saved.workshop() else {
            update(&store, |q| q.drop_workshop(&head.workshop));
            continue;
        };
        if pack.is_none() {
            match crate::loader::load_pack(&store).await {
                Ok(p) => pack = Some(p),
                Err(_) => {
                    let q = update(&store, |q| q.failed(SendError::Storage, now_ms()));
                    report(status(&q, None));
                    return;
                }
            }
        }
        let scenarios = saved.scenarios(pack.as_deref().map_or(&[], |p| p.as_slice()));
        let (results, _) = saved.results(&workshop, &scenarios);
        let statements = crate::engine::monev::xapi(&workshop, &results, &scenarios);
        let list = statements.as_array().cloned().unwrap_or_default();
        let batches: Vec<&[serde_json::Value]> = list.chunks(BATCH).collect();
        let total = batches.len();
        for (i, batch) in batches.iter().enumerate().skip(queue.resume as usize) {
            report(status(&queue, Some((head.workshop.clone(), i, total))));
            let body = serde_json::to_string(batch).unwrap_or_default();
            match call(&settings, "POST", &settings.statements_url(), Some(&body)).await {
                Ok(_) => {
                    update(&store, |q| q.progress(i as u32 + 1));
                }
                Err(e) => {
                    let q = update(&store, |q| q.failed(e, now_ms()));
                    report(status(&q, None));
                    return;
                }
            }
        }
        update(&store, |q| q.done(&head, now_ms()));
    }
}

/// Props of [`LrsProvider`].
#[derive(Properties, PartialEq)]
pub struct LrsProviderProps {
    /// The trainer's pages.
    pub children: Html,
}

/// The sender's own state, kept across renders.
#[derive(Default)]
struct Machine {
    /// A send is going on.
    running: bool,
    /// Someone asked to send during it: look again when it ends.
    again: bool,
    /// The next try after a failure that may pass.
    retry: Option<crate::platform::events::Timer>,
    /// Starts a send (the latest render's).
    kick: Option<Rc<dyn Fn()>>,
}

/// Runs the sender for the pages inside it and gives them [`Lrs`].
#[function_component]
pub fn LrsProvider(props: &LrsProviderProps) -> Html {
    let store = use_store();
    let status = {
        let store = store.clone();
        use_state_eq(move || read_status(&store))
    };
    let machine = use_mut_ref(Machine::default);
    let kick: Rc<dyn Fn()> = {
        let (store, status, machine) = (store.clone(), status.clone(), machine.clone());
        Rc::new(move || {
            {
                let mut m = machine.borrow_mut();
                if m.running {
                    m.again = true;
                    return;
                }
                m.running = true;
                m.retry = None;
            }
            let (store, status, machine) = (store.clone(), status.clone(), machine.clone());
            spawn(async move {
                loop {
                    machine.borrow_mut().again = false;
                    let report: Rc<dyn Fn(LrsStatus)> = {
                        let status = status.clone();
                        Rc::new(move |s| status.set(s))
                    };
                    drain(store.clone(), report).await;
                    if !machine.borrow().again {
                        break;
                    }
                }
                machine.borrow_mut().running = false;
                // A failure that may pass is tried again when due.
                let queue = Queue::load(&store);
                let due = queue.next_try_ms;
                if !queue.waiting.is_empty() && due != u64::MAX && due > now_ms() {
                    let wait = (due - now_ms()).min(i32::MAX as u64) as i32;
                    let later = machine.clone();
                    let timer = crate::platform::events::Timer::new(wait, move || {
                        let kick = later.borrow().kick.clone();
                        if let Some(kick) = kick {
                            kick()
                        }
                    });
                    machine.borrow_mut().retry = timer;
                }
            });
        })
    };
    machine.borrow_mut().kick = Some(kick.clone());
    // On start, and whenever the browser is back online.
    {
        let (kick, store) = (kick.clone(), store.clone());
        use_effect_with((), move |_| {
            kick();
            let on_line = crate::platform::events::WindowListener::new("online", move |_| {
                update(&store, |q| q.next_try_ms = 0);
                kick()
            });
            move || drop(on_line)
        });
    }
    let send = {
        let (store, kick) = (store.clone(), kick.clone());
        Callback::from(move |workshop: Option<String>| {
            update(&store, |q| match &workshop {
                Some(id) => q.add(id),
                None => q.next_try_ms = 0,
            });
            kick();
        })
    };
    let refresh = {
        let (store, status, kick) = (store.clone(), status.clone(), kick.clone());
        Callback::from(move |()| {
            status.set(read_status(&store));
            kick();
        })
    };
    let lrs = Lrs {
        status: Rc::new((*status).clone()),
        send,
        refresh,
    };
    html! {
        <ContextProvider<Lrs> context={lrs}>{ props.children.clone() }</ContextProvider<Lrs>>
    }
}

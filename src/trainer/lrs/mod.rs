//! Sending the workshops' results to a learning record store (LRS) and reading the branch's
//! results back from it.
//!
//! - This file: the LRS settings (endpoint and Basic-auth credentials, kept only on this
//!   device) and the send queue (which workshops still have statements to send), both in the
//!   trainer's storage so they survive reloads and offline days; how a failure is told and
//!   when it is tried again.
//! - `sender`: the component that drains the queue in the background, in batches, with backoff.
//! - `page`: the Branch page: the settings, the queue, and the monev read back from the LRS.
//!
//! A workshop's statements are made again from its stored results each time it is sent
//! ([`crate::engine::monev::xapi`]): their ids are stable, so a batch sent twice is stored
//! once, and the queue never holds a copy of the results that could drift from them.

pub mod page;
pub mod sender;

use serde::{Deserialize, Serialize};

use crate::i18n::TrainerText;
use crate::platform::storage::{Store, StoreError};

/// Where the settings are kept.
pub const SETTINGS_KEY: &str = "latih.trainer.lrs";
/// Where the queue is kept.
pub const QUEUE_KEY: &str = "latih.trainer.lrs.queue";
/// Statements per request.
pub const BATCH: usize = 100;
/// The xAPI version every request names.
pub const XAPI_VERSION: &str = "1.0.3";

/// How to reach the LRS.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LrsSettings {
    /// The LRS's xAPI endpoint, ending in `/` (e.g. `https://lrs.example.org/xAPI/`).
    pub endpoint: String,
    /// Basic-auth user.
    pub username: String,
    /// Basic-auth password.
    pub password: String,
    /// Send new results on their own when online.
    #[serde(default)]
    pub auto: bool,
}

/// What is wrong with settings as typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingsProblem {
    /// The endpoint is not an http(s) address.
    Endpoint,
    /// The endpoint is plain http to another machine: the password would cross the network
    /// readable by anyone on the way.
    Insecure,
    /// No user name.
    Username,
}

impl SettingsProblem {
    /// What the form says.
    pub fn text(self) -> TrainerText {
        match self {
            SettingsProblem::Endpoint => TrainerText::LrsEndpointInvalid,
            SettingsProblem::Insecure => TrainerText::LrsEndpointInsecure,
            SettingsProblem::Username => TrainerText::LrsUsernameMissing,
        }
    }
}

impl LrsSettings {
    /// Settings from what the trainer typed: the endpoint trimmed and ending in `/`.
    pub fn new(
        endpoint: &str,
        username: &str,
        password: &str,
        auto: bool,
    ) -> Result<LrsSettings, SettingsProblem> {
        let endpoint = endpoint.trim();
        let rest = endpoint
            .strip_prefix("https://")
            .or_else(|| endpoint.strip_prefix("http://"))
            .filter(|rest| {
                !rest.is_empty()
                    && !rest.starts_with('/')
                    && !rest.contains(char::is_whitespace)
                    && !rest.contains(['#', '?'])
            })
            .ok_or(SettingsProblem::Endpoint)?;
        let host = rest.split(['/', ':']).next().unwrap_or("");
        let local = matches!(host, "localhost" | "127.0.0.1" | "[::1]");
        if endpoint.starts_with("http://") && !local {
            return Err(SettingsProblem::Insecure);
        }
        if username.trim().is_empty() {
            return Err(SettingsProblem::Username);
        }
        let mut endpoint = endpoint.to_owned();
        if !endpoint.ends_with('/') {
            endpoint.push('/');
        }
        Ok(LrsSettings {
            endpoint,
            username: username.trim().to_owned(),
            password: password.to_owned(),
            auto,
        })
    }

    /// The address of the statements resource.
    pub fn statements_url(&self) -> String {
        format!("{}statements", self.endpoint)
    }

    /// An address the LRS gave (`more`), made absolute against the endpoint.
    pub fn resolve(&self, more: &str) -> String {
        if more.starts_with("http://") || more.starts_with("https://") {
            return more.to_owned();
        }
        let scheme_end = self.endpoint.find("://").map_or(0, |i| i + 3);
        let origin_end = self.endpoint[scheme_end..]
            .find('/')
            .map_or(self.endpoint.len(), |i| scheme_end + i);
        if more.starts_with('/') {
            format!("{}{more}", &self.endpoint[..origin_end])
        } else {
            format!("{}{more}", self.endpoint)
        }
    }

    /// The `Authorization` header.
    pub fn authorization(&self) -> String {
        let url =
            crate::engine::to_base64url(format!("{}:{}", self.username, self.password).as_bytes());
        let mut b64: String = url
            .chars()
            .map(|c| match c {
                '-' => '+',
                '_' => '/',
                c => c,
            })
            .collect();
        while b64.len() % 4 != 0 {
            b64.push('=');
        }
        format!("Basic {b64}")
    }

    /// The saved settings, if any.
    pub fn load(store: &Store) -> Option<LrsSettings> {
        let text = store.get(SETTINGS_KEY).ok().flatten()?;
        serde_json::from_str(&text).ok()
    }

    /// Saves these settings.
    pub fn save(&self, store: &Store) -> Result<(), StoreError> {
        store.set(
            SETTINGS_KEY,
            &serde_json::to_string(self).unwrap_or_default(),
        )
    }

    /// Forgets the settings (the queue stays, to send once settings are given again).
    pub fn forget(store: &Store) -> Result<(), StoreError> {
        store.remove(SETTINGS_KEY)
    }
}

/// Why a request to the LRS failed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SendError {
    /// The browser is offline.
    Offline,
    /// No answer: the address is wrong, the LRS is down, or it does not allow this app's
    /// address (CORS); a browser does not tell these apart.
    Unreachable,
    /// The LRS refused the user name or password (401, 403).
    Credentials,
    /// The LRS refused the statements (400, 409, 413...), with what it said.
    Refused {
        /// HTTP status.
        status: u16,
        /// The LRS's message, shortened.
        detail: String,
    },
    /// Nothing at that address answers as an LRS (404, 405).
    NotAnLrs {
        /// HTTP status.
        status: u16,
    },
    /// The LRS failed (5xx).
    Server {
        /// HTTP status.
        status: u16,
    },
    /// The LRS answered something that is not a page of statements.
    BadAnswer,
    /// A workshop's results could not be read on this device.
    Storage,
}

impl SendError {
    /// The error for an HTTP answer that is not a success.
    pub fn of_status(status: u16, body: &str) -> SendError {
        match status {
            401 | 403 => SendError::Credentials,
            404 | 405 => SendError::NotAnLrs { status },
            500..=599 => SendError::Server { status },
            _ => SendError::Refused {
                status,
                detail: detail(body),
            },
        }
    }

    /// Whether waiting may help (the queue retries these by itself, with backoff); the others
    /// need the trainer to change something first.
    pub fn retries(&self) -> bool {
        matches!(
            self,
            SendError::Offline | SendError::Unreachable | SendError::Server { .. }
        )
    }

    /// What the trainer reads.
    pub fn text(&self) -> TrainerText {
        match self {
            SendError::Offline => TrainerText::LrsOffline,
            SendError::Unreachable => TrainerText::LrsUnreachable,
            SendError::Credentials => TrainerText::LrsCredentials,
            SendError::Refused { .. } => TrainerText::LrsRefused,
            SendError::NotAnLrs { .. } => TrainerText::LrsNotAnLrs,
            SendError::Server { .. } => TrainerText::LrsServer,
            SendError::BadAnswer => TrainerText::LrsBadAnswer,
            SendError::Storage => TrainerText::LrsStorage,
        }
    }

    /// The technical detail shown under the message (status and what the LRS said).
    pub fn detail(&self) -> Option<String> {
        match self {
            SendError::Refused { status, detail } => Some(format!("HTTP {status}: {detail}")),
            SendError::NotAnLrs { status } | SendError::Server { status } => {
                Some(format!("HTTP {status}"))
            }
            _ => None,
        }
    }
}

/// The message of an LRS's error answer (`{"detail": ...}` as Ralph writes it, or the text),
/// on one line and at most 300 characters.
fn detail(body: &str) -> String {
    let text = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| match v.get("detail").or_else(|| v.get("message")) {
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            Some(other) => Some(other.to_string()),
            None => None,
        })
        .unwrap_or_else(|| body.to_owned());
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(300) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line,
    }
}

/// A workshop waiting to be sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiting {
    /// The workshop's id.
    pub workshop: String,
    /// Bumped each time it is queued again (new results), so a send that started before
    /// does not take it off the queue.
    pub generation: u32,
}

/// The send queue, as stored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Queue {
    /// Workshops to send, in order.
    pub waiting: Vec<Waiting>,
    /// Batches of the first workshop already stored by the LRS (a send resumes after them).
    pub resume: u32,
    /// Failures in a row.
    pub failures: u32,
    /// When to try again by itself (ms since the epoch), after a failure that may pass.
    pub next_try_ms: u64,
    /// The last failure, until a send succeeds.
    pub error: Option<SendError>,
    /// When each workshop was last sent whole (ms since the epoch), by id.
    #[serde(default)]
    pub sent: Vec<(String, u64)>,
}

/// The longest wait between two tries.
pub const MAX_BACKOFF_MS: u64 = 5 * 60 * 1000;

impl Queue {
    /// The queue on this device (empty if none, or unreadable).
    pub fn load(store: &Store) -> Queue {
        store
            .get(QUEUE_KEY)
            .ok()
            .flatten()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// Saves the queue.
    pub fn save(&self, store: &Store) -> Result<(), StoreError> {
        store.set(QUEUE_KEY, &serde_json::to_string(self).unwrap_or_default())
    }

    /// Puts a workshop on the queue (again, if it has new results): it is sent whole, and
    /// what the LRS already has is stored once.
    pub fn add(&mut self, workshop: &str) {
        match self.waiting.iter_mut().find(|w| w.workshop == workshop) {
            Some(w) => w.generation += 1,
            None => self.waiting.push(Waiting {
                workshop: workshop.to_owned(),
                generation: 0,
            }),
        }
        // A trainer asking to send is a reason to try now.
        self.next_try_ms = 0;
    }

    /// Whether a workshop is waiting.
    pub fn has(&self, workshop: &str) -> bool {
        self.waiting.iter().any(|w| w.workshop == workshop)
    }

    /// When a workshop was last sent whole.
    pub fn sent_ms(&self, workshop: &str) -> Option<u64> {
        self.sent
            .iter()
            .find(|(id, _)| id == workshop)
            .map(|(_, ms)| *ms)
    }

    /// Records that the first workshop's batches up to `done` are stored.
    pub fn progress(&mut self, done: u32) {
        self.resume = done;
        self.failures = 0;
        self.error = None;
    }

    /// Takes `waiting` off the queue once it has been sent whole at `now_ms`, unless it was
    /// queued again meanwhile (then it is sent again, from its first batch).
    pub fn done(&mut self, waiting: &Waiting, now_ms: u64) {
        self.resume = 0;
        self.failures = 0;
        self.error = None;
        if let Some(i) = self.waiting.iter().position(|w| *w == *waiting) {
            self.waiting.remove(i);
            self.sent.retain(|(id, _)| *id != waiting.workshop);
            self.sent.push((waiting.workshop.clone(), now_ms));
        }
    }

    /// Drops a workshop that is no longer on this device.
    pub fn drop_workshop(&mut self, workshop: &str) {
        if self.waiting.first().is_some_and(|w| w.workshop == workshop) {
            self.resume = 0;
        }
        self.waiting.retain(|w| w.workshop != workshop);
    }

    /// Records a failure at `now_ms`: one that may pass is tried again after 5 s, then
    /// twice as long each time, up to [`MAX_BACKOFF_MS`]; the others wait for the trainer.
    pub fn failed(&mut self, error: SendError, now_ms: u64) {
        self.failures = self.failures.saturating_add(1);
        self.next_try_ms = if error.retries() {
            now_ms + backoff_ms(self.failures)
        } else {
            u64::MAX
        };
        self.error = Some(error);
    }
}

/// The wait after `failures` failures in a row.
pub fn backoff_ms(failures: u32) -> u64 {
    let doublings = failures.saturating_sub(1).min(16);
    (5_000u64 << doublings).min(MAX_BACKOFF_MS)
}

#[cfg(test)]
mod tests;

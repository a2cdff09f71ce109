//! The agent's practice data on this device: the run in progress per scenario (saved after every
//! choice, so a reload resumes it) and the history of finished attempts. Data that cannot be
//! read is never dropped: it is moved aside under a quarantine key and offered for download.

use serde::{Deserialize, Serialize};

use crate::engine::pack::ContentHash;
use crate::engine::workshop::{AttemptId, Phase, ResultRecord, Taker, Workshop};
use crate::engine::Outcome;
use crate::engine::Package;
use crate::engine::ScoreCard;
use crate::engine::{SaveState, Session};
use crate::platform::storage::{Store, StoreError};

/// How feedback is given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Coaching after every choice.
    #[default]
    Practice,
    /// Feedback held back until the debrief.
    Assessment,
}

/// A run in progress.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedRun {
    /// Scenario, seed and choices.
    pub save: SaveState,
    /// Practice or assessment.
    pub mode: Mode,
    /// When it started (ms since the epoch).
    pub started_ms: u64,
    /// For a workshop's pre-test or post-test: who takes it, for which workshop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taker: Option<Taker>,
    /// For a workshop test: the attempt's id, drawn when it starts (its seed comes from it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempt: Option<String>,
}

impl SavedRun {
    /// A new run of `scenario` on `terms`. A workshop test (with a `taker`) draws its attempt
    /// id now and takes the seed the workshop and attempt fix; practice takes `seed`.
    pub fn start(
        scenario: &crate::engine::Scenario,
        terms: crate::engine::sim::Terms,
        mode: Mode,
        seed: u64,
        taker: Option<Taker>,
        random: (u64, u64),
        started_ms: u64,
    ) -> SavedRun {
        let attempt = taker
            .as_ref()
            .map(|_| AttemptId::from_random(random.0, random.1));
        let seed = match (&taker, attempt) {
            (Some(t), Some(a)) => crate::engine::workshop::test_seed(&t.workshop, a),
            _ => seed,
        };
        SavedRun {
            save: SaveState {
                scenario: scenario.id.clone(),
                version: scenario.version,
                seed,
                choices: Vec::new(),
                date: Some(terms.date),
                rates: terms.rates.version.clone(),
            },
            mode,
            started_ms,
            taker,
            attempt: attempt.map(|a| a.uuid()),
        }
    }

    /// The attempt's id: the one drawn at the start, or `fallback` (practice runs).
    pub fn attempt_id(&self, fallback: AttemptId) -> AttemptId {
        self.attempt
            .as_deref()
            .and_then(AttemptId::from_uuid)
            .unwrap_or(fallback)
    }
}

/// A finished attempt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    /// Scenario, seed and choices: replaying them verifies the score.
    pub save: SaveState,
    /// Practice or assessment.
    pub mode: Mode,
    /// When it started and ended (ms since the epoch).
    pub started_ms: u64,
    /// When it ended.
    pub finished_ms: u64,
    /// Total score.
    pub total: u32,
    /// Whether it passed.
    pub passed: bool,
    /// How it ended.
    pub outcome: Outcome,
    /// The package signed, if any.
    pub package: Option<Package>,
    /// The six competency scores.
    pub competencies: [u32; 6],
    /// The attempt's identifier (a UUID).
    #[serde(default)]
    pub id: String,
    /// For a workshop test: the result code the agent sends to the trainer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

impl Attempt {
    /// The attempt record of a finished run (`session` is the run, ended), with its result
    /// code when it is a workshop test (`content`: the played scenario's content hash).
    pub fn new(
        run: &SavedRun,
        session: &Session,
        card: &ScoreCard,
        finished_ms: u64,
        id: AttemptId,
        content: Option<ContentHash>,
    ) -> Attempt {
        let code = run.taker.clone().and_then(|taker| {
            let started_s = run.started_ms / 1000;
            let duration_s = u32::try_from(finished_ms.saturating_sub(run.started_ms) / 1000)
                .unwrap_or(u32::MAX);
            ResultRecord::of(session, content, taker, id, started_s, duration_s)
                .map(|r| r.to_code())
        });
        Attempt {
            id: id.uuid(),
            code,
            save: run.save.clone(),
            mode: run.mode,
            started_ms: run.started_ms,
            finished_ms,
            total: card.total,
            passed: card.passed,
            outcome: card.outcome,
            package: card.package,
            competencies: card.competencies,
        }
    }
}

/// Storage key prefix of runs in progress.
pub const RUN_KEY: &str = "latih.run.";
/// Storage key of the attempt history.
pub const HISTORY_KEY: &str = "latih.history";
/// Storage key of the workshop this device has joined.
pub const JOINED_KEY: &str = "latih.workshop";

/// The workshop an agent joined on this device, and as whom.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Joined {
    /// The workshop's code, as received in the link.
    pub code: String,
    /// The agent's name as typed.
    pub agent: String,
    /// The Wadah picked.
    pub wadah: String,
}

impl Joined {
    /// The workshop the code carries (the code was read when joining, so this only fails if
    /// storage was edited by hand).
    pub fn workshop(&self) -> Option<Workshop> {
        Workshop::from_code(&self.code).ok()
    }

    /// Who takes `phase` of this workshop.
    pub fn taker(&self, workshop: &Workshop, phase: Phase) -> Taker {
        Taker {
            workshop: workshop.id.clone(),
            agent: self.agent.clone(),
            wadah: self.wadah.clone(),
            phase,
        }
    }
}

/// Storage key prefix of data set aside because it could not be read.
pub const QUARANTINE_KEY: &str = "latih.unreadable.";
/// Where set-aside data goes once the user has dismissed the notice about it.
pub const DISMISSED_KEY: &str = "latih.unreadable-seen.";

/// Reads and writes practice data through a [`Store`].
#[derive(Clone, Debug, PartialEq)]
pub struct PracticeStore {
    store: Store,
}

impl PracticeStore {
    /// Practice data in `store`.
    pub fn new(store: Store) -> PracticeStore {
        PracticeStore { store }
    }

    fn read<T: for<'de> Deserialize<'de>>(&self, key: &str) -> Result<Option<T>, ReadError> {
        read_json(&self.store, key)
    }

    /// The run in progress for a scenario.
    pub fn run(&self, scenario: &str) -> Result<Option<SavedRun>, ReadError> {
        self.read(&format!("{RUN_KEY}{scenario}"))
    }

    /// Saves the run in progress.
    pub fn save_run(&self, run: &SavedRun) -> Result<(), StoreError> {
        let json = serde_json::to_string(run).unwrap_or_default();
        self.store
            .set(&format!("{RUN_KEY}{}", run.save.scenario), &json)
    }

    /// Forgets the run in progress.
    pub fn clear_run(&self, scenario: &str) -> Result<(), StoreError> {
        self.store.remove(&format!("{RUN_KEY}{scenario}"))
    }

    /// Every finished attempt, oldest first.
    pub fn history(&self) -> Result<Vec<Attempt>, ReadError> {
        Ok(self.read(HISTORY_KEY)?.unwrap_or_default())
    }

    /// Records a finished attempt (and ends the run in progress); returns its index.
    pub fn finish(&self, attempt: Attempt) -> Result<usize, StoreError> {
        // Unreadable history was set aside (kept), so starting afresh loses nothing; a storage
        // failure, though, must not be answered by overwriting the history.
        let mut all = match self.history() {
            Ok(all) => all,
            Err(ReadError::SetAside(_)) => Vec::new(),
            Err(ReadError::Store(e)) => return Err(e),
        };
        all.push(attempt);
        let json = serde_json::to_string(&all).unwrap_or_default();
        self.store.set(HISTORY_KEY, &json)?;
        let _ = self.clear_run(&all[all.len() - 1].save.scenario);
        Ok(all.len() - 1)
    }

    /// The workshop joined on this device.
    pub fn joined(&self) -> Result<Option<Joined>, ReadError> {
        self.read(JOINED_KEY)
    }

    /// Joins a workshop (replacing any other).
    pub fn join(&self, joined: &Joined) -> Result<(), StoreError> {
        let json = serde_json::to_string(joined).unwrap_or_default();
        self.store.set(JOINED_KEY, &json)
    }

    /// The keys of data set aside because it could not be read, and not yet dismissed, oldest
    /// first.
    pub fn set_aside(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .store
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| k.starts_with(QUARANTINE_KEY))
            .collect();
        crate::engine::order::sort_small(&mut keys);
        keys
    }

    /// Stops telling the user about data set aside under `key`; it stays in storage (and in
    /// backups) under [`DISMISSED_KEY`].
    pub fn dismiss(&self, key: &str) -> Result<(), StoreError> {
        let Some(rest) = key.strip_prefix(QUARANTINE_KEY) else {
            return Ok(());
        };
        if let Some(raw) = self.store.get(key)? {
            self.store.set(&format!("{DISMISSED_KEY}{rest}"), &raw)?;
        }
        self.store.remove(key)
    }

    /// The raw text of data set aside under `key`, for download.
    pub fn quarantined(&self, key: &str) -> Option<String> {
        self.store.get(key).ok().flatten()
    }
}

/// Reads `key` of `store` as JSON. Unreadable data is moved to a quarantine key (returned in
/// the error) instead of being lost or overwritten.
pub fn read_json<T: for<'de> Deserialize<'de>>(
    store: &Store,
    key: &str,
) -> Result<Option<T>, ReadError> {
    let Some(raw) = store.get(key).map_err(ReadError::Store)? else {
        return Ok(None);
    };
    match serde_json::from_str(&raw) {
        Ok(value) => Ok(Some(value)),
        Err(_) => {
            // A fresh key each time, so a second unreadable copy never replaces the first.
            let n = store.keys().map_or(0, |k| k.len());
            let aside = format!(
                "{QUARANTINE_KEY}{key}.{}.{n}",
                crate::platform::clock::now_ms()
            );
            store.set(&aside, &raw).map_err(ReadError::Store)?;
            store.remove(key).map_err(ReadError::Store)?;
            Err(ReadError::SetAside(aside))
        }
    }
}

/// Why practice data could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The storage itself failed.
    Store(StoreError),
    /// The data was unreadable and was moved to this key.
    SetAside(String),
}

/// The finished attempt (its index) of `taker`'s test on `scenario`, if they took it: a test
/// is taken once.
pub fn test_attempt(attempts: &[Attempt], taker: &Taker, scenario: &str) -> Option<usize> {
    attempts.iter().position(|a| {
        a.save.scenario == scenario
            && a.code
                .as_deref()
                .and_then(|c| ResultRecord::from_code(c).ok())
                .is_some_and(|r| {
                    r.workshop == taker.workshop && r.phase == taker.phase && r.agent == taker.agent
                })
    })
}

/// Where an agent stands in a workshop: which tests are done and what comes next. The post-test
/// opens only when every pre-test is finished (and, if the trainer chose so, after a practice
/// run of one of the workshop's practice scenarios).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Every pre-test scenario has a finished test.
    pub pre_done: bool,
    /// A practice run of a workshop practice scenario is finished.
    pub practised: bool,
    /// The post-test can be taken.
    pub post_open: bool,
    /// What the agent should do next.
    pub next: Next,
}

/// The next step in a workshop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Next {
    /// Take the pre-test on this scenario.
    PreTest(String),
    /// Practise (the post-test waits for a practice run).
    Practice,
    /// Take the post-test on this scenario.
    PostTest(String),
    /// Every test is done: send the codes.
    Done,
}

/// Where the agent `joined` stands in `workshop`, from their finished `attempts`.
pub fn progress(workshop: &Workshop, joined: &Joined, attempts: &[Attempt]) -> Progress {
    let missing = |phase: Phase| {
        let taker = joined.taker(workshop, phase);
        workshop
            .tests(phase)
            .iter()
            .find(|r| test_attempt(attempts, &taker, &r.id).is_none())
            .map(|r| r.id.clone())
    };
    let pre = missing(Phase::PreTest);
    let practised = attempts
        .iter()
        .any(|a| a.code.is_none() && workshop.practice.iter().any(|r| r.id == a.save.scenario));
    let needs_practice = workshop.post_after_practice && !workshop.practice.is_empty();
    let post_open = pre.is_none() && (practised || !needs_practice);
    let next = match (pre, post_open, missing(Phase::PostTest)) {
        (Some(id), _, _) => Next::PreTest(id),
        (None, false, _) => Next::Practice,
        (None, true, Some(id)) => Next::PostTest(id),
        (None, true, None) => Next::Done,
    };
    Progress {
        pre_done: !matches!(next, Next::PreTest(_)),
        practised,
        post_open,
        next,
    }
}

/// The best total per scenario in a history.
pub fn best_of(history: &[Attempt], scenario: &str) -> Option<u32> {
    history
        .iter()
        .filter(|a| a.save.scenario == scenario)
        .map(|a| a.total)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::balance::{scripted_session, Policy};
    use crate::engine::pack;
    use crate::engine::workshop::{verify, ScenarioRef};
    use crate::engine::Scenario;

    /// The day the tests play on: a workshop in December 2026.
    fn day() -> crate::engine::sim::Terms {
        crate::engine::sim::Terms::on(crate::engine::Date {
            year: 2026,
            month: 12,
            day: 3,
        })
    }

    fn run(id: &str) -> SavedRun {
        SavedRun {
            save: SaveState {
                scenario: id.into(),
                version: 1,
                seed: 7,
                choices: vec!["a".into()],
                date: None,
                rates: String::new(),
            },
            mode: Mode::Practice,
            started_ms: 1,
            taker: None,
            attempt: None,
        }
    }

    #[test]
    fn the_post_test_opens_after_the_pre_test_and_if_asked_after_practice() {
        let scenarios = pack::load().unwrap();
        let mut workshop = crate::engine::workshop::Workshop {
            id: "ABCDEFGH".into(),
            name: "Lokakarya".into(),
            date: crate::engine::Date::new(2026, 12, 3).unwrap(),
            place: "Selong".into(),
            wadah: vec!["Koperasi A".into()],
            pre_test: vec![ScenarioRef::of(&scenarios[0])],
            post_test: vec![ScenarioRef::of(&scenarios[1])],
            practice: vec![ScenarioRef::of(&scenarios[2])],
            post_after_practice: true,
        };
        let joined = Joined {
            code: workshop.to_code(),
            agent: "Rina".into(),
            wadah: "Koperasi A".into(),
        };
        let finished =
            |which: usize, phase: Option<Phase>, w: &crate::engine::workshop::Workshop| {
                let s = &scenarios[which];
                let session = scripted_session(s, Policy::BestPractice, 3, day()).unwrap();
                let run = SavedRun {
                    save: session.save(),
                    mode: Mode::Assessment,
                    started_ms: 1_796_000_000_000,
                    taker: phase.map(|p| joined.taker(w, p)),
                    attempt: None,
                };
                let card = session.score_card().unwrap();
                Attempt::new(
                    &run,
                    &session,
                    &card,
                    1_796_000_600_000,
                    AttemptId::from_random(which as u64, 7),
                    Some(crate::engine::pack::content_hash_of(s)),
                )
            };
        let mut attempts = Vec::new();
        let p = progress(&workshop, &joined, &attempts);
        assert_eq!(p.next, Next::PreTest(scenarios[0].id.clone()));
        assert!(!p.post_open);
        // The post-test taken first does not count as the pre-test.
        attempts.push(finished(1, Some(Phase::PostTest), &workshop));
        assert!(!progress(&workshop, &joined, &attempts).pre_done);
        attempts.push(finished(0, Some(Phase::PreTest), &workshop));
        let p = progress(&workshop, &joined, &attempts);
        assert!(p.pre_done && !p.post_open);
        assert_eq!(p.next, Next::Practice);
        attempts.push(finished(2, None, &workshop));
        let p = progress(&workshop, &joined, &attempts);
        assert!(p.post_open);
        // Without the practice requirement the post-test opens after the pre-test alone.
        workshop.post_after_practice = false;
        let only_pre = vec![finished(0, Some(Phase::PreTest), &workshop)];
        let p = progress(&workshop, &joined, &only_pre);
        assert!(p.post_open);
        assert_eq!(p.next, Next::PostTest(scenarios[1].id.clone()));
    }

    #[test]
    fn set_aside_data_is_listed_until_dismissed_and_kept_after() {
        let store = Store::memory();
        store.set(HISTORY_KEY, "{broken").unwrap();
        let p = PracticeStore::new(store.clone());
        let Err(ReadError::SetAside(key)) = p.history() else {
            panic!("set aside")
        };
        // Read again: nothing to read, but the notice is still due.
        assert_eq!(p.history(), Ok(Vec::new()));
        assert_eq!(p.set_aside(), vec![key.clone()]);
        p.dismiss(&key).unwrap();
        assert!(p.set_aside().is_empty());
        let kept: Vec<String> = store
            .keys()
            .unwrap()
            .into_iter()
            .filter(|k| k.starts_with(DISMISSED_KEY))
            .collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(store.get(&kept[0]).unwrap().as_deref(), Some("{broken"));
    }

    #[test]
    fn runs_round_trip_and_clear() {
        let p = PracticeStore::new(Store::memory());
        assert_eq!(p.run("x"), Ok(None));
        p.save_run(&run("x")).unwrap();
        assert_eq!(p.run("x"), Ok(Some(run("x"))));
        p.clear_run("x").unwrap();
        assert_eq!(p.run("x"), Ok(None));
    }

    #[test]
    fn unreadable_data_is_set_aside_not_lost() {
        let store = Store::memory();
        store.set("latih.run.x", "{not json").unwrap();
        let p = PracticeStore::new(store.clone());
        let err = p.run("x").unwrap_err();
        let ReadError::SetAside(key) = err else {
            panic!("{err:?}")
        };
        assert!(key.starts_with("latih.unreadable.latih.run.x"), "{key}");
        assert_eq!(p.quarantined(&key).as_deref(), Some("{not json"));
        assert_eq!(p.run("x"), Ok(None), "the slot is free for a new run");
        // A second unreadable copy is kept next to the first.
        store.set("latih.run.x", "{also bad").unwrap();
        let Err(ReadError::SetAside(second)) = p.run("x") else {
            panic!("not set aside")
        };
        assert_ne!(key, second);
        assert_eq!(p.quarantined(&key).as_deref(), Some("{not json"));
        assert_eq!(p.quarantined(&second).as_deref(), Some("{also bad"));
    }

    /// A finished run of a bundled scenario by a scripted agent, as the play page records it.
    fn attempt(which: usize, policy: Policy, taker: Option<Taker>) -> (Attempt, Vec<Scenario>) {
        let scenarios = pack::load().unwrap();
        let s = &scenarios[which];
        // As the briefing starts it: a test draws its attempt and the seed that goes with it.
        let started = SavedRun::start(
            s,
            day(),
            Mode::Assessment,
            9,
            taker,
            (which as u64, 3),
            1_796_000_000_000,
        );
        let session = scripted_session(s, policy, started.save.seed, day()).unwrap();
        let run = SavedRun {
            save: session.save(),
            ..started
        };
        let card = session.score_card().unwrap();
        let a = Attempt::new(
            &run,
            &session,
            &card,
            1_796_000_300_000,
            run.attempt_id(AttemptId::from_random(which as u64, 3)),
            Some(crate::engine::pack::content_hash_of(&scenarios[which])),
        );
        (a, scenarios)
    }

    #[test]
    fn history_keeps_attempts_and_bests() {
        let p = PracticeStore::new(Store::memory());
        let (good, scenarios) = attempt(0, Policy::BestPractice, None);
        let (bad, _) = attempt(0, Policy::Pushy, None);
        let (other, _) = attempt(1, Policy::Random, None);
        p.save_run(&run(&scenarios[0].id)).unwrap();
        assert_eq!(p.finish(bad.clone()), Ok(0));
        assert_eq!(
            p.run(&scenarios[0].id),
            Ok(None),
            "finishing ends the run in progress"
        );
        p.finish(good.clone()).unwrap();
        p.finish(other).unwrap();
        let h = p.history().unwrap();
        assert_eq!(h.len(), 3);
        assert_eq!(
            best_of(&h, &scenarios[0].id),
            Some(good.total.max(bad.total))
        );
        assert_eq!(best_of(&h, "z"), None);
        assert_eq!(h[0].id.len(), 36, "every attempt has a UUID");
        assert_eq!(h[0].code, None, "practice has no result code");
    }

    #[test]
    fn a_workshop_test_records_a_code_the_trainer_can_verify() {
        let taker = Taker {
            workshop: Workshop::new_id(5),
            agent: "Rina".into(),
            wadah: "Koperasi Nelayan".into(),
            phase: Phase::PreTest,
        };
        let (a, scenarios) = attempt(2, Policy::BestPractice, Some(taker.clone()));
        let record = ResultRecord::from_code(a.code.as_deref().unwrap()).unwrap();
        assert_eq!(record.agent, "Rina");
        assert_eq!(record.score, a.total);
        assert_eq!(record.duration_s, 300);
        assert_eq!(record.attempt.uuid(), a.id);
        let workshop = Workshop {
            id: taker.workshop,
            name: "W".into(),
            date: crate::engine::Date::new(2026, 12, 1).unwrap(),
            place: "Mataram".into(),
            wadah: vec!["Koperasi Nelayan".into()],
            pre_test: vec![ScenarioRef::of(&scenarios[2])],
            post_test: vec![],
            practice: vec![],
            post_after_practice: false,
        };
        assert_eq!(
            verify(&record, &workshop, &scenarios).unwrap().card.total,
            a.total
        );
    }
}

use super::*;

#[test]
fn settings_take_an_http_address_and_a_user_and_end_the_endpoint_in_a_slash() {
    let s = LrsSettings::new(
        " https://lrs.ntb.example/xAPI ",
        " pelatih1 ",
        "rahasia",
        true,
    )
    .unwrap();
    assert_eq!(s.endpoint, "https://lrs.ntb.example/xAPI/");
    assert_eq!(
        s.statements_url(),
        "https://lrs.ntb.example/xAPI/statements"
    );
    assert_eq!(s.username, "pelatih1");
    for bad in [
        "",
        "lrs.example.org",
        "ftp://x/",
        "https://",
        "https:///xAPI",
        "https://a b/",
        "https://x/?q",
    ] {
        assert_eq!(
            LrsSettings::new(bad, "u", "p", true),
            Err(SettingsProblem::Endpoint),
            "{bad}"
        );
    }
    // A password over plain http to another machine is readable on the way.
    assert_eq!(
        LrsSettings::new("http://lrs.example.org/xAPI/", "u", "p", true),
        Err(SettingsProblem::Insecure)
    );
    assert!(LrsSettings::new("http://127.0.0.1:8100/xAPI/", "u", "p", true).is_ok());
    assert!(LrsSettings::new("http://localhost:8100/xAPI", "u", "p", true).is_ok());
    assert_eq!(
        LrsSettings::new("https://x.org/xAPI/", "  ", "p", true),
        Err(SettingsProblem::Username)
    );
}

#[test]
fn basic_auth_is_standard_base64_with_padding() {
    let s = |u: &str, p: &str| LrsSettings::new("https://x.org/", u, p, false).unwrap();
    // RFC 7617's example.
    assert_eq!(
        s("Aladdin", "open sesame").authorization(),
        "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
    );
    // Bytes that base64url writes as '-' and '_'.
    assert_eq!(s("a", "?>?~").authorization(), "Basic YTo/Pj9+");
    assert_eq!(s("ü", "").authorization(), "Basic w7w6");
}

#[test]
fn more_is_resolved_against_the_endpoint() {
    let s = LrsSettings::new("https://lrs.example.org:8443/xAPI/", "u", "p", false).unwrap();
    assert_eq!(
        s.resolve("/xAPI/statements?pit_id=1&search_after=x"),
        "https://lrs.example.org:8443/xAPI/statements?pit_id=1&search_after=x"
    );
    assert_eq!(
        s.resolve("statements?page=2"),
        "https://lrs.example.org:8443/xAPI/statements?page=2"
    );
    assert_eq!(
        s.resolve("https://other.example/s?p=2"),
        "https://other.example/s?p=2"
    );
}

#[test]
fn settings_are_kept_and_forgotten() {
    let store = Store::memory();
    assert_eq!(LrsSettings::load(&store), None);
    let s = LrsSettings::new("https://x.org/xAPI/", "u", "p", true).unwrap();
    s.save(&store).unwrap();
    assert_eq!(LrsSettings::load(&store), Some(s));
    LrsSettings::forget(&store).unwrap();
    assert_eq!(LrsSettings::load(&store), None);
}

#[test]
fn failures_are_told_by_status_and_only_passing_ones_retry() {
    assert_eq!(SendError::of_status(401, ""), SendError::Credentials);
    assert_eq!(SendError::of_status(403, ""), SendError::Credentials);
    assert_eq!(
        SendError::of_status(404, ""),
        SendError::NotAnLrs { status: 404 }
    );
    assert_eq!(
        SendError::of_status(503, "down"),
        SendError::Server { status: 503 }
    );
    let refused = SendError::of_status(
        409,
        r#"{"detail":"Differing statements already exist with the same ID: 1"}"#,
    );
    assert_eq!(
        refused,
        SendError::Refused {
            status: 409,
            detail: "Differing statements already exist with the same ID: 1".into()
        }
    );
    assert_eq!(
        refused.detail().unwrap(),
        "HTTP 409: Differing statements already exist with the same ID: 1"
    );
    let long = SendError::of_status(400, &"x ".repeat(400));
    let SendError::Refused { detail, .. } = long else {
        panic!()
    };
    assert_eq!(detail.chars().count(), 301, "shortened, with an ellipsis");
    assert!(SendError::Offline.retries() && SendError::Unreachable.retries());
    assert!(SendError::Server { status: 502 }.retries());
    assert!(!SendError::Credentials.retries() && !refused.retries());
}

#[test]
fn backoff_doubles_from_five_seconds_to_five_minutes() {
    let waits: Vec<u64> = (1..=8).map(backoff_ms).collect();
    assert_eq!(
        waits,
        [5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]
    );
    assert_eq!(backoff_ms(u32::MAX), MAX_BACKOFF_MS);
}

#[test]
fn the_queue_survives_storage_resumes_and_never_drops_a_workshop_queued_again() {
    let store = Store::memory();
    let mut q = Queue::load(&store);
    q.add("W1");
    q.add("W2");
    q.add("W1");
    assert_eq!(q.waiting.len(), 2, "a workshop waits once");
    q.save(&store).unwrap();
    let mut q = Queue::load(&store);
    assert!(q.has("W1") && q.has("W2"));
    // W1 is being sent: two batches stored, then the LRS goes away.
    let started = q.waiting[0].clone();
    q.progress(2);
    q.failed(SendError::Unreachable, 1_000);
    assert_eq!((q.resume, q.failures, q.next_try_ms), (2, 1, 6_000));
    q.failed(SendError::Unreachable, 6_000);
    assert_eq!(q.next_try_ms, 16_000);
    // New results arrive for W1 while it is being sent: it is sent again, whole.
    q.add("W1");
    assert_eq!(q.next_try_ms, 0);
    q.done(&started, 20_000);
    assert!(q.has("W1"), "queued again meanwhile");
    assert_eq!((q.resume, q.failures, q.error.clone()), (0, 0, None));
    let again = q.waiting[0].clone();
    q.done(&again, 30_000);
    assert!(!q.has("W1"));
    assert_eq!(q.sent_ms("W1"), Some(30_000));
    // A wrong password waits for the trainer.
    q.failed(SendError::Credentials, 40_000);
    assert_eq!(q.next_try_ms, u64::MAX);
    assert!(q.has("W2"));
    q.drop_workshop("W2");
    assert!(q.waiting.is_empty());
}

#[test]
fn an_unreadable_queue_reads_as_empty() {
    let store = Store::memory();
    store.set(QUEUE_KEY, "{ not json").unwrap();
    assert_eq!(Queue::load(&store), Queue::default());
}

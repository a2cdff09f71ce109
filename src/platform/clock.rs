//! Time and fresh seeds from the browser (fixed values outside it, for tests).

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static FIXED_NOW_MS: std::cell::Cell<Option<u64>> = const { std::cell::Cell::new(None) };
}

/// Outside the browser (native tests): makes [`now_ms`] return `ms` on this thread, so a test
/// can play on a chosen day.
#[cfg(not(target_arch = "wasm32"))]
pub fn set_now_ms(ms: Option<u64>) {
    FIXED_NOW_MS.with(|f| f.set(ms));
}

/// Milliseconds since the Unix epoch (whole numbers: saved records hold no floats).
pub fn now_ms() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as u64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        FIXED_NOW_MS.with(|f| f.get()).unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_millis() as u64)
        })
    }
}

/// Today's date on this device, in its own time zone: the date a run takes place on.
pub fn today() -> crate::engine::Date {
    local_date_time(now_ms()).0
}

/// The date and the minutes since midnight of a moment (ms since the epoch) on this device's
/// clock, in its own time zone (natively, in tests: NTB's, UTC+8).
pub fn local_date_time(ms: u64) -> (crate::engine::Date, u32) {
    #[cfg(target_arch = "wasm32")]
    let offset_minutes = -(js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64))
        .get_timezone_offset() as i64);
    #[cfg(not(target_arch = "wasm32"))]
    let offset_minutes = 8 * 60;
    let local_ms = ms as i64 + offset_minutes * 60_000;
    let minutes = local_ms.rem_euclid(86_400_000) / 60_000;
    (
        crate::engine::Date::from_unix_days(local_ms.div_euclid(86_400_000)),
        u32::try_from(minutes).unwrap_or(0),
    )
}

/// A fresh seed for a new run. The engine's generator is seeded with it; it need not be
/// cryptographic, only different each time.
pub fn fresh_seed() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        let hi = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
        let lo = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
        (hi << 32) ^ lo ^ now_ms()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        1
    }
}

/// 64 random bits for identifiers (attempt UUIDs, workshop ids): from the browser's
/// cryptographic generator where there is one, else mixed from `Math.random` and the clock.
pub fn random_u64() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        let mut bytes = [0u8; 8];
        let filled = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
        if filled {
            return u64::from_le_bytes(bytes);
        }
    }
    fresh_seed()
}

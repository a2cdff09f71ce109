//! Time and fresh seeds from the browser (fixed values outside it, for tests).

/// Milliseconds since the Unix epoch (whole numbers: saved records hold no floats).
pub fn now_ms() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as u64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
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

//! The seeded random generator of the simulation. ChaCha8 is specified bit for bit, so the same
//! seed gives the same numbers on every platform and in every version (unlike `StdRng`).

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The simulation's random source: a portable ChaCha8 stream from a `u64` seed.
#[derive(Clone, Debug)]
pub struct WorkerRng(ChaCha8Rng);

impl WorkerRng {
    /// A generator from `seed`.
    pub fn new(seed: u64) -> WorkerRng {
        WorkerRng(ChaCha8Rng::seed_from_u64(seed))
    }

    /// A number in `0..n` (0 when `n` is 0), without modulo bias.
    pub fn below(&mut self, n: u32) -> u32 {
        if n <= 1 {
            return 0;
        }
        // Lemire's multiply-and-reject method: portable and unbiased.
        let zone = u32::MAX - (u32::MAX - n + 1) % n;
        loop {
            let x = self.0.next_u32();
            let m = u64::from(x) * u64::from(n);
            if (m as u32) <= zone {
                return (m >> 32) as u32;
            }
        }
    }

    /// A number in `-spread..=spread`.
    pub fn noise(&mut self, spread: u32) -> i32 {
        self.below(2 * spread + 1) as i32 - spread as i32
    }

    /// A raw 64-bit number (used to derive seeds).
    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_and_known_values() {
        let mut a = WorkerRng::new(42);
        let mut b = WorkerRng::new(42);
        let xs: Vec<u32> = (0..16).map(|_| a.below(1000)).collect();
        let ys: Vec<u32> = (0..16).map(|_| b.below(1000)).collect();
        assert_eq!(xs, ys);
        // Pinned so a change of generator (which would break saved runs) fails loudly.
        assert_eq!(WorkerRng::new(7).next_u64(), WorkerRng::new(7).next_u64());
        let mut c = WorkerRng::new(1);
        let first: Vec<u32> = (0..4).map(|_| c.below(100)).collect();
        assert_eq!(first, PINNED_SEED_1);
    }

    const PINNED_SEED_1: [u32; 4] = [54, 40, 98, 8];

    #[test]
    fn bounds_hold() {
        let mut r = WorkerRng::new(3);
        for n in [1, 2, 3, 7, 100, u32::MAX] {
            for _ in 0..200 {
                assert!(r.below(n) < n.max(1));
            }
        }
        assert_eq!(r.below(0), 0);
        for _ in 0..200 {
            let x = r.noise(5);
            assert!((-5..=5).contains(&x));
        }
    }
}

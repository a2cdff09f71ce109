//! Contribution rates and benefits as versioned, sourced data (`rates/*.json`, from
//! ../shared/DOMAIN.md), and the calculator that every figure Latih shows or checks comes from.
//!
//! The rules as the regulations state them: JKK is a fixed amount per band of declared income
//! (only the bands with a public source are exact; others are marked approximate), JKM is flat,
//! JHT is a percentage, and PP 50/2025 halves JKK and JKM for transport workers in one window of
//! contribution months and for every other BPU worker in another, except for workers whose
//! contributions a government budget pays. Every entry keeps its source and the dates it is valid
//! between. A table has a version; saves and result codes record it, and a replay finds the same
//! table again with [`RatesTable::find`] (so an old result is never silently rescored).
//!
//! The code is split by part: `table` (the data as the JSON files hold it), `contribution`
//! (what the calculator answers), `calc` (the calculator over a table) and `money` (rupiah as
//! text). The JSON files sit in this folder too; build.rs compiles them into the program.

mod calc;
mod contribution;
mod money;
mod table;

pub use contribution::{daily, Ahead, AppliedDiscount, Band, Contribution, Eligibility, Worker};
pub use money::{money, money_words};
pub use table::{
    Discount, JkkBand, JkkBenefit, JkkRates, JkmBenefit, NoRate, RatesTable, Scholarship, Sourced,
    Workers,
};

// Integer arithmetic shared by the contribution lines and the calculator, kept here so both
// round the same way.

fn cut(amount: u64, percent: u32) -> u64 {
    amount.saturating_mul(u64::from(percent.min(100))) / 100
}

fn percent_of(amount: u64, bp: u32) -> u64 {
    amount.saturating_mul(u64::from(bp)).saturating_add(5_000) / 10_000
}

#[cfg(test)]
mod tests;

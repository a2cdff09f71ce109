//! Computing figures: the context a figure depends on (worker, date, rates), the true value,
//! the value a wrong-figure choice states, and the check of one against the other. Kept apart
//! from rendering so the arithmetic is tested on its own.

use serde::Serialize;

use super::names::{Figure, Placeholder, Trap};
use crate::engine::rates::{daily, RatesTable, Worker};
use crate::engine::scenario::Persona;
use crate::engine::terms::{Date, Package};

/// What a figure depends on: the worker, the run's date and the rates table.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The worker.
    pub worker: Worker,
    /// The run's date.
    pub date: Date,
    /// The rates.
    pub rates: &'a RatesTable,
}

impl<'a> Context<'a> {
    /// The context of `persona` on `date`.
    pub fn new(persona: &Persona, date: Date, rates: &'a RatesTable) -> Context<'a> {
        Context {
            worker: persona.worker(),
            date,
            rates,
        }
    }
}

/// A computed figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Amount {
    /// Rupiah.
    pub rupiah: u64,
    /// Whether every rate behind it has a public source (false: approximate, not checked).
    pub exact: bool,
}

/// How to treat discounts when computing a contribution.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Discounting {
    AsTheRulesSay,
    Never,
    TransportOnly,
    Always,
}

fn monthly_total(
    ctx: &Context,
    package: Package,
    date: Date,
    how: Discounting,
    part: Figure,
) -> Option<Amount> {
    let r = ctx.rates;
    let c = r.contribution(&ctx.worker, package, date).ok()?;
    let keep_discount = match how {
        Discounting::AsTheRulesSay => true,
        Discounting::Never => false,
        Discounting::TransportOnly => c
            .applied
            .is_some_and(|a| a.workers == crate::engine::rates::Workers::Transport),
        Discounting::Always => true,
    };
    let percent = if keep_discount {
        match (c.applied, how) {
            (Some(a), _) => a.percent,
            // As if the largest discount the table knows applied.
            (None, Discounting::Always) => r.discounts.iter().map(|d| d.value.percent).max()?,
            (None, _) => 0,
        }
    } else {
        0
    };
    let less = |amount: u64| amount - amount * u64::from(percent.min(100)) / 100;
    let (jkk, jkm) = (less(c.jkk), less(c.jkm));
    let rupiah = match part {
        Figure::Jkk => jkk,
        Figure::Jkm => jkm,
        Figure::Jht => c.jht,
        _ => jkk + jkm + c.jht,
    };
    Some(Amount {
        rupiah,
        exact: c.exact() || part == Figure::Jkm || part == Figure::Jht,
    })
}

/// The date a figure is for: `on=`, or the day after the current discount ends, or the run's.
pub fn figure_date(p: &Placeholder, ctx: &Context) -> Date {
    if let Some(on) = p.on {
        return on;
    }
    if p.after_discount {
        let applied = ctx
            .rates
            .contribution(&ctx.worker, Package::JkkJkm, ctx.date)
            .ok()
            .and_then(|c| c.applied)
            .and_then(|a| a.until);
        if let Some(until) = applied {
            return until.next_day();
        }
    }
    ctx.date
}

/// The true value of a figure (ignoring any trap).
pub fn truth(p: &Placeholder, ctx: &Context) -> Option<Amount> {
    compute(p, ctx, Discounting::AsTheRulesSay)
}

fn compute(p: &Placeholder, ctx: &Context, how: Discounting) -> Option<Amount> {
    let date = figure_date(p, ctx);
    let r = ctx.rates;
    // JHT is only in the 3-programme package; the other figures default to the 2-programme one.
    let package = match p.figure {
        Figure::Jht => Package::JkkJkmJht,
        _ => p.package.unwrap_or(Package::JkkJkm),
    };
    let exact = |rupiah: u64| {
        Some(Amount {
            rupiah,
            exact: true,
        })
    };
    match p.figure {
        Figure::Monthly | Figure::Jkk | Figure::Jkm | Figure::Jht => {
            monthly_total(ctx, package, date, how, p.figure)
        }
        Figure::Daily => monthly_total(ctx, package, date, how, Figure::Monthly).map(|a| Amount {
            rupiah: daily(a.rupiah),
            ..a
        }),
        Figure::MonthsAhead => {
            let mut sum = Amount {
                rupiah: 0,
                exact: true,
            };
            for i in 0..u32::from(p.months.unwrap_or(1)) {
                let month = monthly_total(ctx, package, date.plus_months(i), how, Figure::Monthly)?;
                sum.rupiah += month.rupiah;
                sum.exact &= month.exact;
            }
            Some(sum)
        }
        Figure::JkmBenefit => exact(r.jkm_benefit(date).ok()?.total()),
        Figure::JkmLumpSum => exact(r.jkm_benefit(date).ok()?.lump_sum),
        Figure::Funeral => exact(r.jkm_benefit(date).ok()?.funeral),
        Figure::Periodic => exact(r.jkm_benefit(date).ok()?.periodic),
        Figure::WorkDeathBenefit => exact(r.work_death_benefit(ctx.worker.income, date).ok()?),
        Figure::DisabilityBenefit => {
            let declared = ctx.worker.income.max(r.minimum_income(date).ok()?);
            exact(declared.saturating_mul(r.jkk_benefit(date).ok()?.disability_wage_multiple))
        }
        Figure::SickPay | Figure::DeclaredIncome => {
            exact(ctx.worker.income.max(r.minimum_income(date).ok()?))
        }
        Figure::HomeCare => exact(r.jkk_benefit(date).ok()?.home_care_ceiling),
        Figure::TransportLand => exact(r.jkk_benefit(date).ok()?.transport_land),
        Figure::TransportSea => exact(r.jkk_benefit(date).ok()?.transport_sea),
        Figure::TransportAir => exact(r.jkk_benefit(date).ok()?.transport_air),
        Figure::Scholarship => exact(r.scholarship(date).ok()?.ceiling),
        Figure::MinimumIncome => exact(r.minimum_income(date).ok()?),
    }
}

/// The value a placeholder states: the truth, or the wrong value its trap describes.
pub fn stated(p: &Placeholder, ctx: &Context) -> Option<Amount> {
    let Some(trap) = p.trap else {
        return truth(p, ctx);
    };
    let truth = truth(p, ctx)?;
    let exact_if = |rupiah: u64| {
        Some(Amount {
            rupiah,
            exact: truth.exact,
        })
    };
    match trap {
        Trap::Undiscounted => compute(p, ctx, Discounting::Never),
        Trap::TransportOnly => compute(p, ctx, Discounting::TransportOnly),
        Trap::Discounted => compute(p, ctx, Discounting::Always),
        Trap::OtherPackage => compute(
            &Placeholder {
                package: p.package.map(Package::other),
                trap: None,
                ..*p
            },
            ctx,
            Discounting::AsTheRulesSay,
        ),
        Trap::JkmForWorkDeath => compute(
            &Placeholder {
                figure: Figure::JkmBenefit,
                trap: None,
                ..*p
            },
            ctx,
            Discounting::AsTheRulesSay,
        ),
        Trap::FlatAhead => {
            let month = compute(
                &Placeholder {
                    figure: Figure::Monthly,
                    months: None,
                    trap: None,
                    ..*p
                },
                ctx,
                Discounting::AsTheRulesSay,
            )?;
            Some(Amount {
                rupiah: month.rupiah * u64::from(p.months.unwrap_or(1)),
                ..month
            })
        }
        Trap::DailyRoundedDown => {
            let month = compute(
                &Placeholder {
                    figure: Figure::Monthly,
                    trap: None,
                    ..*p
                },
                ctx,
                Discounting::AsTheRulesSay,
            )?;
            Some(Amount {
                rupiah: month.rupiah / 30 / 100 * 100,
                ..month
            })
        }
        Trap::Understated => exact_if(round_below(truth.rupiah)?),
        Trap::Inflated => exact_if(round_at_least(truth.rupiah.saturating_mul(2))),
    }
}

/// The largest of 1, 2, 5 x 10^k strictly below `amount`.
pub(super) fn round_below(amount: u64) -> Option<u64> {
    let mut best = None;
    let mut scale = 1u64;
    while scale < amount {
        for m in [1, 2, 5] {
            let v = scale * m;
            if v < amount {
                best = Some(v);
            }
        }
        scale = scale.checked_mul(10)?;
    }
    best
}

/// The smallest of 1, 2, 5 x 10^k at least `amount`.
pub(super) fn round_at_least(amount: u64) -> u64 {
    let mut scale = 1u64;
    loop {
        for m in [1, 2, 5] {
            if scale.saturating_mul(m) >= amount {
                return scale.saturating_mul(m);
            }
        }
        match scale.checked_mul(10) {
            Some(s) => scale = s,
            None => return u64::MAX,
        }
    }
}

/// A figure stated in a choice, against the truth.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    /// The placeholder.
    pub placeholder: Placeholder,
    /// What the agent said (None if the rates cannot give it).
    pub said: Option<u64>,
    /// What is correct for this worker on the date (None when it cannot be judged: no rate,
    /// or an approximate figure).
    pub correct: Option<u64>,
    /// The date the figure is for.
    pub on: Date,
}

impl Check {
    /// Whether the figure said was wrong.
    pub fn is_wrong(&self) -> bool {
        matches!((self.said, self.correct), (Some(s), Some(c)) if s != c)
    }

    /// The date the figure is for (the run's date unless the text says another).
    pub fn date(&self) -> Date {
        self.on
    }
}

/// Checks one stated figure.
pub fn check(p: &Placeholder, ctx: &Context) -> Check {
    let said = stated(p, ctx);
    let correct = truth(p, ctx).filter(|t| t.exact);
    Check {
        placeholder: *p,
        said: said.map(|a| a.rupiah),
        correct: correct.map(|a| a.rupiah),
        on: figure_date(p, ctx),
    }
}

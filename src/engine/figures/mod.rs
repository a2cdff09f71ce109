//! Figures in scenario text. A trainer never types a rupiah amount the rates decide: the text
//! names the figure with a placeholder such as `{monthly jkk_jkm}`, and the engine fills it in
//! from the rates table for this worker on the run's date ("Rp 8.400" or "Rp 8,400"). A wrong
//! figure is written the same way, by what makes it wrong (`{monthly jkk_jkm trap=undiscounted}`
//! is the price without the PP 50/2025 discount), so it stays wrong when the rates change; on a
//! date when it would be right the choice is simply not offered. Every figure placeholder in an
//! agent's choice is checked, so a choice can state several figures.
//!
//! Syntax: `{name token token key=value}`; `{{` and `}}` write a brace. See
//! docs/scenario-format.md for the list of names, packages, traps and options.

use super::terms::Lang;
use serde::{Deserialize, Serialize};

use super::messages::{long_date, month_year};
use super::rates::{daily, money, money_words, RatesTable, Worker};
use super::scenario::{Localized, Persona};
use super::terms::{Date, Package};

/// A rupiah figure the rates table gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    /// What the worker pays a month for a package.
    Monthly,
    /// The same per day of a 30-day month, rounded to Rp 10.
    Daily,
    /// Several months paid at once (`months=N`), month by month.
    MonthsAhead,
    /// JKK a month, after any discount.
    Jkk,
    /// JKM a month, after any discount.
    Jkm,
    /// JHT a month (2% of declared income).
    Jht,
    /// The JKM benefit at a death that is not from a work accident.
    JkmBenefit,
    /// Its lump sum.
    JkmLumpSum,
    /// Its funeral part (the same under JKK).
    Funeral,
    /// Its periodic part (the same under JKK).
    Periodic,
    /// What the family gets after a death from a work accident (JKK).
    WorkDeathBenefit,
    /// Total permanent disability from a work accident (JKK).
    DisabilityBenefit,
    /// Pay while unable to work after a work accident, per month in the first year (JKK).
    SickPay,
    /// Home care after a work accident, at most a year (JKK).
    HomeCare,
    /// Transport to care by land, at most (JKK).
    TransportLand,
    /// By sea.
    TransportSea,
    /// By air.
    TransportAir,
    /// The scholarship ceiling for two children.
    Scholarship,
    /// The lowest income that can be declared.
    MinimumIncome,
    /// The income the contributions are computed on (the worker's, at least the minimum).
    DeclaredIncome,
}

/// Every figure, in the order the reference lists them.
pub const FIGURES: [Figure; 20] = [
    Figure::Monthly,
    Figure::Daily,
    Figure::MonthsAhead,
    Figure::Jkk,
    Figure::Jkm,
    Figure::Jht,
    Figure::JkmBenefit,
    Figure::JkmLumpSum,
    Figure::Funeral,
    Figure::Periodic,
    Figure::WorkDeathBenefit,
    Figure::DisabilityBenefit,
    Figure::SickPay,
    Figure::HomeCare,
    Figure::TransportLand,
    Figure::TransportSea,
    Figure::TransportAir,
    Figure::Scholarship,
    Figure::MinimumIncome,
    Figure::DeclaredIncome,
];

impl Figure {
    /// Its name in placeholders and files.
    pub fn name(self) -> &'static str {
        match self {
            Figure::Monthly => "monthly",
            Figure::Daily => "daily",
            Figure::MonthsAhead => "months_ahead",
            Figure::Jkk => "jkk",
            Figure::Jkm => "jkm",
            Figure::Jht => "jht",
            Figure::JkmBenefit => "jkm_benefit",
            Figure::JkmLumpSum => "jkm_lump_sum",
            Figure::Funeral => "funeral",
            Figure::Periodic => "periodic",
            Figure::WorkDeathBenefit => "work_death_benefit",
            Figure::DisabilityBenefit => "disability_benefit",
            Figure::SickPay => "sick_pay",
            Figure::HomeCare => "home_care",
            Figure::TransportLand => "transport_land",
            Figure::TransportSea => "transport_sea",
            Figure::TransportAir => "transport_air",
            Figure::Scholarship => "scholarship",
            Figure::MinimumIncome => "minimum_income",
            Figure::DeclaredIncome => "declared_income",
        }
    }

    fn from_name(name: &str) -> Option<Figure> {
        FIGURES.into_iter().find(|f| f.name() == name)
    }

    /// Whether it is a contribution (decided by package, discount and date).
    pub fn is_contribution(self) -> bool {
        matches!(
            self,
            Figure::Monthly
                | Figure::Daily
                | Figure::MonthsAhead
                | Figure::Jkk
                | Figure::Jkm
                | Figure::Jht
        )
    }

    fn needs_package(self) -> bool {
        matches!(self, Figure::Monthly | Figure::Daily | Figure::MonthsAhead)
    }
}

/// What makes a stated figure wrong. The engine computes the wrong value from the rates, so
/// the trap stays wrong when the rates change, and a trap that would be right on the run's
/// date is not offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trap {
    /// The price without the PP 50/2025 discount, when a discount applies.
    Undiscounted,
    /// As if the discount were only for transport workers (wrong for other workers in their
    /// own window).
    TransportOnly,
    /// The discounted price, when no discount applies to this worker on this date.
    Discounted,
    /// The figure of the other package (2 programmes for 3, or 3 for 2).
    OtherPackage,
    /// The JKM amount for a death from a work accident, which JKK pays (more).
    JkmForWorkDeath,
    /// Several months at this month's price, ignoring a discount window that ends or starts.
    FlatAhead,
    /// The daily figure rounded down to the Rp 100.
    DailyRoundedDown,
    /// A round amount below the true one ("only Rp 10.000").
    Understated,
    /// A round amount of at least twice the true one.
    Inflated,
}

/// Every trap kind.
pub const TRAPS: [Trap; 9] = [
    Trap::Undiscounted,
    Trap::TransportOnly,
    Trap::Discounted,
    Trap::OtherPackage,
    Trap::JkmForWorkDeath,
    Trap::FlatAhead,
    Trap::DailyRoundedDown,
    Trap::Understated,
    Trap::Inflated,
];

impl Trap {
    /// Its name in placeholders.
    pub fn name(self) -> &'static str {
        match self {
            Trap::Undiscounted => "undiscounted",
            Trap::TransportOnly => "transport_only",
            Trap::Discounted => "discounted",
            Trap::OtherPackage => "other_package",
            Trap::JkmForWorkDeath => "jkm_for_work_death",
            Trap::FlatAhead => "flat_ahead",
            Trap::DailyRoundedDown => "daily_rounded_down",
            Trap::Understated => "understated",
            Trap::Inflated => "inflated",
        }
    }

    fn from_name(name: &str) -> Option<Trap> {
        TRAPS.into_iter().find(|t| t.name() == name)
    }

    /// Whether the trap can be set on `figure`.
    pub fn fits(self, figure: Figure) -> bool {
        let discounted = matches!(
            figure,
            Figure::Monthly | Figure::Daily | Figure::MonthsAhead | Figure::Jkk | Figure::Jkm
        );
        match self {
            Trap::Undiscounted | Trap::TransportOnly | Trap::Discounted => discounted,
            Trap::OtherPackage => figure.needs_package(),
            Trap::JkmForWorkDeath => figure == Figure::WorkDeathBenefit,
            Trap::FlatAhead => figure == Figure::MonthsAhead,
            Trap::DailyRoundedDown => figure == Figure::Daily,
            Trap::Understated | Trap::Inflated => true,
        }
    }
}

/// A placeholder for a rupiah figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Placeholder {
    /// Which figure.
    pub figure: Figure,
    /// For contributions: which package.
    pub package: Option<Package>,
    /// For `months_ahead`: how many months.
    pub months: Option<u8>,
    /// The date the figure is for, when the text says so ("from January 2027").
    pub on: Option<Date>,
    /// The figure once the discount this worker has on the run's date ends ("from January
    /// 2027 it is ..."); the run's date when no discount applies.
    pub after_discount: bool,
    /// What makes the stated figure wrong, for a wrong-figure choice.
    pub trap: Option<Trap>,
    /// Written the way people say it ("Rp 42 juta").
    pub words: bool,
}

/// Facts about the run that text can state (not rupiah, never checked).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Info {
    /// The month the discount this worker has today ends ("Desember 2026").
    DiscountUntil,
    /// Its percent ("50%").
    DiscountPercent,
    /// The run's date ("30 November 2026").
    Date,
    /// Years of paid contributions before the JKM scholarship ("3").
    ScholarshipYears,
}

const INFOS: [(&str, Info); 4] = [
    ("discount_until", Info::DiscountUntil),
    ("discount_percent", Info::DiscountPercent),
    ("date", Info::Date),
    ("scholarship_years", Info::ScholarshipYears),
];

impl Info {
    /// Its name in placeholders.
    pub fn name(self) -> &'static str {
        INFOS
            .iter()
            .find(|(_, i)| *i == self)
            .map_or("", |(n, _)| n)
    }
}

/// One placeholder of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Token {
    /// A rupiah figure.
    Figure(Placeholder),
    /// A fact about the run.
    Info(Info),
}

/// A placeholder that cannot be read, and why (for validation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadPlaceholder {
    /// The placeholder as written, braces included.
    pub written: String,
    /// Why, in both languages' terms: the offending word.
    pub problem: Problem,
}

/// What is wrong with a placeholder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// `{` without a closing `}`.
    Unclosed,
    /// The first word is not a figure or fact name.
    UnknownName(String),
    /// A word that is not a package, `words` or a known option.
    UnknownWord(String),
    /// `monthly`, `daily` and `months_ahead` need `jkk_jkm` or `jkk_jkm_jht`.
    NoPackage,
    /// `months_ahead` needs `months=1` to `months=12`.
    BadMonths(String),
    /// `on=` needs a date `YYYY-MM` or `YYYY-MM-DD`.
    BadDate(String),
    /// The trap is not one of the known kinds.
    UnknownTrap(String),
    /// The trap cannot be set on this figure.
    TrapDoesNotFit(Trap, Figure),
}

/// A piece of a text: words, or a placeholder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'t> {
    /// Words as written (`{{` and `}}` already reduced to one brace).
    Text(std::borrow::Cow<'t, str>),
    /// A placeholder.
    Token(Token),
    /// A placeholder that cannot be read; rendered as written.
    Bad(BadPlaceholder),
}

/// Splits a text into words and placeholders. Never fails: unreadable placeholders come back
/// as [`Piece::Bad`].
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(['{', '}']) {
        plain.push_str(&rest[..at]);
        let brace = rest.as_bytes()[at];
        let doubled = rest.as_bytes().get(at + 1) == Some(&brace);
        if doubled || brace == b'}' {
            // `{{`, `}}`, or a stray `}`: one brace of text.
            plain.push(brace as char);
            rest = &rest[at + if doubled { 2 } else { 1 }..];
            continue;
        }
        if !plain.is_empty() {
            out.push(Piece::Text(std::borrow::Cow::Owned(std::mem::take(
                &mut plain,
            ))));
        }
        let after = &rest[at + 1..];
        let Some(close) = after.find('}') else {
            out.push(Piece::Bad(BadPlaceholder {
                written: rest[at..].to_owned(),
                problem: Problem::Unclosed,
            }));
            return out;
        };
        out.push(match parse(&after[..close]) {
            Ok(token) => Piece::Token(token),
            Err(problem) => Piece::Bad(BadPlaceholder {
                written: rest[at..at + close + 2].to_owned(),
                problem,
            }),
        });
        rest = &after[close + 1..];
    }
    if plain.is_empty() {
        if !rest.is_empty() {
            out.push(Piece::Text(std::borrow::Cow::Borrowed(rest)));
        }
    } else {
        plain.push_str(rest);
        out.push(Piece::Text(std::borrow::Cow::Owned(plain)));
    }
    out
}

fn parse(inner: &str) -> Result<Token, Problem> {
    let mut words = inner.split_whitespace();
    let name = words.next().unwrap_or("");
    if let Some((_, info)) = INFOS.iter().find(|(n, _)| *n == name) {
        return match words.next() {
            Some(extra) => Err(Problem::UnknownWord(extra.to_owned())),
            None => Ok(Token::Info(*info)),
        };
    }
    let figure = Figure::from_name(name).ok_or_else(|| Problem::UnknownName(name.to_owned()))?;
    let mut p = Placeholder {
        figure,
        package: None,
        months: None,
        on: None,
        after_discount: false,
        trap: None,
        words: false,
    };
    for word in words {
        match word.split_once('=') {
            Some(("trap", v)) => {
                let trap = Trap::from_name(v).ok_or_else(|| Problem::UnknownTrap(v.to_owned()))?;
                if !trap.fits(figure) {
                    return Err(Problem::TrapDoesNotFit(trap, figure));
                }
                p.trap = Some(trap);
            }
            Some(("on", v)) => {
                p.on = Some(Date::parse(v).ok_or_else(|| Problem::BadDate(v.to_owned()))?)
            }
            Some(("months", v)) => {
                let n: u8 = v.parse().map_err(|_| Problem::BadMonths(v.to_owned()))?;
                if !(1..=12).contains(&n) || figure != Figure::MonthsAhead {
                    return Err(Problem::BadMonths(v.to_owned()));
                }
                p.months = Some(n);
            }
            _ if word == "jkk_jkm" && figure.needs_package() => p.package = Some(Package::JkkJkm),
            _ if word == "jkk_jkm_jht" && figure.needs_package() => {
                p.package = Some(Package::JkkJkmJht)
            }
            _ if word == "words" => p.words = true,
            _ if word == "after_discount" => p.after_discount = true,
            _ => return Err(Problem::UnknownWord(word.to_owned())),
        }
    }
    if figure.needs_package() && p.package.is_none() {
        return Err(Problem::NoPackage);
    }
    if figure == Figure::MonthsAhead && p.months.is_none() {
        return Err(Problem::BadMonths(String::new()));
    }
    Ok(Token::Figure(p))
}

/// The readable placeholders of a text, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    if !text.contains('{') {
        return Vec::new();
    }
    pieces(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Token(t) => Some(t),
            _ => None,
        })
        .collect()
}

/// The figure placeholders of a text, in order: what an agent's choice states and is checked on.
pub fn figures_in(text: &str) -> Vec<Placeholder> {
    tokens(text)
        .into_iter()
        .filter_map(|t| match t {
            Token::Figure(p) => Some(p),
            Token::Info(_) => None,
        })
        .collect()
}

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
            .is_some_and(|a| a.workers == super::rates::Workers::Transport),
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
fn round_below(amount: u64) -> Option<u64> {
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
fn round_at_least(amount: u64) -> u64 {
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

/// Whether a text can be said on this run: every trap in it states a value that is wrong on
/// the date, exactly (a trap that happens to be right, or cannot be judged, is not offered).
pub fn sayable(text: &str, ctx: &Context) -> bool {
    if !text.contains("trap=") {
        return true;
    }
    figures_in(text)
        .iter()
        .filter(|p| p.trap.is_some())
        .all(|p| {
            let c = check(p, ctx);
            c.correct.is_some() && c.is_wrong()
        })
}

/// The text with its placeholders filled in for the context, in the interface language.
pub fn render(text: &str, ctx: &Context, lang: Lang) -> String {
    if !text.contains(['{', '}']) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for piece in pieces(text) {
        match piece {
            Piece::Text(t) => out.push_str(&t),
            Piece::Bad(b) => out.push_str(&b.written),
            Piece::Token(Token::Figure(p)) => match stated(&p, ctx) {
                Some(a) => {
                    if !a.exact {
                        out.push_str(if lang == Lang::En {
                            "about "
                        } else {
                            "sekitar "
                        });
                    }
                    out.push_str(&if p.words {
                        money_words(a.rupiah, lang)
                    } else {
                        money(a.rupiah, lang)
                    });
                }
                None => out.push('?'),
            },
            Piece::Token(Token::Info(info)) => out.push_str(&info_text(info, ctx, lang)),
        }
    }
    out
}

/// A localized text rendered in the interface language.
pub fn render_localized(text: &Localized, ctx: &Context, lang: Lang) -> String {
    render(text.get(lang), ctx, lang)
}

fn info_text(info: Info, ctx: &Context, lang: Lang) -> String {
    let applied = ctx
        .rates
        .contribution(&ctx.worker, Package::JkkJkm, ctx.date)
        .ok()
        .and_then(|c| c.applied);
    match info {
        Info::DiscountUntil => applied
            .and_then(|a| a.until)
            .map_or_else(|| "-".to_owned(), |d| month_year(d, lang)),
        Info::DiscountPercent => {
            applied.map_or_else(|| "0%".to_owned(), |a| format!("{}%", a.percent))
        }
        Info::Date => long_date(ctx.date, lang),
        Info::ScholarshipYears => ctx
            .rates
            .scholarship(ctx.date)
            .map_or_else(|_| "?".to_owned(), |s| s.jkm_contribution_years.to_string()),
    }
}

/// A rupiah amount typed as digits in a text, found by [`typed_amounts`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Typed {
    /// The amount in rupiah.
    pub rupiah: u64,
    /// As written.
    pub written: String,
}

/// Rupiah amounts typed into a text: a number after "Rp", or a number followed by
/// juta/ribu/rupiah/million/thousand. Placeholders are skipped.
pub fn typed_amounts(text: &str) -> Vec<Typed> {
    // Most texts name no amount at all: skip them without allocating.
    let lower = |w: &str| {
        text.as_bytes()
            .windows(w.len())
            .any(|x| x.eq_ignore_ascii_case(w.as_bytes()))
    };
    if !text.bytes().any(|b| b.is_ascii_digit())
        || ![
            "rp", "juta", "ribu", "rb", "rupiah", "million", "thousand", "miliar", "billion",
        ]
        .iter()
        .any(|w| lower(w))
    {
        return Vec::new();
    }
    let mut plain = String::new();
    for piece in pieces(text) {
        match piece {
            Piece::Text(t) => plain.push_str(&t),
            _ => plain.push(' '),
        }
    }
    let chars: Vec<char> = plain.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let glued_to_rp = i >= 2
            && chars[i - 2..i]
                .iter()
                .collect::<String>()
                .eq_ignore_ascii_case("rp");
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_alphanumeric() && !glued_to_rp) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || ((chars[i] == '.' || chars[i] == ',')
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        let number: String = chars[start..i].iter().collect();
        let before: String = chars[start.saturating_sub(4)..start].iter().collect();
        let after: String = chars[i..(i + 10).min(chars.len())].iter().collect();
        let after = after.trim_start().to_lowercase();
        let rp = before
            .to_lowercase()
            .trim_end()
            .trim_end_matches('.')
            .ends_with("rp");
        let multiplier = [
            ("juta", 1_000_000u64),
            ("million", 1_000_000),
            ("miliar", 1_000_000_000),
            ("billion", 1_000_000_000),
            ("ribu", 1_000),
            ("rb", 1_000),
            ("thousand", 1_000),
            ("rupiah", 1),
        ]
        .into_iter()
        .find(|(w, _)| after.starts_with(w));
        if !rp && multiplier.is_none() {
            continue;
        }
        let scale = multiplier.map_or(1, |(_, m)| m);
        if let Some(rupiah) = parse_amount(&number, scale) {
            found.push(Typed {
                rupiah,
                written: number,
            });
        }
    }
    found
}

/// "16.800" -> 16800; "1,5" juta -> 1500000; "42" juta -> 42000000.
fn parse_amount(number: &str, scale: u64) -> Option<u64> {
    let groups: Vec<&str> = number.split(['.', ',']).collect();
    let thousands = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3);
    if thousands || groups.len() == 1 {
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        return digits.parse::<u64>().ok()?.checked_mul(scale);
    }
    // A decimal: "1,5 juta".
    let (whole, fraction) = (groups[0].parse::<u64>().ok()?, groups[1]);
    let tenths = fraction.parse::<u64>().ok()?;
    let denominator = 10u64.checked_pow(fraction.len() as u32)?;
    whole
        .checked_mul(scale)?
        .checked_add(tenths.checked_mul(scale)? / denominator)
}

/// Every value a figure can take for this persona on any date the rates distinguish, each with
/// the placeholder that states it (for the lint that finds typed figures).
pub fn known_values(persona: &Persona, rates: &RatesTable) -> Vec<(u64, Placeholder)> {
    let mut values = Vec::new();
    for date in rates.boundaries() {
        let ctx = Context::new(persona, date, rates);
        for figure in FIGURES {
            if figure == Figure::MonthsAhead || figure == Figure::DeclaredIncome {
                continue;
            }
            let packages: &[Option<Package>] = if figure.needs_package() {
                &[Some(Package::JkkJkm), Some(Package::JkkJkmJht)]
            } else {
                &[None]
            };
            for package in packages {
                let p = Placeholder {
                    figure,
                    package: *package,
                    months: None,
                    on: None,
                    after_discount: false,
                    trap: None,
                    words: false,
                };
                if let Some(a) = truth(&p, &ctx) {
                    if !values.iter().any(|(v, _)| *v == a.rupiah) {
                        values.push((a.rupiah, p));
                    }
                }
            }
        }
    }
    values
}

/// How a placeholder is written.
pub fn written(p: &Placeholder) -> String {
    let mut out = format!("{{{}", p.figure.name());
    if let Some(package) = p.package {
        out.push(' ');
        out.push_str(match package {
            Package::JkkJkm => "jkk_jkm",
            Package::JkkJkmJht => "jkk_jkm_jht",
        });
    }
    if let Some(m) = p.months {
        out.push_str(&format!(" months={m}"));
    }
    if let Some(trap) = p.trap {
        out.push_str(" trap=");
        out.push_str(trap.name());
    }
    if let Some(on) = p.on {
        out.push_str(&format!(" on={on}"));
    }
    if p.after_discount {
        out.push_str(" after_discount");
    }
    if p.words {
        out.push_str(" words");
    }
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::terms::Occupation;

    fn ctx(occupation: Occupation, date: &str) -> Context<'static> {
        Context {
            worker: Worker {
                income: 1_000_000,
                occupation,
                government_paid: false,
            },
            date: Date::parse(date).unwrap(),
            rates: RatesTable::bundled(),
        }
    }

    #[test]
    fn placeholders_are_filled_in_per_language() {
        let farmer = ctx(Occupation::Farmer, "2026-11-30");
        let text = "{monthly jkk_jkm} sebulan, sekitar {daily jkk_jkm} sehari";
        assert_eq!(
            render(text, &farmer, Lang::Id),
            "Rp 8.400 sebulan, sekitar Rp 280 sehari"
        );
        assert_eq!(
            render(text, &farmer, Lang::En),
            "Rp 8,400 sebulan, sekitar Rp 280 sehari"
        );
        let later = ctx(Occupation::Farmer, "2027-01-15");
        assert_eq!(
            render(text, &later, Lang::Id),
            "Rp 16.800 sebulan, sekitar Rp 560 sehari"
        );
        assert_eq!(
            render("{jkm_benefit words}", &later, Lang::Id),
            "Rp 42 juta"
        );
        assert_eq!(
            render("{work_death_benefit words}", &later, Lang::En),
            "Rp 70 million"
        );
        assert_eq!(
            render(
                "sampai {discount_until}, {discount_percent}",
                &farmer,
                Lang::Id
            ),
            "sampai Desember 2026, 50%"
        );
        assert_eq!(render("{date}", &farmer, Lang::Id), "30 November 2026");
        assert_eq!(
            render("{{literal}} and }} ok", &farmer, Lang::Id),
            "{literal} and } ok"
        );
        assert_eq!(
            render("{nonsense} stays", &farmer, Lang::Id),
            "{nonsense} stays"
        );
        assert_eq!(render("{monthly", &farmer, Lang::Id), "{monthly");
    }

    #[test]
    fn traps_state_the_wrong_value_they_name() {
        let p = |s: &str| figures_in(s)[0];
        let farmer = ctx(Occupation::Farmer, "2026-06-15");
        let undiscounted = p("{monthly jkk_jkm trap=undiscounted}");
        assert_eq!(stated(&undiscounted, &farmer).unwrap().rupiah, 16_800);
        assert!(check(&undiscounted, &farmer).is_wrong());
        let transport_only = p("{monthly jkk_jkm trap=transport_only}");
        assert_eq!(stated(&transport_only, &farmer).unwrap().rupiah, 16_800);
        let ojek = ctx(Occupation::OjekDriver, "2026-06-15");
        assert!(!sayable("{monthly jkk_jkm trap=transport_only}", &ojek));
        let farmer_2027 = ctx(Occupation::Farmer, "2027-06-15");
        // Right on that date: not offered.
        assert!(!sayable(
            "{monthly jkk_jkm trap=undiscounted}",
            &farmer_2027
        ));
        assert!(sayable("{monthly jkk_jkm trap=discounted}", &farmer_2027));
        assert_eq!(
            stated(&p("{monthly jkk_jkm trap=discounted}"), &farmer_2027)
                .unwrap()
                .rupiah,
            8_400
        );
        let work = p("{work_death_benefit trap=jkm_for_work_death}");
        assert_eq!(stated(&work, &farmer).unwrap().rupiah, 42_000_000);
        assert_eq!(truth(&work, &farmer).unwrap().rupiah, 70_000_000);
        assert_eq!(
            stated(&p("{monthly jkk_jkm trap=understated}"), &farmer_2027)
                .unwrap()
                .rupiah,
            10_000
        );
        assert_eq!(
            stated(&p("{jkm_benefit trap=inflated}"), &farmer)
                .unwrap()
                .rupiah,
            100_000_000
        );
        assert_eq!(
            stated(&p("{daily jkk_jkm trap=daily_rounded_down}"), &farmer_2027)
                .unwrap()
                .rupiah,
            500
        );
        let ahead = p("{months_ahead jkk_jkm months=3 trap=flat_ahead}");
        let nov = ctx(Occupation::Farmer, "2026-11-30");
        assert_eq!(stated(&ahead, &nov).unwrap().rupiah, 3 * 8_400);
        assert_eq!(truth(&ahead, &nov).unwrap().rupiah, 2 * 8_400 + 16_800);
        assert_eq!(
            stated(&p("{monthly jkk_jkm_jht trap=other_package}"), &nov)
                .unwrap()
                .rupiah,
            8_400
        );
    }

    #[test]
    fn a_figure_can_be_for_another_date() {
        let nov = ctx(Occupation::Farmer, "2026-11-30");
        assert_eq!(
            render("{monthly jkk_jkm on=2027-01}", &nov, Lang::Id),
            "Rp 16.800"
        );
        let c = check(&figures_in("{monthly jkk_jkm on=2027-01}")[0], &nov);
        assert!(!c.is_wrong());
        assert_eq!(c.date(), Date::parse("2027-01-01").unwrap());
        // Once the discount this worker has ends: January 2027 for a farmer in November,
        // April 2027 for an ojek driver, today when there is no discount.
        let after = figures_in("{monthly jkk_jkm after_discount}")[0];
        assert_eq!(
            check(&after, &nov).date(),
            Date::parse("2027-01-01").unwrap()
        );
        assert_eq!(
            render("{monthly jkk_jkm after_discount}", &nov, Lang::Id),
            "Rp 16.800"
        );
        let ojek = ctx(Occupation::OjekDriver, "2026-11-30");
        assert_eq!(
            check(&after, &ojek).date(),
            Date::parse("2027-04-01").unwrap()
        );
        let later = ctx(Occupation::Farmer, "2027-06-15");
        assert_eq!(check(&after, &later).date(), later.date);
    }

    #[test]
    fn approximate_figures_are_marked_and_never_judged() {
        let mut trader = ctx(Occupation::Trader, "2027-06-15");
        trader.worker.income = 3_000_000;
        assert_eq!(
            render("{monthly jkk_jkm}", &trader, Lang::Id),
            "sekitar Rp 36.800"
        );
        let c = check(&figures_in("{monthly jkk_jkm}")[0], &trader);
        assert_eq!(c.correct, None);
        assert!(!sayable("{monthly jkk_jkm trap=understated}", &trader));
        // JHT and JKM alone are exact whatever the band.
        assert_eq!(render("{jht}", &trader, Lang::Id), "Rp 60.000");
    }

    #[test]
    fn unreadable_placeholders_say_why() {
        let bad = |s: &str| match &pieces(s)[0] {
            Piece::Bad(b) => b.problem.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(bad("{price}"), Problem::UnknownName("price".into()));
        assert_eq!(bad("{monthly}"), Problem::NoPackage);
        assert_eq!(
            bad("{monthly jkk_jkm banana}"),
            Problem::UnknownWord("banana".into())
        );
        assert_eq!(
            bad("{jkm_benefit trap=undiscounted}"),
            Problem::TrapDoesNotFit(Trap::Undiscounted, Figure::JkmBenefit)
        );
        assert_eq!(
            bad("{monthly jkk_jkm on=2027-13}"),
            Problem::BadDate("2027-13".into())
        );
        assert_eq!(
            bad("{months_ahead jkk_jkm}"),
            Problem::BadMonths(String::new())
        );
        assert_eq!(
            bad("{monthly jkk_jkm trap=lies}"),
            Problem::UnknownTrap("lies".into())
        );
        assert_eq!(bad("{date x}"), Problem::UnknownWord("x".into()));
        assert_eq!(bad("{monthly jkk_jkm"), Problem::Unclosed);
    }

    #[test]
    fn placeholders_write_back_as_read() {
        for s in [
            "{monthly jkk_jkm}",
            "{months_ahead jkk_jkm_jht months=12 trap=flat_ahead on=2027-01-01 words}",
            "{monthly jkk_jkm after_discount}",
            "{jkm_benefit words}",
        ] {
            assert_eq!(written(&figures_in(s)[0]), s);
        }
    }

    #[test]
    fn typed_amounts_are_found() {
        let found: Vec<u64> = typed_amounts(
            "Rp 16.800 sebulan, Rp560 sehari, Rp 42 juta, 1,5 juta, {monthly jkk_jkm}, Rp. 8,400; 3 tahun; 12 bulan; B2 200 rupiah",
        )
        .iter()
        .map(|t| t.rupiah)
        .collect();
        assert_eq!(found, [16_800, 560, 42_000_000, 1_500_000, 8_400, 200]);
    }

    #[test]
    fn rounding_helpers() {
        assert_eq!(round_below(16_800), Some(10_000));
        assert_eq!(round_below(8_400), Some(5_000));
        assert_eq!(round_below(1), None);
        assert_eq!(round_at_least(84_000_000), 100_000_000);
        assert_eq!(round_at_least(16_800), 20_000);
    }
}

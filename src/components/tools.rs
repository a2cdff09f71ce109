//! The tools drawer: the contribution calculator and the benefits sheet, both computed by the
//! engine's rates table for the run's date, usable in the middle of a conversation. Every line
//! of the calculator adds up to its total, both PP 50/2025 discounts are listed with whether
//! they apply and why, and the benefits are stated for the income in the calculator.

use yew::prelude::*;

use crate::components::notice::{Notice, Tone};
use crate::context::use_i18n;
use crate::engine::figures::{self, Context};
use crate::engine::messages::{self, long_date, month_year};
use crate::engine::Occupation;
use crate::engine::{money, Eligibility, RatesTable, Worker, Workers};
use crate::engine::{Date, Package};
use crate::i18n::{t_with, Lang, Text};
use crate::platform::form::{checked_of, value_of};

/// Props of [`ToolsDrawer`].
#[derive(Properties, PartialEq)]
pub struct ToolsProps {
    /// The date the figures are for (the run's date).
    pub date: Date,
    /// The worker to start the calculator with.
    pub worker: Worker,
}

/// Digits grouped by thousands the way the language writes them: "1.250.000" / "1,250,000".
fn grouped(amount: u64, lang: Lang) -> String {
    money(amount, lang).trim_start_matches("Rp ").to_owned()
}

/// A collapsible drawer with the calculator and the benefits.
#[function_component]
pub fn ToolsDrawer(props: &ToolsProps) -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang;
    // The income as typed, digits only (empty when cleared: no silent 0).
    let income = use_state(|| Some(props.worker.income));
    let package = use_state(|| Package::JkkJkm);
    let transport = use_state(|| props.worker.occupation.is_transport());
    let government = use_state(|| props.worker.government_paid);
    let months = use_state(|| 1u32);
    let rates = RatesTable::bundled();
    let date = props.date;

    let on_income = {
        let income = income.clone();
        Callback::from(move |e: InputEvent| {
            let digits: String = value_of(&e)
                .chars()
                .filter(char::is_ascii_digit)
                .take(12)
                .collect();
            income.set(digits.parse().ok());
        })
    };
    let on_package = {
        let package = package.clone();
        Callback::from(move |e: Event| {
            package.set(if value_of(&e) == "3" {
                Package::JkkJkmJht
            } else {
                Package::JkkJkm
            });
        })
    };
    let on_work = {
        let transport = transport.clone();
        Callback::from(move |e: Event| {
            transport.set(value_of(&e) == "transport");
        })
    };
    let on_government = {
        let government = government.clone();
        Callback::from(move |e: Event| {
            government.set(checked_of(&e));
        })
    };
    let on_months = {
        let months = months.clone();
        Callback::from(move |e: Event| {
            months.set(value_of(&e).parse().unwrap_or(1).clamp(1, 12));
        })
    };

    let worker = income.map(|income| Worker {
        income,
        occupation: if *transport {
            Occupation::OjekDriver
        } else {
            Occupation::Other
        },
        government_paid: *government,
    });
    let result = worker.map(|w| {
        (
            rates.contribution(&w, *package, date),
            rates.ahead(&w, *package, date, *months),
        )
    });
    let m = |amount: u64| money(amount, lang);
    let result_html = match (worker, result) {
        (None, _) | (_, None) => {
            html! { <p class="hint" data-testid="calc-empty">{ i18n.t(Text::CalcEmpty) }</p> }
        }
        (_, Some((Err(_), _))) | (_, Some((_, Err(_)))) => {
            html! { <p>{ i18n.t(Text::CalcNoRate) }</p> }
        }
        (Some(_), Some((Ok(c), Ok(ahead)))) => {
            let band = match c.band.to {
                Some(to) if c.band.exact => t_with(
                    i18n.lang,
                    Text::CalcBandExact,
                    &[
                        (
                            "from",
                            &m(c.band.from.max(rates.minimum_income(date).unwrap_or(0))),
                        ),
                        ("to", &m(to)),
                    ],
                ),
                _ => i18n.t(Text::CalcBandApprox).to_owned(),
            };
            let with_discount = ahead
                .months
                .iter()
                .filter(|(_, c)| c.applied.is_some())
                .count();
            html! {
                <>
                <dl class="calc-result" data-testid="calc-result">
                    <dt>{ band }</dt><dd data-testid="calc-jkk">{ m(c.jkk) }</dd>
                    <dt>{ i18n.t(Text::CalcJkm) }</dt><dd data-testid="calc-jkm">{ m(c.jkm) }</dd>
                    if *package == Package::JkkJkmJht {
                        <dt>{ i18n.t(Text::CalcJht) }</dt><dd data-testid="calc-jht">{ m(c.jht) }</dd>
                    }
                    if let Some(applied) = c.applied {
                        <dt>{ i18n.t(Text::CalcBefore) }</dt><dd>{ m(c.total + c.discount) }</dd>
                        <dt>{ t_with(i18n.lang, Text::CalcDiscount, &[
                            ("percent", &format!("{}%", applied.percent)),
                            ("until", &applied.until.map_or_else(String::new, |d| month_year(d, lang))),
                        ]) }</dt>
                        <dd data-testid="calc-discount">{ format!("− {}", m(c.discount)) }</dd>
                    }
                    <dt class="calc-result__total">{ i18n.t(Text::CalcTotal) }</dt>
                    <dd class="calc-result__total" data-testid="calc-total">{ m(c.total) }</dd>
                    <dt>{ i18n.t(Text::CalcDaily) }</dt><dd data-testid="calc-daily">{ m(c.daily()) }</dd>
                    if *months > 1 {
                        <dt>{ t_with(i18n.lang, Text::CalcAhead, &[("months", &months.to_string())]) }</dt>
                        <dd data-testid="calc-ahead">{ m(ahead.total) }</dd>
                    }
                </dl>
                if *months > 1 && with_discount > 0 && with_discount < ahead.months.len() {
                    <p class="hint" data-testid="calc-ahead-mixed">{ t_with(i18n.lang, Text::CalcAheadMixed, &[
                        ("discounted", &with_discount.to_string()),
                        ("full", &(ahead.months.len() - with_discount).to_string()),
                    ]) }</p>
                }
                if !c.exact() {
                    <Notice tone={Tone::Warning} testid="calc-approximate">{ i18n.t(Text::CalcApproxNote) }</Notice>
                }
                </>
            }
        }
    };
    let discounts_html = worker.map(|w| {
        html! {
            <ul class="calc-discounts" data-testid="calc-discounts">
                { for rates.discounts.iter().map(|d| {
                    let who = match d.value.workers {
                        Workers::Transport => Text::CalcWhoTransport,
                        Workers::NonTransport => Text::CalcWhoOther,
                        Workers::All => Text::CalcWhoAll,
                    };
                    let eligibility = rates.eligibility(d, &w, date);
                    let status = match eligibility {
                        Eligibility::Applies => Text::CalcStatusApplies,
                        Eligibility::OutsideWindow => Text::CalcStatusWindow,
                        Eligibility::OtherWorkers => Text::CalcStatusOther,
                        Eligibility::GovernmentPaid => Text::CalcStatusGovernment,
                    };
                    html! {
                        <li class={classes!((eligibility == Eligibility::Applies).then_some("calc-discounts__applies"))}>
                            { t_with(i18n.lang, Text::CalcDiscountRow, &[
                                ("percent", &format!("{}%", d.value.percent)),
                                ("who", i18n.t(who)),
                                ("from", &month_year(d.valid_from, lang)),
                                ("to", &d.valid_to.map_or_else(String::new, |t| month_year(t, lang))),
                                ("status", i18n.t(status)),
                            ]) }
                        </li>
                    }
                }) }
            </ul>
        }
    });
    // The benefits for the calculator's worker (or the scenario's, while the income is empty).
    let ctx = Context {
        worker: worker.unwrap_or(props.worker),
        date,
        rates,
    };
    let benefit = |text: Text| figures::render(i18n.t(text), &ctx, lang);
    let income_text = income.map(|i| grouped(i, lang)).unwrap_or_default();
    html! {
        <details class="tools" data-testid="tools">
            <summary class="tools__summary">{ i18n.t(Text::ToolsTitle) }</summary>
            <div class="tools__body">
                <section class="calculator" aria-labelledby="calc-title">
                    <h3 id="calc-title">{ i18n.t(Text::CalcTitle) }</h3>
                    <p class="hint" data-testid="calc-date">{ t_with(i18n.lang, Text::CalcDate, &[("date", &long_date(date, lang))]) }</p>
                    <label class="field">
                        <span>{ i18n.t(Text::CalcIncome) }</span>
                        <input type="text" inputmode="numeric" autocomplete="off" value={income_text} oninput={on_income}
                            data-testid="calc-income" />
                    </label>
                    <label class="field">
                        <span>{ i18n.t(Text::CalcPackage) }</span>
                        <select onchange={on_package} data-testid="calc-package">
                            <option value="2" selected={*package == Package::JkkJkm}>{ messages::package(Package::JkkJkm).get(lang).to_owned() }</option>
                            <option value="3" selected={*package == Package::JkkJkmJht}>{ messages::package(Package::JkkJkmJht).get(lang).to_owned() }</option>
                        </select>
                    </label>
                    <label class="field">
                        <span>{ i18n.t(Text::CalcWork) }</span>
                        <select onchange={on_work} data-testid="calc-work">
                            <option value="other" selected={!*transport}>{ i18n.t(Text::CalcWorkOther) }</option>
                            <option value="transport" selected={*transport}>{ i18n.t(Text::CalcWorkTransport) }</option>
                        </select>
                    </label>
                    <label class="field field--check">
                        <input type="checkbox" checked={*government} onchange={on_government} data-testid="calc-government" />
                        <span>{ i18n.t(Text::CalcGovernment) }</span>
                    </label>
                    <label class="field">
                        <span>{ i18n.t(Text::CalcMonths) }</span>
                        <select onchange={on_months} data-testid="calc-months">
                            { for (1..=12u32).map(|n| html! { <option value={n.to_string()} selected={*months == n}>{ n }</option> }) }
                        </select>
                    </label>
                    { result_html }
                    <p class="hint">{ t_with(i18n.lang, Text::CalcNote, &[("minimum", &m(rates.minimum_income(date).unwrap_or(0)))]) }</p>
                    <h4>{ i18n.t(Text::CalcDiscountsTitle) }</h4>
                    { discounts_html.unwrap_or_default() }
                </section>
                <section class="benefits" aria-labelledby="benefits-title">
                    <h3 id="benefits-title">{ i18n.t(Text::BenefitsTitle) }</h3>
                    <p class="hint">{ t_with(i18n.lang, Text::BenefitsFor, &[
                        ("income", &m(ctx.worker.income.max(rates.minimum_income(date).unwrap_or(0)))),
                        ("date", &long_date(date, lang)),
                    ]) }</p>
                    <ul>
                        <li>{ benefit(Text::BenefitsJkk) }</li>
                        <li data-testid="benefit-work-death">{ benefit(Text::BenefitsWorkDeath) }</li>
                        <li data-testid="benefit-death">{ benefit(Text::BenefitsJkm) }</li>
                        <li>{ benefit(Text::BenefitsScholarship) }</li>
                        <li>{ i18n.t(Text::BenefitsJht) }</li>
                        <li>{ i18n.t(Text::BenefitsPayment) }</li>
                    </ul>
                </section>
            </div>
        </details>
    }
}

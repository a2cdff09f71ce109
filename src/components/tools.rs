//! The tools drawer: the contribution calculator and the benefits sheet, both from the engine's
//! rates table, usable in the middle of a conversation.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::use_i18n;
use crate::engine::messages;
use crate::engine::rates::{rupiah, Date, Package, RatesTable};
use crate::engine::scenario::Occupation;
use crate::i18n::{t_with, Text};

/// Props of [`ToolsDrawer`].
#[derive(Properties, PartialEq)]
pub struct ToolsProps {
    /// The date the rates apply on (the scenario's date).
    pub date: Date,
    /// Income to start the calculator with.
    pub income: u64,
    /// Whether the worker is a transport worker (for the discount).
    pub transport: bool,
}

/// A collapsible drawer with the calculator and the benefits.
#[function_component]
pub fn ToolsDrawer(props: &ToolsProps) -> Html {
    let i18n = use_i18n();
    let en = i18n.lang == crate::i18n::Lang::En;
    let income = use_state(|| props.income);
    let package = use_state(|| Package::JkkJkm);
    let transport = use_state(|| props.transport);
    let rates = RatesTable::bundled();
    let occupation = if *transport {
        Occupation::OjekDriver
    } else {
        Occupation::Other
    };
    let result = rates.contribution(*income, *package, occupation, props.date);

    let on_income = {
        let income = income.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let digits: String = input.value().chars().filter(char::is_ascii_digit).collect();
            income.set(digits.parse().unwrap_or(0));
        })
    };
    let on_package = {
        let package = package.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            package.set(if select.value() == "3" {
                Package::JkkJkmJht
            } else {
                Package::JkkJkm
            });
        })
    };
    let on_transport = {
        let transport = transport.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            transport.set(input.checked());
        })
    };
    let benefits = rates.benefits(props.date).ok();
    html! {
        <details class="tools" data-testid="tools">
            <summary class="tools__summary">{ i18n.t(Text::ToolsTitle) }</summary>
            <div class="tools__body">
                <section class="calculator" aria-labelledby="calc-title">
                    <h3 id="calc-title">{ i18n.t(Text::CalcTitle) }</h3>
                    <label class="field">
                        <span>{ i18n.t(Text::CalcIncome) }</span>
                        <input type="text" inputmode="numeric" value={income.to_string()} oninput={on_income}
                            data-testid="calc-income" />
                    </label>
                    <label class="field">
                        <span>{ i18n.t(Text::CalcPackage) }</span>
                        <select onchange={on_package} data-testid="calc-package">
                            <option value="2" selected={*package == Package::JkkJkm}>{ messages::package(Package::JkkJkm).get(en).to_owned() }</option>
                            <option value="3" selected={*package == Package::JkkJkmJht}>{ messages::package(Package::JkkJkmJht).get(en).to_owned() }</option>
                        </select>
                    </label>
                    <label class="field field--check">
                        <input type="checkbox" checked={*transport} onchange={on_transport} data-testid="calc-transport" />
                        <span>{ i18n.t(Text::CalcTransport) }</span>
                    </label>
                    { match result {
                        Ok(c) => html! {
                            <dl class="calc-result" data-testid="calc-result">
                                <dt>{ "JKK" }</dt><dd data-testid="calc-jkk">{ rupiah(c.jkk) }</dd>
                                <dt>{ "JKM" }</dt><dd data-testid="calc-jkm">{ rupiah(c.jkm) }</dd>
                                <dt>{ "JHT" }</dt><dd data-testid="calc-jht">{ rupiah(c.jht) }</dd>
                                if c.discount > 0 {
                                    <dt>{ i18n.t(Text::CalcDiscount) }</dt><dd>{ format!("- {}", rupiah(c.discount)) }</dd>
                                }
                                <dt class="calc-result__total">{ i18n.t(Text::CalcTotal) }</dt>
                                <dd class="calc-result__total" data-testid="calc-total">{ rupiah(c.total) }</dd>
                                <dt>{ i18n.t(Text::CalcDaily) }</dt><dd data-testid="calc-daily">{ rupiah(c.daily()) }</dd>
                            </dl>
                        },
                        Err(_) => html! { <p>{ i18n.t(Text::CalcNoRate) }</p> },
                    } }
                    <p class="hint">{ t_with(i18n.lang, Text::CalcNote, &[("date", &props.date.to_string()), ("minimum", &rupiah(rates.minimum_income(props.date).unwrap_or(0)))]) }</p>
                </section>
                <section class="benefits" aria-labelledby="benefits-title">
                    <h3 id="benefits-title">{ i18n.t(Text::BenefitsTitle) }</h3>
                    <ul>
                        <li>{ i18n.t(Text::BenefitsJkk) }</li>
                        if let Some(b) = benefits {
                            <li data-testid="benefit-death">{ t_with(i18n.lang, Text::BenefitsJkm, &[("amount", &rupiah(b.death_benefit)), ("funeral", &rupiah(b.funeral_benefit))]) }</li>
                            <li>{ t_with(i18n.lang, Text::BenefitsScholarship, &[("amount", &rupiah(b.scholarship_ceiling))]) }</li>
                        }
                        <li>{ i18n.t(Text::BenefitsJht) }</li>
                        <li>{ i18n.t(Text::BenefitsPayment) }</li>
                    </ul>
                </section>
            </div>
        </details>
    }
}

//! The figures a choice states, previewed as they read today, and a picker that writes a
//! figure's placeholder into the choice's text.

use yew::prelude::*;

use super::fields::{options, Options, Pick};
use super::forms::find;
use crate::engine::figures::{self, Figure, Placeholder, Trap, FIGURES, TRAPS};
use crate::engine::messages;
use crate::engine::sim::spoken;
use crate::engine::*;
use crate::engine::{money, RatesTable};
use crate::engine::{Date, Package};
use crate::i18n::{t_with, TrainerText};

/// Props of [`FigureInserter`].
#[derive(Properties, PartialEq)]
pub struct FigureInserterProps {
    /// The choice's text (its placeholders are previewed).
    pub text: Localized,
    /// The scenario's worker.
    pub worker: crate::engine::Worker,
    /// The date to preview the figures on (today).
    pub date: Date,
    /// Called with a placeholder to append to both languages of the text.
    pub on_insert: Callback<String>,
    /// Test id prefix.
    pub testid: AttrValue,
}

/// The figures a choice states, as they read today (a trap: what it says and what is right,
/// or that it is not offered today), and a picker that writes a placeholder into the text.
#[function_component]
pub fn FigureInserter(props: &FigureInserterProps) -> Html {
    let i18n = crate::context::use_i18n();
    let lang = i18n.lang;
    let t = |k: TrainerText| AttrValue::from(i18n.t(k));
    let figure = use_state(|| Figure::Monthly);
    let package = use_state(|| Package::JkkJkm);
    let trap = use_state(|| None::<Trap>);
    let ctx = figures::Context {
        worker: props.worker,
        date: props.date,
        rates: RatesTable::bundled(),
    };
    let previews = figures::figures_in(spoken(&props.text))
        .into_iter()
        .map(|p| {
            let written = figures::written(&p);
            let check = figures::check(&p, &ctx);
            let said = check.said.map(|v| money(v, lang)).unwrap_or_default();
            let text = match (p.trap, check.correct) {
                (_, None) => t_with(
                    i18n.lang,
                    TrainerText::FigureApprox,
                    &[("placeholder", &written), ("value", &said)],
                ),
                (Some(_), Some(correct)) if check.is_wrong() => t_with(
                    i18n.lang,
                    TrainerText::FigureTrapToday,
                    &[
                        ("placeholder", &written),
                        ("said", &said),
                        ("correct", &money(correct, lang)),
                    ],
                ),
                (Some(_), Some(_)) => t_with(
                    i18n.lang,
                    TrainerText::FigureTrapHidden,
                    &[("placeholder", &written)],
                ),
                (None, Some(_)) => t_with(
                    i18n.lang,
                    TrainerText::FigureToday,
                    &[("placeholder", &written), ("value", &said)],
                ),
            };
            html! { <li>{ text }</li> }
        });
    let figure_options: Options = options(FIGURES, |f| {
        format!(
            "{} ({})",
            crate::engine::figures::figure_name(*f).get(lang),
            f.name()
        )
    });
    let fitting: Vec<Trap> = TRAPS.into_iter().filter(|x| x.fits(*figure)).collect();
    let trap_options: Options = options(fitting.clone(), |x| {
        crate::engine::figures::trap_name(*x).get(lang).to_owned()
    });
    let packages: Options = options(Package::ALL, |p| messages::package(*p).get(lang).to_owned());
    let placeholder = Placeholder {
        figure: *figure,
        package: matches!(
            *figure,
            Figure::Monthly | Figure::Daily | Figure::MonthsAhead
        )
        .then_some(*package),
        months: (*figure == Figure::MonthsAhead).then_some(3),
        on: None,
        after_discount: false,
        trap: (*trap).filter(|x| x.fits(*figure)),
        words: false,
    };
    let insert = {
        let (on_insert, written) = (props.on_insert.clone(), figures::written(&placeholder));
        Callback::from(move |_: MouseEvent| on_insert.emit(written.clone()))
    };
    let on_figure = {
        let (figure, trap) = (figure.clone(), trap.clone());
        Callback::from(move |v: AttrValue| {
            if let Some(f) = FIGURES.into_iter().find(|f| f.name() == v.as_str()) {
                figure.set(f);
                trap.set(None);
            }
        })
    };
    let on_package = {
        let package = package.clone();
        Callback::from(move |v: AttrValue| {
            if let Some(p) = find(&Package::ALL, &v) {
                package.set(p);
            }
        })
    };
    let on_trap = {
        let trap = trap.clone();
        Callback::from(move |v: AttrValue| {
            trap.set(TRAPS.into_iter().find(|x| format_name(x) == v.as_str()))
        })
    };
    html! {
        <fieldset class="quote" data-testid={props.testid.clone()}>
            <legend>{ t(TrainerText::Quote) }</legend>
            <p class="hint">{ t(TrainerText::HelpQuote) }</p>
            <ul class="quote__preview" data-testid={format!("{}-preview", props.testid)}>{ for previews }</ul>
            <div class="form-grid">
                <Pick label={t(TrainerText::QuoteFigure)} options={figure_options} value={AttrValue::from(figure.name())}
                    on_change={on_figure} testid={format!("{}-which", props.testid)} />
                if placeholder.package.is_some() {
                    <Pick label={t(TrainerText::ChoicePackage)} options={packages} value={format_name(&*package)}
                        on_change={on_package} testid={format!("{}-package", props.testid)} />
                }
                <Pick label={t(TrainerText::QuoteTrap)} options={trap_options} value={placeholder.trap.map(|x| format_name(&x)).unwrap_or_default()}
                    none={t(TrainerText::QuoteNoTrap)} on_change={on_trap} testid={format!("{}-trap", props.testid)} />
            </div>
            <button type="button" class="button button--secondary button--small" onclick={insert} data-testid={format!("{}-insert", props.testid)}>
                { format!("{} {}", t(TrainerText::QuoteAdd), figures::written(&placeholder)) }
            </button>
        </fieldset>
    }
}

//! Printable certificates: one A4 page per agent who passed the post-test, and one per Wadah
//! for its best agent.

use yew::prelude::*;

use super::dashboard::{number, top_per_wadah};
use super::{print, WorkshopProps};
use crate::context::{use_i18n, use_store};
use crate::engine::monev::{self, dashboard, Filter};
use crate::i18n::{t_with, TrainerText};
use crate::loader::use_pack;
use crate::pages::date_text;
use crate::trainer::storage::workshops::WorkshopStore;
use crate::trainer::TrainerRoute;

/// Printable certificates: one A4 page per agent who passed the post-test, and one per Wadah
/// for its best agent.
#[function_component]
pub fn Certificates(props: &WorkshopProps) -> Html {
    let i18n = use_i18n();
    let store = WorkshopStore::new(use_store());
    let pack = use_pack();
    let Some((saved, workshop)) = store
        .get(&props.id)
        .ok()
        .flatten()
        .and_then(|s| s.workshop().map(|w| (s, w)))
    else {
        return html! { <div class="page page--narrow"><p>{ i18n.t(TrainerText::WorkshopMissing) }</p></div> };
    };
    // The bundled scenarios and those the workshop's package carries, as shipped.
    let scenarios = match crate::pages::ready(&i18n, pack) {
        Ok(value) => saved.scenarios(&value),
        Err(page) => return page,
    };
    // Certificates rest on the counted results only.
    let (results, _) = saved.results(&workshop, &scenarios);
    let d = dashboard(&results, &workshop, &scenarios, &Filter::default());
    let when = format!(
        "{}, {}",
        workshop.place,
        date_text(i18n.lang, workshop.date)
    );
    let certificate = |name: &str, wadah: &str, award: Option<&str>, score: Option<u32>| {
        html! {
            <article class="certificate" data-testid="certificate">
                <p class="certificate__org">{ i18n.t(TrainerText::CertificateOrg) }</p>
                <h1 class="certificate__title">{ i18n.t(if award.is_some() { TrainerText::CertificateAwardTitle } else { TrainerText::CertificateTitle }) }</h1>
                <p>{ i18n.t(TrainerText::CertificateGivenTo) }</p>
                <p class="certificate__name">{ name.to_owned() }</p>
                <p class="certificate__wadah">{ wadah.to_owned() }</p>
                <p>{ match award {
                    Some(w) => t_with(i18n.lang, TrainerText::CertificateAwardBody, &[("wadah", w), ("workshop", &workshop.name), ("score", &number(score))]),
                    None => t_with(i18n.lang, TrainerText::CertificateBody, &[("workshop", &workshop.name), ("score", &number(score))]),
                } }</p>
                <p class="certificate__when">{ when.clone() }</p>
                <div class="certificate__sign"><span>{ i18n.t(TrainerText::CertificateTrainer) }</span></div>
            </article>
        }
    };
    let passed: Vec<&monev::AgentRow> = d.agents.iter().filter(|a| a.passed_post).collect();
    let tops = top_per_wadah(&d);
    html! {
        <div class="certificates">
            <div class="page no-print">
                <h1>{ i18n.t(TrainerText::Certificates) }</h1>
                <p>{ t_with(i18n.lang, TrainerText::CertificatesHelp, &[("count", &(passed.len() + tops.len()).to_string())]) }</p>
                <div class="actions">
                    <button type="button" class="button" onclick={Callback::from(|_| print())} data-testid="print">{ i18n.t(TrainerText::Print) }</button>
                    <a class="button button--secondary" href={TrainerRoute::Workshop { id: props.id.to_string() }.href()}>{ i18n.t(TrainerText::Back) }</a>
                </div>
            </div>
            { for tops.iter().map(|a| certificate(&a.agent, &a.wadah, Some(&a.wadah), a.scores.post)) }
            { for passed.iter().map(|a| certificate(&a.agent, &a.wadah, None, a.scores.post)) }
        </div>
    }
}

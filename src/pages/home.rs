//! The home page: what Latih is for, and how an agent and a trainer start.

use yew::prelude::*;

use crate::router::Link;

use crate::context::{use_i18n, use_store};
use crate::i18n::Text;
use crate::practice::PracticeStore;
use crate::router::Route;

#[derive(Properties, PartialEq)]
struct AudienceProps {
    title: Text,
    body: Text,
    steps: [Text; 3],
    testid: &'static str,
}

#[function_component]
fn Audience(props: &AudienceProps) -> Html {
    let i18n = use_i18n();
    html! {
        <section class="card" data-testid={props.testid}>
            <h2>{ i18n.t(props.title) }</h2>
            <p>{ i18n.t(props.body) }</p>
            <ol class="steps">
                { for props.steps.iter().map(|s| html! { <li>{ i18n.t(*s) }</li> }) }
            </ol>
        </section>
    }
}

/// The landing page.
#[function_component]
pub fn Home() -> Html {
    let i18n = use_i18n();
    let workshop = PracticeStore::new(use_store())
        .joined()
        .ok()
        .flatten()
        .and_then(|j| j.workshop())
        .map(|w| w.name);
    html! {
        <div class="page">
            <section class="hero">
                <h1 data-testid="home-title">{ i18n.t(Text::HomeTitle) }</h1>
                <p class="lead">{ i18n.t(Text::HomeLead) }</p>
                <Link to={Route::Library} classes="button button--big">
                    <span data-testid="home-start">{ i18n.t(Text::HomeStart) }</span>
                </Link>
            </section>
            if let Some(name) = workshop {
                <section class="card workshop-card" data-testid="home-workshop">
                    <p class="eyebrow">{ i18n.t(Text::WorkshopTitle) }</p>
                    <h2>{ name }</h2>
                    <Link to={Route::Workshop} classes="button">{ i18n.t(Text::JoinOpen) }</Link>
                </section>
            }
            <div class="grid">
                <Audience title={Text::HomeAgentTitle} body={Text::HomeAgentBody} testid="home-agent"
                    steps={[Text::HomeAgentStep1, Text::HomeAgentStep2, Text::HomeAgentStep3]} />
                <div>
                    <Audience title={Text::HomeTrainerTitle} body={Text::HomeTrainerBody} testid="home-trainer"
                        steps={[Text::HomeTrainerStep1, Text::HomeTrainerStep2, Text::HomeTrainerStep3]} />
                    <a class="button button--secondary trainer-link" href="pelatih.html" data-testid="to-trainer">{ i18n.t(Text::HomeTrainerOpen) }</a>
                </div>
            </div>
            <p class="note">{ i18n.t(Text::HomeOfflineNote) }</p>
        </div>
    }
}

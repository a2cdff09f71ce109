//! How the worker feels, as a person would read it: a face and a few words, plus meters for
//! trust, interest and worry about the cost (which a trainer can hide).

use yew::prelude::*;

use crate::context::use_i18n;
use crate::engine::sim::WorkerState;
use crate::i18n::{t_with, Text};

/// The mood words for a worker state.
pub fn mood_text(w: &WorkerState) -> Text {
    if w.trust < 25 {
        Text::MoodSuspicious
    } else if w.patience < 20 {
        Text::MoodImpatient
    } else if w.cost_worry >= 65 {
        Text::MoodWorried
    } else if w.trust >= 55 && w.interest >= 55 {
        Text::MoodKeen
    } else if w.interest >= 45 {
        Text::MoodCurious
    } else {
        Text::MoodReserved
    }
}

/// -1, 0 or 1: the mouth of the face.
pub fn mood_sign(w: &WorkerState) -> i8 {
    let feel = (w.trust + w.interest) / 2 - w.cost_worry / 3;
    if feel >= 40 {
        1
    } else if feel >= 22 {
        0
    } else {
        -1
    }
}

/// Props of [`Meters`].
#[derive(Properties, PartialEq)]
pub struct MetersProps {
    /// The worker's state.
    pub worker: WorkerState,
}

/// Three labelled meters.
#[function_component]
pub fn Meters(props: &MetersProps) -> Html {
    let i18n = use_i18n();
    let w = props.worker;
    let meter = |label: Text, value: i32, class: &'static str| {
        let name = i18n.t(label);
        let value = value.clamp(0, 100);
        html! {
            <div class="meter">
                <span class="meter__label">{ name }</span>
                <div class={classes!("meter__track", class)} role="meter" aria-label={name}
                    aria-valuemin="0" aria-valuemax="100" aria-valuenow={value.to_string()}
                    aria-valuetext={t_with(i18n.lang, Text::MeterValue, &[("value", &value.to_string())])}>
                    <svg viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                        <rect x="0" y="0" width="100" height="8" rx="4" class="meter__bg" />
                        <rect x="0" y="0" width={value.to_string()} height="8" rx="4" class="meter__fill" />
                    </svg>
                </div>
            </div>
        }
    };
    html! {
        <div class="meters" data-testid="meters">
            { meter(Text::MeterTrust, w.trust, "meter--trust") }
            { meter(Text::MeterInterest, w.interest, "meter--interest") }
            { meter(Text::MeterCostWorry, w.cost_worry, "meter--worry") }
        </div>
    }
}

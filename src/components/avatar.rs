//! A drawn portrait of the simulated worker: a face with the headwear of their trade.

use yew::prelude::*;

/// Props of [`Avatar`].
#[derive(Properties, PartialEq)]
pub struct AvatarProps {
    /// The persona's avatar key (e.g. `fisher`, `farmer`).
    pub kind: AttrValue,
    /// Accessible description (the worker's name and work).
    pub label: AttrValue,
    /// Optional mood mouth: -1 frown, 0 neutral, 1 smile.
    #[prop_or(1)]
    pub mood: i8,
}

fn palette(kind: &str) -> (&'static str, &'static str) {
    // (skin, headwear)
    match kind {
        "fisher" => ("#b9825a", "#2f6f8f"),
        "farmer" => ("#a87550", "#d8b25a"),
        "trader" | "street_food" | "street-food" => ("#c08a62", "#b8325a"),
        "ojek" | "ojek_driver" => ("#b07a52", "#1f8a4c"),
        "weaver" => ("#c4906a", "#7b3fa0"),
        "labourer" | "construction" => ("#9c6b47", "#f2b705"),
        "helper" | "household_helper" => ("#c69470", "#3a7bd5"),
        _ => ("#b9825a", "#0d6b47"),
    }
}

/// An SVG portrait; decorative details vary with the trade.
#[function_component]
pub fn Avatar(props: &AvatarProps) -> Html {
    let kind = props.kind.as_str();
    let (skin, hat) = palette(kind);
    let mouth = match props.mood {
        m if m > 0 => "M26 44 Q32 50 38 44",
        m if m < 0 => "M26 47 Q32 41 38 47",
        _ => "M26 45 L38 45",
    };
    let headwear = match kind {
        "farmer" => html! { <path d="M6 24 L32 8 L58 24 Z" fill={hat} /> },
        "fisher" => html! { <path d="M14 22 Q32 4 50 22 L56 24 L8 24 Z" fill={hat} /> },
        "ojek" | "ojek_driver" => {
            html! { <path d="M12 30 Q12 6 32 6 Q52 6 52 30 L52 22 L12 22 Z" fill={hat} /> }
        }
        "labourer" | "construction" => {
            html! { <><path d="M14 22 Q32 4 50 22 Z" fill={hat} /><rect x="10" y="21" width="44" height="4" rx="2" fill={hat} /></> }
        }
        "trader" | "street_food" | "street-food" | "weaver" | "helper" | "household_helper" => {
            html! {
                <path d="M12 34 Q10 8 32 8 Q54 8 52 34 Q50 20 32 18 Q14 20 12 34 Z" fill={hat} />
            }
        }
        _ => html! {},
    };
    html! {
        <svg class="avatar" viewBox="0 0 64 64" role="img" aria-label={props.label.clone()}>
            <circle cx="32" cy="32" r="31" fill="#e3f2ea" />
            <circle cx="32" cy="34" r="18" fill={skin} />
            { headwear }
            <circle cx="25" cy="34" r="2" fill="#1b2420" />
            <circle cx="39" cy="34" r="2" fill="#1b2420" />
            <path d={mouth} stroke="#1b2420" stroke-width="2.5" fill="none" stroke-linecap="round" />
        </svg>
    }
}

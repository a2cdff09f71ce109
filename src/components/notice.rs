//! A notice: one line or block that tells the user how something went, in one of three tones,
//! announced to screen readers politely (role `status`) or, for what stops the user, at once
//! (role `alert`). Every notice in both apps is this component, so they look and read alike.

use yew::prelude::*;

/// How a notice looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tone {
    /// Something went as asked, or a fact worth knowing (green).
    #[default]
    Info,
    /// Something went wrong or needs the user's choice (amber).
    Warning,
    /// A new version of the app is ready.
    Update,
}

/// Props of [`Notice`].
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// How it looks.
    #[prop_or_default]
    pub tone: Tone,
    /// Interrupts a screen reader (role `alert`) instead of waiting its turn (`status`).
    #[prop_or_default]
    pub urgent: bool,
    /// Its `data-testid`.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    /// What it says.
    #[prop_or_default]
    pub children: Html,
}

/// A notice (see the module's documentation).
#[function_component]
pub fn Notice(props: &NoticeProps) -> Html {
    let tone = match props.tone {
        Tone::Info => "notice--info",
        Tone::Warning => "notice--warning",
        Tone::Update => "notice--update",
    };
    html! {
        <div class={classes!("notice", tone)} role={if props.urgent { "alert" } else { "status" }} data-testid={props.testid.clone()}>
            { props.children.clone() }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_has_its_tone_role_and_test_id() {
        let html = futures::executor::block_on(
            yew::LocalServerRenderer::<Notice>::with_props(NoticeProps {
                tone: Tone::Warning,
                urgent: true,
                testid: Some("x".into()),
                children: html! { "Tidak tersimpan" },
            })
            .hydratable(false)
            .render(),
        );
        for part in [
            r#"class="notice notice--warning""#,
            r#"role="alert""#,
            r#"data-testid="x""#,
            ">Tidak tersimpan</div>",
        ] {
            assert!(html.starts_with("<div ") && html.contains(part), "{html}");
        }
    }
}

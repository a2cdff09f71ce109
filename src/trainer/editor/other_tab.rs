//! What the editor shows when another tab saved the same scenario or deleted it for good: the
//! edit here is held until the trainer chooses (see `autosave.rs`).

use yew::prelude::*;

use crate::components::notice::{Notice, Tone};
use crate::context::use_i18n;
use crate::i18n::TrainerText;

/// Props of [`OtherTabNotice`].
#[derive(Properties, PartialEq)]
pub(super) struct OtherTabNoticeProps {
    /// The scenario was purged in another tab.
    pub(super) gone: bool,
    /// Another tab saved a different version.
    pub(super) conflict: bool,
    pub(super) take_theirs: Callback<MouseEvent>,
    pub(super) keep_mine: Callback<MouseEvent>,
    pub(super) keep_as_new: Callback<MouseEvent>,
}

/// What another tab did to this scenario, and the trainer's choices.
#[function_component]
pub(super) fn OtherTabNotice(props: &OtherTabNoticeProps) -> Html {
    let i18n = use_i18n();
    html! {
        if props.gone {
            <Notice tone={Tone::Warning} urgent=true testid="scenario-gone">
                <p>{ i18n.t(TrainerText::ScenarioGone) }</p>
                <div class="actions">
                    <button type="button" class="button" onclick={props.keep_as_new.clone()} data-testid="keep-as-new">{ i18n.t(TrainerText::KeepAsNew) }</button>
                </div>
            </Notice>
        } else if props.conflict {
            <Notice tone={Tone::Warning} urgent=true testid="conflict">
                <p>{ i18n.t(TrainerText::OtherTab) }</p>
                <div class="actions">
                    <button type="button" class="button" onclick={props.take_theirs.clone()} data-testid="take-theirs">{ i18n.t(TrainerText::TakeTheirs) }</button>
                    <button type="button" class="button button--secondary" onclick={props.keep_mine.clone()} data-testid="keep-mine">{ i18n.t(TrainerText::KeepMine) }</button>
                </div>
            </Notice>
        }
    }
}

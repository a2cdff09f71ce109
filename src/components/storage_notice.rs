//! A notice shown when this device cannot keep the app's data.

use yew::prelude::*;

use crate::components::notice::{Notice, Tone};
use crate::context::use_i18n;
use crate::i18n::Text;
use crate::platform::storage::StoreError;

/// Props of [`StorageNotice`].
#[derive(Properties, PartialEq)]
pub struct StorageNoticeProps {
    /// What went wrong.
    pub error: StoreError,
}

/// Tells the user, in plain words, that choices are not being kept and why.
#[function_component]
pub fn StorageNotice(props: &StorageNoticeProps) -> Html {
    let i18n = use_i18n();
    let text = match props.error {
        StoreError::Unavailable => Text::StorageUnavailable,
        StoreError::Full => Text::StorageFull,
        StoreError::Other(_) => Text::StorageOther,
    };
    html! {
        <Notice tone={Tone::Warning} testid="storage-notice">
            { i18n.t(text) }
        </Notice>
    }
}

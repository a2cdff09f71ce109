//! The install page's own string keys (`install.*` in `id.json` and `en.json`): a separate list
//! so the agents' app, which never shows them, does not carry them.

use super::texts::texts;

texts! {
    /// A string only the install page (`pasang.html`) shows, looked up with [`crate::i18n::t`].
    InstallText;
    Title => "install.title",
    Lead => "install.lead",
    Pick => "install.pick",
    Drop => "install.drop",
    Reading => "install.reading",
    Refused => "install.refused",
    NothingStored => "install.nothing_stored",
    LinkBroken => "install.link_broken",
    Unreadable => "install.unreadable",
    Contains => "install.contains",
    NewScenario => "install.new_scenario",
    Replaces => "install.replaces",
    KeptForRun => "install.kept_for_run",
    Submit => "install.submit",
    Again => "install.again",
    Full => "install.full",
    Updating => "install.updating",
    Updated => "install.updated",
    UpdateFailed => "install.update_failed",
    ToLibrary => "install.to_library",
    Offline => "install.offline",
    Back => "install.back",
}

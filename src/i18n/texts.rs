//! The list of string keys. Each variant names one entry in `id.json` and `en.json`.

macro_rules! texts {
    ($($(#[$doc:meta])* $variant:ident => $key:literal,)*) => {
        /// A user-facing string, looked up with [`crate::i18n::t`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Text {
            $($(#[$doc])* #[allow(missing_docs)] $variant,)*
        }

        impl Text {
            /// Every key, in declaration order.
            pub const ALL: &'static [Text] = &[$(Text::$variant,)*];

            /// The key under which the catalogues hold this string.
            pub const fn key(self) -> &'static str {
                match self {
                    $(Text::$variant => $key,)*
                }
            }
        }
    };
}

texts! {
    AppName => "app.name",
    AppTagline => "app.tagline",
    NavLabel => "nav.label",
    NavHome => "nav.home",
    LangSwitchLabel => "lang.switch_label",
    LangSwitchTo => "lang.switch_to",
    LangNameId => "lang.name.id",
    LangNameEn => "lang.name.en",
    HomeTitle => "home.title",
    HomeLead => "home.lead",
    HomeAgentTitle => "home.agent.title",
    HomeAgentBody => "home.agent.body",
    HomeAgentStep1 => "home.agent.step1",
    HomeAgentStep2 => "home.agent.step2",
    HomeAgentStep3 => "home.agent.step3",
    HomeTrainerTitle => "home.trainer.title",
    HomeTrainerBody => "home.trainer.body",
    HomeTrainerStep1 => "home.trainer.step1",
    HomeTrainerStep2 => "home.trainer.step2",
    HomeTrainerStep3 => "home.trainer.step3",
    HomeOfflineNote => "home.offline_note",
    NotFoundTitle => "not_found.title",
    NotFoundBody => "not_found.body",
    NotFoundBack => "not_found.back",
    FatalTitle => "fatal.title",
    FatalBody => "fatal.body",
    FatalReload => "fatal.reload",
    FooterText => "footer.text",
    StorageUnavailable => "storage.unavailable",
    StorageFull => "storage.full",
    StorageOther => "storage.other",
}

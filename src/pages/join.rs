//! Joining a workshop from the link the trainer shared: the workshop travels in the address
//! (`#/w/CODE`), so no server is involved. The agent types a name and picks a Wadah.

use yew::prelude::*;

use crate::components::notice::{Notice, Tone};
use crate::context::{use_i18n, use_store};
use crate::engine::workshop::Workshop;
use crate::i18n::{t_with, Text};
use crate::pages::date_text;
use crate::platform::form::value_at;
use crate::practice::{Joined, PracticeStore};
use crate::router::Route;
use crate::router::{use_navigator, Link};

/// Props of [`Join`].
#[derive(Properties, PartialEq)]
pub struct JoinProps {
    /// The workshop's code from the link.
    pub code: AttrValue,
}

/// The join page.
#[function_component]
pub fn Join(props: &JoinProps) -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let practice = PracticeStore::new(use_store());
    let navigator = use_navigator();
    let name_ref = use_node_ref();
    let wadah_ref = use_node_ref();
    let error = use_state(|| None::<Text>);
    let index = crate::loader::use_index();

    let workshop = match Workshop::from_code(&props.code) {
        Ok(w) => w,
        Err(e) => {
            return html! {
                <div class="page page--narrow">
                    <h1>{ i18n.t(Text::JoinTitle) }</h1>
                    <Notice tone={Tone::Warning} urgent=true testid="join-error">{ e.message().get(lang).to_owned() }</Notice>
                    <Link to={Route::Home} classes="button">{ i18n.t(Text::NotFoundBack) }</Link>
                </div>
            };
        }
    };
    // A workshop with scenarios of the trainer's own needs its package installed first.
    let missing = match &index {
        crate::loader::Loadable::Ready(all) => workshop.uses().any(|r| {
            !all.iter().any(|s| s.id == r.id && s.version == r.version)
                && !crate::loader::has_installed(r)
        }),
        _ => false,
    };
    if missing {
        return html! {
            <div class="page page--narrow join">
                <p class="eyebrow">{ i18n.t(Text::JoinTitle) }</p>
                <h1 data-testid="join-workshop">{ workshop.name.clone() }</h1>
                <Notice tone={Tone::Warning} testid="join-needs-install">{ i18n.t(Text::JoinNeedsInstall) }</Notice>
                <a class="button" href={crate::engine::workshop::INSTALL_PAGE} data-testid="join-install">{ i18n.t(Text::SettingsInstall) }</a>
            </div>
        };
    }
    let current = practice.joined().ok().flatten();
    let already = current.as_ref().filter(|j| j.code == *props.code);

    let submit = {
        let (code, practice, error) = (props.code.to_string(), practice.clone(), error.clone());
        // The bundled files of the workshop's scenarios (installed ones are stored already).
        let files: Vec<String> = match &index {
            crate::loader::Loadable::Ready(all) => all
                .iter()
                .filter(|s| s.is_bundled() && workshop.uses().any(|r| r.id == s.id))
                .map(|s| s.file.clone())
                .collect(),
            _ => Vec::new(),
        };
        let (name_ref, wadah_ref, navigator) =
            (name_ref.clone(), wadah_ref.clone(), navigator.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let typed = value_at(&name_ref).unwrap_or_default();
            let name = match crate::engine::workshop::clean_name(&typed) {
                Ok(name) => name,
                Err(crate::engine::workshop::NameProblem::Empty) => String::new(),
                Err(crate::engine::workshop::NameProblem::Control) => {
                    error.set(Some(Text::JoinNameInvalid));
                    return;
                }
            };
            let wadah = value_at(&wadah_ref).unwrap_or_default();
            if name.is_empty() {
                error.set(Some(Text::JoinNameMissing));
                return;
            }
            if wadah.is_empty() {
                error.set(Some(Text::JoinWadahMissing));
                return;
            }
            let joined = Joined {
                code: code.clone(),
                agent: name,
                wadah,
            };
            match practice.join(&joined) {
                Ok(()) => {
                    // Which installed copy plays depends on the workshop joined.
                    crate::loader::forget_index();
                    // Its tests and practice then play with no connection.
                    crate::loader::keep_offline(files.clone());
                    navigator.push(&Route::Workshop)
                }
                Err(_) => error.set(Some(Text::JoinNotSaved)),
            }
        })
    };

    html! {
        <div class="page page--narrow join">
            <p class="eyebrow">{ i18n.t(Text::JoinTitle) }</p>
            <h1 data-testid="join-workshop">{ workshop.name.clone() }</h1>
            <p>{ format!("{} · {}", date_text(i18n.lang, workshop.date), workshop.place) }</p>
            if let Some(j) = already {
                <Notice tone={Tone::Info}>{ t_with(i18n.lang, Text::JoinAlready, &[("name", &j.agent), ("wadah", &j.wadah)]) }</Notice>
                <Link to={Route::Workshop} classes="button">{ i18n.t(Text::JoinOpen) }</Link>
            } else {
                if let Some(other) = current.as_ref() {
                    <Notice tone={Tone::Warning}>{ t_with(i18n.lang, Text::JoinReplaces, &[("workshop", &other.workshop().map(|w| w.name).unwrap_or_default())]) }</Notice>
                }
                <form class="card form" onsubmit={submit} novalidate=true>
                    <label class="field">
                        <span>{ i18n.t(Text::JoinName) }</span>
                        <input ref={name_ref} type="text" name="name" autocomplete="name" maxlength="60" required=true data-testid="join-name" />
                    </label>
                    <label class="field">
                        <span>{ i18n.t(Text::JoinWadah) }</span>
                        <select ref={wadah_ref} name="wadah" required=true data-testid="join-wadah">
                            <option value="" selected=true disabled=true>{ i18n.t(Text::JoinWadahPick) }</option>
                            { for workshop.wadah.iter().map(|w| html! { <option value={w.clone()}>{ w.clone() }</option> }) }
                        </select>
                    </label>
                    if let Some(e) = *error {
                        <Notice tone={Tone::Warning} urgent=true testid="join-problem">{ i18n.t(e) }</Notice>
                    }
                    <button type="submit" class="button" data-testid="join-submit">{ i18n.t(Text::JoinSubmit) }</button>
                </form>
            }
        </div>
    }
}

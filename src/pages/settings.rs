//! Settings: what this device keeps, how much space it uses, whether the browser promised to keep
//! it, what clearing browser data would delete, and a backup file to download and restore.

use yew::prelude::*;

use crate::backup::{create, restore, Differing, RestoreError, Restored};
use crate::context::{use_i18n, use_store};
use crate::i18n::{t_with, Lang, Text};
use crate::platform::clock::now_ms;
use crate::platform::device::{persisted, request_persistence, usage, Usage};
use crate::platform::download::download_text;
use crate::platform::files::{read_texts, FileText};
use crate::platform::form::take_files;

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Done(Text, usize),
    /// A restore: what it did, and the file's text while entries kept here could still be
    /// replaced by the backup's (the trainer or agent is asked first).
    Restored(Restored, Option<std::rc::Rc<str>>),
    Failed(Text),
}

/// What a restore did, or why it did nothing.
fn restore_status(result: Result<Restored, RestoreError>, text: std::rc::Rc<str>) -> Status {
    match result {
        Ok(done) => Status::Restored(done, (done.kept_here > 0).then_some(text)),
        Err(RestoreError::NotABackup) => Status::Failed(Text::RestoreNotBackup),
        Err(RestoreError::TooNew) => Status::Failed(Text::RestoreTooNew),
        Err(RestoreError::Empty) => Status::Failed(Text::RestoreEmpty),
        Err(RestoreError::Store(_)) => Status::Failed(Text::RestoreStorageFull),
    }
}

/// Megabytes with one decimal, written the way the language writes numbers ("10.738,4" in
/// Bahasa Indonesia, "10,738.4" in English). Integer arithmetic: formatting a float with a
/// precision would add about 7 KB to the download.
fn megabytes(bytes: f64, lang: Lang) -> String {
    let tenths = (bytes.max(0.0) / 100_000.0).round() as u64;
    let (thousands, decimal) = if lang == Lang::En {
        (',', '.')
    } else {
        ('.', ',')
    };
    let whole = (tenths / 10).to_string();
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(thousands);
        }
        out.push(c);
    }
    format!("{out}{decimal}{}", tenths % 10)
}

/// The settings page.
#[function_component]
pub fn Settings() -> Html {
    let i18n = use_i18n();
    let store = use_store();
    // None while the browser is still answering; Some(None) if it cannot say.
    let usage_state = use_state(|| None::<Option<Usage>>);
    let kept = use_state(|| None::<bool>);
    let status = use_state(|| Status::Idle);
    {
        let (usage_state, kept) = (usage_state.clone(), kept.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                usage_state.set(Some(usage().await));
                kept.set(persisted().await);
            });
        });
    }
    let ask_keep = {
        let kept = kept.clone();
        Callback::from(move |_| {
            let kept = kept.clone();
            wasm_bindgen_futures::spawn_local(async move {
                kept.set(request_persistence().await);
            });
        })
    };
    let download = {
        let (store, status) = (store.clone(), status.clone());
        Callback::from(move |_| match create(&store, now_ms()) {
            Ok(backup) => {
                let text = crate::backup::file(&backup);
                if download_text("latih-cadangan.json", &text) {
                    status.set(Status::Done(Text::BackupSaved, backup.entries.len()));
                } else {
                    status.set(Status::Failed(Text::BackupFailed));
                }
            }
            Err(_) => status.set(Status::Failed(Text::BackupFailed)),
        })
    };
    let on_file = {
        let (store, status) = (store.clone(), status.clone());
        Callback::from(move |e: Event| {
            let mut files = take_files(&e);
            files.truncate(1);
            if files.is_empty() {
                return;
            }
            let (store, status) = (store.clone(), status.clone());
            // A backup is a few hundred KB at most: a larger file is not one, and is not read.
            read_texts(files, 20 * 1024 * 1024, move |read| {
                status.set(match read.into_iter().next() {
                    Some(FileText::Text(text)) => {
                        let result = restore(&store, &text, Differing::KeepHere);
                        restore_status(result, text.into())
                    }
                    _ => Status::Failed(Text::RestoreNotBackup),
                });
            });
        })
    };
    let take_backup = {
        let (store, status) = (store.clone(), status.clone());
        Callback::from(move |_| {
            if let Status::Restored(_, Some(text)) = &*status {
                let result = restore(&store, text, Differing::TakeBackup);
                status.set(restore_status(result, text.clone()));
            }
        })
    };
    let pick_file = Callback::from(|_| crate::platform::page::click("restore-file"));
    html! {
        <div class="page page--narrow settings">
            <h1>{ i18n.t(Text::SettingsTitle) }</h1>
            <section class="card">
                <h2>{ i18n.t(Text::SettingsStorage) }</h2>
                <p data-testid="storage-usage" aria-busy={usage_state.is_none().to_string()}>{ match *usage_state {
                    Some(Some(u)) => t_with(i18n.lang, Text::SettingsUsage, &[("used", &megabytes(u.used, i18n.lang)), ("quota", &megabytes(u.quota, i18n.lang))]),
                    Some(None) => i18n.t(Text::SettingsUsageUnknown).to_owned(),
                    None => i18n.t(Text::Loading).to_owned(),
                } }</p>
                <p data-testid="storage-kept">{ i18n.t(match *kept {
                    Some(true) => Text::SettingsKept,
                    Some(false) => Text::SettingsNotKept,
                    None => Text::SettingsKeptUnknown,
                }) }</p>
                if *kept == Some(false) {
                    <button type="button" class="button button--secondary" onclick={ask_keep}>{ i18n.t(Text::SettingsAskKeep) }</button>
                }
                <h3>{ i18n.t(Text::SettingsClearTitle) }</h3>
                <p>{ i18n.t(Text::SettingsClearBody) }</p>
            </section>
            <section class="card">
                <h2>{ i18n.t(Text::BackupTitle) }</h2>
                <p>{ i18n.t(Text::BackupBody) }</p>
                <div class="actions">
                    <button type="button" class="button" onclick={download} data-testid="backup">{ i18n.t(Text::BackupDownload) }</button>
                    <button type="button" class="button button--secondary" onclick={pick_file}>{ i18n.t(Text::RestoreButton) }</button>
                    <input id="restore-file" class="sr-only" type="file" accept="application/json,.json" onchange={on_file}
                        data-testid="restore-file" aria-label={i18n.t(Text::RestoreButton)} />
                </div>
                { match &*status {
                    Status::Idle => html! {},
                    Status::Done(text, n) => html! { <p class="ok" role="status" data-testid="backup-status">{ t_with(i18n.lang, *text, &[("count", &n.to_string())]) }</p> },
                    Status::Restored(done, ask) => html! {
                        <div role="status" data-testid="backup-status">
                            <p class="ok">{ t_with(i18n.lang, Text::RestoreDone, &[
                                ("added", &done.added.to_string()),
                                ("merged", &done.merged.to_string()),
                                ("unchanged", &done.unchanged.to_string()),
                            ]) }</p>
                            if done.replaced > 0 {
                                <p>{ t_with(i18n.lang, Text::RestoreReplaced, &[("count", &done.replaced.to_string())]) }</p>
                            }
                            if ask.is_some() {
                                <p class="warn" data-testid="restore-kept-here">{ t_with(i18n.lang, Text::RestoreKeptHere, &[("count", &done.kept_here.to_string())]) }</p>
                                <button type="button" class="button button--secondary" onclick={take_backup} data-testid="restore-take-backup">{ i18n.t(Text::RestoreTakeBackup) }</button>
                            }
                        </div>
                    },
                    Status::Failed(text) => html! { <p class="warn" role="alert" data-testid="backup-status">{ i18n.t(*text) }</p> },
                } }
            </section>
            <section class="card">
                <h2>{ i18n.t(Text::SettingsInstall) }</h2>
                <a class="button button--secondary" href={crate::engine::workshop::INSTALL_PAGE} data-testid="to-install">{ i18n.t(Text::SettingsInstall) }</a>
            </section>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn megabytes_use_the_languages_decimal_separator() {
        assert_eq!(megabytes(1_540_000.0, Lang::Id), "1,5");
        assert_eq!(megabytes(1_540_000.0, Lang::En), "1.5");
        assert_eq!(megabytes(0.0, Lang::En), "0.0");
        assert_eq!(megabytes(-5.0, Lang::En), "0.0");
        assert_eq!(megabytes(10_738_400_000.0, Lang::Id), "10.738,4");
        assert_eq!(megabytes(10_738_400_000.0, Lang::En), "10,738.4");
        assert_eq!(megabytes(999_000_000.0, Lang::Id), "999,0");
    }
}

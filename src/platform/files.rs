//! Files the user picks or drops: the list, and what each holds, read one after another.

/// A picked or dropped file, as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileText {
    /// Its text.
    Text(String),
    /// Over the size limit, so not read into the page: its size in bytes.
    TooLarge(usize),
    /// The browser could not read it.
    Unreadable,
}

/// A file the user picked or dropped.
pub use web_sys::File;

/// The files of a picker or a drop.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

/// The files dropped with a drag.
pub fn dropped_files(e: &web_sys::DragEvent) -> Vec<File> {
    files_of(e.data_transfer().and_then(|d| d.files()))
}

/// Reads `files` in order and gives `done` what each held; a file over `limit` bytes is told
/// by its size alone, without reading it.
pub fn read_texts(files: Vec<File>, limit: usize, done: impl FnOnce(Vec<FileText>) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut out = Vec::with_capacity(files.len());
        for file in files {
            // A browser's file size is a whole number of bytes, well inside f64's range.
            let size = file.size() as usize;
            out.push(if size > limit {
                FileText::TooLarge(size)
            } else {
                wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|t| t.as_string())
                    .map_or(FileText::Unreadable, FileText::Text)
            });
        }
        done(out);
    });
}

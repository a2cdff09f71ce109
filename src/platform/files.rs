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

/// Calls `handler` with the files the page was opened with as the app's file handler (the
/// manifest's `file_handlers`: "Open with Latih" on a desktop), where the browser has a launch
/// queue; elsewhere it never calls it.
pub fn on_launch(handler: impl Fn(Vec<File>) + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let Some(queue) = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("launchQueue")).ok())
        .filter(|q| q.is_object())
    else {
        return;
    };
    let handler = std::rc::Rc::new(handler);
    let consumer = Closure::<dyn Fn(JsValue)>::new(move |params: JsValue| {
        let handles = js_sys::Reflect::get(&params, &JsValue::from_str("files"))
            .ok()
            .map(|f| js_sys::Array::from(&f))
            .unwrap_or_default();
        if handles.length() == 0 {
            return;
        }
        let handler = handler.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let mut files = Vec::new();
            for handle in handles.iter() {
                let get = js_sys::Reflect::get(&handle, &JsValue::from_str("getFile"))
                    .ok()
                    .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                    .and_then(|f| f.call0(&handle).ok())
                    .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
                if let Some(promise) = get {
                    if let Ok(file) = wasm_bindgen_futures::JsFuture::from(promise).await {
                        if let Ok(file) = file.dyn_into::<File>() {
                            files.push(file);
                        }
                    }
                }
            }
            handler(files);
        });
    });
    if let Ok(set) = js_sys::Reflect::get(&queue, &JsValue::from_str("setConsumer"))
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = set.call1(&queue, consumer.as_ref());
    }
    // The consumer serves every launch for the life of the page.
    consumer.forget();
}

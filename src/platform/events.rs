//! Listening to window events from components: the listener is removed when the guard drops
//! (an effect's cleanup), so a page that goes away never leaves a handler behind.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A window event listener, removed on drop.
pub struct WindowListener {
    window: web_sys::Window,
    event: &'static str,
    handler: Closure<dyn Fn(web_sys::Event)>,
}

impl WindowListener {
    /// Calls `handler` for every `event` on the window; `None` outside a browser.
    pub fn new(
        event: &'static str,
        handler: impl Fn(web_sys::Event) + 'static,
    ) -> Option<WindowListener> {
        let window = web_sys::window()?;
        let handler = Closure::<dyn Fn(web_sys::Event)>::new(handler);
        window
            .add_event_listener_with_callback(event, handler.as_ref().unchecked_ref())
            .ok()?;
        Some(WindowListener {
            window,
            event,
            handler,
        })
    }
}

impl Drop for WindowListener {
    fn drop(&mut self) {
        let _ = self
            .window
            .remove_event_listener_with_callback(self.event, self.handler.as_ref().unchecked_ref());
    }
}

/// A callback after a delay (`setTimeout`), cancelled when the guard drops.
pub struct Timer {
    window: web_sys::Window,
    id: i32,
    _handler: Closure<dyn FnMut()>,
}

impl Timer {
    /// Calls `handler` once after `ms` milliseconds; `None` outside a browser.
    pub fn new(ms: i32, handler: impl FnOnce() + 'static) -> Option<Timer> {
        let window = web_sys::window()?;
        let handler = Closure::once(handler);
        let id = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                handler.as_ref().unchecked_ref(),
                ms,
            )
            .ok()?;
        Some(Timer {
            window,
            id,
            _handler: handler,
        })
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        self.window.clear_timeout_with_handle(self.id);
    }
}

/// Re-renders the component when another tab changes a storage key that `watched` accepts
/// (the `storage` event fires only in the other tabs), so two open tabs show the same data.
#[yew::hook]
pub fn use_refresh_on_storage(watched: fn(&str) -> bool) {
    let update = yew::use_force_update();
    yew::use_effect_with((), move |_| {
        let listener = WindowListener::new("storage", move |e| {
            let key = e
                .dyn_into::<web_sys::StorageEvent>()
                .ok()
                .and_then(|e| e.key());
            // A cleared storage (no key) concerns everyone.
            if key.as_deref().is_none_or(watched) {
                update.force_update();
            }
        });
        move || drop(listener)
    });
}

/// Gives the page back to the browser until its next task (a zero-delay timeout): work split
/// across such waits never makes one long task. Returns at once outside a browser.
pub async fn next_task() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A key pressed outside a text field, as the app's shortcuts see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyPress {
    /// The key's value (`"z"`, `"3"`, ...).
    pub key: String,
    /// Ctrl, or Cmd on a Mac.
    pub command: bool,
    /// Shift.
    pub shift: bool,
    /// Alt.
    pub alt: bool,
    /// Held down and repeating.
    pub repeat: bool,
}

/// The key of a `keydown` event, unless it was typed into a field (an input, select or text
/// area, which have their own keys, undo included).
pub fn key_press(e: &web_sys::Event) -> Option<KeyPress> {
    let key = e.dyn_ref::<web_sys::KeyboardEvent>()?;
    let in_field = key
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
    (!in_field).then(|| KeyPress {
        key: key.key(),
        command: key.ctrl_key() || key.meta_key(),
        shift: key.shift_key(),
        alt: key.alt_key(),
        repeat: key.repeat(),
    })
}

/// A change another tab made to storage: the key (`None`: storage was cleared) and its new
/// value (`None`: removed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageChange {
    /// The key changed.
    pub key: Option<String>,
    /// Its new value.
    pub new_value: Option<String>,
}

/// The change a `storage` event reports.
pub fn storage_change(e: &web_sys::Event) -> Option<StorageChange> {
    let e = e.dyn_ref::<web_sys::StorageEvent>()?;
    Some(StorageChange {
        key: e.key(),
        new_value: e.new_value(),
    })
}

/// Runs `future` on the page's event loop (outside a browser, in native tests: never, as no
/// browser answers there).
pub fn spawn<F: std::future::Future<Output = ()> + 'static>(future: F) {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(future);
    #[cfg(not(target_arch = "wasm32"))]
    drop(future);
}

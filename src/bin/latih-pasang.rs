//! Entry point of the install page (`pasang.html`): installs the panic handler and mounts it.

fn main() {
    latih::platform::fatal::install_panic_handler();
    latih::install::mount();
}

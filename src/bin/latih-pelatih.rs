//! Entry point of the trainer's app (`pelatih.html`): installs the panic handler and mounts it.

fn main() {
    latih::platform::fatal::install_panic_handler();
    latih::trainer::mount();
}

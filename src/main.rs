//! Entry point of the browser app: installs the panic handler and mounts the root component.

fn main() {
    latih::platform::fatal::install_panic_handler();
    latih::app::mount();
}

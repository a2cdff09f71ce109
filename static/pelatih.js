// Starts the trainer's app: the wasm module Trunk builds next to the agents' app
// (data-type="worker" in index.html, so the agents' page never loads it).
import init from "./latih-pelatih.js";

init({ module_or_path: "./latih-pelatih_bg.wasm" });

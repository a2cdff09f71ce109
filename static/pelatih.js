// Starts the trainer's app: the wasm module Trunk builds next to the agents' app
// (data-type="worker" in index.html, so the agents' page never loads it).
import init from "./latih-pelatih.js";

// The scenario library, the editor and the new-workshop form read the pack's index (a few kB,
// src/loader.rs): fetch it while the wasm downloads rather than after the app has started. Only on those pages, so no other page preloads what it never reads.
if (/^#\/(skenario|baru)\b/.test(location.hash)) {
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = "pack/index.bin";
  document.head.appendChild(link);
}

init({ module_or_path: "./latih-pelatih_bg.wasm" }).catch((error) => {
  // The app could not start (e.g. a file missing offline): show the page's error banner.
  console.error(error);
  const banner = document.getElementById("fatal");
  document.getElementById("fatal-title").textContent = "Latih tidak bisa dibuka / Latih could not start";
  document.getElementById("fatal-body").textContent = "Muat ulang halaman saat ada sinyal. / Reload the page when you have a signal.";
  document.getElementById("fatal-reload").textContent = "Muat ulang / Reload";
  banner.hidden = false;
});

// Starts the install page: the wasm module Trunk builds next to the agents' app
// (data-type="worker" in index.html, so the agents' page never loads it).
import init from "./latih-pasang.js";

init({ module_or_path: "./latih-pasang_bg.wasm" }).catch((error) => {
  // The app could not start (e.g. a file missing offline): show the page's error banner.
  console.error(error);
  const banner = document.getElementById("fatal");
  document.getElementById("fatal-title").textContent = "Latih tidak bisa dibuka / Latih could not start";
  document.getElementById("fatal-body").textContent = "Muat ulang halaman saat ada sinyal. / Reload the page when you have a signal.";
  document.getElementById("fatal-reload").textContent = "Muat ulang / Reload";
  banner.hidden = false;
});

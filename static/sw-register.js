// Registers the service worker and tells the app (through window events) when a new version is
// installed and waiting. The app shows the prompt; accepting calls window.latihApplyUpdate().
(function () {
  if (!("serviceWorker" in navigator)) return;
  let waiting = null;
  const announce = (worker) => {
    waiting = worker;
    window.latihUpdateReady = true;
    window.dispatchEvent(new Event("latih-update-ready"));
  };
  window.latihApplyUpdate = () => {
    window.latihUpdateAccepted = true;
    if (waiting) waiting.postMessage({ type: "latih-activate" });
    else window.location.reload();
  };
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloading || !window.latihUpdateAccepted) return;
    reloading = true;
    window.location.reload();
  });
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("sw.js").then((registration) => {
      const watch = (worker) => {
        if (!worker) return;
        worker.addEventListener("statechange", () => {
          if (worker.state === "installed" && navigator.serviceWorker.controller) announce(worker);
        });
      };
      if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
      watch(registration.installing);
      registration.addEventListener("updatefound", () => watch(registration.installing));
      // On a page kept on demand (the trainer's app, the install page), ask the worker to keep
      // its files for offline use, also on the very first visit (when no worker controls the
      // page yet).
      let page = (window.location.pathname.match(/(pelatih|pasang)\.html$/) || [])[0];
      // An agent who joined a workshop keeps the install page too: it draws result codes' QR codes.
      try {
        if (!page && localStorage.getItem("latih.workshop")) page = "pasang.html";
      } catch (e) {
        // No storage: nothing joined.
      }
      if (page) {
        navigator.serviceWorker.ready.then((ready) => ready.active && ready.active.postMessage({ type: "latih-keep", page }));
      }
    }).catch(() => {
      // No service worker (e.g. a private window that forbids it): the app still runs online.
    });
  });
})();

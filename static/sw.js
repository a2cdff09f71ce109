// Latih's service worker: keeps one complete copy of the app per build, so the app starts and
// works with no connection after the first visit. scripts/post-build.mjs fills in the build's
// version and file lists. The trainer's app (TRAINER_FILES) is not fetched ahead on agents'
// phones: it is kept when first used, and from then on every new build keeps it too, so a
// trainer's laptop also works offline. A new build installs next to the old one and waits; the page shows a
// "new version, reload" prompt, and only when the user accepts does it take over, so a page never
// runs on a mix of old and new files.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const TRAINER_FILES = __TRAINER_FILES__;
const CACHE = `latih-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // A device that has used the trainer's app keeps it in every build.
      const trainer = await caches.match("pelatih.html", { ignoreSearch: true });
      await cache.addAll(trainer ? [...FILES, ...TRAINER_FILES] : FILES);
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("latih-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "latih-activate") self.skipWaiting();
  // The trainer's page asks for its files to be kept (even on the visit that installed us).
  if (event.data && event.data.type === "latih-keep-trainer") {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(TRAINER_FILES)).catch(() => {}));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // The folder's address is the agents' app; every other file is looked up as it is named.
      const key = url.pathname.endsWith("/") ? new URL("./", self.registration.scope).href : url.origin + url.pathname;
      const hit = (await cache.match(key)) || (request.mode === "navigate" && url.pathname.endsWith("/") && (await cache.match("index.html")));
      if (hit) return hit;
      const response = await fetch(request);
      // Files of this build not fetched ahead (the trainer's app) are kept once used.
      if (response.ok && TRAINER_FILES.some((f) => key.endsWith("/" + f))) await cache.put(key, response.clone());
      return response;
    }),
  );
});

// Latih's service worker: keeps one complete copy of the app per build, so the app starts and
// works with no connection after the first visit. scripts/post-build.mjs fills in the build's
// version and file list. A new build installs next to the old one and waits; the page shows a
// "new version, reload" prompt, and only when the user accepts does it take over, so a page never
// runs on a mix of old and new files.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `latih-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
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
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // Pages are the app shell; every other file is looked up as it is named.
      const key = request.mode === "navigate" ? new URL("./", self.registration.scope).href : url.origin + url.pathname;
      const hit = (await cache.match(key)) || (request.mode === "navigate" && (await cache.match("index.html")));
      return hit || fetch(request);
    }),
  );
});

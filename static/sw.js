// Latih's service worker: keeps one complete copy of the app per build, so the app starts and
// works with no connection after the first visit. scripts/post-build.mjs fills in the build's
// version and file lists. Two pages are not fetched ahead on agents' phones (ON_DEMAND: the
// trainer's app, pelatih.html, and the install page, pasang.html): each group is kept when its
// page is first used, and from then on every new build keeps it too, so a trainer's laptop and
// a phone that installed a workshop also work offline. The bundled scenarios (pack/*.bin) belong
// to the trainer's group: a phone fetches the library's index ahead and each scenario when it is
// first opened, keeps it, and every new build keeps the scenarios the phone had. A new build installs next to the old one
// and waits; the page shows a "new version, reload" prompt, and only when the user accepts does
// it take over, so a page never runs on a mix of old and new files.
//
// A file shared to Latih (the manifest's share_target: WhatsApp's "Share" on Android) arrives
// as a POST to pasang.html?bagikan: it is put in the INBOX cache and the install page opens
// with #kotak, then fetches it once from INBOX_PATH.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const ON_DEMAND = __ON_DEMAND__;
const CACHE = `latih-${VERSION}`;
const INBOX = "latih-inbox";
const INBOX_PATH = "latih-inbox";

const groupOf = (key) => Object.values(ON_DEMAND).find((files) => files.some((f) => key.endsWith("/" + f)));
const isScenario = (key) => /\/pack\/[^/]+\.bin$/.test(key) && !key.endsWith("/pack/index.bin");

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // A device that has used a page kept on demand keeps it in every build.
      const kept = [];
      for (const [page, files] of Object.entries(ON_DEMAND)) {
        if (await caches.match(page, { ignoreSearch: true })) kept.push(...files);
      }
      await cache.addAll([...FILES, ...kept]);
      // The scenarios this phone has opened, fetched again from this build (a scenario the
      // build no longer has is left out rather than failing the update).
      const opened = new Set();
      for (const name of await caches.keys()) {
        if (!name.startsWith("latih-") || name === CACHE || name === INBOX) continue;
        for (const request of await (await caches.open(name)).keys()) if (isScenario(request.url)) opened.add(request.url);
      }
      await Promise.all([...opened].map((url) => cache.add(url).catch(() => {})));
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("latih-") && k !== CACHE && k !== INBOX).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "latih-activate") self.skipWaiting();
  // A page kept on demand asks for its files to be kept (even on the visit that installed us).
  if (event.data && event.data.type === "latih-keep" && ON_DEMAND[event.data.page]) {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ON_DEMAND[event.data.page])).catch(() => {}));
  }
});

// The largest package the install page reads (engine::workshop::MAX_PACKAGE_BYTES).
const MAX_SHARED_BYTES = 8 * 1024 * 1024;

async function receiveShare(request) {
  try {
    const key = new URL(INBOX_PATH, self.registration.scope).href;
    const inbox = await caches.open(INBOX);
    // An earlier share never read is not offered again.
    await inbox.delete(key);
    const form = await request.formData();
    const file = form.getAll("berkas").find((f) => typeof f !== "string");
    // A file over the limit is not kept: the page then says it could not read one.
    if (file && file.size <= MAX_SHARED_BYTES) await inbox.put(key, new Response(file));
  } catch (e) {
    // Nothing readable was shared: the install page opens with its picker.
  }
  return Response.redirect(new URL("pasang.html#kotak", self.registration.scope).href, 303);
}

async function takeFromInbox(key) {
  const inbox = await caches.open(INBOX);
  const hit = await inbox.match(key);
  if (!hit) return new Response("", { status: 404 });
  await inbox.delete(key);
  return hit;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && url.pathname.endsWith("/pasang.html") && url.searchParams.has("bagikan")) {
    event.respondWith(receiveShare(request));
    return;
  }
  if (request.method !== "GET") return;
  if (url.pathname.endsWith("/" + INBOX_PATH)) {
    event.respondWith(takeFromInbox(url.origin + url.pathname));
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // The folder's address is the agents' app; every other file is looked up as it is named.
      const key = url.pathname.endsWith("/") ? new URL("./", self.registration.scope).href : url.origin + url.pathname;
      const hit = (await cache.match(key)) || (request.mode === "navigate" && url.pathname.endsWith("/") && (await cache.match("index.html")));
      if (hit) return hit;
      const response = await fetch(request);
      // Files of this build not fetched ahead (the pages kept on demand) are kept once used.
      if (response.ok && groupOf(key)) await cache.put(key, response.clone());
      return response;
    }),
  );
});

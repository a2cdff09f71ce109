// The app shell in real Chromium against the built dist/: it starts without errors, the language
// switch works and survives a reload, and unknown addresses get the not-found page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { watchProblems, screenshot, PHONE, LAPTOP, withAppAndBrowser } from "./support/browser.mjs";

let server, browser;
withAppAndBrowser((s, b) => {
  server = s;
  browser = b;
});

async function openApp(context, path = "") {
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(server.url + path);
  await page.getByTestId("home-title").or(page.locator("main h1")).first().waitFor();
  return { page, problems };
}

test("starts in Bahasa Indonesia, switches to English, and keeps the choice after a reload", async () => {
  const context = await browser.newContext({ viewport: PHONE });
  const { page, problems } = await openApp(context);

  await assert.doesNotReject(page.getByText("Berlatih sebelum bertemu pekerja").waitFor());
  assert.equal(await page.locator("html").getAttribute("lang"), "id");
  assert.equal(await page.getByTestId("lang-id").getAttribute("aria-pressed"), "true");
  await screenshot(page, "home-id-390x844");

  await page.getByTestId("lang-en").click();
  await page.getByText("Practise before you meet the worker").waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.equal(await page.getByText("Berlatih sebelum bertemu pekerja").count(), 0);

  await page.reload();
  await page.getByTestId("home-title").waitFor();
  assert.equal(await page.getByTestId("home-title").textContent(), "Practise before you meet the worker");
  assert.equal(await page.getByTestId("lang-en").getAttribute("aria-pressed"), "true");
  await screenshot(page, "home-en-390x844");

  await page.setViewportSize(LAPTOP);
  await screenshot(page, "home-en-1280x800");
  await page.getByTestId("lang-id").click();
  await page.getByText("Berlatih sebelum bertemu pekerja").waitFor();
  await screenshot(page, "home-id-1280x800");

  assert.deepEqual(problems, [], "no console errors, page errors or failed requests");
  await context.close();
});

test("an unknown address shows the not-found page with a way home", async () => {
  const context = await browser.newContext({ viewport: PHONE });
  const { page, problems } = await openApp(context, "#/tidak/ada");
  await page.getByRole("heading", { name: "Halaman tidak ditemukan" }).waitFor();
  await page.getByRole("link", { name: "Kembali ke beranda" }).click();
  await page.getByTestId("home-title").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the app fits a 360 px phone without sideways scrolling, with 44 px tap targets", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const { page, problems } = await openApp(context);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  for (const el of await page.locator("header a, header button").all()) {
    const box = await el.boundingBox();
    assert.ok(box.height >= 44 && box.width >= 44, `tap target too small: ${await el.textContent()} ${JSON.stringify(box)}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("the page allows only its own scripts: the CSP has no unsafe-inline and names a hash", async () => {
  const context = await browser.newContext();
  const { page, problems } = await openApp(context);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(csp, /unsafe-inline|__INLINE/);
  // Everything the page loaded came from its own origin.
  const foreign = await page.evaluate((origin) =>
    performance.getEntriesByType("resource").map((e) => e.name).filter((u) => !u.startsWith(origin) && !u.startsWith("data:")),
    new URL(server.url).origin);
  assert.deepEqual(foreign, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("unreadable stored data is announced on every page until dismissed, and kept", async () => {
  const context = await browser.newContext({ viewport: PHONE });
  const { page } = await openApp(context);
  await page.evaluate(() => {
    localStorage.setItem("latih.history", "{not json");
    localStorage.setItem("latih.workshop", "[broken");
  });
  await page.goto(`${server.url}#/riwayat`);
  await page.getByTestId("unreadable").first().waitFor();
  // Another page, and a reload: the notices stay, one for each piece of data set aside.
  await page.goto(`${server.url}#/workshop`);
  await page.reload();
  await page.getByTestId("unreadable").first().waitFor();
  assert.equal(await page.getByTestId("unreadable").count(), 2);
  await page.getByTestId("unreadable-dismiss").first().click();
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=unreadable]").length === 1);
  await page.getByTestId("unreadable-dismiss").click();
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=unreadable]").length === 0);
  // Dismissed, not deleted: the data stays in storage (and in backups).
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("latih.unreadable-seen.")).length);
  assert.equal(kept, 2);
  await context.close();
});

test("a first visit to the home page is painted before the app's wasm arrives, and the app puts the same page in its place", async () => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const problems = watchProblems(page);
  // Hold the wasm back: what the screen shows meanwhile is index.html's own.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  const first = page.locator("#app[data-first-paint]");
  await first.locator("h1").waitFor();
  assert.equal(await first.locator("h1").textContent(), "Berlatih sebelum bertemu pekerja");
  assert.ok(await first.locator("button").count() >= 2, "the language switch is there");
  assert.equal(await first.locator("button:not([disabled])").count(), 0, "its buttons wait for the app");
  assert.equal(await first.locator("[data-testid]").count(), 0, "tests only ever find the live app");
  const painted = await page.locator("#app").innerText();
  await screenshot(page, "first-paint-390x844");
  release();
  await page.locator("#app:not([data-first-paint])").waitFor();
  await page.getByTestId("home-title").waitFor();
  assert.equal(await page.locator("#app").innerText(), painted, "the app's page is the one painted");
  assert.deepEqual(problems, []);

  // Another page, or a device that has used Latih (its language, its workshop): the logo, as
  // the page painted would not be the one the app shows. (A fresh context each time: this one's
  // service worker would serve the wasm past the hold.)
  for (const [path, seen] of [["#/latihan", false], ["", true]]) {
    const fresh = await browser.newContext({ viewport: PHONE, serviceWorkers: "block" });
    if (seen) await fresh.addInitScript(() => localStorage.setItem("latih.lang", "en"));
    const other = await fresh.newPage();
    await other.route(/_bg\.wasm$/, () => new Promise(() => {}));
    await other.goto(server.url + path);
    await other.locator("#app .boot").waitFor();
    assert.equal(await other.locator("#app[data-first-paint]").count(), 0, `${path || "home"}, used before: ${seen}`);
    await fresh.close();
  }
  await context.close();
});

test("the library's and a scenario's addresses fetch the pack's index while the wasm downloads, once; the home page does not", async () => {
  for (const [path, preloads] of [["#/latihan", true], ["#/latihan/ojek-driver-mataram", true], ["", false]]) {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const index = [];
    page.on("request", (r) => { if (r.url().endsWith("/pack/index.bin")) index.push(r.url()); });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    const fetched = page.waitForResponse((r) => r.url().endsWith("/pack/index.bin"), { timeout: 10000 });
    await page.goto(server.url + path);
    await page.locator("#app .boot, #app[data-first-paint]").first().waitFor();
    if (preloads) await fetched;
    else await Promise.race([fetched.catch(() => {}), page.waitForTimeout(1000)]);
    assert.equal(index.length, preloads ? 1 : 0, `${path || "home"}: the index before the wasm`);
    release();
    await page.locator("main h1").first().waitFor();
    if (path) await page.getByTestId(path === "#/latihan" ? "library" : "briefing-title").waitFor();
    assert.equal(index.length, preloads ? 1 : 0, `${path || "home"}: the app reads the preloaded index, not a second copy`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

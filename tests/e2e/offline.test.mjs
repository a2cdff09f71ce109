// The app in the field: after one visit it starts and plays with no connection; a new build is
// noticed and offered as a reload; a backup restored in a fresh browser reproduces the history.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serve, DIST } from "./support/server.mjs";
import { watchProblems, screenshot, waitForAsync, PHONE, withAppAndBrowser } from "./support/browser.mjs";
import { AgentApp, cli, PACK, upload } from "./support/agent.mjs";

const FISHER = resolve(PACK, "fisher-lombok-timur.json");
const path = cli("path", FISHER, "--policy", "best_practice", "--seed", "3").split(",");

let browser;
// Each test serves its own copy of the app (a fresh origin, so a fresh service worker).
withAppAndBrowser((_, b) => {
  browser = b;
}, { serveApp: false });

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
}

async function playFisher(page, url) {
  const app = new AgentApp(page, url);
  await app.startRun("fisher-lombok-timur", { seed: 3 });
  await app.choose(path);
  await app.debrief();
}

/** The addresses every cache of the page's origin holds. */
const cachedUrls = (page) =>
  page.evaluate(async () => {
    const urls = [];
    for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) urls.push(r.url);
    return urls;
  });
const SCENARIO_FILE = /\/pack\/(?!index\.bin)[^/]+\.bin$/;

test("after one visit the app starts, plays a scenario it has opened and saves history with no connection", async (t) => {
  const server = await serve(DIST);
  t.after(() => { server.close(); });
  const context = await browser.newContext({ viewport: PHONE });
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId("home-title").waitFor();
  await controlled(page);
  // The first visit keeps the library's index, not the pack: a phone fetches a scenario when it
  // is first opened.
  await waitForAsync(page, async () => {
    for (const k of await caches.keys()) if (await (await caches.open(k)).match(new URL("pack/index.bin", location.href).href)) return true;
    return false;
  });
  assert.deepEqual((await cachedUrls(page)).filter((u) => SCENARIO_FILE.test(u)), [], "no scenario is fetched ahead");
  await page.goto(`${server.url}#/latihan/fisher-lombok-timur`);
  await page.getByTestId("start").waitFor();
  await waitForAsync(page, async () => {
    for (const k of await caches.keys()) if (await (await caches.open(k)).match(new URL("pack/fisher-lombok-timur.bin", location.href).href)) return true;
    return false;
  });
  assert.deepEqual((await cachedUrls(page)).filter((u) => SCENARIO_FILE.test(u)).map((u) => u.split("/").pop()), ["fisher-lombok-timur.bin"]);
  await context.setOffline(true);
  const problems = watchProblems(page);
  // The app starts again from its home page with no connection.
  await page.goto(server.url);
  await page.getByTestId("home-title").waitFor();
  await playFisher(page, server.url);
  assert.match(await page.getByTestId("verdict").textContent(), /^Lulus/);
  await page.goto(`${server.url}#/riwayat`);
  await page.getByTestId("history-fisher-lombok-timur").waitFor();
  assert.equal(await page.getByTestId("load-failed").count(), 0, "nothing says the network is needed");
  assert.deepEqual(problems, []);
  // A scenario never opened says, in words, that it needs a connection once (its failed fetch
  // is the only problem the browser reports).
  await page.goto(`${server.url}#/latihan/trader-mataram`);
  assert.match(await page.getByTestId("load-failed").textContent(), /tidak ada koneksi/);
  assert.ok(problems.every((p) => /ERR_FAILED|ERR_INTERNET_DISCONNECTED|trader-mataram\.bin/.test(p)), problems.join("\n"));
});

test("a new build is noticed on the next visit and offered as a reload", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "latih-dist-"));
  cpSync(DIST, dir, { recursive: true });
  const server = await serve(dir);
  t.after(() => { server.close(); rmSync(dir, { recursive: true, force: true }); });
  const context = await browser.newContext({ viewport: PHONE });
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(server.url);
  await page.getByTestId("home-title").waitFor();
  await controlled(page);
  assert.equal(await page.getByTestId("update-banner").count(), 0);

  // Deploy a "new build": same files, a new service-worker version.
  const sw = readFileSync(join(dir, "sw.js"), "utf8");
  writeFileSync(join(dir, "sw.js"), sw.replace(/const VERSION = "[^"]+";/, 'const VERSION = "next-build";'));
  await page.reload();
  await page.getByTestId("update-banner").waitFor({ timeout: 15000 });
  await screenshot(page, "update-prompt-390x844");
  await Promise.all([page.waitForEvent("load"), page.getByTestId("update-reload").click()]);
  await page.getByTestId("home-title").waitFor();
  await waitForAsync(page, async () => (await caches.keys()).join() === "latih-next-build");
  assert.equal(await page.getByTestId("update-banner").count(), 0, "the new version runs; no prompt");
  assert.deepEqual(problems, []);
});

test("a backup restored in a fresh browser reproduces the history exactly", async (t) => {
  const server = await serve(DIST);
  t.after(() => { server.close(); });
  const a = await browser.newContext({ viewport: PHONE });
  t.after(() => a.close());
  const pageA = await a.newPage();
  const problems = watchProblems(pageA);
  await playFisher(pageA, server.url);
  await pageA.goto(`${server.url}#/setelan`);
  await pageA.locator("[data-testid=storage-usage][aria-busy=false]").waitFor();
  assert.match(await pageA.getByTestId("storage-usage").textContent(), /Latih memakai \d{1,3}(\.\d{3})*,\d MB dari \d{1,3}(\.\d{3})*,\d MB/);
  await screenshot(pageA, "settings-390x844");
  const [download] = await Promise.all([pageA.waitForEvent("download"), pageA.getByTestId("backup").click()]);
  const file = await download.path();
  const history = await pageA.evaluate(() => localStorage.getItem("latih.history"));
  assert.ok(history && history.includes("fisher-lombok-timur"));

  const b = await browser.newContext({ viewport: PHONE });
  t.after(() => b.close());
  const pageB = await b.newPage();
  const problemsB = watchProblems(pageB);
  await pageB.goto(`${server.url}#/setelan`);
  await upload(pageB.getByTestId("restore-file"), "bad.json", "{\"hello\": 1}");
  assert.match(await pageB.getByTestId("backup-status").textContent(), /bukan cadangan Latih/);
  assert.equal(await pageB.evaluate(() => localStorage.getItem("latih.history")), null, "a bad file changes nothing");
  await pageB.getByTestId("restore-file").setInputFiles(file);
  await pageB.getByText("Cadangan dipulihkan").waitFor();
  assert.equal(await pageB.evaluate(() => localStorage.getItem("latih.history")), history);

  // A newer history here is merged with the older backup, never replaced by it; an entry
  // that differs is kept until the user asks for the backup's.
  const newer = JSON.parse(history);
  newer.push({ ...newer[0], id: "played-later-on-this-phone", finished_ms: newer[0].finished_ms + 60000 });
  await pageB.evaluate((h) => {
    localStorage.setItem("latih.history", h);
    localStorage.setItem("latih.run.fisher-lombok-timur", "{\"kept\": \"here\"}");
  }, JSON.stringify(newer));
  const withRun = JSON.parse(readFileSync(file, "utf8"));
  withRun.entries["latih.run.fisher-lombok-timur"] = "{\"from\": \"backup\"}";
  await upload(pageB.getByTestId("restore-file"), "latih-backup.json", JSON.stringify(withRun));
  await pageB.getByTestId("restore-kept-here").waitFor();
  assert.equal(JSON.parse(await pageB.evaluate(() => localStorage.getItem("latih.history"))).length, 2, "nothing of the newer history lost");
  assert.equal(await pageB.evaluate(() => localStorage.getItem("latih.run.fisher-lombok-timur")), "{\"kept\": \"here\"}");
  await pageB.getByTestId("restore-take-backup").click();
  await pageB.getByText("1 data diganti").waitFor();
  assert.equal(await pageB.evaluate(() => localStorage.getItem("latih.run.fisher-lombok-timur")), "{\"from\": \"backup\"}");
  assert.equal(JSON.parse(await pageB.evaluate(() => localStorage.getItem("latih.history"))).length, 2);
  await pageB.goto(`${server.url}#/riwayat`);
  await pageB.getByTestId("history-fisher-lombok-timur").waitFor();
  assert.deepEqual([...problems, ...problemsB], []);
});

test("the trainer's app, once opened, works with no connection", async (t) => {
  const server = await serve(DIST);
  t.after(() => { server.close(); });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  t.after(() => context.close());
  const page = await context.newPage();
  // The very first visit of this browser is to the trainer's page: its files are kept.
  await page.goto(`${server.url}pelatih.html`);
  await page.getByTestId("no-workshops").waitFor();
  await waitForAsync(page, async () => {
    const keys = await caches.keys();
    for (const k of keys) {
      const names = (await (await caches.open(k)).keys()).map((r) => r.url);
      // The worker keeps the trainer's files all at once (its own page included); a file
      // cached on its own as it was fetched does not mean the page is kept.
      if (names.some((u) => u.endsWith("/pelatih.html")) && names.some((u) => /latih-pelatih-[0-9a-f]+_bg\.wasm$/.test(u))) return true;
    }
    return false;
  });
  // The worker finished activating and claimed the page (no reload needed).
  await waitForAsync(page, async () => (await navigator.serviceWorker.ready).active.state === "activated" && navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  const problems = watchProblems(page);
  await page.reload();
  await page.getByTestId("new-workshop").click();
  await page.getByTestId("pick-pre-fisher-lombok-timur").waitFor();
  assert.deepEqual(problems, []);
});

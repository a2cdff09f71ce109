// Load check of the Branch view: 50,000 xAPI statements (over 5,000 results of one branch)
// stored in a real LRS (Ralph, started for the test) are read back by the trainer's app, page
// by page, and every result is replayed and summed, without a long task (> 50 ms) on the page.
// The time it takes is printed; the gate is the long tasks, which a page that parsed or
// replayed everything in one go would show at once.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { launch, LAPTOP } from "./support/browser.mjs";
import { serve } from "./support/server.mjs";
import { ROOT } from "./support/agent.mjs";
import { startLrs } from "./support/lrs.mjs";

const cli = (args, input) =>
  execFileSync("cargo", ["run", "--quiet", "--no-default-features", "--features", "test-support", "--bin", "latih-cli", "--", ...args], {
    cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30, input,
  }).trim();

const STATEMENTS = 50_000;
const USER = { username: "cabang-ntb", password: "rahasia-cabang" };
const WADAH = ["Koperasi Nelayan Tanjung Luar", "Pokdarwis Sukarara", "Serikat Tani Sembalun"];
let app, lrs, browser, results = 0, sent = 0;

// Posting 50,000 statements to Ralph's file backend takes about a minute on a 2-core machine.
before(async () => {
  lrs = await startLrs({ origins: [], users: [USER] });
  // Workshops of 300 agents each (pre-test and post-test) until the LRS holds 50,000
  // statements, posted as a trainer's app posts them (in batches).
  const started = Date.UTC(2026, 11, 3, 4) / 1000;
  for (let w = 0; sent < STATEMENTS; w++) {
    const code = cli(["workshop", "--name", `Workshop ${w + 1}`, "--date", "2026-12-03", "--place", "Mataram",
      "--wadah", WADAH.join(";"), "--pre", "fisher-lombok-timur", "--post", "trader-mataram"]);
    const codes = [];
    for (const [i, wadah] of WADAH.entries()) {
      for (const [phase, policy] of [["pre_test", "random"], ["post_test", "best_practice"]]) {
        codes.push(cli(["result", "--workshop", code, "--name", "Agen", "--agents", "100", "--wadah", wadah,
          "--phase", phase, "--policy", policy, "--seed", String(1000 * w + 100 * i + 1), "--started", String(started)]));
      }
    }
    const statements = JSON.parse(cli(["verify", "--workshop", code, "--xapi"], codes.join("\n")));
    results += statements.filter((s) => s.verb.id.endsWith("/completed")).length;
    for (let i = 0; i < statements.length; i += 2500) {
      const res = await fetch(`${lrs.url}/statements`, { method: "POST", headers: lrs.headers(), body: JSON.stringify(statements.slice(i, i + 2500)) });
      assert.ok(res.ok, `${res.status} ${await res.text()}`);
    }
    sent += statements.length;
  }
  app = await serve();
  await lrs.stop();
  // Again, now allowing the app's address (CORS), with the statements kept.
  lrs = await startLrs({ origins: [new URL(app.url).origin], users: [USER], dir: lrs.dir });
  browser = await launch();
}, { timeout: 600_000 });

after(async () => {
  await browser?.close();
  await app?.close();
  await lrs?.stop();
  if (lrs) await rm(lrs.dir, { recursive: true, force: true });
});

test(`${STATEMENTS.toLocaleString("en")} statements are read back and summed without a long task`, { timeout: 600_000 }, async () => {
  const context = await browser.newContext({ viewport: LAPTOP });
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  const page = await context.newPage();
  await page.goto(`${app.url}pelatih.html#/cabang`);
  await page.getByTestId("lrs-endpoint").fill(`${lrs.url}/`);
  await page.getByTestId("lrs-username").fill(USER.username);
  await page.getByTestId("lrs-password").fill(USER.password);
  await page.getByTestId("lrs-save").click();
  await page.getByTestId("lrs-settings-status").filter({ hasText: /Tersimpan/ }).waitFor();
  const from = await page.evaluate(() => performance.now());
  await page.getByTestId("branch-read-button").click();
  await page.getByTestId("branch-progress").waitFor();
  await page.getByTestId("branch-view").waitFor({ timeout: 600_000 });
  const to = await page.evaluate(() => performance.now());
  const summary = await page.getByTestId("branch-summary").innerText();
  assert.match(summary, new RegExp(`^${sent} pernyataan xAPI, ${results} hasil terverifikasi`), summary);
  const long = (await page.evaluate(() => window.__longTasks)).filter((t) => t.start >= from);
  const longest = Math.max(0, ...long.map((t) => t.duration));
  console.log(`load check: ${sent} statements, ${results} results read back, replayed and summed in ${((to - from) / 1000).toFixed(1)} s; ` +
    `long tasks during the read: ${long.length} (longest ${Math.round(longest)} ms)`);
  assert.equal(long.length, 0, `long tasks: ${long.map((t) => `${Math.round(t.duration)} ms at ${((t.start - from) / 1000).toFixed(1)} s`).join(", ")}`);
  await context.close();
});

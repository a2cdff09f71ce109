// Launches Debian's Chromium through playwright-core (no browser download) with the flags that
// keep it quiet on a closed network, and records every console error, page error and failed
// request of a page so a test can assert there were none.
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { serve, DIST } from "./server.mjs";
import { mkdirSync } from "node:fs";

export const ARTIFACTS = new URL("../../../artifacts/", import.meta.url).pathname;
export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1280, height: 800 };

/** NTB's time zone (WITA), where the app is used: the device's date decides a run's rates. */
export const TIMEZONE = "Asia/Makassar";

export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME || "/usr/bin/chromium",
    args: [
      "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  // Every page runs in WITA, like an agent's phone in Lombok and like latih-cli's default date.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ timezoneId: TIMEZONE, ...options });
  return browser;
}

/** Today's date in WITA as YYYY-MM-DD (what the app and latih-cli take as a run's date). */
export function todayWita(now = Date.now()) {
  return new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** Starts watching `page`; returns the list that collects its problems. */
export function watchProblems(page) {
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("requestfailed", (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return problems;
}

export async function screenshot(page, name) {
  mkdirSync(`${ARTIFACTS}screenshots`, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}screenshots/${name}.png`, fullPage: true });
}

/**
 * Waits until the async `predicate` (run in the page) returns a truthy value, and returns it.
 * Playwright's waitForFunction takes only synchronous predicates: a returned promise counts
 * as truthy at once, so an async one never waits.
 */
export async function waitForAsync(page, predicate, arg = null, { timeout = 15000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(predicate, arg);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waitForAsync: still false after ${timeout} ms: ${predicate}`);
    await new Promise((ok) => setTimeout(ok, interval));
  }
}

/**
 * For a test file: before its tests, serves the built app (dist/) on 127.0.0.1 (unless
 * `serveApp` is false) and launches Chromium, and hands both to `set`; closes them after.
 */
export function withAppAndBrowser(set, { serveApp = true } = {}) {
  let server, browser;
  before(async () => {
    if (serveApp) server = await serve(DIST);
    browser = await launch();
    set(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

/**
 * Puts a scenario's JSON text in the trainer's storage the way the app keeps it
 * (src/trainer/storage/scenarios.rs: a list entry and a text key), as if it had grown there edit by
 * edit; for scenarios over the 2 MiB import limit. Run on a page of the app's origin.
 */
export async function seedScenario(page, uid, text) {
  const scenario = JSON.parse(text);
  await page.evaluate(({ uid, text, id, title }) => {
    localStorage.setItem("latih.trainer.scenarios", JSON.stringify([{ uid, id, title, updated_ms: 1 }]));
    localStorage.setItem(`latih.trainer.scenario.${uid}`, text);
  }, { uid, text, id: scenario.id, title: scenario.meta.title });
}

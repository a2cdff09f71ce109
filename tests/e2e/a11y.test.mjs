// Accessibility: axe-core (WCAG 2.0 and 2.1, levels A and AA) on every page and state the other
// e2e files visit, the agents' app at phone width and the trainer's at laptop width. A serious
// or critical violation fails the test, listed with its page, rule and elements.
//
// How axe gets into the page: the pages' CSP allows only their own scripts and hashed inline
// ones, so page.addScriptTag({ content }) would be blocked. page.evaluate(source) runs through
// the DevTools protocol, which the page's CSP does not govern, so the pages are checked with
// their real policy in force (no bypassCSP).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { watchProblems, PHONE, LAPTOP, withAppAndBrowser } from "./support/browser.mjs";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const WADAH = ["Koperasi Nelayan Tanjung Luar", "Pokdarwis Sukarara"];

let server, browser;
withAppAndBrowser((s, b) => {
  server = s;
  browser = b;
});

/** Every serious or critical violation seen, as { page, rule, impact, targets }. */
const found = [];
/** The pages and states checked, in order. */
const checked = [];

/** Runs axe on `page` as it is now and records what it finds under `name`. */
async function audit(page, name) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ rule: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")) }));
  }, TAGS);
  checked.push(name);
  for (const v of violations) found.push({ page: name, ...v });
}

function report(list) {
  return list.map((v) => `${v.page}: ${v.rule} (${v.impact}) at ${v.targets.join(", ")}`).join("\n");
}

/** Asserts that nothing serious was found on the pages checked since `from` (an index in `checked`). */
function assertClean(from) {
  const pages = new Set(checked.slice(from));
  const here = found.filter((v) => pages.has(v.page));
  assert.equal(here.length, 0, `serious or critical axe violations:\n${report(here)}`);
}

/** Clicks choices (the `pick`-th, or the last when fewer) until the visit ends. */
async function playToEnd(page, pick = 0) {
  for (let turns = 0; (await page.getByTestId("ended").count()) === 0; turns++) {
    const choices = page.locator(".choice");
    await choices.nth(Math.min(pick, (await choices.count()) - 1)).click();
    assert.ok(turns < 60, "the visit ends");
  }
}

let link, resultCode;
/** The trainer's laptop, kept from the first test to the third (the workshop lives in its storage). */
let laptop, trainer, trainerProblems;
after(() => laptop?.close());

test("the trainer's workshop pages: list, new-workshop form with and without errors, a new workshop", async () => {
  const from = checked.length;
  laptop = await browser.newContext({ viewport: LAPTOP });
  const page = (trainer = await laptop.newPage());
  const problems = (trainerProblems = watchProblems(page));
  await page.goto(`${server.url}pelatih.html`);
  await page.getByTestId("no-workshops").waitFor();
  await audit(page, "trainer: workshops (none yet)");

  await page.getByTestId("new-workshop").click();
  await page.getByTestId("ws-create").waitFor();
  await audit(page, "trainer: new workshop");
  await page.getByTestId("ws-create").click();
  await page.getByTestId("ws-problem").waitFor();
  await audit(page, "trainer: new workshop, submitted empty");

  await page.getByTestId("ws-name").fill("Upgrading Skill Perisai Lombok Timur");
  await page.getByTestId("ws-date").fill("2026-12-03");
  await page.getByTestId("ws-place").fill("Selong");
  await page.getByTestId("ws-wadah").fill(WADAH.join("\n"));
  await page.getByTestId("pick-pre-fisher-lombok-timur").check();
  await page.getByTestId("pick-post-trader-mataram").check();
  await page.getByTestId("ws-create").click();
  await page.getByTestId("workshop-detail").waitFor();
  await audit(page, "trainer: workshop without results");
  link = (await page.getByTestId("share-link").textContent()).trim();
  const workshopId = new URL(page.url()).hash.split("/")[2];

  await page.goto(`${server.url}pelatih.html#/`);
  await page.locator(`[data-testid=workshop-${workshopId}]`).waitFor();
  await audit(page, "trainer: workshops (one)");

  await page.goto(`${server.url}pelatih.html#/cabang`);
  await page.getByTestId("lrs-settings").waitFor();
  await audit(page, "trainer: branch, not connected");
  await page.getByTestId("lrs-endpoint").fill("lrs.example.org");
  await page.getByTestId("lrs-save").click();
  await page.getByTestId("lrs-settings-status").waitFor();
  await audit(page, "trainer: branch, an address refused");
  await page.goto(`${server.url}pelatih.html#/`);
  await page.locator(`[data-testid=workshop-${workshopId}]`).waitFor();
  assert.deepEqual(problems, []);
  assertClean(from);
});

test("the agents' app: home, library, briefing, conversation, tools, debrief, history, settings, workshop", async (t) => {
  const from = checked.length;
  const context = await browser.newContext({ viewport: PHONE });
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(server.url);
  await page.getByTestId("home-title").waitFor();
  await audit(page, "agent: home");

  await page.goto(`${server.url}#/latihan`);
  await page.getByTestId("library").waitFor();
  await audit(page, "agent: library");

  await page.goto(`${server.url}#/latihan/fisher-lombok-timur?seed=11`);
  await page.getByTestId("start").waitFor();
  await audit(page, "agent: briefing");

  // A practice run, two choices in: the coaching on each is on the page.
  await page.getByTestId("start").click();
  await page.getByTestId("chat").waitFor();
  for (const n of [0, 1]) {
    await page.locator(".choice").first().click();
    await page.getByTestId("feedback").nth(n).waitFor();
  }
  await audit(page, "agent: conversation after two choices");
  await page.getByTestId("tools").locator("summary").click();
  await page.getByTestId("calc-income").waitFor();
  await audit(page, "agent: conversation with the tools drawer open");
  await page.getByTestId("tools").locator("summary").click();

  await playToEnd(page);
  await audit(page, "agent: conversation ended");
  await page.getByTestId("to-debrief").click();
  await page.getByTestId("debrief").waitFor();
  await audit(page, "agent: debrief");
  await page.getByTestId("transcript").locator("summary").click();
  await audit(page, "agent: debrief with the transcript open");

  await page.goto(`${server.url}#/riwayat`);
  await page.getByTestId("history-fisher-lombok-timur").waitFor();
  await audit(page, "agent: history");
  await page.goto(`${server.url}#/setelan`);
  await page.getByTestId("backup").waitFor();
  await page.waitForFunction(() => document.querySelector("[data-testid=storage-usage]")?.getAttribute("aria-busy") === "false");
  await audit(page, "agent: settings");

  // The workshop: the link the trainer shared, a join refused for a missing name, then joined.
  await page.goto(link);
  await page.getByTestId("join-workshop").waitFor();
  await audit(page, "agent: workshop join page");
  await page.getByTestId("join-submit").click();
  await page.getByTestId("join-problem").waitFor();
  await audit(page, "agent: workshop join page with its error");
  await page.getByTestId("join-name").fill("Rina");
  await page.getByTestId("join-wadah").selectOption(WADAH[0]);
  await page.getByTestId("join-submit").click();
  await page.getByTestId("workshop").waitFor();
  await audit(page, "agent: workshop page");

  // The pre-test (an assessment) to its result code, which the trainer imports below.
  await page.getByTestId("test-pre-fisher-lombok-timur").getByTestId("test-start").click();
  await page.getByTestId("test-notice").waitFor();
  await audit(page, "agent: briefing of a test");
  await page.getByTestId("start").click();
  await page.locator(".choice").first().click();
  await audit(page, "agent: conversation in a test");
  await playToEnd(page);
  await page.getByTestId("to-debrief").click();
  await page.getByTestId("result-code").waitFor();
  await audit(page, "agent: debrief of a test with its result code");
  // The QR code is drawn by the install page (a module of its own); back to the debrief after.
  await page.getByTestId("show-qr").click();
  await page.getByTestId("qr").waitFor();
  await audit(page, "agent: result code as a QR code");
  await page.getByTestId("qr-back").click();
  await page.getByTestId("result-code").waitFor();
  resultCode = (await page.getByTestId("result-code-text").textContent()).trim();
  await page.goto(`${server.url}pasang.html`);
  await page.getByTestId("install-file").waitFor();
  await audit(page, "agent: install page");
  await page.goto(`${server.url}#/workshop`);
  await page.getByTestId("test-pre-fisher-lombok-timur").getByTestId("test-code").waitFor();
  await audit(page, "agent: workshop page with a test done");
  assert.deepEqual(problems, []);
  assertClean(from);
});

test("the trainer's workshop with results, and its certificates", async () => {
  const from = checked.length;
  const page = trainer;
  const problems = trainerProblems;
  await page.locator("[data-testid^=workshop-]").first().click();
  await page.getByTestId("workshop-detail").waitFor();
  await page.getByTestId("import-text").fill(`[09.12] Rina: ${resultCode}`);
  await page.getByTestId("import-submit").click();
  await page.getByTestId("import-summary").waitFor();
  await page.getByTestId("doubtful").waitFor();
  await audit(page, "trainer: workshop with a doubtful result");
  await page.getByTestId("count-anyway").first().click();
  await page.getByTestId("agents-table").waitFor();
  await audit(page, "trainer: workshop with results (dashboard)");

  await page.getByTestId("to-certificates").click();
  await page.getByTestId("print").waitFor();
  await audit(page, "trainer: certificates");
  assert.deepEqual(problems, []);
  assertClean(from);
});

test("the trainer's scenario pages: library, editor of a copy, a new scenario, playtest, balance", async (t) => {
  const from = checked.length;
  const context = await browser.newContext({ viewport: LAPTOP });
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${server.url}pelatih.html#/skenario`);
  await page.getByTestId("no-scenarios").waitFor();
  await audit(page, "trainer: scenario library (empty)");

  // Two copies, one of them in the trash: every kind of row the library has.
  await page.getByTestId("bundled-weaver-sukarara").getByTestId("copy-bundled").click();
  await page.getByTestId("own-weaver-sukarara-salinan").waitFor();
  await page.getByTestId("bundled-farmer-lombok-tengah").getByTestId("copy-bundled").click();
  await page.getByTestId("own-farmer-lombok-tengah-salinan").getByTestId("delete-scenario").click();
  await page.getByTestId("trashed-farmer-lombok-tengah-salinan").waitFor();
  await audit(page, "trainer: scenario library with own and trashed scenarios");

  await page.getByTestId("own-weaver-sukarara-salinan").getByTestId("open-scenario").click();
  await page.getByTestId("scenario-view").waitFor();
  await page.getByTestId("about-editor").waitFor();
  await audit(page, "trainer: editor of a copied scenario (about)");
  await page.locator("[data-testid^=gnode-]").first().click();
  await page.getByTestId("node-editor").waitFor();
  await audit(page, "trainer: editor of a copied scenario (a node)");

  await page.getByTestId("playtest").locator("summary").click();
  await page.getByTestId("playtest-start").click();
  await page.getByTestId("playtest").locator("button.choice").first().click();
  await page.getByTestId("playtest-log").locator("li").nth(2).waitFor();
  await audit(page, "trainer: playtest after a choice");

  await page.getByTestId("balance").locator("summary").click();
  await page.getByTestId("balance-run").click();
  await page.getByTestId("balance-missed").waitFor({ state: "attached", timeout: 60000 });
  await audit(page, "trainer: balance report");

  // A scenario written from scratch: its persona has no name yet.
  await page.goto(`${server.url}pelatih.html#/skenario`);
  await page.getByTestId("new-scenario").click();
  await page.getByTestId("about-editor").waitFor();
  await audit(page, "trainer: editor of a new scenario");
  await page.getByTestId("playtest").locator("summary").click();
  await page.getByTestId("playtest-start").click();
  await page.getByTestId("playtest").locator("button.choice").first().waitFor();
  await audit(page, "trainer: playtest of a new scenario (choices without text)");
  assert.deepEqual(problems, []);
  assertClean(from);
});

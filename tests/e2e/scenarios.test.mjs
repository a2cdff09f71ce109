// The trainer's scenario library: importing files (picked or dropped) that cannot hurt, copies
// of bundled scenarios, the problems panel and the graph, export, and the trash.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { watchProblems, screenshot, LAPTOP, withAppAndBrowser } from "./support/browser.mjs";
import { calibrate } from "./support/calibrate.mjs";
import { upload } from "./support/agent.mjs";

const ROOT = resolve(new URL("../..", import.meta.url).pathname);
const FISHER = readFileSync(resolve(ROOT, "src/engine/pack/fisher-lombok-timur.json"), "utf8");

let server, browser;
withAppAndBrowser((s, b) => {
  server = s;
  browser = b;
});


test("scenario files are imported, checked, drawn, exported and kept in a trash", async (t) => {
  const context = await browser.newContext({ viewport: LAPTOP, acceptDownloads: true });
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${server.url}pelatih.html#/skenario`);
  await page.getByTestId("no-scenarios").waitFor();

  // A malformed file and an oversized one change nothing, and say why.
  await upload(page.getByTestId("scenario-file"), "rusak.json", '{\n  "schema_version": 2,\n  oops\n}');
  await page.getByTestId("import-refused").waitFor();
  assert.match(await page.getByTestId("import-position").textContent(), /baris 3/);
  await upload(page.getByTestId("scenario-file"), "besar.json", " ".repeat(2 * 1024 * 1024 + 10));
  await page.getByTestId("import-refused").filter({ hasText: /terlalu besar/i }).waitFor();
  assert.equal(await page.getByTestId("no-scenarios").count(), 1, "nothing was stored");

  // A good file, picked; a file with a broken link, dropped.
  await upload(page.getByTestId("scenario-file"), "fisher.json", FISHER);
  await page.getByTestId("import-ok").filter({ hasText: /\b0 kesalahan/ }).waitFor();
  // The same file again is one scenario, not two, and the page says so.
  await upload(page.getByTestId("scenario-file"), "fisher-lagi.json", FISHER);
  await page.getByTestId("import-already").filter({ hasText: "sudah ada di pustaka" }).waitFor();
  assert.equal(await page.locator("[data-testid^=own-fisher-lombok-timur]").count(), 1);
  const broken = FISHER.replace('"next": { "node": "discovery" }', '"next": { "node": "tidak-ada" }').replace('"id": "fisher-lombok-timur"', '"id": "nelayan-rusak"');
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "rusak.json", { type: "application/json" }));
    return dt;
  }, broken);
  await page.getByTestId("dropzone").dispatchEvent("drop", { dataTransfer });
  await page.getByTestId("own-nelayan-rusak").waitFor();
  await page.getByTestId("import-ok").filter({ hasText: /[1-9]\d* kesalahan/ }).waitFor();

  // A copy of a bundled scenario.
  await page.getByTestId("bundled-farmer-lombok-tengah").getByTestId("copy-bundled").click();
  await page.getByTestId("own-farmer-lombok-tengah-salinan").waitFor();

  // The broken one: the panel names the problem; clicking it shows the node in the graph.
  await page.getByTestId("own-nelayan-rusak").getByTestId("open-scenario").click();
  await page.getByTestId("scenario-view").waitFor();
  const diagnostic = page.getByTestId("diagnostic").filter({ hasText: "tidak-ada" }).first();
  assert.match(await diagnostic.textContent(), /Kesalahan/);
  await diagnostic.click();
  await page.getByTestId("node-editor").waitFor();
  assert.equal(await page.locator(".gnode--selected").count(), 1);
  assert.ok(await page.locator(".gnode--error").count() >= 1, "the node with the problem is marked");
  await screenshot(page, "scenario-graph-1280x800");
  // Fix it in the editor: the first choice goes to a node that exists.
  const next = page.getByTestId("node-editor").locator("input[data-testid$=-next]").first();
  await next.fill("discovery");
  await next.press("Tab");
  await page.getByTestId("no-problems").waitFor();
  assert.equal(await page.locator(".gnode--error").count(), 0);
  // Undo brings the problem back, redo fixes it again.
  await page.getByTestId("undo").click();
  await page.getByTestId("diagnostic").first().waitFor();
  await page.getByTestId("redo").click();
  await page.getByTestId("no-problems").waitFor();
  await page.goBack();

  // Export gives back the scenario.
  await page.getByTestId("own-fisher-lombok-timur").waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("own-fisher-lombok-timur").getByTestId("export-scenario").click()]);
  const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(exported.id, "fisher-lombok-timur");
  assert.equal(exported.nodes.length, JSON.parse(FISHER).nodes.length);

  // The trash: delete, restore, delete for good.
  await page.getByTestId("own-fisher-lombok-timur").getByTestId("delete-scenario").click();
  await page.getByTestId("trashed-fisher-lombok-timur").waitFor();
  assert.equal(await page.getByTestId("own-fisher-lombok-timur").count(), 0);
  await page.getByTestId("trashed-fisher-lombok-timur").getByTestId("restore-scenario").click();
  await page.getByTestId("own-fisher-lombok-timur").waitFor();
  await page.getByTestId("own-fisher-lombok-timur").getByTestId("delete-scenario").click();
  await page.getByTestId("trashed-fisher-lombok-timur").getByTestId("purge-scenario").click();
  await page.getByTestId("scenario-status").waitFor();
  assert.equal(await page.getByTestId("trashed-fisher-lombok-timur").count(), 0);

  // Edit the copy: its title (both languages side by side), a new node; reload keeps it all.
  await page.getByTestId("own-farmer-lombok-tengah-salinan").getByTestId("open-scenario").click();
  await page.getByTestId("scenario-view").waitFor();
  await page.getByTestId("meta-title-id").fill("Petani di Praya");
  await page.getByTestId("meta-title-id").press("Tab");
  await page.getByTestId("editor-title").filter({ hasText: "Petani di Praya" }).waitFor();
  await page.getByTestId("meta-title-en").fill("");
  await page.getByTestId("meta-title-en").press("Tab");
  await page.locator(".field--missing [data-testid=meta-title-en]").waitFor();
  await page.getByTestId("undo").click();
  await page.getByTestId("add-node").click();
  await page.getByTestId("node-editor").waitFor();
  assert.equal(await page.getByTestId("node-id").inputValue(), "simpul-1");
  await page.getByTestId("gnode-simpul-1").waitFor();
  assert.ok(await page.getByTestId("diagnostic").filter({ hasText: "simpul-1" }).count() >= 1, "a node no path reaches is reported");
  await page.getByTestId("node-id").fill("pamit");
  await page.getByTestId("node-id").press("Tab");
  await page.getByTestId("gnode-pamit").waitFor();
  // Per-choice points and effects on the worker.
  await page.getByTestId("choice-0-score-0").fill("2");
  await page.getByTestId("choice-0-score-0").press("Tab");
  await page.getByTestId("choice-0-effect-0").fill("-5");
  await page.getByTestId("choice-0-effect-0").press("Tab");
  await screenshot(page, "editor-1280x800");
  // Text still being typed when the page closes is kept too.
  await page.getByTestId("choice-0-feedback-id").fill("Diketik sampai halaman ditutup");
  await page.reload();
  await page.getByTestId("editor-title").filter({ hasText: "Petani di Praya" }).waitFor();
  await page.getByTestId("gnode-pamit").waitFor();
  assert.equal(await page.getByTestId("meta-title-en").inputValue(), "Amaq Mahsun, a rice farmer in Jonggat (copy)", "the undone edit stayed undone");
  await page.getByTestId("gnode-pamit").click();
  assert.equal(await page.getByTestId("choice-0-score-0").inputValue(), "2");
  assert.equal(await page.getByTestId("choice-0-effect-0").inputValue(), "-5");
  assert.equal(await page.getByTestId("choice-0-feedback-id").inputValue(), "Diketik sampai halaman ditutup");
  await page.getByTestId("edit-about").click();
  await page.getByTestId("show-versions").click();
  assert.ok(await page.getByTestId("restore-version").count() >= 1, "earlier versions are kept");

  // Playtest from a chosen node and worker state, with the inspector following each choice.
  await page.getByTestId("playtest").locator("summary").click();
  await page.getByTestId("playtest-node").fill("discovery");
  await page.getByTestId("playtest-trust").fill("90");
  await page.getByTestId("playtest-trust").press("Tab");
  await page.getByTestId("playtest-start").click();
  assert.equal(await page.getByTestId("inspect-trust").textContent(), "90");
  const before = await page.getByTestId("playtest-log").locator("li").count();
  await page.getByTestId("playtest").locator("button.choice").first().click();
  assert.ok((await page.getByTestId("playtest-log").locator("li").count()) > before, "the choice and the answer are logged");

  // The balance report: four scripted agents, a thousand runs each, in slices.
  await page.getByTestId("balance").locator("summary").click();
  await page.getByTestId("balance-run").click();
  await page.getByTestId("balance-passive").waitFor({ timeout: 60000 });
  const mean = async (p) => Number(await page.getByTestId(`balance-${p}`).getByTestId("balance-mean").textContent());
  assert.ok((await mean("best_practice")) >= 85, "best practice does well");
  assert.ok((await mean("pushy")) <= 35, "pushing does not pay");

  // Everything survives a reload of the library too.
  await page.goto(`${server.url}pelatih.html#/skenario`);
  await page.getByTestId("own-nelayan-rusak").waitFor();
  await page.getByTestId("own-farmer-lombok-tengah-salinan").waitFor();
  assert.deepEqual(problems, []);
});

test("two tabs on one scenario never overwrite each other silently", async (t) => {
  const context = await browser.newContext({ viewport: LAPTOP });
  t.after(() => context.close());
  const a = await context.newPage();
  const problems = watchProblems(a);
  await a.goto(`${server.url}pelatih.html#/skenario`);
  await a.getByTestId("bundled-weaver-sukarara").getByTestId("copy-bundled").click();
  await a.getByTestId("own-weaver-sukarara-salinan").getByTestId("open-scenario").click();
  await a.getByTestId("scenario-view").waitFor();
  const b = await context.newPage();
  await b.goto(a.url());
  await b.getByTestId("scenario-view").waitFor();

  // A changes the title; B is told, and takes A's version.
  await a.getByTestId("meta-title-id").fill("Versi tab A");
  await a.getByTestId("meta-title-id").press("Tab");
  await b.getByTestId("conflict").waitFor();
  await b.getByTestId("take-theirs").click();
  await b.getByTestId("editor-title").filter({ hasText: "Versi tab A" }).waitFor();
  assert.equal(await b.getByTestId("conflict").count(), 0);

  // B changes it again; A is told and keeps its own: A's version is what is stored.
  await b.getByTestId("meta-title-id").fill("Versi tab B");
  await b.getByTestId("meta-title-id").press("Tab");
  await a.getByTestId("conflict").waitFor();
  // While A has not chosen, its edits are not saved over B's.
  await a.getByTestId("meta-summary-id").fill("Ringkasan dari tab A");
  await a.getByTestId("meta-summary-id").press("Tab");
  await a.waitForTimeout(800);
  const stored = () => a.evaluate(() => Object.entries(localStorage).find(([k]) => /^latih\.trainer\.scenario\.[^.]+$/.test(k))[1]);
  assert.match(await stored(), /Versi tab B/, "B's save is still what is stored");
  await a.getByTestId("keep-mine").click();
  assert.match(await stored(), /Ringkasan dari tab A/, "keeping A's version saves A's edits too");
  await b.getByTestId("conflict").waitFor();
  await b.reload();
  await b.getByTestId("editor-title").filter({ hasText: "Versi tab A" }).waitFor();
  assert.deepEqual(problems, []);
});

test("an edit held under the other-tab banner, or in a scenario purged elsewhere, is never lost", async (t) => {
  const context = await browser.newContext({ viewport: LAPTOP });
  t.after(() => context.close());
  const a = await context.newPage();
  const problems = watchProblems(a);
  await a.goto(`${server.url}pelatih.html#/skenario`);
  await a.getByTestId("bundled-weaver-sukarara").getByTestId("copy-bundled").click();
  await a.getByTestId("own-weaver-sukarara-salinan").getByTestId("open-scenario").click();
  await a.getByTestId("scenario-view").waitFor();
  const editor = a.url();
  const b = await context.newPage();
  await b.goto(editor);
  await b.getByTestId("scenario-view").waitFor();

  // B saves; A, under the banner, types on and leaves without choosing: A's text is kept
  // as a copy in the library.
  await b.getByTestId("meta-title-id").fill("Versi tab B");
  await b.getByTestId("meta-title-id").press("Tab");
  await a.getByTestId("conflict").waitFor();
  await a.getByTestId("meta-summary-id").fill("Ringkasan yang hanya ada di tab A");
  await a.getByTestId("meta-summary-id").press("Tab");
  await a.goto(`${server.url}pelatih.html#/skenario`);
  await a.getByTestId("own-weaver-sukarara-salinan-salinan").waitFor();
  const texts = () => a.evaluate(() => Object.entries(localStorage).filter(([k]) => /^latih\.trainer\.scenario\.[^.]+$/.test(k)).map(([, v]) => v));
  assert.equal((await texts()).filter((t) => t.includes("Ringkasan yang hanya ada di tab A")).length, 1);

  // B's scenario is purged in A; B is told at once, its next edit is not saved to a key
  // nothing lists, and it keeps its text as a new scenario.
  await a.getByTestId("own-weaver-sukarara-salinan").getByTestId("delete-scenario").click();
  await a.getByTestId("trashed-weaver-sukarara-salinan").getByTestId("purge-scenario").click();
  await b.getByTestId("scenario-gone").waitFor();
  await b.getByTestId("meta-summary-id").fill("Ringkasan dari tab B setelah dihapus");
  await b.getByTestId("meta-summary-id").press("Tab");
  await b.waitForTimeout(800);
  assert.equal((await texts()).filter((t) => t.includes("setelah dihapus")).length, 0, "nothing written for a purged scenario");
  await b.getByTestId("keep-as-new").click();
  await b.getByTestId("scenario-gone").waitFor({ state: "detached" });
  await b.waitForTimeout(800);
  assert.equal((await texts()).filter((t) => t.includes("setelah dihapus")).length, 1, "kept as a new scenario");
  assert.notEqual(b.url(), editor);
  assert.deepEqual(problems, []);
});

test("two open tabs show each other's new workshops and scenarios without a reload", async (t) => {
  const context = await browser.newContext({ viewport: LAPTOP });
  t.after(() => context.close());
  const a = await context.newPage();
  const b = await context.newPage();
  const problems = [...[a, b].map(watchProblems)];
  await a.goto(`${server.url}pelatih.html`);
  await a.getByTestId("no-workshops").waitFor();
  await b.goto(`${server.url}pelatih.html#/baru`);
  await b.getByTestId("ws-name").fill("Workshop dari tab B");
  await b.getByTestId("ws-date").fill("2026-12-10");
  await b.getByTestId("ws-place").fill("Mataram");
  await b.getByTestId("ws-wadah").fill("Wadah Ampenan");
  await b.getByTestId("pick-pre-fisher-lombok-timur").check();
  await b.getByTestId("ws-create").click();
  await b.getByTestId("workshop-detail").waitFor();
  await a.getByText("Workshop dari tab B").waitFor();

  await a.goto(`${server.url}pelatih.html#/skenario`);
  await a.getByTestId("no-scenarios").waitFor();
  await b.goto(`${server.url}pelatih.html#/skenario`);
  await b.getByTestId("new-scenario").click();
  await b.getByTestId("about-editor").waitFor();
  await a.getByTestId("own-skenario-baru").waitFor();
  assert.deepEqual(problems.flat(), []);
});

// Thousands of broken nodes froze the page for 19.6 s (issue 13). A file past the import limits
// is refused, saying why, without a long task; the largest file accepted opens and edits with
// no task over 200 ms, the goal, met on our machines (open: 168 ms with a 23 ms reference);
// on a slower machine the gate is 10 times the reference workload measured in the same run.
test("large files never freeze the page: past the limits refused with why, the largest accepted stays responsive", async (t) => {
  const context = await browser.newContext({ viewport: LAPTOP });
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
  });
  await page.goto(`${server.url}pelatih.html#/skenario`);
  await page.getByTestId("scenario-file").waitFor({ state: "attached" });
  const reference = await calibrate(page);
  const budget = Math.max(200, 10 * reference);
  const fisher = JSON.parse(FISHER);
  const broken = (count, text, choices = 6, choiceText = "b".repeat(200)) => ({
    ...fisher,
    nodes: Array.from({ length: count }, (_, i) => ({
      id: `n${i}`,
      lines: [{ text: { id: text, en: "" } }],
      choices: Array.from({ length: choices }, (_, j) => ({ id: `c${j}`, text: { id: choiceText, en: "" }, kind: "discover", feedback: { id: "", en: "" }, next: { node: `x${i}` } })),
    })),
  });
  // Picks a file the way a person does, and returns the longest task it caused.
  const pick = async (name, text) => {
    await page.evaluate(({ name, text }) => {
      window.__dt = new DataTransfer();
      window.__dt.items.add(new File([text], name, { type: "application/json" }));
    }, { name, text });
    await page.evaluate(() => {
      window.__long = [];
      const input = document.querySelector("[data-testid=scenario-file]");
      input.files = window.__dt.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
  };
  const longest = async () => {
    await page.waitForTimeout(400);
    return Math.max(0, ...(await page.evaluate(() => window.__long)));
  };

  await pick("beku.json", JSON.stringify(broken(12000, "a", 1, "b")));
  await page.getByTestId("import-refused").filter({ hasText: "paling banyak 8000" }).waitFor();
  const refused = await longest();
  await pick("terlalu-besar.json", "x".repeat(3 << 20));
  await page.getByTestId("import-refused").filter({ hasText: "terlalu besar" }).waitFor();
  const tooLarge = await longest();

  const largest = JSON.stringify(broken(250, "a".repeat(3000)));
  await pick("besar.json", largest);
  await page.getByTestId("import-ok").waitFor();
  const imported = await longest();
  await page.evaluate(() => (window.__long = []));
  await page.getByTestId("open-scenario").first().click();
  await page.getByTestId("more-problems").waitFor();
  const opened = await longest();
  await page.evaluate(() => (window.__long = []));
  await page.getByTestId("meta-title-id").fill("Judul baru");
  await page.getByTestId("meta-title-id").press("Tab");
  await page.getByTestId("editor-title").filter({ hasText: "Judul baru" }).waitFor();
  const edited = await longest();
  console.log(`# longest tasks (ms): refused ${refused.toFixed(0)}, too large ${tooLarge.toFixed(0)}, import of the largest accepted (${(largest.length / 1048576).toFixed(2)} MiB) ${imported.toFixed(0)}, open ${opened.toFixed(0)}, edit ${edited.toFixed(0)}; budget ${budget.toFixed(0)} (reference ${reference.toFixed(1)} ms)`);
  for (const [what, ms] of [["refused", refused], ["too large", tooLarge], ["import", imported], ["open", opened], ["edit", edited]]) {
    assert.ok(ms <= budget, `${what}: a task of ${ms.toFixed(0)} ms > ${budget.toFixed(0)} ms`);
  }
  assert.deepEqual(problems, []);
});

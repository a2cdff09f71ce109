// Editor benchmark on a 2,000-node scenario in the release build (dist/), in headless Chromium:
// an edit in the node editor (relinking a choice to another node), its revalidation and the redraw of the problems panel and the
// graph, from the change event to the next frame after the page changed (with layout forced),
// at p50 and p95. Also reports opening the scenario and selecting a node. The gate is the p95 of
// an edit as a ratio to a reference workload measured in the same browser in the same run
// (tests/e2e/support/calibrate.mjs); the goal, 50 ms, is printed beside it.
//
// The scenario comes from `latih-cli generate --runs 2000` (valid by construction, three or four
// choices per node, hidden facts and conditions). It is over the 2 MiB import limit, as a
// 2,000-node scenario written by hand would be, so it is put in the trainer's storage the way
// the app keeps its scenarios (src/trainer/storage/scenarios.rs: a list entry and a text key), as if
// it had grown there edit by edit.
import { writeFileSync, mkdirSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { resolve, join } from "node:path";
import { serve } from "../tests/e2e/support/server.mjs";
import { launch, seedScenario, ARTIFACTS } from "../tests/e2e/support/browser.mjs";
import { calibrate, gate } from "../tests/e2e/support/calibrate.mjs";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const DIST = resolve(ROOT, "dist");
const NODES = 2000;
const EDITS = 40;
// The p95 of an edit as a multiple of the reference workload's time: 1.7 measured on a 2-core
// machine of the kind CI uses (the reference took 26-38 ms there, shared with other work), since
// validation remembers each node and nodes are shared between the editor's copies; it was 3.5-5.9
// when every edit copied, compared and validated the whole scenario.
const BUDGET_P95_RATIO = 4;
const GOAL_P95_MS = 50;
// The autosave's longest task as a multiple of the reference: it was 6-8 (159-189 ms) when the
// whole scenario was written in one task, and is 0-2.5 written in slices.
const BUDGET_SAVE_RATIO = 4;
const GOAL_SAVE_MS = 50;
if (!existsSync(join(DIST, "pelatih.html"))) {
  console.error("no dist/: build it first (trunk build --release)");
  process.exit(1);
}
const text = execFileSync("cargo", ["run", "--quiet", "--features", "test-support", "--bin", "latih-cli", "--", "generate", "--runs", String(NODES)], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });

const server = await serve(DIST);
const browser = await launch();
const edits = [];
let open, select, save, reference;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}pelatih.html`);
  await page.getByTestId("no-workshops").waitFor();
  reference = await calibrate(page);
  await seedScenario(page, "bench", text);

  const t0 = Date.now();
  await page.goto(`${server.url}pelatih.html#/skenario/bench`);
  await page.getByTestId(`gnode-n${NODES - 1}`).waitFor({ timeout: 60000 });
  open = Date.now() - t0;

  // Times a user action from its event (seen first, at the window) to the first frame after
  // the page changed, with layout forced.
  await page.evaluate(() => {
    window.__latihTimes = [];
    let start = null;
    const observer = new MutationObserver(() => {
      if (start === null) return;
      const from = start;
      start = null;
      requestAnimationFrame(() => {
        void document.body.offsetHeight;
        window.__latihTimes.push(performance.now() - from);
      });
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    for (const type of ["click", "change"]) window.addEventListener(type, (e) => { start = e.timeStamp; }, { capture: true });
  });
  const timed = async (act) => {
    const before = await page.evaluate(() => window.__latihTimes.length);
    await act();
    await page.waitForFunction((n) => window.__latihTimes.length > n, before, { timeout: 60000 });
    return page.evaluate(() => window.__latihTimes.at(-1));
  };

  // A node far from the start, found by its id (the graph scrolls to it).
  select = await timed(async () => {
    await page.getByTestId("find-node").fill(`n${NODES / 2}`);
    await page.getByTestId("find-node").dispatchEvent("change");
  });
  await page.getByTestId("node-editor").waitFor();
  for (let i = 0; i < EDITS; i++) {
    // Relink the node's first choice: the graph's edge moves, so the page must change.
    edits.push(await timed(async () => {
      await page.getByTestId("choice-0-next").fill(`n${(NODES / 2 + 7 * (i + 1)) % NODES}`);
      await page.getByTestId("choice-0-next").dispatchEvent("change");
    }));
  }
  // The autosave after the last edit runs off the edit's path; report how long it holds the page.
  await page.evaluate(() => {
    window.__latihLong = [];
    new PerformanceObserver((list) => window.__latihLong.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
  });
  await page.getByTestId("save-state").filter({ hasText: "Tersimpan" }).waitFor({ timeout: 10000 });
  await page.waitForTimeout(300);
  save = Math.max(0, ...(await page.evaluate(() => window.__latihLong)));
  const last = `n${(NODES / 2 + 7 * EDITS) % NODES}`;
  const saved = await page.evaluate(({ node, last }) => {
    const stored = JSON.parse(localStorage.getItem("latih.trainer.scenario.bench"));
    return stored.nodes.find((n) => n.id === node).choices[0].next.node === last;
  }, { node: `n${NODES / 2}`, last });
  if (!saved) throw new Error("the edits were not saved");
  if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))]; };
const p50 = pct(edits, 0.5), p95 = pct(edits, 0.95), max = Math.max(...edits);
console.log(`${NODES}-node scenario (${(text.length / 1048576).toFixed(2)} MiB stored): open ${open} ms, select a node ${select.toFixed(1)} ms`);
console.log(`autosave after the last edit (off the edit's path, written in slices): longest task ${save ? `${save.toFixed(0)} ms` : "none over 50 ms"}`);
console.log(`edit + revalidation + redraw (${edits.length} edits): p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms`);
mkdirSync(ARTIFACTS, { recursive: true });
writeFileSync(join(ARTIFACTS, "bench-graph.json"), JSON.stringify({ nodes: NODES, open_ms: open, select_ms: select, autosave_longest_task_ms: save, p50, p95, max, edits: edits.length, reference_ms: reference }, null, 2));
const ok = gate("edit + revalidation + redraw p95", p95, reference, BUDGET_P95_RATIO, GOAL_P95_MS);
// 0 when no task passed the browser's 50 ms long-task line.
const saveOk = gate("autosave's longest task", save, reference, BUDGET_SAVE_RATIO, GOAL_SAVE_MS);
process.exit(ok && saveOk ? 0 : 1);

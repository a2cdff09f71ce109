// Latency benchmark of the agent practice pages in the release build (dist/):
// plays the bundled scenarios in headless Chromium and reports choice-to-feedback latency
// (click to the rendered answer, measured by the app as performance measures "latih-choice") at
// p50 and p95, and the library's first render. Fails when p95 exceeds 50 ms (goal: 16 ms, one
// frame at 60 Hz).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { resolve, join } from "node:path";
import { serve } from "../tests/e2e/support/server.mjs";
import { launch, ARTIFACTS } from "../tests/e2e/support/browser.mjs";
import { calibrate, gate } from "../tests/e2e/support/calibrate.mjs";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const DIST = resolve(ROOT, "dist");
// Budgets as multiples of the reference workload's time. On a 2-core machine of the kind CI uses
// the reference took 19-43 ms (the machine is shared), a choice's p95 0.15-0.25 of it and the
// library's first render 12-30.4: the render (wasm compile, fetches, layout) does not speed up
// with the machine's moments of quiet as much as the reference does, so the ratio spreads
// wider. The budgets leave room for that spread (the library's is 1.5 times the worst ratio
// seen) and fail a change that makes either several times slower.
const BUDGET_P95_RATIO = 1;
const BUDGET_LIBRARY_RATIO = 45;
const GOAL_MS = 16;
if (!existsSync(join(DIST, "index.html"))) {
  console.error("no dist/: build it first (trunk build --release)");
  process.exit(1);
}
const index = JSON.parse(execFileSync("cargo", ["run", "--quiet", "--features", "test-support", "--bin", "latih-cli", "--", "index"], { cwd: ROOT, encoding: "utf8" }));
const cli = (...args) => execFileSync("cargo", ["run", "--quiet", "--features", "test-support", "--bin", "latih-cli", "--", ...args], { cwd: ROOT, encoding: "utf8" }).trim();

const server = await serve(DIST);
const browser = await launch();
const latencies = [];
const libraryTimes = [];
let reference;
try {
  {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.url}#/latihan`);
    reference = await calibrate(page);
    await context.close();
  }
  for (let load = 0; load < 5; load++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.url}#/latihan`);
    await page.waitForFunction(() => performance.getEntriesByName("latih-library-ready").length > 0);
    libraryTimes.push(await page.evaluate(() => performance.getEntriesByName("latih-library-ready")[0].startTime));
    await context.close();
  }
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  for (const s of index) {
    for (const [policy, seed] of [["best_practice", 3], ["random", 4]]) {
      const ids = cli("path", resolve(ROOT, "src/engine/pack", s.file), "--policy", policy, "--seed", String(seed)).split(",");
      await page.goto(`${server.url}#/latihan/${s.id}?seed=${seed}`);
      await page.getByTestId("start").click();
      await page.getByTestId("chat").waitFor();
      for (const id of ids) {
        await page.getByTestId(`choice-${id}`).click();
        await page.waitForFunction(() => performance.getEntriesByName("latih-choice").length > 0);
        latencies.push(await page.evaluate(() => {
          const d = performance.getEntriesByName("latih-choice")[0].duration;
          performance.clearMeasures("latih-choice");
          return d;
        }));
      }
    }
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))]; };
const p50 = pct(latencies, 0.5), p95 = pct(latencies, 0.95), max = Math.max(...latencies);
const lib = pct(libraryTimes, 0.5);
console.log(`choice to rendered answer (${latencies.length} choices over ${index.length} scenarios): p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms`);
console.log(`library first render (navigation start to cards, median of ${libraryTimes.length}): ${lib.toFixed(0)} ms`);
mkdirSync(ARTIFACTS, { recursive: true });
writeFileSync(join(ARTIFACTS, "bench-play.json"), JSON.stringify({ p50, p95, max, choices: latencies.length, library_first_render_ms: lib, reference_ms: reference }, null, 2));
const ok = [
  gate("choice p95", p95, reference, BUDGET_P95_RATIO, GOAL_MS),
  gate("library first render", lib, reference, BUDGET_LIBRARY_RATIO),
].every(Boolean);
process.exit(ok ? 0 : 1);

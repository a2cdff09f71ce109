// Lighthouse benchmark: the agents' first visit on a phone, as Lighthouse's mobile preset
// simulates it (a mid-range phone's CPU, a slow 4G connection), on the release build (dist/)
// served with brotli as a real host serves it.
//
// Pages: the agents' home, library and a briefing, and the trainer's home and scenario library.
// Beside them, in the same run and the same browser, a one-button Yew page built the same way
// (benches/baseline/): what any Yew app costs on this machine cancels out. The pages are measured
// in RUNS rounds (the baseline first in each round, so a machine that slows down mid-run slows
// both), and each page's median kept.
//
// The gates are ratios to the baseline: main-thread work (everything the page's main thread did:
// wasm compile, scripts, style, layout, paint) and largest contentful paint. Both scale with the
// machine. Total blocking time does not: it is the sum of each task's excess over 50 ms, so a
// machine twice as slow can take a page from 0 to 300 ms while the baseline stays at 0; it is
// printed, with the score, against the goals of issue 14 (score >= 95 and TBT <= 150 ms on the
// agents' pages, >= 90 on the trainer's scenario library), which are aims on this machine, not
// gates.
//
// Layout shift is gated absolutely, at Lighthouse's "good" limit of 0.1: it measures what moves
// under the reader's eyes, not how fast the machine is (the trainer's library once pushed its
// backup card down as the bundled list arrived: 0.24).
//
//   bash scripts/bench-lighthouse.sh      (needs dist/; builds the baseline page first)
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import lighthouse from "lighthouse";
import { launch as launchChrome } from "chrome-launcher";
import { serve } from "../tests/e2e/support/server.mjs";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const DIST = join(ROOT, "dist");
const BASELINE_DIST = join(ROOT, "target", "lighthouse-baseline");
const ARTIFACTS = join(ROOT, "artifacts", "lighthouse");
const RUNS = Number(process.env.LATIH_LIGHTHOUSE_RUNS || 3);

// Budgets, as multiples of the baseline page's figure in the same run, set from runs on a 2-core
// machine of the kind CI uses (the README's "The first visit on a phone" gives the figures). The
// ratios themselves moved by up to 30% between runs there (main-thread work of the trainer's
// scenario library: 3.96 and 5.18), so each budget is about 1.4x the highest ratio measured: a
// gate for a page that got much heavier, not for a few percent.
const PAGES = [
  { name: "agents' home", path: "", work: 4.6, lcp: 2.6, goalScore: 95, goalTbt: 150 },
  { name: "agents' library", path: "#/latihan", work: 5.7, lcp: 3.3, goalScore: 95, goalTbt: 150 },
  { name: "briefing", path: "#/latihan/ojek-driver-mataram", work: 5.5, lcp: 3.4, goalScore: 95, goalTbt: 150 },
  { name: "trainer's home", path: "pelatih.html", work: 4.6, lcp: 3.8, goalScore: 90 },
  { name: "trainer's scenario library", path: "pelatih.html#/skenario", work: 7.2, lcp: 4.7, goalScore: 90 },
];

if (!existsSync(join(DIST, "index.html"))) {
  console.error("no dist/: build it first (trunk build --release)");
  process.exit(1);
}
if (!existsSync(join(BASELINE_DIST, "index.html"))) {
  console.error("no baseline page: run scripts/bench-lighthouse.sh, which builds it");
  process.exit(1);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Lighthouse's figures for one load of `url`. */
async function measureOnce(chrome, url, label) {
  const { lhr } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
  if (lhr.runtimeError) throw new Error(`${label}: ${lhr.runtimeError.message}`);
  const a = lhr.audits;
  return {
    score: Math.round(lhr.categories.performance.score * 100),
    fcp: a["first-contentful-paint"].numericValue,
    lcp: a["largest-contentful-paint"].numericValue,
    tbt: a["total-blocking-time"].numericValue,
    work: a["mainthread-work-breakdown"].numericValue,
    cls: a["cumulative-layout-shift"].numericValue,
    longTasks: (a["long-tasks"].details?.items ?? []).map((t) => `${t.url.split("/").pop() || t.url} ${Math.round(t.duration)} ms`),
    lhr,
  };
}

/** The median of each figure over `runs`; the report of the run with the median TBT is kept. */
function summary(runs, label) {
  const tbt = median(runs.map((r) => r.tbt));
  const chosen = runs.find((r) => r.tbt === tbt);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `${label.replace(/[^a-z]+/gi, "-")}.json`), JSON.stringify(chosen.lhr));
  const pick = (k) => median(runs.map((r) => r[k]));
  return { score: pick("score"), fcp: pick("fcp"), lcp: pick("lcp"), tbt, work: pick("work"), cls: pick("cls"), scores: runs.map((r) => r.score), longTasks: chosen.longTasks };
}

const app = await serve(DIST, { brotli: true });
const base = await serve(BASELINE_DIST, { brotli: true });
const chrome = await launchChrome({
  chromePath: process.env.CHROME || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
});
let failed = 0;
try {
  const runs = new Map([["baseline", []], ...PAGES.map((p) => [p.name, []])]);
  for (let round = 0; round < RUNS; round++) {
    runs.get("baseline").push(await measureOnce(chrome, base.url, "baseline"));
    for (const page of PAGES) runs.get(page.name).push(await measureOnce(chrome, app.url + page.path, page.name));
  }
  const MAX_CLS = 0.1;
  const within = (page, r, baseline) => r.work / baseline.work <= page.work && r.lcp / baseline.lcp <= page.lcp && r.cls <= MAX_CLS;
  // A page over budget is measured again (with the baseline beside it) before it fails: on a
  // shared machine one slow stretch can move a median of three, and a page that really got
  // heavier is over budget in the median of six as well.
  const first = summary(runs.get("baseline"), "baseline");
  const again = PAGES.filter((page) => !within(page, summary(runs.get(page.name), page.name), first));
  for (let round = 0; again.length && round < RUNS; round++) {
    runs.get("baseline").push(await measureOnce(chrome, base.url, "baseline"));
    for (const page of again) runs.get(page.name).push(await measureOnce(chrome, app.url + page.path, page.name));
  }
  const baseline = summary(runs.get("baseline"), "baseline");
  const fmt = (r) => `score ${r.score} (runs ${r.scores.join("/")}), FCP ${Math.round(r.fcp)} ms, LCP ${Math.round(r.lcp)} ms, TBT ${Math.round(r.tbt)} ms, CLS ${r.cls.toFixed(3)}, main-thread work ${Math.round(r.work)} ms`;
  console.log(`one-button Yew page (baseline): ${fmt(baseline)}`);
  if (again.length) console.log(`measured again, over budget in the first ${RUNS} runs: ${again.map((p) => p.name).join(", ")}`);
  for (const page of PAGES) {
    const r = summary(runs.get(page.name), page.name);
    const work = r.work / baseline.work;
    const lcp = r.lcp / baseline.lcp;
    const ok = within(page, r, baseline);
    const goal = r.score >= page.goalScore && (page.goalTbt === undefined || r.tbt <= page.goalTbt);
    console.log(`${ok ? "ok  " : "FAIL"} ${page.name}: ${fmt(r)}`);
    console.log(`     main-thread work / baseline ${work.toFixed(2)} (budget ${page.work}), LCP / baseline ${lcp.toFixed(2)} (budget ${page.lcp}), layout shift (budget ${MAX_CLS}); goal score >= ${page.goalScore}${page.goalTbt ? `, TBT <= ${page.goalTbt} ms` : ""}: ${goal ? "met" : "not met on this machine"}`);
    if (r.longTasks.length) console.log(`     long tasks: ${r.longTasks.join(", ")}`);
    if (!ok) failed++;
  }
} finally {
  await chrome.kill();
  await app.close();
  await base.close();
}
console.log(`reports: ${ARTIFACTS}`);
console.log(failed ? `${failed} page(s) over budget` : "every page within budget");
process.exit(failed ? 1 : 0);

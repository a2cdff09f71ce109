// A whole workshop, end to end, with several browser contexts: the trainer sets it up in the
// trainer's app on a laptop; two agents join from the link on their phones and take the pre-test
// and post-test; the trainer imports their codes and reads the dashboard, whose numbers must
// equal what the engine computes; an edited score and a damaged code are refused without harming
// what was imported; CSV and xAPI exports parse; the backup restores on another laptop; the
// certificates are there to print.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { watchProblems, screenshot, PHONE, LAPTOP, withAppAndBrowser } from "./support/browser.mjs";
import { readResult, forgeScore } from "./support/codes.mjs";
import { AgentApp, bundled, cliVerdicts } from "./support/agent.mjs";

const cli = cliVerdicts;
const CSV_COLUMNS = "attempt_id,workshop_id,workshop_name,workshop_date,agent,wadah,phase,scenario,scenario_version,seed,started_utc,duration_s,score,passed,outcome,package,suitable,rapport,discovery,accuracy,objections,closing,ethics,violations,choices";
const WADAH = ["Koperasi Nelayan Tanjung Luar", "Pokdarwis Sukarara"];
const meanOf = (xs) => Math.floor((xs.reduce((a, b) => a + b, 0) * 2 + xs.length) / (2 * xs.length));

let server, browser;
withAppAndBrowser((s, b) => {
  server = s;
  browser = b;
});

async function createWorkshop(page) {
  await page.goto(`${server.url}pelatih.html`);
  await page.getByTestId("no-workshops").waitFor();
  await page.getByTestId("new-workshop").click();
  await page.getByTestId("ws-create").click();
  // Every problem at once, each at its field and tied to it for a screen reader.
  assert.match(await page.getByTestId("ws-problem").textContent(), /4 isian/);
  for (const field of ["name", "date", "wadah", "tests"]) await page.getByTestId(`ws-error-${field}`).waitFor();
  assert.match(await page.getByTestId("ws-error-date").textContent(), /tanggal/i);
  assert.equal(await page.getByTestId("ws-date").getAttribute("aria-describedby"), "ws-error-date");
  assert.equal(await page.getByTestId("ws-date").getAttribute("aria-invalid"), "true");
  assert.equal(await page.getByRole("checkbox", { name: /^Pra-tes: / }).count(), bundled().length, "each checkbox named with its scenario");
  await page.getByTestId("ws-name").fill("Upgrading Skill Perisai Lombok Timur");
  await page.getByTestId("ws-date").fill("2026-12-03");
  await page.getByTestId("ws-place").fill("Aula BPJS Ketenagakerjaan Selong");
  await page.getByTestId("ws-wadah").fill(WADAH.join("\n"));
  await page.getByTestId("pick-pre-fisher-lombok-timur").check();
  await page.getByTestId("pick-practice-farmer-lombok-tengah").check();
  await page.getByTestId("pick-post-trader-mataram").check();
  await page.getByTestId("ws-create").click();
  await page.getByTestId("workshop-detail").waitFor();
  // The page says what the workshop tests and practises, and with which Wadah.
  const plan = await page.getByTestId("ws-plan").textContent();
  for (const part of ["Pra-tes", "Latihan", "Pasca-tes", ...WADAH]) assert.ok(plan.includes(part), `${part} in ${plan}`);
  // "Kode disalin." confirms a copy, then goes, so the next copy is seen to work too.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByTestId("copy-link").click();
  await page.getByText("Kode disalin").waitFor();
  await page.getByText("Kode disalin").waitFor({ state: "detached", timeout: 8000 });
  return (await page.getByTestId("share-link").textContent()).trim();
}

/** An agent's phone: join, then take each test picking choice `picks[test]` every turn. */
async function agent(t, link, name, wadah, picks) {
  const context = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(link);
  await page.getByTestId("join-name").fill(name);
  await page.getByTestId("join-wadah").selectOption(wadah);
  await page.getByTestId("join-submit").click();
  await page.getByTestId("workshop").waitFor();
  const results = [];
  const files = [];
  for (const [tes, id, pick] of [["pre", "fisher-lombok-timur", picks[0]], ["post", "trader-mataram", picks[1]]]) {
    const app = new AgentApp(page, link.split("#")[0]);
    await app.startTest(tes, id);
    await app.playUntilEnded(pick);
    await page.getByTestId("to-debrief").click();
    await page.getByTestId("result-code").waitFor();
    const code = (await page.getByTestId("result-code-text").textContent()).trim();
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("save-code").click()]);
    files.push(await file.path());
    assert.equal(readFileSync(await file.path(), "utf8").trim(), code, "the saved file holds the code");
    results.push({ total: Number(await page.locator("[data-testid=total] .total__number").textContent()), code });
    await page.goto(`${link.split("#")[0]}#/workshop`);
    await page.getByTestId("workshop").waitFor();
  }
  assert.deepEqual(problems, []);
  return { name, wadah, pre: results[0], post: results[1], files };
}

async function importText(page, text) {
  await page.getByTestId("import-text").fill(text);
  await page.getByTestId("import-submit").click();
  return (await page.getByTestId("import-summary").textContent()).trim();
}

async function readDashboard(page) {
  const tiles = {};
  for (const k of ["agents", "pre", "post", "both"]) tiles[k] = Number(await page.getByTestId(`part-${k}`).textContent());
  const rows = [];
  for (const row of await page.getByTestId("agent-row").all()) {
    rows.push({
      name: await row.getByTestId("agent-name").textContent(),
      pre: await row.getByTestId("agent-pre").textContent(),
      post: await row.getByTestId("agent-post").textContent(),
      change: await row.getByTestId("agent-change").textContent(),
    });
  }
  return { tiles, rows, overall: await page.getByTestId("overall").textContent() };
}

test("a workshop from setup to certificates, with results from two phones verified on the trainer's laptop", async (t) => {
  const laptop = await browser.newContext({ viewport: LAPTOP, acceptDownloads: true });
  t.after(() => laptop.close());
  const trainer = await laptop.newPage();
  const problems = watchProblems(trainer);
  const link = await createWorkshop(trainer);
  assert.match(link, /#\/w\/[0-9A-Z]+$/);
  const workshopCode = link.split("#/w/")[1];

  const rina = await agent(t, link, "Rina", WADAH[0], [0, 0]);
  const budi = await agent(t, link, "Budi", WADAH[1], [9, 0]);
  const codes = [rina.pre, rina.post, budi.pre, budi.post].map((r) => r.code);

  // The engine's own verdict on the four codes (what the dashboard must agree with).
  const verified = cli("verify", "--workshop", workshopCode, codes.join("\n")).split("\n");
  // After the verdicts, the item analysis of the tests' nodes.
  assert.ok(verified.includes("items\tscenario\tnode\treached\tbest%\tD\tflags\tchoices (taken, mean total; * = best)"));
  const engine = verified.filter((l) => /^(ok|rejected)\t/.test(l)).map((l) => l.split("\t"));
  assert.deepEqual(engine.map((l) => l[0]), ["ok", "ok", "ok", "ok"]);
  assert.deepEqual(engine.map((l) => Number(l[5])), [rina.pre.total, rina.post.total, budi.pre.total, budi.post.total],
    "each code replays to the score its agent saw");

  // Rina's codes arrive as a pasted chat, Budi's as the files his phone saved.
  const chat = `[09.12] Rina: ${rina.pre.code}\n[11.02] Rina: ok bu ${rina.post.code}`;
  assert.equal(await importText(trainer, chat), "2 hasil baru diterima, 0 sudah ada, 0 ditolak.");
  await trainer.getByTestId("import-files").setInputFiles(budi.files);
  await trainer.getByText("2 hasil baru diterima, 0 sudah ada, 0 ditolak.").waitFor();
  // The test phones clicked through in well under 3 seconds a choice: every result is set apart
  // as too fast, with the reason, and counts only once the trainer decides.
  assert.equal(await trainer.getByTestId("doubtful-result").count(), 4);
  assert.match(await trainer.getByTestId("doubtful").textContent(), /terlalu cepat/);
  assert.equal(await trainer.getByTestId("dashboard-empty").count(), 1, "nothing counted yet");
  while (await trainer.getByTestId("count-anyway").count() > 0) {
    const left = await trainer.getByTestId("count-anyway").count();
    await trainer.getByTestId("count-anyway").first().click();
    await trainer.waitForFunction((n) => document.querySelectorAll("[data-testid=count-anyway]").length < n, left);
  }
  const before = await readDashboard(trainer);
  assert.deepEqual(before.tiles, { agents: 2, pre: 2, post: 2, both: 2 });
  const expected = [rina, budi]
    .map((a) => ({ name: a.name, pre: String(a.pre.total), post: String(a.post.total), change: (a.post.total - a.pre.total >= 0 ? "+" : "") + (a.post.total - a.pre.total) }))
    // The dashboard's order: post-test, then pre-test, best first; equal scores by name.
    .sort((a, b) => Number(b.post) - Number(a.post) || Number(b.pre) - Number(a.pre)
      || (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
  assert.deepEqual(before.rows, expected);
  const pre = meanOf([rina.pre.total, budi.pre.total]);
  const post = meanOf([rina.post.total, budi.post.total]);
  // The change comes from the exact means (documented in docs/monev.md), half away from zero.
  const exact = (rina.post.total + budi.post.total) / 2 - (rina.pre.total + budi.pre.total) / 2;
  const change = Math.sign(exact) * Math.round(Math.abs(exact));
  assert.match(before.overall, new RegExp(`pra-tes ${pre}, pasca-tes ${post} \\(${change >= 0 ? "\\+" : "-"}${Math.abs(change)}\\)`));
  await screenshot(trainer, "dashboard-1280x800");

  // An edited score: the checksum is recomputed, so only the replay can catch it.
  const real = readResult(rina.post.code).score;
  const forged = forgeScore(rina.post.code, real === 100 ? 60 : 100);
  assert.equal(await importText(trainer, forged), "0 hasil baru diterima, 0 sudah ada, 1 ditolak.");
  const why = await trainer.getByTestId("import-rejected").textContent();
  assert.match(why, /Skor diubah/);
  assert.match(why, new RegExp(`menyebut ${real === 100 ? 60 : 100}, .* menghasilkan ${real}`));
  // A damaged code next to a repeat of a good one.
  const i = Math.floor(budi.pre.code.length / 2);
  const damaged = budi.pre.code.slice(0, i) + (budi.pre.code[i] === "A" ? "B" : "A") + budi.pre.code.slice(i + 1);
  assert.equal(await importText(trainer, `${damaged}\n${budi.post.code}`), "0 hasil baru diterima, 1 sudah ada, 1 ditolak.");
  assert.match(await trainer.getByTestId("import-rejected").textContent(), /rusak/);
  assert.deepEqual(await readDashboard(trainer), before, "refused codes change nothing");

  // Filters.
  await trainer.getByTestId("filter-wadah").selectOption(WADAH[1]);
  assert.deepEqual((await readDashboard(trainer)).rows.map((r) => r.name), ["Budi"]);
  await trainer.getByTestId("filter-wadah").selectOption("");

  // Exports.
  const [csvDownload] = await Promise.all([trainer.waitForEvent("download"), trainer.getByTestId("export-csv").click()]);
  const csvText = readFileSync(await csvDownload.path(), "utf8");
  assert.ok(csvText.startsWith("\uFEFF"), "a UTF-8 byte-order mark for spreadsheets");
  const csv = csvText.slice(1).trim().split("\r\n");
  assert.equal(csv[0], CSV_COLUMNS);
  assert.equal(csv.length, 5, "one row per attempt");
  const scoreCol = CSV_COLUMNS.split(",").indexOf("score");
  const attemptCol = CSV_COLUMNS.split(",").indexOf("attempt_id");
  assert.deepEqual(csv.slice(1).map((r) => Number(r.split(",")[scoreCol])).sort((a, b) => a - b),
    [rina.pre.total, rina.post.total, budi.pre.total, budi.post.total].sort((a, b) => a - b));
  const [xapiDownload] = await Promise.all([trainer.waitForEvent("download"), trainer.getByTestId("export-xapi").click()]);
  const statements = JSON.parse(readFileSync(await xapiDownload.path(), "utf8"));
  const turns = codes.map((c) => readResult(c).choices).reduce((a, b) => a + b, 0);
  assert.equal(statements.length, turns + 2 * codes.length);
  const registrations = new Set(statements.map((s) => s.context.registration));
  assert.deepEqual([...registrations].sort(), csv.slice(1).map((r) => r.split(",")[attemptCol]).sort());
  const completed = statements.filter((s) => s.verb.id.endsWith("/completed"));
  assert.equal(completed.length, 4);
  for (const s of completed) {
    assert.match(s.result.duration, /^PT\d+S$/);
    assert.equal(Object.keys(s.result.extensions).filter((k) => k.includes("/ext/competency/")).length, 6);
  }
  assert.equal(statements.filter((s) => /\/(passed|failed)$/.test(s.verb.id)).length, 4);

  // The backup restores on another laptop with nothing lost.
  const [backupDownload] = await Promise.all([trainer.waitForEvent("download"), trainer.getByTestId("export-backup").click()]);
  const other = await browser.newContext({ viewport: LAPTOP });
  t.after(() => other.close());
  const second = await other.newPage();
  const problems2 = watchProblems(second);
  await second.goto(`${server.url}pelatih.html`);
  await second.getByTestId("no-workshops").waitFor();
  await second.getByTestId("restore-workshop").setInputFiles(await backupDownload.path());
  await second.getByTestId("restore-status").waitFor();
  await second.locator("[data-testid^=workshop-]").first().click();
  await second.getByTestId("workshop-detail").waitFor();
  assert.deepEqual(await readDashboard(second), before, "the restored workshop shows the same numbers");

  // Certificates: the best of each Wadah, and everyone who passed the post-test.
  await trainer.getByTestId("to-certificates").click();
  await trainer.getByTestId("print").waitFor();
  const cols = CSV_COLUMNS.split(",");
  const passing = csv.slice(1).map((r) => r.split(",")).filter((r) => r[cols.indexOf("phase")] === "post_test" && r[cols.indexOf("passed")] === "true");
  const wadahWithAPass = new Set(passing.map((r) => r[cols.indexOf("wadah")])).size;
  assert.equal(await trainer.getByTestId("certificate").count(), wadahWithAPass + passing.length,
    "an award for the best of each Wadah where someone passed, and a certificate per pass");
  await screenshot(trainer, "certificates-1280x800");
  assert.deepEqual([...problems, ...problems2], []);
});

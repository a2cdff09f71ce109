// Results flow to a real learning record store and back: two trainers' laptops (browser
// contexts) send their workshops to one Ralph started for the test, through every failure a
// trainer meets (offline, a wrong password, the LRS stopping mid-send), and both read the same
// branch view back, which agrees with `latih-cli verify` over the same codes. Last, a load check:
// 50,000 statements read back and replayed with no long task on the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { launch, watchProblems, screenshot, LAPTOP } from "./support/browser.mjs";
import { serve } from "./support/server.mjs";
import { ROOT } from "./support/agent.mjs";
import { startLrs } from "./support/lrs.mjs";

const cli = (...args) =>
  execFileSync("cargo", ["run", "--quiet", "--no-default-features", "--features", "test-support", "--bin", "latih-cli", "--", ...args], {
    cwd: ROOT, encoding: "utf8", maxBuffer: 512 << 20,
  }).trim();

const WADAH = ["Koperasi Nelayan Tanjung Luar", "Pokdarwis Sukarara"];
const USERS = [{ username: "pelatih-selong", password: "rahasia-1" }, { username: "pelatih-mataram", password: "rahasia-2" }];
// Two workshops of one branch: December in Selong (trainer 1), the March follow-up in Mataram
// (trainer 2). 12:00 in Lombok on each day.
const WORKSHOPS = [
  { name: "Upgrading Skill Perisai Lombok Timur", date: "2026-12-03", place: "Selong", started: Date.UTC(2026, 11, 3, 4) / 1000 },
  { name: "Tindak Lanjut Perisai", date: "2027-03-10", place: "Mataram", started: Date.UTC(2027, 2, 10, 4) / 1000 },
];
const AGENTS = [
  ["Rina", WADAH[0], "passive", "best_practice"],
  ["Baiq Nur'aini", WADAH[1], "pushy", "best_practice"],
  ["Budi Santoso", WADAH[0], "random", "random"],
];

let app, lrs, browser;
const made = []; // per workshop: { code, id, codes }

before(async () => {
  for (const [w, spec] of WORKSHOPS.entries()) {
    const code = cli("workshop", "--name", spec.name, "--date", spec.date, "--place", spec.place,
      "--wadah", WADAH.join(";"), "--pre", "fisher-lombok-timur", "--post", "trader-mataram");
    const codes = [];
    for (const [i, [name, wadah, pre, post]] of AGENTS.entries()) {
      for (const [phase, policy] of [["pre_test", pre], ["post_test", post]]) {
        codes.push(...cli("result", "--workshop", code, "--name", name, "--wadah", wadah, "--phase", phase,
          "--policy", policy, "--seed", String(100 * w + i + 1), "--started", String(spec.started + 600 * i)).split("\n"));
      }
    }
    const statements = JSON.parse(cli("verify", "--workshop", code, "--xapi", codes.join("\n")));
    made.push({ code, codes, statements, lines: cli("verify", "--workshop", code, codes.join("\n")) });
  }
  app = await serve();
  lrs = await startLrs({ origins: [new URL(app.url).origin], users: USERS });
  browser = await launch();
}, { timeout: 600_000 });

after(async () => {
  await browser?.close();
  await app?.close();
  await lrs?.stop();
  if (lrs) await rm(lrs.dir, { recursive: true, force: true });
});

/** A trainer's laptop: a context with `workshop` (index into `made`) stored, no results yet. */
async function laptop(workshops) {
  const context = await browser.newContext({ viewport: LAPTOP });
  const stored = workshops.map((w) => ({ code: made[w].code, created_ms: 1, results: [] }));
  await context.addInitScript((list) => {
    if (!localStorage.getItem("latih.trainer.workshops")) localStorage.setItem("latih.trainer.workshops", list);
  }, JSON.stringify(stored));
  const page = await context.newPage();
  const problems = watchProblems(page);
  return { context, page, problems };
}

async function connect(page, user, password = user.password) {
  await page.goto(`${app.url}pelatih.html#/cabang`);
  await page.getByTestId("lrs-endpoint").fill(`${lrs.url}/`);
  await page.getByTestId("lrs-username").fill(user.username);
  await page.getByTestId("lrs-password").fill(password);
  await page.getByTestId("lrs-save").click();
  await page.getByTestId("lrs-settings-status").filter({ hasText: /Tersimpan/ }).waitFor();
}

/** Opens a workshop's page and pastes its agents' codes (the auto-send then starts). */
async function importResults(page, w) {
  await page.goto(`${app.url}pelatih.html#/`);
  await page.locator(`[data-testid^="workshop-"]`).filter({ hasText: WORKSHOPS[w].name }).click();
  await page.getByTestId("import-text").fill(made[w].codes.join("\n"));
  await page.getByTestId("import-submit").click();
}

const stored = () => lrs.count(USERS[0]);

let first, second;

test("a trainer's results reach the LRS by themselves, once however often they are sent", async () => {
  first = await laptop([0]);
  const { page } = first;
  await connect(page, USERS[0]);
  await importResults(page, 0);
  await page.getByTestId("lrs-workshop-status").filter({ hasText: /Diterima LRS/ }).waitFor({ timeout: 30_000 });
  assert.equal(await stored(), made[0].statements.length, "every statement of the workshop");
  // Sent again on purpose: stored once (stable ids).
  await page.getByTestId("lrs-send-workshop").click();
  await page.getByTestId("lrs-workshop-status").filter({ hasText: /Diterima LRS/ }).waitFor({ timeout: 30_000 });
  assert.equal(await stored(), made[0].statements.length);
  await screenshot(page, "lrs-workshop-sent");
});

test("offline, results wait in a queue that survives a reload, and go when online", async () => {
  second = await laptop([1]);
  const { page, context } = second;
  await connect(page, USERS[1]);
  await context.setOffline(true);
  await importResults(page, 1);
  await page.getByTestId("lrs-workshop-error").filter({ hasText: /Tidak ada sinyal/ }).waitFor({ timeout: 15_000 });
  await page.reload();
  await page.getByTestId("lrs-workshop-status").filter({ hasText: /Menunggu/ }).waitFor();
  assert.equal(await stored(), made[0].statements.length, "nothing of the second workshop yet");
  await context.setOffline(false);
  await page.getByTestId("lrs-workshop-status").filter({ hasText: /Diterima LRS/ }).waitFor({ timeout: 30_000 });
  assert.equal(await stored(), made[0].statements.length + made[1].statements.length);
});

test("a wrong password is said in words and keeps the queue until it is fixed", async () => {
  const { page } = first;
  await connect(page, USERS[0], "salah");
  await page.goto(`${app.url}pelatih.html#/`);
  await page.locator(`[data-testid^="workshop-"]`).first().click();
  await page.getByTestId("lrs-send-workshop").click();
  await page.getByTestId("lrs-workshop-error").filter({ hasText: /menolak nama pengguna atau kata sandi/ }).waitFor({ timeout: 15_000 });
  await page.goto(`${app.url}pelatih.html#/cabang`);
  await page.getByTestId("lrs-queue-count").waitFor();
  await page.getByTestId("lrs-error").filter({ hasText: /Perbaiki lalu tekan/ }).waitFor();
  await screenshot(page, "lrs-wrong-password");
  await connect(page, USERS[0]);
  await page.getByTestId("lrs-queue-empty").waitFor({ timeout: 30_000 });
});

test("the LRS stopping in the middle of a send loses nothing, and the send resumes", async () => {
  const { page } = first;
  // The connection drops after the first batch of the workshop's statements has been stored.
  let posts = 0;
  await page.route(`${lrs.url}/statements`, async (route) => {
    if (route.request().method() === "POST" && ++posts === 2) {
      await lrs.stop();
      return route.abort("connectionrefused");
    }
    return route.continue();
  });
  // More results make the workshop's statements go in more than one batch.
  const extra = cli("result", "--workshop", made[0].code, "--name", "Agen", "--agents", "12", "--wadah", WADAH[1],
    "--phase", "pre_test", "--seed", "500", "--started", String(WORKSHOPS[0].started)).split("\n");
  made[0].codes.push(...extra);
  made[0].statements = JSON.parse(cli("verify", "--workshop", made[0].code, "--xapi", made[0].codes.join("\n")));
  assert.ok(made[0].statements.length > 100, "two batches at least");
  await page.goto(`${app.url}pelatih.html#/`);
  await page.locator(`[data-testid^="workshop-"]`).first().click();
  await page.getByTestId("import-text").fill(extra.join("\n"));
  await page.getByTestId("import-submit").click();
  await page.getByTestId("lrs-workshop-error").filter({ hasText: /LRS tidak menjawab/ }).waitFor({ timeout: 15_000 });
  await page.unroute(`${lrs.url}/statements`);
  await lrs.start();
  // It tries again by itself (5 s after the failure).
  await page.getByTestId("lrs-workshop-status").filter({ hasText: /Diterima LRS/ }).waitFor({ timeout: 30_000 });
  assert.equal(await stored(), made[0].statements.length + made[1].statements.length);
});

/** The means of the codes' verified totals per phase, as latih-cli verify prints them. */
function cliMeans(lines) {
  const totals = { pre_test: [], post_test: [] };
  for (const line of lines.split("\n").filter((l) => l.startsWith("ok\t"))) {
    const [, , , phase, , total] = line.split("\t");
    totals[phase].push(Number(total));
  }
  const mean = (xs) => Math.floor((xs.reduce((a, b) => a + b, 0) * 2 + xs.length) / (2 * xs.length));
  return { pre: mean(totals.pre_test), post: mean(totals.post_test), count: totals.pre_test.length + totals.post_test.length };
}

async function readBranch(page) {
  await page.goto(`${app.url}pelatih.html#/cabang`);
  await page.getByTestId("branch-read-button").click();
  await page.getByTestId("branch-view").waitFor({ timeout: 60_000 });
  return {
    summary: await page.getByTestId("branch-summary").innerText(),
    workshops: await page.getByTestId("branch-workshops").innerText(),
    wadah: await page.getByTestId("branch-wadah").innerText(),
    agents: await page.getByTestId("branch-agents").innerText(),
    competencies: await page.getByTestId("branch-competencies").innerText(),
  };
}

test("two trainers read the same branch view back, and it agrees with latih-cli verify", async () => {
  // Both workshops' lines, from the engine's own verification of the same codes.
  made[0].lines = cli("verify", "--workshop", made[0].code, made[0].codes.join("\n"));
  const expected = made.map((m) => cliMeans(m.lines));
  const a = await readBranch(first.page);
  const b = await readBranch(second.page);
  assert.deepEqual(a, b, "the same view on both laptops");
  const results = expected.reduce((n, e) => n + e.count, 0);
  assert.match(a.summary, new RegExp(`${results} hasil terverifikasi dari 2 workshop`));
  const rows = (await first.page.getByTestId("branch-workshop-row").allInnerTexts()).map((r) => r.split("\t"));
  assert.equal(rows.length, 2);
  for (const [i, row] of rows.entries()) {
    assert.match(row[1], new RegExp(WORKSHOPS[i].name), "oldest first");
    assert.equal(Number(row[3]), expected[i].pre, `pre-test mean of ${WORKSHOPS[i].name}`);
    assert.equal(Number(row[4]), expected[i].post, `post-test mean of ${WORKSHOPS[i].name}`);
  }
  // Rina took both workshops: her row has a cell in each.
  const rina = (await first.page.getByTestId("branch-agents").locator("tr", { hasText: "Rina" }).innerText()).split("\t");
  assert.ok(rina.slice(2, 4).every((c) => /\d+ → \d+/.test(c)), rina.join(" | "));
  await screenshot(first.page, "branch-view-laptop");
  await first.page.setViewportSize({ width: 390, height: 844 });
  await screenshot(first.page, "branch-view-phone");
  await first.page.setViewportSize(LAPTOP);
  assert.deepEqual(first.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|HTTP 401|status of 401|net::ERR_FAILED/.test(p)), []);
});

test("a statement whose score disagrees with its own code is not counted", async () => {
  // A forger posts a copy of a completed statement under a new id with a better score.
  const done = made[1].statements.find((s) => s.verb.id.endsWith("/completed"));
  const forged = structuredClone(done);
  forged.id = "0b1f3c1e-8f2a-4c55-9a0e-2d4b6f8a1c3e";
  forged.result.score.raw = 100;
  forged.result.score.scaled = 1;
  const res = await fetch(`${lrs.url}/statements`, { method: "POST", headers: lrs.headers(), body: JSON.stringify([forged]) });
  assert.equal(res.status, 200, await res.text());
  const view = await readBranch(first.page);
  // Refused with its reason; the honest statement of the same result still counts.
  const results = made.reduce((n, m) => n + cliMeans(m.lines).count, 0);
  assert.match(view.summary, new RegExp(`${results} hasil terverifikasi`));
  const refused = first.page.getByTestId("branch-refused");
  assert.match(await refused.locator("summary").innerText(), /1 hasil tidak dihitung/);
  await refused.locator("summary").click();
  assert.match(await refused.innerText(), /100/);
});

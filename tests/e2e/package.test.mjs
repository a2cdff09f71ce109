// A workshop that uses a scenario the trainer wrote, end to end with several browser contexts and
// no server: the trainer adds the scenario, creates a workshop using it as pre-test and post-test,
// and shares the workshop file and the install link; one phone installs from the file, another
// from the link; both go offline and take the tests; the trainer imports their codes and the
// dashboard counts them. A phone whose installed copy was changed produces a code the trainer
// refuses with the reason; hostile packages are refused on the phone with nothing stored.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { resolve } from "node:path";
import { tmpdir } from "node:os";
import { watchProblems, screenshot, PHONE, LAPTOP, withAppAndBrowser, todayWita } from "./support/browser.mjs";
import { AgentApp, PACK, upload } from "./support/agent.mjs";
import { readResult } from "./support/codes.mjs";

const OWN = "rumput-laut-ekas";
const TITLE = "Inaq Sarah, petani rumput laut di Ekas";
const WADAH = "Pokdakan Ekas";

let server, browser;
withAppAndBrowser((s, b) => {
  server = s;
  browser = b;
});

/** The trainer's own scenario: a bundled one under its own id, title and version. */
function ownScenario() {
  const s = JSON.parse(readFileSync(resolve(PACK, "farmer-lombok-tengah.json"), "utf8"));
  s.id = OWN;
  s.version = 1;
  s.meta.title = { id: TITLE, en: "Inaq Sarah, a seaweed farmer in Ekas" };
  return JSON.stringify(s, null, 2);
}

/** The trainer's laptop: adds the scenario, publishes it, creates the workshop; returns the file and link. */
async function trainerSetsUp(t) {
  const laptop = await browser.newContext({ viewport: LAPTOP, acceptDownloads: true });
  t.after(() => laptop.close());
  const page = await laptop.newPage();
  const problems = watchProblems(page);
  await page.goto(`${server.url}pelatih.html#/skenario`);
  await upload(page.getByTestId("scenario-file"), `${OWN}.json`, ownScenario());
  await page.getByTestId("import-ok").filter({ hasText: /\b0 kesalahan/ }).waitFor();
  await page.getByTestId(`own-${OWN}`).getByTestId("open-scenario").click();
  await page.getByTestId("scenario-view").waitFor();
  const [tab] = await Promise.all([laptop.waitForEvent("page"), page.getByTestId("play-as-agent").click()]);
  await tab.close();

  await page.goto(`${server.url}pelatih.html#/baru`);
  await page.getByTestId("ws-name").fill("Lokakarya Perisai Lombok Timur");
  await page.getByTestId("ws-date").fill(todayWita());
  await page.getByTestId("ws-place").fill("Aula Desa Ekas");
  await page.getByTestId("ws-wadah").fill(WADAH);
  await page.getByTestId(`pick-pre-${OWN}`).check();
  await page.getByTestId(`pick-post-${OWN}`).check();
  await page.getByTestId("ws-create").click();
  await page.getByTestId("package-share").waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("package-download").click()]);
  assert.match(download.suggestedFilename(), /^lokakarya-[0-9A-Z]{8}\.latih\.json$/);
  const file = readFileSync(await download.path(), "utf8");
  const link = await page.getByTestId("package-link").getAttribute("href");
  assert.match(link, /\/pasang\.html#p=[A-Za-z0-9_-]+$/);
  console.log(`package: ${file.length} bytes as a file, ${link.length} characters as a link`);
  await screenshot(page, "workshop-package-1280x800");
  assert.deepEqual(problems, []);
  return { page, file, link };
}

/** A phone: installs the package (from `how`), joins; returns the page. */
async function phoneInstalls(t, how, name) {
  const context = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = watchProblems(page);
  if (how.file) {
    await page.goto(`${server.url}pasang.html`);
    await upload(page.getByTestId("install-file"), "lokakarya.latih.json", how.file);
  } else {
    await page.goto(how.link);
  }
  await page.getByTestId("install-checked").waitFor();
  assert.equal(await page.getByTestId("install-workshop").textContent(), "Lokakarya Perisai Lombok Timur");
  assert.match(await page.getByTestId("install-scenarios").textContent(), new RegExp(`${TITLE}\\s*baru`));
  if (how.file) await screenshot(page, "install-390x844");
  await page.getByTestId("install-submit").click();
  await page.getByTestId("join-name").fill(name);
  await page.getByTestId("join-wadah").selectOption(WADAH);
  await page.getByTestId("join-submit").click();
  await page.getByTestId("workshop").waitFor();
  return { context, page, problems };
}

/** Takes the test `phase` of the own scenario picking choice `pick`; returns the code. */
async function takeTest(page, phase, pick) {
  const app = new AgentApp(page, server.url);
  await app.startTest(phase, OWN);
  await app.playUntilEnded(pick);
  await page.getByTestId("to-debrief").click();
  const code = (await page.getByTestId("result-code-text").textContent()).trim();
  await page.goto(`${server.url}#/workshop`);
  await page.getByTestId("workshop").waitFor();
  return code;
}

test("a workshop with the trainer's own scenario runs on phones that never saw it, offline after install", async (t) => {
  const { page: trainer, file, link } = await trainerSetsUp(t);

  // Phone A installs from the file, phone B from the link; both play offline.
  const a = await phoneInstalls(t, { file }, "Baiq Nur");
  const b = await phoneInstalls(t, { link }, "Lalu Ahmad");
  await a.page.goto(`${server.url}#/latihan`);
  const group = a.page.getByTestId("library-workshop");
  assert.match(await group.locator("h2").first().textContent(), /Lokakarya Perisai Lombok Timur/);
  await group.getByTestId(`scenario-${OWN}`).waitFor();
  await screenshot(a.page, "library-workshop-390x844");
  const codes = [];
  for (const [phone, picks] of [[a, [0, 0]], [b, [2, 1]]]) {
    await phone.page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    await phone.context.setOffline(true);
    await phone.page.goto(`${server.url}#/workshop`);
    await phone.page.getByTestId("workshop").waitFor();
    codes.push(await takeTest(phone.page, "pre", picks[0]));
    codes.push(await takeTest(phone.page, "post", picks[1]));
    assert.deepEqual(phone.problems, []);
  }
  for (const code of codes) {
    const r = readResult(code);
    assert.equal(r.scenario, OWN);
    assert.equal(r.content.length, 16, "the code names the content it was played on");
  }

  // Installing the same workshop again keeps one copy.
  await a.context.setOffline(false);
  await a.page.goto(`${server.url}pasang.html`);
  await upload(a.page.getByTestId("install-file"), "lokakarya.latih.json", file);
  await a.page.getByTestId("install-checked").waitFor();
  assert.doesNotMatch(await a.page.getByTestId("install-scenarios").textContent(), /baru/);
  await a.page.getByTestId("install-submit").click();
  await a.page.getByTestId("join-workshop").waitFor();
  assert.equal(await a.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("latih.installed.")).length), 1);

  // A file shared to Latih (WhatsApp's Share on Android: the manifest's share target, a POST the
  // service worker receives) opens the install page with it.
  await a.page.evaluate(async (text) => {
    const form = new FormData();
    form.append("berkas", new File([text], "lokakarya.latih.json", { type: "application/json" }));
    await fetch("pasang.html?bagikan", { method: "POST", body: form, redirect: "manual" });
  }, file);
  await a.page.goto(`${server.url}pasang.html#kotak`);
  await a.page.getByTestId("install-checked").waitFor();
  assert.equal(await a.page.getByTestId("install-workshop").textContent(), "Lokakarya Perisai Lombok Timur");

  // Phone C's installed copy was changed (a name in it edited): its code is refused with the reason.
  const c = await phoneInstalls(t, { file }, "Amaq Rudi");
  await c.page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("latih.installed."));
    localStorage.setItem(key, localStorage.getItem(key).replaceAll("Ekas", "Ekaz"));
  });
  await c.page.reload();
  await c.page.getByTestId("workshop").waitFor();
  const tampered = await takeTest(c.page, "pre", 0);

  await trainer.getByTestId("import-text").fill([...codes, tampered].join("\n"));
  await trainer.getByTestId("import-submit").click();
  assert.match(await trainer.getByTestId("import-summary").textContent(), /^4 hasil baru diterima, 0 sudah ada, 1 ditolak/);
  assert.match(await trainer.getByTestId("import-rejected").textContent(), /salinan yang berbeda.*diubah/);
  while (await trainer.getByTestId("count-anyway").count() > 0) {
    const left = await trainer.getByTestId("count-anyway").count();
    await trainer.getByTestId("count-anyway").first().click();
    await trainer.waitForFunction((n) => document.querySelectorAll("[data-testid=count-anyway]").length < n, left);
  }
  assert.equal(Number(await trainer.getByTestId("part-agents").textContent()), 2);
  assert.equal(Number(await trainer.getByTestId("part-both").textContent()), 2);
  const names = await trainer.getByTestId("agent-name").allTextContents();
  assert.deepEqual(names.sort(), ["Baiq Nur", "Lalu Ahmad"]);
});

test("a hostile package is refused on the phone with a clear message, and nothing is stored", async (t) => {
  const context = await browser.newContext({ viewport: PHONE });
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${server.url}pasang.html`);
  const installed = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("latih.installed.")).length);
  const refused = async (name, text, reason) => {
    await upload(page.getByTestId("install-file"), name, text);
    const notice = page.getByTestId("install-refused");
    await notice.waitFor();
    assert.match(await notice.textContent(), reason, name);
    assert.equal(await installed(), 0, `${name}: nothing stored`);
  };
  // 10,000-deep nesting: refused as not a workshop file (never a crash).
  await refused("deep.json", `{"kind":"latih-workshop","format":1,"scenarios":${"[".repeat(10000)}${"]".repeat(10000)}}`, /bukan berkas/i);
  // 50 MB: refused by its size, without reading it.
  const big = resolve(mkdtempSync(resolve(tmpdir(), "latih-big-")), "besar.json");
  writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
  await page.getByTestId("install-file").setInputFiles(big);
  await page.getByTestId("install-refused").filter({ hasText: /terlalu besar|too large/i }).waitFor();
  assert.equal(await installed(), 0, "50 MB: nothing stored");
  // A link cut short.
  await page.goto("about:blank");
  await page.goto(`${server.url}pasang.html#p=AAAA`);
  await page.getByTestId("install-refused").waitFor();
  assert.match(await page.getByTestId("install-refused").textContent(), /terpotong|cut short/);

  // Script in the titles is data, shown as text: nothing runs, and nothing is stored until the
  // agent installs.
  await page.goto(`${server.url}pasang.html`);
  const s = JSON.parse(ownScenario());
  s.meta.title = { id: `<img src=x onerror="window.__pwned=1">`, en: "<script>window.__pwned=1</script>" };
  const hostile = await hostilePackage(s);
  await upload(page.getByTestId("install-file"), "x.json", hostile);
  await page.getByTestId("install-checked").waitFor();
  assert.match(await page.getByTestId("install-scenarios").textContent(), /<img src=x onerror=/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator("#app img").count(), 0);
  assert.equal(await installed(), 0);
  assert.deepEqual(problems, []);
});

/** A package around scenario `s`, written by the CLI as the trainer's app writes it. */
async function hostilePackage(s) {
  const { cli } = await import("./support/agent.mjs");
  const dir = mkdtempSync(resolve(tmpdir(), "latih-pkg-"));
  const path = resolve(dir, `${s.id}.json`);
  writeFileSync(path, JSON.stringify(s));
  return cli("workshop", "--name", "<b>Lokakarya</b>", "--date", todayWita(), "--place", "x", "--wadah", WADAH, "--pre", OWN, path);
}

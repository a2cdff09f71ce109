// A workshop from the agents' side, in separate browser contexts (two phones): each opens the
// trainer's link, joins with a name and a Wadah, takes the pre-test in assessment mode and gets
// a result code; the engine (latih-cli verify, what the trainer's app runs) replays each code to
// the score the agent saw, and refuses a damaged one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { watchProblems, screenshot, PHONE, withAppAndBrowser } from "./support/browser.mjs";
import { AgentApp, cliVerdicts } from "./support/agent.mjs";

const cli = cliVerdicts; // verify exits 1 when it refuses a code, and still prints every verdict
const WORKSHOP = cli("workshop", "--name", "Upgrading Skill Perisai Lombok Timur", "--date", "2026-12-03", "--place", "Selong",
  "--wadah", "Koperasi Nelayan Tanjung Luar;Pokdarwis Sukarara", "--pre", "fisher-lombok-timur", "--post", "trader-mataram",
  "--practice", "farmer-lombok-tengah");

let server, browser;
withAppAndBrowser((s, b) => {
  server = s;
  browser = b;
});

/** One agent's phone: join, take the pre-test picking the `pick`-th choice each turn; returns the score and code. */
async function agentTakesPreTest(t, name, wadah, pick) {
  const context = await browser.newContext({ viewport: PHONE });
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${server.url}#/w/${WORKSHOP}`);
  await page.getByTestId("join-workshop").waitFor();
  assert.equal(await page.getByTestId("join-workshop").textContent(), "Upgrading Skill Perisai Lombok Timur");
  await page.getByTestId("join-submit").click();
  assert.match(await page.getByTestId("join-problem").textContent(), /nama/i, "a name is required");
  await page.getByTestId("join-name").fill(name);
  await page.getByTestId("join-wadah").selectOption(wadah);
  await page.getByTestId("join-submit").click();
  await page.getByTestId("workshop").waitFor();
  assert.match(await page.getByTestId("workshop-you").textContent(), new RegExp(`${name} · ${wadah}`));
  if (pick === 0) await screenshot(page, "workshop-agent-390x844");

  await page.getByTestId("test-pre-fisher-lombok-timur").getByTestId("test-start").click();
  await page.getByTestId("test-notice").waitFor();
  assert.equal(await page.getByTestId("mode-practice").count(), 0, "a test cannot be switched to practice");
  await page.getByTestId("start").click();
  assert.equal(await page.getByTestId("play").getAttribute("data-mode"), "assessment");
  await new AgentApp(page, server.url).playUntilEnded(pick);
  await page.getByTestId("to-debrief").click();
  await page.getByTestId("result-code").waitFor();
  const total = Number(await page.locator("[data-testid=total] .total__number").textContent());
  const code = (await page.getByTestId("result-code-text").textContent()).trim();
  assert.match(code, /^LATIH-[0-9A-Z]+$/);
  await page.getByTestId("show-qr").click();
  assert.ok((await page.getByTestId("qr").boundingBox()).width > 200, "the QR code is large enough to scan");
  if (pick === 0) await screenshot(page, "result-code-390x844");

  // The workshop page now shows the test as done, with its code one tap away.
  await page.goto(`${server.url}#/workshop`);
  await page.getByTestId("test-pre-fisher-lombok-timur").getByTestId("test-code").waitFor();
  assert.equal(await page.getByTestId("test-pre-fisher-lombok-timur").getByTestId("test-start").count(), 0);
  assert.deepEqual(problems, []);
  return { total, code };
}

test("two agents join from the link, take the pre-test, and their codes verify to the scores they saw", async (t) => {
  const rina = await agentTakesPreTest(t, "Rina", "Koperasi Nelayan Tanjung Luar", 0);
  const budi = await agentTakesPreTest(t, "Budi", "Pokdarwis Sukarara", 9);
  assert.notEqual(rina.code, budi.code);

  const pasted = `[09.12] Rina: ${rina.code}\n[09.14] Budi: kode saya ${budi.code} ya pak`;
  const verdictsOnly = (text) => text.split("\n").filter((l) => /^(ok|rejected)\t/.test(l));
  const lines = verdictsOnly(cli("verify", "--workshop", WORKSHOP, pasted));
  // The test phones clicked faster than anyone reads: a doubt column says so (it does not refuse).
  assert.ok(lines.every((l) => /\tdoubt: Selesai dalam \d+ detik/.test(l)), lines.join("\n"));
  assert.deepEqual(lines.map((l) => l.split("\t").slice(0, 6).join("\t")), [
    `ok\tRina\tKoperasi Nelayan Tanjung Luar\tpre_test\tfisher-lombok-timur\t${rina.total}`,
    `ok\tBudi\tPokdarwis Sukarara\tpre_test\tfisher-lombok-timur\t${budi.total}`,
  ]);

  // One changed character: refused as damaged, and it does not affect the good code.
  const i = Math.floor(rina.code.length / 2);
  const damaged = rina.code.slice(0, i) + (rina.code[i] === "A" ? "B" : "A") + rina.code.slice(i + 1);
  const verdicts = verdictsOnly(cli("verify", "--workshop", WORKSHOP, damaged, budi.code));
  assert.match(verdicts[0], /^rejected\tKode ini rusak/);
  assert.match(verdicts[1], /^ok\tBudi/);
});

test("a broken workshop link says so instead of failing", async (t) => {
  const context = await browser.newContext({ viewport: PHONE });
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${server.url}#/w/${WORKSHOP.slice(0, -4)}`);
  assert.match(await page.getByTestId("join-error").textContent(), /rusak/);
  assert.deepEqual(problems, []);
});

// What an agent is taught is true on the day it is played, and the order of the choices is no
// cue: with the browser's clock set into each PP 50/2025 discount window, the figures in the
// conversation, the calculator and the debrief agree with the engine's command-line tool for
// that date; two seeds show a node's choices in different orders, the number keys pick what is
// shown, and a reload keeps the order; a workshop's post-test stays locked until the pre-test
// is done.
import { test } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { watchProblems, screenshot, PHONE, withAppAndBrowser } from "./support/browser.mjs";
import { AgentApp, bundled, cli, PACK } from "./support/agent.mjs";

const index = bundled();
// A worker of each discount group whose best path states the 2-programme price.
const byOccupation = (transport) => index.find((s) => s.id === (transport ? "ojek-driver-mataram" : "farmer-lombok-tengah"));

let server, browser;
withAppAndBrowser((s, b) => {
  server = s;
  browser = b;
});

/** A phone whose clock reads `date` at 10:00 in Lombok (WITA). */
async function phoneOn(date) {
  const context = await browser.newContext({ viewport: PHONE });
  await context.clock.install({ time: new Date(`${date}T10:00:00+08:00`) });
  const page = await context.newPage();
  return { context, page, problems: watchProblems(page) };
}

/** The agent's lines of a CLI transcript, in order. */
const agentLines = (transcript) =>
  transcript.split("\n").filter((l) => l.startsWith("> ")).map((l) => l.slice(2).trim());

const WINDOWS = [
  // date, transport?, the 2-programme price at the lowest income that day
  ["2026-03-15", false, "Rp 16.800"],
  ["2026-03-15", true, "Rp 8.400"],
  ["2026-06-15", false, "Rp 8.400"],
  ["2027-01-15", false, "Rp 16.800"],
  ["2027-01-15", true, "Rp 8.400"],
  ["2027-06-15", true, "Rp 16.800"],
];

for (const [date, transport, price] of WINDOWS) {
  test(`on ${date} a ${transport ? "transport" : "non-transport"} worker's figures agree everywhere`, async () => {
    const s = byOccupation(transport);
    assert.ok(s, "the pack has such a worker");
    const file = resolve(PACK, s.file);
    const seed = 5;
    const best = cli("path", file, "--policy", "best_practice", "--seed", String(seed), "--date", date).split(",");
    const transcript = cli("play", file, "--seed", String(seed), "--date", date, "--choices", best.join(","));
    const calc = JSON.parse(cli("calc", "--income", "1000000", "--occupation", transport ? "ojek_driver" : "farmer", "--date", date));
    assert.equal(`Rp ${calc.total.toLocaleString("id-ID")}`, price, "the rates table gives the domain figure");

    const { context, page, problems } = await phoneOn(date);
    const app = new AgentApp(page, server.url);
    await app.briefing(s.id, { seed });
    assert.match(await page.getByTestId("briefing-date").textContent(), new RegExp(String(Number(date.slice(8)))));
    await app.start();
    await app.choose(best);
    // The conversation says exactly what the engine says for that date.
    const said = (await page.getByTestId("agent-line").allTextContents()).map((t) => t.replace(/^Anda/, "").trim());
    assert.deepEqual(said, agentLines(transcript));
    assert.ok(said.some((t) => t.includes(price)), `the best path states ${price}: ${said.join(" | ")}`);
    // The calculator, set to the worker, gives the same price.
    await page.getByTestId("tools").locator("summary").click();
    await page.getByTestId("calc-income").fill("1000000");
    await page.getByTestId("calc-work").selectOption(transport ? "transport" : "other");
    assert.equal((await page.getByTestId("calc-total").textContent()).trim(), price);
    // The debrief's score is the engine's.
    await page.getByTestId("to-debrief").click();
    await page.getByTestId("debrief").waitFor();
    // The debrief opens at its top: the score first, not the end of the conversation.
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    const total = Number(await page.locator("[data-testid=total] .total__number").textContent());
    assert.equal(total, Number(transcript.match(/TOTAL\s+(\d+)/)[1]));
    if (date === "2026-06-15") await screenshot(page, `figures-${s.id}-${date}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("the shown order comes from the seed, the number keys follow it, and a reload keeps it", async () => {
  const s = index[0];
  const orderOf = async (page, seed) => {
    await page.goto(`${server.url}#/latihan/${s.id}?seed=${seed}`);
    await page.getByTestId("start").click();
    await page.getByTestId("chat").waitFor();
    return page.locator(".choices__list [data-testid^=choice-]").evaluateAll((els) => els.map((e) => e.dataset.testid));
  };
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const problems = watchProblems(page);
  const orders = [];
  for (let seed = 1; seed <= 6; seed++) orders.push(await orderOf(page, seed));
  assert.ok(orders.some((o) => o.join() !== orders[0].join()), `six seeds, one order: ${orders[0]}`);
  for (const o of orders) assert.deepEqual([...o].sort(), [...orders[0]].sort());
  // The hint counts what is shown.
  assert.match(await page.getByTestId("keys-hint").textContent(), new RegExp(`1 sampai ${orders[5].length}`));
  // Reload: the same order; then key 2 picks the second choice shown.
  await page.reload();
  await page.getByTestId("chat").waitFor();
  const after = await page.locator(".choices__list [data-testid^=choice-]").evaluateAll((els) => els.map((e) => e.dataset.testid));
  assert.deepEqual(after, orders[5]);
  const second = await page.locator(".choices__list [data-testid^=choice-]").nth(1).locator(".choice__text").textContent();
  await page.locator("body").press("2");
  await page.getByTestId("agent-line").first().waitFor();
  assert.equal((await page.getByTestId("agent-line").first().textContent()).replace(/^Anda/, "").trim(), second.trim());
  assert.deepEqual(problems, []);
  await context.close();
});

test("the post-test stays locked until the pre-test is done", async () => {
  const [pre, post] = [index[0], index[1]];
  const code = cli("workshop", "--name", "Uji urutan", "--date", "2026-12-03", "--place", "Selong", "--wadah", "Koperasi A",
    "--pre", pre.id, "--post", post.id);
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${server.url}#/w/${code}`);
  await page.getByTestId("join-name").fill("Rina");
  await page.getByTestId("join-wadah").selectOption({ index: 1 });
  await page.getByTestId("join-submit").click();
  await page.getByTestId("workshop").waitFor();
  assert.match(await page.getByTestId("workshop-next").textContent(), /pra-tes/);
  const postItem = page.getByTestId(`test-post-${post.id}`);
  await postItem.getByTestId("test-locked").waitFor();
  assert.equal(await postItem.getByTestId("test-start").count(), 0);
  // Going to the post-test's address directly does not start it either.
  await page.goto(`${server.url}#/latihan/${post.id}?tes=post`);
  await page.getByTestId("test-locked").waitFor();
  assert.equal(await page.getByTestId("start").count(), 0);
  // Take the pre-test along the best path.
  await page.goto(`${server.url}#/workshop`);
  await page.getByTestId(`test-pre-${pre.id}`).getByTestId("test-start").click();
  await page.getByTestId("start").click();
  await page.getByTestId("chat").waitFor();
  while (await page.getByTestId("ended").count() === 0) {
    await page.locator(".choices__list button").first().click();
  }
  await page.goto(`${server.url}#/workshop`);
  await postItem.getByTestId("test-start").waitFor();
  assert.match(await page.getByTestId("workshop-next").textContent(), /pasca-tes/);
  assert.deepEqual(problems, []);
  await context.close();
});

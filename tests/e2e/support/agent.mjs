// What the journeys share: one way to run the engine's command-line tool (what the trainer's
// app and the pack command compute, to check the browser against), and the agents' app as a
// page object: open a scenario's briefing, start a run or a workshop test, choose, play to the
// end and read the debrief.
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

export const ROOT = resolve(new URL("../../..", import.meta.url).pathname);
export const PACK = resolve(ROOT, "src/engine/pack");

/** Runs latih-cli with `args` and returns what it printed; a failure throws. */
export function cli(...args) {
  return execFileSync("cargo", ["run", "--quiet", "--features", "test-support", "--bin", "latih-cli", "--", ...args], {
    cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20,
  }).trim();
}

/** [`cli`] for commands that exit 1 after printing their verdicts (verify with a refused code). */
export function cliVerdicts(...args) {
  try {
    return cli(...args);
  } catch (e) {
    if (e.status === 1) return String(e.stdout).trim();
    throw e;
  }
}

/** The bundled scenarios, as `latih-cli index` lists them. */
export const bundled = () => JSON.parse(cli("index"));

/** The choice ids the `policy` plays in the bundled scenario `s`, with `seed`. */
export const pathOf = (s, policy, seed) =>
  cli("path", resolve(PACK, s.file), "--policy", policy, "--seed", String(seed)).split(",");

/** The total the engine gives the bundled scenario `s` played along `ids`, with `seed`. */
export function engineTotal(s, ids, seed) {
  const out = cli("play", resolve(PACK, s.file), "--seed", String(seed), "--choices", ids.join(","));
  return Number(out.match(/TOTAL\s+(\d+)/)[1]);
}

/** The agents' app on one page (a phone), served at `base`. */
export class AgentApp {
  constructor(page, base) {
    this.page = page;
    this.base = base;
  }

  /** Opens scenario `id`'s briefing (with a fixed situation when `seed` is given). */
  async briefing(id, { seed } = {}) {
    await this.page.goto(`${this.base}#/latihan/${id}${seed === undefined ? "" : `?seed=${seed}`}`);
    await this.page.getByTestId("start").waitFor();
  }

  /** Starts the run from the briefing on the page, in `mode` ("practice" or "assessment"). */
  async start({ mode = "practice" } = {}) {
    if (mode === "assessment") await this.page.getByTestId("mode-assessment").check();
    await this.page.getByTestId("start").click();
    await this.page.getByTestId("chat").waitFor();
  }

  /** Opens scenario `id`'s briefing and starts a run. */
  async startRun(id, { seed, mode } = {}) {
    await this.briefing(id, { seed });
    await this.start({ mode });
  }

  /** Starts the workshop test `phase` ("pre" or "post") of scenario `id` from the workshop page on the page. */
  async startTest(phase, id) {
    await this.page.getByTestId(`test-${phase}-${id}`).getByTestId("test-start").click();
    await this.page.getByTestId("start").click();
    await this.page.getByTestId("chat").waitFor();
  }

  /** Chooses each of `ids` in turn. */
  async choose(ids) {
    for (const id of ids) await this.page.getByTestId(`choice-${id}`).click();
  }

  /** Chooses the `pick`-th choice shown (the last if there are fewer) until the conversation ends; returns the turns. */
  async playUntilEnded(pick = 0) {
    let turns = 0;
    while ((await this.page.getByTestId("ended").count()) === 0) {
      const choices = this.page.locator(".choice");
      const n = await choices.count();
      await choices.nth(Math.min(pick, n - 1)).click();
      if (++turns >= 60) throw new Error("the visit does not end after 60 choices");
    }
    return turns;
  }

  /** Opens the debrief of the run just ended; returns its total score. */
  async debrief() {
    await this.page.getByTestId("to-debrief").click();
    await this.page.getByTestId("debrief").waitFor();
    return Number(await this.page.locator("[data-testid=total] .total__number").textContent());
  }
}

/** Hands `text` to a file input as a file called `name`, as if picked or dropped. */
export async function upload(input, name, text) {
  await input.setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
}

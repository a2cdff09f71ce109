// Results flow to a real learning record store. A workshop's result codes (made by latih-cli
// `result`, scripted agents playing the tests as the agents' app does) are verified and exported
// by the engine as the trainer's app exports them (`verify --xapi`, engine::monev::xapi); every
// statement must pass an independent xAPI validator (@learninglocker/xapi-validation), and Ralph
// (tests/e2e/support/lrs.mjs) must store them once however often they are sent, give them back
// page by page as they were sent, refuse a wrong password, and let the allowed page call it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { request } from "node:http";
import xapiValidation from "@learninglocker/xapi-validation";
import { ROOT } from "./support/agent.mjs";
import { startLrs, USERS_HOME } from "./support/lrs.mjs";

/** latih-cli as the engine alone (no UI: this file needs neither the app nor a browser). */
const cli = (...args) =>
  execFileSync("cargo", ["run", "--quiet", "--no-default-features", "--features", "test-support", "--bin", "latih-cli", "--", ...args], {
    cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20,
  }).trim();

// A CommonJS module compiled from TypeScript: its function is the `default` of its exports.
const validate = xapiValidation.default;
const APP_ORIGIN = "http://127.0.0.1:8080";
const BATCH = 20;
const WADAH = ["Koperasi Nelayan Tanjung Luar", "Pokdarwis Sukarara"];
// 12:00 in Lombok (UTC+8) on the workshop's day.
const STARTED = Date.UTC(2026, 11, 3, 4, 0, 0) / 1000;
// Who takes the tests, and how they play (strong, weak and test-wise scripted agents).
const AGENTS = [
  ["Rina", WADAH[0], "best_practice"],
  ["Baiq Nur'aini", WADAH[1], "pushy"],
  ["Budi Santoso", WADAH[0], "random"],
  ["Lalu Ahmad", WADAH[1], "longest"],
];

/** A readable line per problem the validator finds in `statement`. */
const problemsOf = (statement) =>
  validate(statement).map((w) =>
    `${statement.id ?? "(no id)"} ${w.path.join(".")}: ${w.name}${w.typeName ? ` (${w.typeName})` : ""} ${JSON.stringify(w.data)}`);

let workshop, codes, statements, lrs;

/** The xAPI export of `codes` (what the trainer's app downloads), by the engine. */
const exportXapi = () => JSON.parse(cli("verify", "--workshop", workshop, "--xapi", codes.join("\n")));

before(async () => {
  workshop = cli("workshop", "--name", "Upgrading Skill Perisai Lombok Timur", "--date", "2026-12-03",
    "--place", "Aula BPJS Ketenagakerjaan Selong", "--wadah", WADAH.join(";"),
    "--pre", "fisher-lombok-timur", "--post", "trader-mataram");
  codes = [];
  for (const [i, [name, wadah, policy]] of AGENTS.entries()) {
    for (const phase of ["pre_test", "post_test"]) {
      codes.push(...cli("result", "--workshop", workshop, "--name", name, "--wadah", wadah, "--phase", phase,
        "--policy", policy, "--seed", String(i + 1), "--started", String(STARTED + 3600 * i)).split("\n"));
    }
  }
  statements = exportXapi();
  lrs = await startLrs({ origins: [APP_ORIGIN], users: [{ username: "latih", password: "rahasia-latih-1" }] });
}, { timeout: 600_000 });

after(async () => {
  await lrs?.stop();
  if (lrs) await rm(lrs.dir, { recursive: true, force: true });
});

const post = (batch, headers = lrs.headers()) =>
  fetch(`${lrs.url}/statements`, { method: "POST", headers, body: JSON.stringify(batch) });

/** Posts `all` in batches of BATCH; returns each response's status and body. */
async function postAll(all) {
  const out = [];
  for (let i = 0; i < all.length; i += BATCH) {
    const res = await post(all.slice(i, i + BATCH));
    out.push({ status: res.status, body: await res.text() });
  }
  return out;
}

test("the export is every attempt's answers, completion and verdict", () => {
  assert.equal(codes.length, AGENTS.length * 2);
  assert.equal(new Set(statements.map((s) => s.context.registration)).size, codes.length, "one registration per attempt");
  assert.equal(statements.filter((s) => s.verb.id.endsWith("/completed")).length, codes.length);
  assert.ok(statements.some((s) => s.verb.id.endsWith("/passed")) && statements.some((s) => s.verb.id.endsWith("/failed")),
    "strong and weak agents: some passed, some failed");
  assert.ok(statements.length > 2 * BATCH, `${statements.length} statements, more than two batches`);
  assert.equal(new Set(statements.map((s) => s.id)).size, statements.length, "no two statements share an id");
});

test("every statement passes an xAPI validator, which does catch a broken one", () => {
  assert.deepEqual(statements.flatMap(problemsOf), []);
  // The check can fail: a statement with no actor, a verb that is not an IRI and a score out of range.
  const broken = structuredClone(statements.find((s) => s.result?.score));
  delete broken.actor;
  broken.verb.id = "completed";
  broken.result.score.scaled = 1.5;
  const found = problemsOf(broken).join("\n");
  for (const path of ["statement.actor", "statement.verb.id", "statement.result.score.scaled"]) {
    assert.ok(found.includes(`${path}:`), `${path} is reported in:\n${found}`);
  }
});

test("the LRS stores each statement once, however often it is sent", async () => {
  assert.equal(await lrs.count(), 0);
  const first = await postAll(statements);
  for (const [i, r] of first.entries()) {
    assert.equal(r.status, 200, r.body);
    assert.deepEqual(JSON.parse(r.body), statements.slice(i * BATCH, (i + 1) * BATCH).map((s) => s.id),
      "the ids of the batch, as sent");
  }
  assert.equal(await lrs.count(), statements.length);
  // Exported again, the same results give the same statements, ids included: nothing new is stored
  // (Ralph answers 204 to a batch it holds already; a statement it held with other content would be a 409).
  const again = exportXapi();
  assert.deepEqual(again, statements, "exporting twice gives the same statements");
  for (const r of await postAll(again)) assert.equal(r.status, 204, r.body);
  assert.equal(await lrs.count(), statements.length);
  // A batch mixing stored and new statements stores only the new one.
  const extra = structuredClone(statements[0]);
  extra.id = "3c1f6e52-8a04-4b9d-a177-000000000001";
  const mixed = await post([statements[1], extra]);
  assert.equal(mixed.status, 200);
  assert.deepEqual(await mixed.json(), [extra.id]);
  assert.equal(await lrs.count(), statements.length + 1);
});

test("reading back page by page gives the statements as they were sent, also after a restart", async () => {
  const sent = new Map(statements.map((s) => [s.id, s]));
  await lrs.stop();
  await lrs.start();
  // Small pages, so that `more` is followed many times.
  const stored = (await lrs.statements(lrs.auth, { limit: 25 })).filter((s) => sent.has(s.id));
  assert.deepEqual(stored.map((s) => s.id).sort(), [...sent.keys()].sort(), "each statement, once");
  for (const s of stored) {
    const original = sent.get(s.id);
    assert.deepEqual(s.result, original.result, `the result of ${s.id}`);
    // Everything sent comes back as it was; the LRS adds when it stored it and who sent it.
    for (const key of Object.keys(original)) assert.deepEqual(s[key], original[key], `${key} of ${s.id}`);
    assert.ok(!Number.isNaN(Date.parse(s.stored)), `stored: ${s.stored}`);
    assert.deepEqual(s.authority, { objectType: "Agent", account: { homePage: USERS_HOME, name: "latih" } });
  }
});

test("a wrong password is refused with 401 and stores nothing", async () => {
  const before = await lrs.count();
  const wrong = lrs.headers({ username: "latih", password: "bukan-ini" });
  const nobody = lrs.headers({ username: "orang-lain", password: "rahasia-latih-1" });
  for (const headers of [wrong, nobody]) {
    const read = await fetch(`${lrs.url}/statements`, { headers });
    assert.equal(read.status, 401);
    assert.match(read.headers.get("www-authenticate") ?? "", /^Basic/);
    const write = await post([{ ...statements[0], id: "3c1f6e52-8a04-4b9d-a177-000000000002" }], headers);
    assert.equal(write.status, 401);
  }
  assert.equal(await lrs.count(), before);
});

/** An OPTIONS preflight from `origin` for a POST with the headers the app sends. */
function preflight(origin) {
  const url = new URL(`${lrs.url}/statements`);
  return new Promise((ok, fail) => {
    const req = request(url, {
      method: "OPTIONS",
      headers: {
        Origin: origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type,x-experience-api-version",
      },
    }, (res) => {
      res.resume();
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers }));
    });
    req.on("error", fail);
    req.end();
  });
}

test("a page of the allowed origin may post from a browser (CORS preflight); another may not", async () => {
  const allowed = await preflight(APP_ORIGIN);
  assert.equal(allowed.status, 200);
  assert.equal(allowed.headers["access-control-allow-origin"], APP_ORIGIN);
  assert.match(allowed.headers["access-control-allow-methods"], /\bPOST\b/);
  const headers = allowed.headers["access-control-allow-headers"].toLowerCase();
  for (const h of ["authorization", "content-type", "x-experience-api-version"]) assert.ok(headers.includes(h), `${h} in ${headers}`);
  const other = await preflight("http://127.0.0.1:9");
  assert.equal(other.status, 400);
  assert.equal(other.headers["access-control-allow-origin"], undefined);
});

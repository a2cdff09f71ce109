// A real learning record store for the tests: Ralph (pinned in tests/lrs/requirements.txt and
// installed by scripts/setup.sh into .tools/ralph-VERSION) on 127.0.0.1 on a free port, with
// its file backend (one jsonl file), the app module tests/lrs/lrs_app.py (which makes that
// backend append, as an LRS must), CORS for the given origins, and users made by `ralph auth`.
// `startLrs()` returns { url, dir, users, auth, headers(), statements(), count(), stop(), start() }.
// Ralph itself answers a POST of statements it already holds with 204 and stores nothing, one
// whose id it holds with other content with 409, and a batch repeating an id with 400.
import { spawn, execFile } from "node:child_process";
import { existsSync, createWriteStream, readFileSync } from "node:fs";
import { mkdtemp, mkdir, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const ROOT = resolve(new URL("../../..", import.meta.url).pathname);
export const RALPH_VERSION = "5.1.0";
/** The xAPI version the requests declare (Ralph's). */
export const XAPI_VERSION = "1.0.3";
/**
 * The largest page a GET returns. Ralph's file backend reads the file from its start for every
 * page, so reading N statements back costs about N^2 / (2 * page) lines: Ralph's default of 100
 * is ten times slower than 1000 for the same statements (see tests/lrs/lrs_app.py).
 */
export const MAX_PAGE = 1000;
/** The homePage of the agents that `ralph auth` gives the users (their authority). */
export const USERS_HOME = "https://latih.example.org";
const APP = resolve(ROOT, "tests/lrs");
const UP_WITHIN_MS = 30_000;
const live = new Set();
// A test run that dies must not leave an LRS listening.
process.on("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

/** The venv Ralph runs from: LATIH_RALPH, or the one scripts/setup.sh makes. */
export function ralphVenv() {
  return process.env.LATIH_RALPH ?? resolve(ROOT, `.tools/ralph-${RALPH_VERSION}`);
}

/** The Authorization header of `user` ({ username, password }). */
export const basicAuth = ({ username, password }) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;

async function freePort() {
  const server = createServer();
  await new Promise((ok, fail) => server.once("error", fail).listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/**
 * Starts Ralph; resolves once it answers. `origins`: the pages allowed to call it from a
 * browser (CORS); `users`: who may (all scopes; each made with `ralph auth` unless `dir`
 * already has them: bcrypt makes each take about a second); `dir`: where its users, statements
 * and log are kept (a new temporary folder if not given).
 */
export async function startLrs({
  origins = [],
  users = [{ username: "latih", password: "latih-lrs-password" }],
  dir,
} = {}) {
  const venv = ralphVenv();
  const python = join(venv, "bin/python");
  if (!existsSync(python) || !existsSync(join(venv, "bin/ralph"))) {
    throw new Error(`Ralph ${RALPH_VERSION} is not installed in ${venv}: run scripts/setup.sh (or set LATIH_RALPH to a venv with tests/lrs/requirements.txt installed)`);
  }
  const ours = !dir;
  dir ??= await mkdtemp(join(tmpdir(), "latih-lrs-"));
  const appDir = join(dir, "app");
  const dataDir = join(dir, "data");
  await mkdir(appDir, { recursive: true });
  await mkdir(dataDir, { recursive: true });
  const env = {
    ...process.env,
    RALPH_APP_DIR: appDir,
    RALPH_RUNSERVER_BACKEND: "fs",
    RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH: dataDir,
    RALPH_RUNSERVER_CORS_ALLOW_ORIGINS: JSON.stringify(origins),
    RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT: String(MAX_PAGE),
    RALPH_RUNSERVER_AUTH_BACKENDS: "basic",
    // No __pycache__ beside lrs_app.py in the checkout.
    PYTHONDONTWRITEBYTECODE: "1",
  };

  const authFile = join(appDir, "auth.json");
  const known = existsSync(authFile) ? JSON.parse(readFileSync(authFile, "utf8")).map((u) => u.username) : [];
  for (const { username, password } of users) {
    if (known.includes(username)) continue;
    await promisify(execFile)(join(venv, "bin/ralph"),
      ["auth", "-u", username, "-p", password, "-s", "all", "-A", username, USERS_HOME, "-w"], { env })
      .catch(async (e) => {
        if (ours) await rm(dir, { recursive: true, force: true });
        throw new Error(`ralph auth for ${username} failed: ${e.stderr || e.message}`);
      });
  }

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let child = null;
  let exited = null;
  let tail = "";

  async function start() {
    if (child) return;
    const log = createWriteStream(join(dir, "server.log"), { flags: "a" });
    const proc = spawn(python, ["-m", "uvicorn", "lrs_app:app", "--app-dir", APP, "--host", "127.0.0.1", "--port", String(port)], {
      env, stdio: ["ignore", "pipe", "pipe"],
    });
    child = proc;
    live.add(proc);
    tail = "";
    const keep = (chunk) => {
      log.write(chunk);
      tail = (tail + chunk).slice(-3000);
    };
    proc.stdout.on("data", keep);
    proc.stderr.on("data", keep);
    exited = new Promise((ok) => proc.once("exit", (code, signal) => {
      live.delete(proc);
      log.end();
      if (child === proc) child = null;
      ok({ code, signal });
    }));
    const gone = exited.then(({ code, signal }) => ({ gone: `exited (${signal ?? `code ${code}`})` }));
    const deadline = Date.now() + UP_WITHIN_MS;
    for (;;) {
      const answer = await Promise.race([
        fetch(`${origin}/__heartbeat__`, { signal: AbortSignal.timeout(2000) }).then((r) => ({ status: r.status }), () => ({})),
        gone,
      ]);
      if (answer.status === 200) return;
      const why = answer.gone ?? (Date.now() > deadline ? `did not answer within ${UP_WITHIN_MS / 1000} s` : null);
      if (why) {
        if (!answer.gone) await stop();
        throw new Error(`Ralph on ${origin} ${why}; the end of what it printed:\n${tail}`);
      }
      await new Promise((ok) => setTimeout(ok, 200));
    }
  }

  /** Stops the server and waits until it has exited. */
  async function stop() {
    const proc = child;
    if (!proc) return;
    const done = exited;
    proc.kill("SIGTERM");
    const timer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
    await done;
    clearTimeout(timer);
  }

  const auth = basicAuth(users[0]);
  /** The headers of an xAPI request as `user` (a { username, password } or an Authorization value). */
  const headers = (user = auth) => ({
    Authorization: typeof user === "string" ? user : basicAuth(user),
    "X-Experience-API-Version": XAPI_VERSION,
    "Content-Type": "application/json",
  });

  /**
   * Every stored statement, page by page (following `more`), in the order Ralph stored them;
   * `limit`: the statements a page asks for (at most MAX_PAGE).
   */
  async function statements(user = auth, { limit = MAX_PAGE } = {}) {
    const out = [];
    let next = `/xAPI/statements?limit=${limit}`;
    while (next) {
      const res = await fetch(origin + next, { headers: headers(user) });
      if (!res.ok) throw new Error(`GET ${next}: ${res.status} ${await res.text()}`);
      const page = await res.json();
      out.push(...page.statements);
      next = page.more || null;
    }
    return out;
  }

  try {
    await start();
  } catch (e) {
    if (ours) await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    url: `${origin}/xAPI`,
    dir,
    users,
    auth,
    headers,
    statements,
    count: async (user = auth) => (await statements(user)).length,
    stop,
    start,
  };
}

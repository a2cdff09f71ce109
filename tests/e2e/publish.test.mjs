// Publishing: scripts/publish.sh turns the built dist/ into a folder for a static HTTPS host.
// The folder holds every built file unchanged; its _headers (Netlify's format) and nginx.conf
// send each page's meta Content-Security-Policy as a header, application/wasm, and caching
// that lets the service worker see a new version. Served with its _headers rules, the app
// starts with no errors, its service worker takes over, and a workshop link names the address
// the trainer's page was opened from. Where nginx is installed, nginx serves the folder with
// its nginx.conf and sends the same headers.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { serve, DIST, parseHeadersFile, headersFor } from "./support/server.mjs";
import { watchProblems, PHONE, LAPTOP, withAppAndBrowser } from "./support/browser.mjs";

const ROOT = resolve(new URL("../..", import.meta.url).pathname);
/** Trunk's content-hashed file names (post-build.mjs hashes the trainer's module the same way). */
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
const IMMUTABLE = "public, max-age=31536000, immutable";

let browser, tmp, out, rules;
withAppAndBrowser((_, b) => {
  browser = b;
}, { serveApp: false });
before(() => {
  tmp = mkdtempSync(join(tmpdir(), "latih-publish-"));
  chmodSync(tmp, 0o755); // nginx's workers (another user) read the folder
  out = join(tmp, "site");
  execFileSync("bash", [join(ROOT, "scripts/publish.sh"), DIST, out], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  rules = parseHeadersFile(readFileSync(join(out, "_headers"), "utf8"));
});
after(() => tmp && rmSync(tmp, { recursive: true, force: true }));

function filesIn(dir) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(dir, path));
    }
  };
  walk(dir);
  return files;
}

/** The one Content-Security-Policy meta tag of a built page (Trunk minifies index.html). */
function metaCsp(html) {
  const tags = [...html.matchAll(/<meta\b[^>]*>/gi)].map((m) => m[0]).filter((t) => /http-equiv=["']?content-security-policy\b/i.test(t));
  assert.equal(tags.length, 1, "one CSP meta tag");
  return /\bcontent="([^"]*)"/.exec(tags[0])[1].replaceAll("&#39;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
}

const pages = () => filesIn(DIST).filter((f) => f.endsWith(".html"));

test("every built file is published unchanged, with _headers and nginx.conf added", () => {
  const built = filesIn(DIST);
  assert.ok(built.includes("sw.js") && built.some((f) => f.endsWith(".wasm")), "a release build");
  assert.deepEqual(filesIn(out), [...built, "_headers", "nginx.conf"].sort());
  for (const f of built) assert.ok(readFileSync(join(DIST, f)).equals(readFileSync(join(out, f))), `${f} unchanged`);
});

test("_headers sends each page's meta CSP, each file's type, and lets the service worker update", () => {
  const built = filesIn(DIST);
  for (const f of built) {
    const h = headersFor(rules, `/${f}`); // throws if two rules set one header
    assert.ok(h["content-type"], `${f} has a type`);
    assert.equal(h["x-content-type-options"], "nosniff");
    if (HASHED.test(f)) assert.equal(h["cache-control"], IMMUTABLE, `${f} is content-hashed: kept a year`);
    else assert.equal(h["cache-control"], "no-cache", `${f} keeps its name across builds: revalidated`);
    if (f.endsWith(".wasm")) assert.equal(h["content-type"], "application/wasm");
    if (f.endsWith(".webmanifest")) assert.equal(h["content-type"], "application/manifest+json");
    if (f.endsWith(".js")) assert.equal(h["content-type"], "text/javascript; charset=utf-8");
    if (f.endsWith(".html")) {
      assert.equal(h["content-type"], "text/html; charset=utf-8");
      assert.equal(h["content-security-policy"], metaCsp(readFileSync(join(DIST, f), "utf8")), `${f}: the header is the meta tag`);
    } else {
      assert.equal(h["content-security-policy"], undefined, `${f} is no page`);
    }
  }
  assert.ok(pages().includes("index.html") && pages().includes("pelatih.html") && pages().includes("pasang.html"));
  // The folder's address is index.html.
  assert.deepEqual(headersFor(rules, "/"), headersFor(rules, "/index.html"));
  assert.match(headersFor(rules, "/")["content-security-policy"], /'sha256-[A-Za-z0-9+/]+=*'/, "the start-up script's hash");
  // What the service worker compares and fetches: itself, and every file it lists that keeps its name.
  assert.equal(headersFor(rules, "/sw.js")["cache-control"], "no-cache");
  const sw = readFileSync(join(DIST, "sw.js"), "utf8");
  const onDemand = JSON.parse(/const ON_DEMAND = (\{.*\});/.exec(sw)[1]);
  const listed = [...JSON.parse(/const FILES = (\[.*\]);/.exec(sw)[1]), ...Object.values(onDemand).flat()];
  assert.ok(onDemand["pasang.html"].includes("pasang.html") && onDemand["pelatih.html"].includes("pelatih.html"));
  assert.ok(listed.includes("pack/index.bin") && listed.includes("manifest.webmanifest"));
  for (const f of listed) {
    const path = f === "./" ? "/" : `/${f}`;
    assert.equal(headersFor(rules, path)["cache-control"], HASHED.test(f) ? IMMUTABLE : "no-cache", f);
  }
  assert.ok(built.filter((f) => HASHED.test(f)).some((f) => f.endsWith(".wasm")), "some files are hashed");
});

test("nginx.conf sends the same CSP for each page and types .wasm as application/wasm", () => {
  const conf = readFileSync(join(out, "nginx.conf"), "utf8");
  assert.match(conf, /^\s*application\/wasm wasm;$/m);
  for (const page of pages()) {
    const block = new RegExp(`location = /${page.replace(".", "\\.")} \\{([^}]*)\\}`).exec(conf);
    assert.ok(block, `a location for ${page}`);
    const csp = metaCsp(readFileSync(join(DIST, page), "utf8"));
    assert.ok(block[1].includes(`add_header Content-Security-Policy "${csp}";`), `${page}: the header is the meta tag`);
    assert.ok(block[1].includes('add_header Cache-Control "no-cache";'));
  }
});

/** A free port on 127.0.0.1. */
async function freePort() {
  const s = createServer();
  await new Promise((ok) => s.listen(0, "127.0.0.1", ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

test("nginx, with the nginx.conf included, serves the folder with the headers of _headers", async (t) => {
  if (spawnSync("nginx", ["-v"]).error) {
    t.skip("nginx is not installed");
    return;
  }
  const dir = join(tmp, "nginx");
  mkdirSync(dir);
  const port = await freePort();
  writeFileSync(join(dir, "nginx.conf"), `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log stderr;
events {}
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${out};
    include ${out}/nginx.conf;
  }
}
`);
  const nginx = spawn("nginx", ["-p", dir, "-e", "stderr", "-c", join(dir, "nginx.conf")], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  nginx.stderr.on("data", (d) => (log += d));
  t.after(() => nginx.kill());
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (await fetch(url).then(() => true, () => false)) break;
    assert.ok(i < 50 && nginx.exitCode === null, `nginx did not start: ${log}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  for (const path of ["/", ...filesIn(DIST).map((f) => `/${f}`)]) {
    const res = await fetch(url + path);
    assert.equal(res.status, 200, path);
    const want = headersFor(rules, path);
    // nginx adds the charset to more text types than _headers names; the type itself is the same.
    assert.equal(res.headers.get("content-type").split(";")[0], want["content-type"].split(";")[0], `${path} type`);
    for (const name of ["cache-control", "content-security-policy", "x-content-type-options"]) {
      assert.equal(res.headers.get(name), want[name] ?? null, `${path} ${name}`);
    }
    await res.arrayBuffer();
  }
  for (const path of ["/_headers", "/nginx.conf"]) assert.equal((await fetch(url + path)).status, 404, `${path} is not served`);
});

test("served with its _headers, the published app starts and its workshop links name the address it is served from", async (t) => {
  const server = await serve(out, { rules });
  t.after(() => server.close());

  // The agents' app: starts, with the CSP of its meta tag also as a header; the worker takes over.
  const phone = await browser.newContext({ viewport: PHONE });
  t.after(() => phone.close());
  const page = await phone.newPage();
  const problems = watchProblems(page);
  const response = await page.goto(server.url);
  await page.getByTestId("home-title").waitFor();
  assert.equal(response.headers()["content-security-policy"], await page.locator("meta[http-equiv=Content-Security-Policy]").getAttribute("content"));
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  assert.deepEqual(problems, [], "no console errors, page errors or failed requests");

  // The trainer's app: a new workshop's link is this address, then #/w/CODE.
  const laptop = await browser.newContext({ viewport: LAPTOP });
  t.after(() => laptop.close());
  const trainer = await laptop.newPage();
  const trainerProblems = watchProblems(trainer);
  const trainerResponse = await trainer.goto(`${server.url}pelatih.html`);
  assert.equal(trainerResponse.headers()["content-security-policy"], await trainer.locator("meta[http-equiv=Content-Security-Policy]").getAttribute("content"));
  await trainer.getByTestId("no-workshops").waitFor();
  await trainer.getByTestId("new-workshop").click();
  await trainer.getByTestId("ws-name").fill("Upgrading Skill Perisai");
  await trainer.getByTestId("ws-date").fill("2026-12-03");
  await trainer.getByTestId("ws-place").fill("Selong");
  await trainer.getByTestId("ws-wadah").fill("Koperasi Nelayan Tanjung Luar");
  await trainer.getByTestId("pick-pre-fisher-lombok-timur").check();
  await trainer.getByTestId("ws-create").click();
  await trainer.getByTestId("workshop-detail").waitFor();
  const link = (await trainer.getByTestId("share-link").textContent()).trim();
  assert.match(link, new RegExp(`^${server.url.replaceAll(".", "\\.")}#/w/[0-9A-Z]+$`));
  assert.deepEqual(trainerProblems, []);

  await page.goto(link);
  await page.getByTestId("join-workshop").waitFor();
  assert.equal(await page.getByTestId("join-workshop").textContent(), "Upgrading Skill Perisai");
  assert.deepEqual(problems, []);
});

// Trunk post-build hook.
// 1. Content-Security-Policy: puts the sha256 of every inline <script> of the built index.html into
//    its policy, in place of the __INLINE_SCRIPT_HASHES__ marker. Trunk writes the start-up script
//    inline and its text changes with every build (hashed file names), so the hash is computed
//    after the build. No 'unsafe-inline'.
// 2. Scenario pack: compiles the bundled scenarios (src/engine/pack/*.json) into pack/*.bin, the
//    compact form the app reads, with the engine's own `latih-cli compile-pack`.
// 3. Service worker: writes sw.js from static/sw.js with this build's file list and a version
//    derived from the files' contents, so each build is cached whole and a new build is noticed.
//    Debug builds (trunk serve) get a worker that removes itself, so development is never stale.
// Fails the build if the marker or the template is missing.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync, statSync, renameSync } from "node:fs";
import { join, relative } from "node:path";

// Native cargo, not the wasm toolchain Trunk may run under (its build-std settings break native
// builds; see ../shared/TOOLCHAIN.md).
const nativeEnv = { ...process.env };
for (const key of ["RUSTC", "RUSTDOC", "RUSTC_BOOTSTRAP", "CARGO_UNSTABLE_BUILD_STD", "CARGO_BUILD_TARGET", "RUSTFLAGS"]) delete nativeEnv[key];
nativeEnv.PATH = (process.env.PATH || "").split(":").filter((p) => !p.includes("debian-rust")).join(":");
const ROOT = new URL("..", import.meta.url).pathname;
// The pack's index, as src/loader.rs fetches it (PACK_DIR + "index.bin").
const PACK_INDEX = "pack/index.bin";

/**
 * `html` with the home page's first paint: the prerendered page in a <template>, and after the
 * #app element a script that puts it in #app, in place of the logo shown while the wasm loads,
 * on a first visit (nothing of Latih's in localStorage: the language is Bahasa Indonesia and no
 * workshop was joined, as rendered) to the home page (no route in the address). Elsewhere the
 * logo stays, as the page would not be this one. The same script preloads the pack's index on
 * the pages that need it first. The copy is inert until the app replaces it:
 * its buttons are disabled and it has no test ids, so tests only ever act on the live app.
 */
function firstPaint(html) {
  let page;
  try {
    page = execFileSync("cargo", ["run", "--quiet", "--locked", "--features", "prerender", "--bin", "latih-prerender"],
      { cwd: ROOT, env: nativeEnv, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 24 });
  } catch (e) {
    console.error(`post-build: rendering the first paint failed (${e.message})`);
    process.exit(1);
  }
  if (!page.startsWith('<div class="app">') || /<script|\sstyle=|\son[a-z]+=/i.test(page)) {
    console.error("post-build: the prerendered page is not the app's markup, or has a script, style or handler");
    process.exit(1);
  }
  const inert = page.replaceAll(/\sdata-testid="[^"]*"/g, "").replaceAll("<button ", "<button disabled ");
  const app = /<div id="?app"?>[\s\S]*?<\/span><\/div><\/div>/.exec(html);
  if (!app) {
    console.error("post-build: index.html has no #app element with the start-up logo");
    process.exit(1);
  }
  // On the library's and a scenario's addresses, the pack's index (a few kB) is fetched while
  // the wasm downloads rather than after it has started: those pages show nothing before it.
  // Only there, so no other page preloads what it never reads (Chrome warns of that).
  const show = `(function(){try{var a=document.getElementById("app"),t=document.getElementById("first-paint");`
    + `if(/^#\\/latihan\\b/.test(location.hash)){var l=document.createElement("link");`
    + `l.rel="preload";l.as="fetch";l.crossOrigin="anonymous";l.href="${PACK_INDEX}";document.head.appendChild(l)}`
    + `if(/^#?\\/?$/.test(location.hash)&&!Object.keys(localStorage).some(function(k){return k.indexOf("latih.")===0})){`
    + `a.replaceChildren(t.content.cloneNode(true));a.setAttribute("data-first-paint","")}}catch(e){}})()`;
  return html.replace(app[0], () => `<template id="first-paint">${inert}</template>${app[0]}<script>${show}</script>`);
}

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(1);
}
const release = (process.env.TRUNK_PROFILE || "").toLowerCase() === "release";

// 1. CSP.
const indexFile = join(dir, "index.html");
const html = readFileSync(indexFile, "utf8");
const marker = "__INLINE_SCRIPT_HASHES__";
if (!html.includes(marker)) {
  console.error(`post-build: ${indexFile} has no ${marker} in its Content-Security-Policy`);
  process.exit(1);
}
// 0. First paint: the home page as a first visit sees it (src/bin/latih-prerender.rs, rendered
//    natively from the app's components), shown by an inline script before the wasm arrives.
const withFirstPaint = firstPaint(html);
const hashes = [];
for (const match of withFirstPaint.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash("sha256").update(match[1], "utf8").digest("base64")}'`);
}
writeFileSync(indexFile, withFirstPaint.replace(marker, hashes.join(" ")));

// The trainer's page and the install page link the same stylesheet, whose name Trunk hashes.
const css = readdirSync(dir).find((f) => /^app-.*\.css$/.test(f));
if (!css) {
  console.error("post-build: no app-*.css in the build");
  process.exit(1);
}
for (const page of ["pelatih.html", "pasang.html"]) {
  const file = join(dir, page);
  writeFileSync(file, readFileSync(file, "utf8").replace("__APP_CSS__", css));
}

// Trunk names the modules it builds as "workers" (the trainer's app, the install page) without
// a hash. Give each glue and wasm a content hash, as the agents' app has, so a cache can never
// pair the glue of one build with the wasm of another; the entry script names the pair.
if (release) {
  for (const [module, entryName] of [["latih-pelatih", "pelatih.js"], ["latih-pasang", "pasang.js"]]) {
    const glue = join(dir, `${module}.js`);
    const wasm = join(dir, `${module}_bg.wasm`);
    const hash = createHash("sha256").update(readFileSync(glue)).update(readFileSync(wasm)).digest("hex").slice(0, 16);
    renameSync(glue, join(dir, `${module}-${hash}.js`));
    renameSync(wasm, join(dir, `${module}-${hash}_bg.wasm`));
    const entry = join(dir, entryName);
    const text = readFileSync(entry, "utf8").replaceAll(`${module}.js`, `${module}-${hash}.js`).replaceAll(`${module}_bg.wasm`, `${module}-${hash}_bg.wasm`);
    writeFileSync(entry, text);
    // The page asks for the glue and the wasm as soon as its head is read, in parallel with its
    // entry script, as Trunk does for the agents' app: on a slow connection the wasm is most of
    // the wait before the first paint.
    const page = join(dir, entryName.replace(/\.js$/, ".html"));
    const preload = `<link rel="modulepreload" href="${module}-${hash}.js">`
      + `<link rel="preload" href="${module}-${hash}_bg.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">`;
    const html = readFileSync(page, "utf8");
    if (!html.includes("</head>")) {
      console.error(`post-build: ${page} has no </head>`);
      process.exit(1);
    }
    writeFileSync(page, html.replace("</head>", `${preload}</head>`));
  }
}

// Phones fetch the service worker's start-up script without its comments (they stay in
// static/sw-register.js).
if (release) {
  const register = join(dir, "sw-register.js");
  writeFileSync(register, readFileSync(register, "utf8").replace(/^\s*\/\/.*\n/gm, ""));
}

// 2. Scenario pack: engine only (no UI features).
try {
  execFileSync("cargo", ["run", "--quiet", "--locked", "--no-default-features", "--bin", "latih-cli", "--", "compile-pack", join(dir, "pack")],
    { cwd: new URL("..", import.meta.url).pathname, env: nativeEnv, stdio: ["ignore", "inherit", "inherit"] });
} catch (e) {
  console.error(`post-build: compiling the scenario pack failed (${e.message})`);
  process.exit(1);
}

// 3. Service worker.
const files = [];
const walk = (d) => {
  for (const name of readdirSync(d).sort()) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name !== "sw.js") files.push(relative(dir, path).split("\\").join("/"));
  }
};
walk(dir);
// The trainer's app and the install page are kept on first use, not fetched ahead on every
// agent's phone: each is a group the worker keeps whole once its page has been opened.
const isTrainerFile = (f) => f === "pelatih.html" || f === "pelatih.js" || f === "trainer.css" || f.startsWith("latih-pelatih");
const isInstallFile = (f) => f === "pasang.html" || f === "pasang.js" || f === "install.css" || f.startsWith("latih-pasang");
// A phone fetches a bundled scenario when it is first opened (the worker keeps it from then on),
// so the first visit downloads the library's index and not the whole pack; a trainer's laptop
// keeps every scenario with the trainer's app.
const isScenarioFile = (f) => f.startsWith("pack/") && f !== PACK_INDEX;
const trainerFiles = files.filter((f) => isTrainerFile(f) || isScenarioFile(f));
const installFiles = files.filter(isInstallFile);
const agentFiles = files.filter((f) => !isTrainerFile(f) && !isInstallFile(f) && !isScenarioFile(f));
const version = createHash("sha256");
for (const f of files) version.update(f).update(readFileSync(join(dir, f)));
const template = readFileSync(new URL("../static/sw.js", import.meta.url), "utf8");
if (!["__VERSION__", "__FILES__", "__ON_DEMAND__"].every((m) => template.includes(m))) {
  console.error("post-build: static/sw.js lacks __VERSION__, __FILES__ or __ON_DEMAND__");
  process.exit(1);
}
// Its comments (the worker's documentation) stay in static/sw.js; phones fetch it without them.
const worker = release
  ? template
      .replace(/^\s*\/\/.*\n/gm, "")
      .replace("__VERSION__", version.digest("hex").slice(0, 16))
      .replace("__ON_DEMAND__", JSON.stringify({ "pelatih.html": trainerFiles, "pasang.html": installFiles }))
      .replace("__FILES__", JSON.stringify(["./", ...agentFiles]))
  : `// Development build: no offline cache; this worker removes itself.\nself.addEventListener("install", () => self.skipWaiting());\nself.addEventListener("activate", () => self.registration.unregister());\n`;
writeFileSync(join(dir, "sw.js"), worker);
console.log(`post-build: ${hashes.length} inline script(s) allowed by hash; sw.js ${release ? `caches ${agentFiles.length + 1} files ahead, ${trainerFiles.length} trainer (scenarios included) and ${installFiles.length} install files on first use` : "disabled (debug build)"}`);

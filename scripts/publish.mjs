// Writes the HTTP configuration of a folder that scripts/publish.sh has filled with a release
// build, for static HTTPS hosts:
//   _headers    header rules for Netlify (Cloudflare Pages reads the same format)
//   nginx.conf  a location block to include in an nginx server block
// Both say the same for every file of the build:
//   - its Content-Type (application/wasm for .wasm, so the browser compiles it as it downloads);
//   - Cache-Control: files whose names carry Trunk's content hash never change, so they may be
//     kept a year ("immutable"); every other file is revalidated on each request ("no-cache").
//     That includes more than sw.js and the pages: the service worker fetches its file list
//     through the HTTP cache, so a file kept there under an unchanged name (the manifest,
//     pack/index.bin, sw-register.js...) would go stale into a new version's cache;
//   - for each HTML page, the Content-Security-Policy of its <meta> tag, read from the built
//     page (it holds the hash of the inline start-up script, which changes with every build).
//
//   node scripts/publish.mjs FOLDER BASE     (BASE: the address path served, "/" or "/latih/")
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, extname, join, relative } from "node:path";

const [dir, base = "/"] = process.argv.slice(2);
const fail = (message) => {
  console.error(`publish: error: ${message}`);
  process.exit(1);
};
if (!dir) fail("usage: node scripts/publish.mjs FOLDER [BASE]");
if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(base)) fail(`the base path must start and end with "/" (e.g. /latih/), not "${base}"`);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".bin": "application/octet-stream",
};
const NO_CACHE = "no-cache";
const IMMUTABLE = "public, max-age=31536000, immutable";
/** Trunk's content-hashed names (and the trainer's module, hashed the same way by post-build.mjs). */
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
const CONFIGS = ["_headers", "nginx.conf"];
const MARK = "# Latih: written by scripts/publish.sh";

const files = [];
const walk = (d) => {
  for (const name of readdirSync(d).sort()) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(dir, path).split("\\").join("/"));
  }
};
walk(dir);
for (const f of CONFIGS) if (files.includes(f)) fail(`the build already has a file named ${f}; it would be overwritten`);
for (const f of files) {
  // Names go into both configurations unquoted; the build's names are all of this kind.
  if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(f)) fail(`unexpected characters in the file name "${f}"`);
  if (!TYPES[extname(f)]) fail(`no Content-Type known for ${f}; add its extension to TYPES in scripts/publish.mjs`);
}

/** The value of every `<meta http-equiv="Content-Security-Policy">` of a page (minified or not). */
function metaCsps(html) {
  const decode = (s) =>
    s.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|quot|apos|lt|gt);/gi, (_, e) => {
      const named = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">" }[e.toLowerCase()];
      if (named) return named;
      return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    });
  const found = [];
  for (const tag of html.replace(/<!--[\s\S]*?-->/g, "").matchAll(/<meta\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi)) {
    const attrs = {};
    for (const a of tag[1].matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
      attrs[a[1].toLowerCase()] = decode(a[2] ?? a[3] ?? a[4] ?? "");
    }
    if ((attrs["http-equiv"] ?? "").toLowerCase() === "content-security-policy") found.push(attrs.content ?? "");
  }
  return found;
}

// What every file is sent with, in build order.
const rules = files.map((f) => {
  const headers = { "Content-Type": TYPES[extname(f)], "Cache-Control": HASHED.test(basename(f)) ? IMMUTABLE : NO_CACHE };
  if (extname(f) === ".html") {
    const csps = metaCsps(readFileSync(join(dir, f), "utf8"));
    if (csps.length > 1) fail(`${f} has ${csps.length} Content-Security-Policy meta tags; expected one`);
    if (csps.length === 1) {
      // A header value is one line of visible ASCII; nginx would read " \ and $ in its own way.
      if (!/^[\x20-\x7e]+$/.test(csps[0]) || /["\\$]/.test(csps[0])) fail(`the Content-Security-Policy of ${f} has characters a header cannot carry as is`);
      headers["Content-Security-Policy"] = csps[0];
    } else {
      console.error(`publish: warning: ${f} has no Content-Security-Policy meta tag; it gets no CSP header either`);
    }
  }
  return { file: f, headers };
});
if (!existsSync(join(dir, "index.html"))) fail("the build has no index.html");
const index = rules.find((r) => r.file === "index.html");
const swText = existsSync(join(dir, "sw.js")) ? readFileSync(join(dir, "sw.js"), "utf8") : "";
const version = /const VERSION = "([^"]+)"/.exec(swText)?.[1] ?? "unknown";

// _headers: one rule per address, so no header is ever set by two rules (Netlify lets the later
// rule win, Cloudflare Pages joins both values: either would be wrong). /* adds only nosniff.
const block = (path, headers) => [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join("\n");
const headersFile = [
  [
    `${MARK} for build ${version}. Publish again rather than edit.`,
    "# HTTP headers for Netlify (and other hosts that read this format). Every file has exactly one",
    "# rule; the folder's own address is served index.html and gets its headers.",
  ].join("\n"),
  block(`${base}*`, { "X-Content-Type-Options": "nosniff" }),
  block(base, index.headers),
  ...rules.map((r) => block(base + r.file, r.headers)),
].join("\n\n") + "\n";

// nginx.conf: a location for the base path; files not named in a nested location get its
// headers (no-cache). nginx's add_header in a location drops the outer ones, so each nested
// location repeats all of its own.
const types = {};
for (const f of files) {
  const type = TYPES[extname(f)].split(";")[0];
  (types[type] ??= new Set()).add(extname(f).slice(1));
}
const addHeaders = (headers, indent) =>
  Object.entries({ ...headers, "X-Content-Type-Options": "nosniff" })
    .filter(([k]) => k !== "Content-Type")
    .map(([k, v]) => `${indent}add_header ${k} "${v}";`);
const nested = rules
  .filter((r) => r.headers["Content-Security-Policy"] || r.headers["Cache-Control"] !== NO_CACHE)
  .map((r) => [`    location = ${base}${r.file} {`, ...addHeaders(r.headers, "        "), "    }"].join("\n"));
const nginx = [
  `${MARK} for build ${version}. Publish again rather than edit.`,
  "# Latih's locations for nginx. Include this file in a server block that serves HTTPS and whose",
  `# root holds the published folder at ${base} (for the base /, root is the folder itself):`,
  "#",
  "#   server {",
  "#       listen 443 ssl;",
  "#       server_name latih.example.org;",
  "#       ssl_certificate     /etc/ssl/latih.crt;",
  "#       ssl_certificate_key /etc/ssl/latih.key;",
  `#       root /srv/latih;`,
  `#       include /srv/latih${base === "/" ? "" : base.replace(/\/$/, "")}/nginx.conf;`,
  "#   }",
  "#",
  "# It changes with every build (the start-up script's hash is in the CSP): after copying a new",
  "# folder, run `nginx -t && nginx -s reload`.",
  `location ${base} {`,
  "    types {",
  ...Object.entries(types).map(([type, exts]) => `        ${type} ${[...exts].join(" ")};`),
  "    }",
  "    default_type application/octet-stream;",
  "    charset utf-8;",
  "    charset_types text/css text/javascript application/json application/manifest+json image/svg+xml;",
  "    gzip on;",
  "    gzip_vary on;",
  "    gzip_types text/css text/javascript application/wasm application/json application/manifest+json image/svg+xml application/octet-stream;",
  "    index index.html;",
  ...addHeaders({ "Cache-Control": NO_CACHE }, "    "),
  "",
  ...nested,
  "",
  "    # The host configuration is not part of the app.",
  ...CONFIGS.map((f) => `    location = ${base}${f} { return 404; }`),
  "}",
].join("\n") + "\n";

writeFileSync(join(dir, "_headers"), headersFile);
writeFileSync(join(dir, "nginx.conf"), nginx);
const pages = rules.filter((r) => r.headers["Content-Security-Policy"]).map((r) => r.file);
const hashed = rules.filter((r) => r.headers["Cache-Control"] === IMMUTABLE).length;
console.log(`publish: ${files.length} files of build ${version}; CSP header for ${pages.join(", ")}; ${hashed} hashed files kept a year, the other ${files.length - hashed} revalidated; _headers and nginx.conf for ${base}`);

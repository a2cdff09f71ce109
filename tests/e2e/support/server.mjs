// A small static file server for the built app (dist/), bound to 127.0.0.1 on a free port.
// Used by the Playwright suite and the benchmarks; serves .wasm as application/wasm so the
// browser can compile it while it downloads. Given the rules of a `_headers` file (what
// scripts/publish.sh writes for Netlify), it sends exactly the headers they give instead.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

export const DIST = resolve(new URL("../../../dist", import.meta.url).pathname);

/** The rules of a `_headers` file: [{ path, headers: { lower-case name: value } }]. */
export function parseHeadersFile(text) {
  const rules = [];
  for (const line of text.split("\n")) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const m = /^\s+([^:\s]+):\s*(.*?)\s*$/.exec(line);
    if (!m || rules.length === 0) throw new Error(`_headers: cannot read the line "${line}"`);
    rules.at(-1).headers[m[1].toLowerCase()] = m[2];
  }
  return rules;
}

/**
 * The headers `rules` give the address `path` (a `*` in a rule's path matches anything).
 * Throws if two matching rules set the same header: Netlify keeps one value and Cloudflare
 * Pages joins both, so such a file means different things on the two hosts.
 */
export function headersFor(rules, path) {
  const out = {};
  for (const rule of rules) {
    const pattern = new RegExp(`^${rule.path.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*")}$`);
    if (!pattern.test(path)) continue;
    for (const [name, value] of Object.entries(rule.headers)) {
      if (name in out) throw new Error(`_headers: ${name} is set twice for ${path}`);
      out[name] = value;
    }
  }
  return out;
}

/**
 * Serves `root`; returns { url, close }. `options.port` fixes the port (default: any free one);
 * `options.rules` (from parseHeadersFile) replaces the default headers with theirs;
 * `options.brotli` compresses what is sent, as a real host does (each file once).
 */
export async function serve(root = DIST, options = {}) {
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) throw new Error("outside root");
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
      let body = await readFile(file);
      const headers = options.rules ? headersFor(options.rules, path) : {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
      };
      if (options.brotli && /\bbr\b/.test(req.headers["accept-encoding"] ?? "")) {
        if (!compressed.has(file)) compressed.set(file, brotliCompressSync(body));
        body = compressed.get(file);
        headers["content-encoding"] = "br";
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(options.port ?? 0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

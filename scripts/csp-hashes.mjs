// Trunk post-build hook: puts the sha256 of every inline <script> of the built index.html into its
// Content-Security-Policy, in place of the __INLINE_SCRIPT_HASHES__ marker. Trunk writes the
// start-up script inline and its text changes with every build (hashed file names), so the hash
// must be computed after the build. Fails the build if the marker or the policy is missing.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("csp-hashes: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(1);
}
const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");
const marker = "__INLINE_SCRIPT_HASHES__";
if (!html.includes(marker)) {
  console.error(`csp-hashes: ${file} has no ${marker} in its Content-Security-Policy`);
  process.exit(1);
}
const hashes = [];
for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  const digest = createHash("sha256").update(match[1], "utf8").digest("base64");
  hashes.push(`'sha256-${digest}'`);
}
writeFileSync(file, html.replace(marker, hashes.join(" ")));
console.log(`csp-hashes: ${hashes.length} inline script(s) allowed by hash`);

// SPDX-License-Identifier: AGPL-3.0-or-later
// Builds the page (client/dist) with Vite unless it is up to date: a hash of its sources (client/,
// the server files it imports, package-lock.json) is kept in client/dist/.sources-hash and compared.
// Run with `npm run build:client`; `--force` builds whatever the hash says.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const clientDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(clientDir, "..");
const dist = join(clientDir, "dist");
const stampFile = join(dist, ".sources-hash");
const SKIPPED = new Set(["dist", "e2e", "node_modules", "build.mjs"]);
const SOURCE = /\.(tsx?|mjs|js|css|html|json|svg|png|woff2?)$/;
/** Relative imports that leave client/ (e.g. "../../../server/src/graphql/pageOperations"). */
const IMPORT = /from\s+["'](\.{1,2}\/[^"']+)["']/g;

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : SOURCE.test(entry.name) ? [path] : [];
  });
}

/** A relative import resolved to its file, as TypeScript would (".js" written for ".ts", or no extension). */
function resolveImport(from, specifier) {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, base.replace(/\.js$/, ".ts"), `${base}.ts`, `${base}.tsx`, join(base, "index.ts")];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** The client's files, and the files outside client/ that they import, transitively. */
function sources() {
  const found = new Set(filesUnder(clientDir));
  const queue = [...found].filter((file) => /\.tsx?$/.test(file));
  while (queue.length > 0) {
    const file = queue.pop();
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = resolveImport(file, match[1]);
      if (target === undefined || found.has(target) || !target.startsWith(root)) continue;
      found.add(target);
      queue.push(target);
    }
  }
  found.add(join(root, "package-lock.json"));
  return [...found].sort();
}

function sourcesHash() {
  const hash = createHash("sha256");
  for (const file of sources()) {
    hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

const hash = sourcesHash();
const force = process.argv.includes("--force");
if (!force && existsSync(join(dist, "index.html")) && existsSync(stampFile) && readFileSync(stampFile, "utf8").trim() === hash) {
  console.error("The page is up to date (client/dist).");
  process.exit(0);
}
const vite = join(root, "node_modules", ".bin", process.platform === "win32" ? "vite.cmd" : "vite");
const result = spawnSync(vite, ["build", "--config", join(clientDir, "vite.config.ts")], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
if (result.error) {
  console.error(`Could not run Vite: ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stampFile, `${hash}\n`);

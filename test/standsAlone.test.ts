import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCAL_GEO_COPY, repoRoot } from "../server/src/config.js";

/** The folder beside the repository that developers have and a user who clones it has not. */
const OUTSIDE_FOLDER = [".." , "shared"].join("/");
const SKIPPED = new Set([".git", "node_modules", ".data", "dist", "target", "test-artifacts"]);
const TEXT = /\.(ts|tsx|mjs|cjs|js|json|md|cypher|graphql|css|html|yml|yaml|sh|java|xml|txt)$|^run$|^\.[a-z]+$/;

function* textFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* textFiles(full);
    else if (TEXT.test(entry.name) && statSync(full).size < 5_000_000) yield full;
  }
}

describe("the repository", () => {
  it("names no folder outside itself, so that a clone with nothing beside it works", () => {
    const offenders = [...textFiles(repoRoot)]
      .filter((file) => readFileSync(file, "utf8").includes(OUTSIDE_FOLDER))
      .map((file) => path.relative(repoRoot, file));
    expect(offenders).toEqual([]);
  });

  it("ships the commune contours of both demo territories' départements and the GEXF schema", () => {
    const contours = readdirSync(LOCAL_GEO_COPY);
    for (const departement of ["07", "30", "48"]) {
      expect(contours.some((name) => name.startsWith(`communes-${departement}-`))).toBe(true);
    }
    expect(LOCAL_GEO_COPY.startsWith(repoRoot)).toBe(true);
    expect(statSync(path.join(repoRoot, "test/fixtures/gexf-1.3/gexf.xsd")).isFile()).toBe(true);
  });
});

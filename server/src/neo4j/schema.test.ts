import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { schemaDir, splitStatements } from "./schema.js";

describe("splitStatements", () => {
  it("splits on semicolons and drops comment lines", () => {
    expect(splitStatements("// a comment\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n\nRETURN 1;\n")).toEqual([
      "CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)",
      "RETURN 1",
    ]);
  });

  it("finds only idempotent statements in cypher/schema", () => {
    const statements = readdirSync(schemaDir)
      .filter((name) => name.endsWith(".cypher"))
      .flatMap((name) => splitStatements(readFileSync(path.join(schemaDir, name), "utf8")));
    expect(statements.length).toBeGreaterThanOrEqual(10);
    for (const statement of statements) expect(statement).toMatch(/IF NOT EXISTS/);
  });
});

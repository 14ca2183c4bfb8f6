import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { repoRoot } from "../config.js";

export const schemaDir = path.join(repoRoot, "cypher", "schema");

/** Splits a schema file into statements, dropping `//` comment lines. */
export function splitStatements(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .split(";")
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/** Applies every `cypher/schema/*.cypher` file in name order; each statement is `IF NOT EXISTS`, so re-running is safe. */
export async function applySchema(driver: Driver, database?: string): Promise<number> {
  const files = (await readdir(schemaDir)).filter((name) => name.endsWith(".cypher")).sort();
  let count = 0;
  for (const file of files) {
    for (const statement of splitStatements(await readFile(path.join(schemaDir, file), "utf8"))) {
      await driver.executeQuery(statement, {}, { database });
      count += 1;
    }
  }
  await driver.executeQuery("CALL db.awaitIndexes(300)", {}, { database });
  return count;
}

/**
 * Territory backups over HTTP on the test app: administrators download and restore; nobody else.
 * (The successful restore into an empty database is proven in server/src/backup/backup.int.test.ts.)
 */
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ADMIN, tokenFor, type TestViewer } from "../../../test/graphql.js";
import { parseBackup } from "../backup/format.js";
import { connectDriver } from "../neo4j/driver.js";

const GORGES = "gorges-causses-cevennes";

async function call(viewer: TestViewer | null, method: "GET" | "POST", path: string, body?: string): Promise<{ status: number; text: string; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (viewer !== null) headers.authorization = `Bearer ${await tokenFor(viewer)}`;
  if (body !== undefined) headers["content-type"] = "application/x-ndjson";
  const response = await fetch(`${inject("appUrl")}${path}`, { method, headers, body });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

const errorCode = (text: string): unknown => (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;

describe("backup endpoints", () => {
  let driver: Driver;
  let file = "";
  const totals = async (): Promise<string> => {
    const { records } = await driver.executeQuery("RETURN COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[r]->() } AS relationships");
    return JSON.stringify(records[0]?.toObject());
  };

  beforeAll(async () => {
    driver = await connectDriver({ uri: inject("neo4jUri") });
  });
  afterAll(async () => {
    await driver.close();
  });

  it("lets an administrator download a territory's backup as a file", async () => {
    const response = await call(ADMIN, "GET", `/api/backups/${GORGES}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="?maillage-gorges-causses-cevennes-\d{4}-\d{2}-\d{2}\.ndjson"?$/);
    const backup = parseBackup(response.text);
    expect(backup.header.territory).toEqual({ id: GORGES, name: "CC Gorges Causses Cévennes" });
    expect(backup.header.counts.nodes).toBeGreaterThan(1_500);
    file = response.text;
  });

  it.each([
    ["a coordinator of the territory", { role: "COORDINATOR", territories: [GORGES] } as TestViewer, 403, "FORBIDDEN"],
    ["an analyst", { role: "ANALYST", territories: [GORGES] } as TestViewer, 403, "FORBIDDEN"],
    ["a request without a token", null, 401, "UNAUTHENTICATED"],
  ])("refuses downloads and restores to %s", async (_name, viewer, status, code) => {
    const download = await call(viewer, "GET", `/api/backups/${GORGES}`);
    expect([download.status, errorCode(download.text)]).toEqual([status, code]);
    const restore = await call(viewer, "POST", "/api/backups", file);
    expect([restore.status, errorCode(restore.text)]).toEqual([status, code]);
  });

  it("answers NOT_FOUND for an unknown territory", async () => {
    const response = await call(ADMIN, "GET", "/api/backups/no-such-territory");
    expect([response.status, errorCode(response.text)]).toEqual([404, "NOT_FOUND"]);
  });

  it("refuses to restore a territory the database holds, or a truncated file, and changes nothing", async () => {
    expect(file).not.toBe("");
    const before = await totals();
    const again = await call(ADMIN, "POST", "/api/backups", file);
    expect([again.status, errorCode(again.text)]).toEqual([409, "CONFLICT"]);
    const truncated = await call(ADMIN, "POST", "/api/backups", file.slice(0, Math.floor(file.length / 2)));
    expect(truncated.status).toBe(400);
    expect(JSON.parse(truncated.text)).toMatchObject({ error: { code: "INVALID_BACKUP", reason: "TRUNCATED" } });
    expect(await totals()).toBe(before);
  });
});

/**
 * Issue 17's figures: the networks the page opens on (the backbone at alpha 0.05 of the current
 * contract, structures and actors), how long the backbone of the all-time actor network takes, and
 * the first call of the default structures view after warm-up. `npx tsx bench/backbone.ts` runs this
 * part alone (its own Neo4j, the demo seeded); `npm run bench` runs it with the rest (bench/run.ts).
 */
import "../server/src/production.js";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildCollaborationTies, tieSignificance } from "../server/src/analytics/collaboration.js";
import { NO_FILTER, type NetworkFilter } from "../server/src/analytics/filters.js";
import { PAGE_BACKBONE } from "../server/src/analytics/pageNetworks.js";
import { AnalyticsService, type NetworkRequest } from "../server/src/analytics/service.js";
import { OPEN_WINDOW, type Window } from "../server/src/analytics/window.js";
import { LOCAL_GEO_COPY } from "../server/src/config.js";
import { createLogger } from "../server/src/logger.js";
import { connectDriver } from "../server/src/neo4j/driver.js";
import { startLocalNeo4j } from "../server/src/neo4j/localNeo4j.js";
import { createQueryRunner, loadQueries, type QueryRunner } from "../server/src/neo4j/queries.js";
import { applySchema } from "../server/src/neo4j/schema.js";
import { GORGES_CAUSSES_CEVENNES, PAYS_CEVENNES, seedTerritory } from "../seed/src/index.js";
import { timeIt } from "./stats.js";

export interface BackboneRow {
  measure: string;
  value: number;
  target?: number;
  /** "max": the target is a ceiling (default); "min": a floor. */
  sense?: "max" | "min";
  unit: string;
}

const PAGE_FILTER: NetworkFilter = { ...NO_FILTER, backbone: PAGE_BACKBONE };

async function currentContract(queries: QueryRunner, territoryId: string): Promise<Window> {
  const rows = await queries.read<{ territoryId: string; from: string | null; to: string | null }>("territoryLatestContracts", {});
  const row = rows.find((r) => r.territoryId === territoryId);
  if (row === undefined) throw new Error(`no contract for ${territoryId}`);
  return { from: row.from, to: row.to };
}

/** The contracts of a demo territory, as its seed spec gives them. */
function contracts(territoryId: string): { generation: number; window: Window }[] {
  const spec = [PAYS_CEVENNES, GORGES_CAUSSES_CEVENNES].find((item) => item.id === territoryId);
  return (spec?.contracts ?? []).map((c) => ({ generation: c.generation, window: { from: c.signedOn, to: c.endsOn } }));
}

/** The rows of this section, measured on the demo territory of `queries`' database. */
export async function backboneRows(queries: QueryRunner, territoryId = PAYS_CEVENNES.id): Promise<BackboneRow[]> {
  const rows: BackboneRow[] = [];
  const service = new AnalyticsService(queries);
  await service.warmUp();
  const window = await currentContract(queries, territoryId);
  const methods = [
    ["SDSM", PAGE_FILTER, true],
    ["disparity filter (the previous default, for comparison)", { ...PAGE_FILTER, backbone: { ...PAGE_BACKBONE, method: "DISPARITY" } } satisfies NetworkFilter, false],
  ] as const;
  for (const [method, filter, isPage] of methods) {
    for (const [level, label] of [["STRUCTURE", "structures"], ["ACTOR", "actors"]] as const) {
      const request: NetworkRequest = { territoryId, level, window, filter };
      const analysis = await service.analyse(request);
      const n = analysis.graph.order;
      const m = analysis.graph.size;
      const tied = analysis.graph.filterNodes((id) => analysis.graph.degree(id) > 0).length;
      const { modularity } = analysis.communities();
      const view = `${isPage ? "default " : ""}${label} view (current contract, ${method} α 0.05)`;
      const goal = isPage ? { target: 4 } : {};
      rows.push({ measure: `${view}: ties kept of the whole network`, value: m, unit: `of ${analysis.network.allTieCount}` });
      rows.push({ measure: `${view}: ties per node (${m} ties ÷ ${n} nodes)`, value: m / n, ...goal, unit: "" });
      rows.push({ measure: `${view}: ties per drawn node (${m} ÷ ${tied} tied nodes; untied ones wait behind a chip)`, value: m / Math.max(1, tied), unit: "" });
      rows.push({ measure: `${view}: weighted modularity of its Louvain communities`, value: modularity, ...(isPage ? { target: 0.3, sense: "min" as const } : {}), unit: "" });
    }
  }
  // The comparison of the two last contracts, each on its own backbone.
  for (const contract of contracts(territoryId).slice(-2)) {
    const analysis = await service.analyse({ territoryId, level: "STRUCTURE", window: contract.window, filter: PAGE_FILTER });
    rows.push({ measure: `structures of CLS ${contract.generation} (${contract.window.from} → ${contract.window.to}): significant ties`, value: analysis.graph.size, target: 200, sense: "min", unit: `of ${analysis.network.allTieCount}` });
  }

  // The backbone of the all-time actor network, before any paging: the projection and the p-values
  // (reading the rows from Neo4j is timed apart).
  const allTime: NetworkRequest = { territoryId, level: "ACTOR", window: OPEN_WINDOW, filter: PAGE_FILTER };
  const data = await timeIt(() => service.collaborationData(allTime));
  const projected = await timeIt(async () => buildCollaborationTies(data.value, "ACTOR", PAGE_FILTER));
  const pValues = await timeIt(async () => tieSignificance(projected.value, PAGE_BACKBONE.method));
  const kept = pValues.value.filter((p) => p < PAGE_BACKBONE.alpha).length;
  rows.push({ measure: "all-time actor network: reading its rows from Neo4j", value: data.ms, unit: "ms" });
  rows.push({ measure: `all-time actor network: dated projection (${projected.value.ties.length} ties)`, value: projected.ms, unit: "ms" });
  rows.push({ measure: `all-time actor network: SDSM p-values of every tie (${kept} kept at α 0.05)`, value: pValues.ms, unit: "ms" });
  const whole = await timeIt(() => service.analyse(allTime));
  rows.push({ measure: "all-time actor network: backbone as the API builds it (rows, projection, p-values, graph), uncached", value: whole.ms, unit: "ms" });

  // The page's first request after warm-up: the default structures view with every node's metrics.
  service.invalidate();
  const first = await timeIt(async () => {
    const analysis = await service.analyse({ territoryId, level: "STRUCTURE", window, filter: PAGE_FILTER });
    analysis.nodeMetrics();
  });
  rows.push({ measure: "default structures view with metrics, first call after warm-up (service, no HTTP)", value: first.ms, target: 500, unit: "ms" });
  return rows;
}

export function renderBackboneRows(rows: readonly BackboneRow[]): string {
  const cell = (row: BackboneRow): string => {
    if (row.target === undefined) return " |  |  |";
    const met = row.sense === "min" ? row.value >= row.target : row.value <= row.target;
    return ` ${row.sense === "min" ? "≥" : "≤"} ${row.target} | ${(row.value / row.target).toFixed(2)} | ${met ? "met" : "NOT met"} |`;
  };
  const format = (value: number): string => (Number.isInteger(value) ? String(value) : value.toFixed(value < 100 ? 2 : 0));
  return ["| measure | value | target | ratio | |", "|---|---|---|---|---|", ...rows.map((row) => `| ${row.measure} | ${format(row.value)} ${row.unit} |${cell(row)}`)].join("\n");
}

async function main(): Promise<void> {
  const log = createLogger("warn", { component: "bench" });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "maillage-backbone-"));
  // NEO4J_URI: an already seeded database (e.g. the one `npm start` made), so that no seed is needed.
  const given = process.env.NEO4J_URI;
  const neo4j = given ? null : await startLocalNeo4j({ dataDir });
  const driver = await connectDriver({ uri: given ?? (neo4j as { uri: string }).uri });
  try {
    if (neo4j !== null) {
      await applySchema(driver);
      for (const spec of [PAYS_CEVENNES, GORGES_CAUSSES_CEVENNES]) await seedTerritory(driver, spec, { geoSource: LOCAL_GEO_COPY, log });
    }
    const loadBefore = os.loadavg();
    const rows = await backboneRows(createQueryRunner(driver, loadQueries()));
    const loadAfter = os.loadavg();
    process.stdout.write(`${renderBackboneRows(rows)}\n\nload average (1, 5, 15 min) before: ${loadBefore.map((l) => l.toFixed(2)).join(", ")}; after: ${loadAfter.map((l) => l.toFixed(2)).join(", ")}\n`);
  } finally {
    await driver.close();
    await neo4j?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();

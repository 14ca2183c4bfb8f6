import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { UndirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { graphqlAs, type TestViewer } from "../../../test/graphql.js";
import { repoRoot } from "../config.js";
import { toPlain } from "../neo4j/values.js";
import { MAX_EXPORT_POSITIONS } from "./resolvers/exports.js";

const PC = "pays-cevennes";
const GCC = "gorges-causses-cevennes";
const COORDINATOR: TestViewer = { role: "COORDINATOR", territories: [PC, GCC] };
const ANALYST: TestViewer = { role: "ANALYST", territories: [PC, GCC] };
const YEAR_2023 = { from: "2023-01-01", to: "2023-12-31" };
const FORMATS = ["GEXF", "GRAPHML", "CSV_NODES", "CSV_TIES", "CYTOSCAPE_JSON"] as const;
const GEXF_XSD = path.resolve(repoRoot, "test/fixtures/gexf-1.3/gexf.xsd");

const EXPORT = `query Export($territoryId: ID!, $view: ExportView!, $format: ExportFormat!, $window: WindowInput, $filter: NetworkFilterInput, $positions: [NodePositionInput!]) {
  networkExport(territoryId: $territoryId, view: $view, format: $format, window: $window, filter: $filter, positions: $positions) {
    fileName mediaType content
  }
}`;

interface ExportResult {
  networkExport: { fileName: string; mediaType: string; content: string };
}

const NETWORK = `query Network($territoryId: ID!, $level: NetworkLevel!, $window: WindowInput, $filter: NetworkFilterInput) {
  collaborationNetwork(territoryId: $territoryId, level: $level, window: $window, filter: $filter, first: 1) {
    nodes { id label }
    packedTies { sources targets weights }
  }
}`;

interface NetworkResult {
  collaborationNetwork: { nodes: { id: string; label: string }[]; packedTies: { sources: number[]; targets: number[]; weights: number[] } };
}

let driver: Driver;
const workDir = mkdtempSync(path.join(os.tmpdir(), "maillage-exports-"));

beforeAll(() => {
  driver = neo4j.driver(inject("neo4jUri"));
});

afterAll(async () => {
  await driver.close();
  rmSync(workDir, { recursive: true, force: true });
});

async function exportAs(viewer: TestViewer | null, variables: Record<string, unknown>) {
  return graphqlAs<ExportResult>(viewer, EXPORT, variables);
}

async function exported(viewer: TestViewer, variables: Record<string, unknown>): Promise<ExportResult["networkExport"]> {
  const result = await exportAs(viewer, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.networkExport;
}

/** Ties of a collaboration network, `source|target` → weight, from the analytics API. */
async function apiTies(viewer: TestViewer, variables: Record<string, unknown>): Promise<{ labels: Map<string, string>; ties: Map<string, number> }> {
  const result = await graphqlAs<NetworkResult>(viewer, NETWORK, variables);
  expect(result.errors).toBeUndefined();
  const { nodes, packedTies } = result.data!.collaborationNetwork;
  const ties = new Map<string, number>();
  packedTies.sources.forEach((source, i) => {
    const ends = [nodes[source]!.id, nodes[packedTies.targets[i]!]!.id].sort();
    ties.set(ends.join("|"), packedTies.weights[i]!);
  });
  return { labels: new Map(nodes.map((node) => [node.id, node.label])), ties };
}

const hasXmllint = spawnSync("xmllint", ["--version"]).error === undefined;
if (!hasXmllint) console.warn("xmllint is absent (apt-get install libxml2-utils): exports are not checked against the GEXF schema.");

/** Fails the test with xmllint's messages when the official GEXF 1.3 schema rejects the file. */
function expectValidGexf(file: { fileName: string; content: string }): void {
  if (!hasXmllint) return;
  const gexfPath = path.join(workDir, file.fileName);
  writeFileSync(gexfPath, file.content, "utf8");
  try {
    execFileSync("xmllint", ["--noout", "--schema", GEXF_XSD, gexfPath], { stdio: "pipe" });
  } catch (error) {
    throw new Error(`${file.fileName} does not validate: ${String((error as { stderr?: Buffer }).stderr ?? error)}`);
  }
}

const errorOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions;

describe("networkExport, structures of Pays Cévennes in 2023", () => {
  const variables = { territoryId: PC, view: "STRUCTURES", window: YEAR_2023, filter: { minWeight: 5 } };

  it("gives a GEXF file that the official schema accepts and graphology reads as the API's network", async () => {
    const file = await exported(ANALYST, { ...variables, format: "GEXF" });
    expect(file.fileName).toMatch(/^maillage_pays-cevennes_structures_\d{4}-\d{2}-\d{2}\.gexf$/);
    expect(file.mediaType).toBe("application/gexf+xml");
    expectValidGexf(file);

    const graph = parseGexf(UndirectedGraph, file.content);
    const { labels, ties } = await apiTies(ANALYST, { territoryId: PC, level: "STRUCTURE", window: YEAR_2023, filter: { minWeight: 5 } });
    expect(graph.nodes().sort()).toEqual([...labels.keys()].sort());
    expect(graph.getNodeAttribute([...labels.keys()][0]!, "label")).toBe(labels.get([...labels.keys()][0]!));
    const fileTies = new Map(graph.mapEdges((_e, attributes, s, t) => [[s, t].sort().join("|"), attributes.weight as number] as const));
    expect(fileTies).toEqual(ties);
    expect(ties.size).toBeGreaterThan(10);
    expect(file.content).toContain("Données fictives");
    expect(graph.getNodeAttribute([...labels.keys()][0]!, "degree")).toEqual(expect.any(Number));
  });

  it("splits each tie's weight into shared work groups and events, as the network through work groups alone says", async () => {
    const file = await exported(ANALYST, { ...variables, format: "GRAPHML" });
    const graph = parseGraphml(UndirectedGraph, file.content);
    const workGroups = await apiTies(ANALYST, { territoryId: PC, level: "STRUCTURE", window: YEAR_2023, filter: { through: ["WORK_GROUP"] } });
    let withEvents = 0;
    graph.forEachEdge((_e, attributes, source, target) => {
      const shared = attributes["Groupes de travail partagés"] as number;
      const events = attributes["Événements partagés"] as number;
      expect(shared + events).toBe(attributes.weight);
      expect(shared).toBe(workGroups.ties.get([source, target].sort().join("|")) ?? 0);
      if (events > 0) withEvents += 1;
    });
    expect(withEvents).toBeGreaterThan(0);
  });

  it("exports exactly the nodes on screen with their positions, and the ties among them", async () => {
    const { labels, ties } = await apiTies(ANALYST, { territoryId: PC, level: "STRUCTURE", window: YEAR_2023, filter: { minWeight: 5 } });
    const [firstTie] = [...ties.keys()];
    const [a, b] = firstTie!.split("|") as [string, string];
    const third = [...labels.keys()].find((id) => id !== a && id !== b)!;
    const positions = [
      { id: a, x: 10.5, y: 20 },
      { id: b, x: -30, y: -40.25 },
      { id: third, x: 0, y: 100 },
    ];
    const expectedTies = [...ties.keys()].filter((key) => key.split("|").every((id) => positions.some((p) => p.id === id)));

    const gexfContent = (await exported(ANALYST, { ...variables, format: "GEXF", positions })).content;
    expect(gexfContent).toContain("nœuds affichés à l'écran : 3");
    const gexf = parseGexf(UndirectedGraph, gexfContent);
    expect(gexf.nodes().sort()).toEqual([a, b, third].sort());
    expect(gexf.getNodeAttributes(a)).toMatchObject({ x: 10.5, y: -20 });
    expect(gexf.getNodeAttributes(b)).toMatchObject({ x: -30, y: 40.25 });
    expect(gexf.mapEdges((_e, _a, s, t) => [s, t].sort().join("|")).sort()).toEqual(expectedTies.sort());

    const csv = (await exported(ANALYST, { ...variables, format: "CSV_NODES", positions })).content;
    const lines = csv.split("\r\n").filter((line) => line !== "");
    expect(lines).toHaveLength(4);
    expect(lines.find((line) => line.startsWith(`${b};`))?.endsWith(";-30;-40,25")).toBe(true);

    const cy = JSON.parse((await exported(ANALYST, { ...variables, format: "CYTOSCAPE_JSON", positions })).content) as {
      elements: { nodes: { data: { id: string }; position: { x: number; y: number } }[] };
    };
    expect(cy.elements.nodes.find((node) => node.data.id === a)?.position).toEqual({ x: 10.5, y: 20 });
  });
});

describe("networkExport and personal data", () => {
  // A well-connected actor of Gorges Causses Cévennes in 2023, with the name and e-mail the database holds.
  let actor: { id: string; fullName: string; lastName: string; email: string; phone: string; pseudonym: string };

  beforeAll(async () => {
    const result = await driver.executeQuery(
      `MATCH (t:Territory {id: $territoryId})<-[:PART_OF*1..2]-(:Commune)<-[:LOCATED_IN]-(:Structure)<-[:MEMBER_OF]-(a:Actor)-[:PARTICIPATES_IN]->(w:WorkGroup)
       WITH a, count(DISTINCT w) AS groups ORDER BY groups DESC, a.id LIMIT 20
       RETURN a.id AS id, a.firstName AS firstName, a.lastName AS lastName, a.email AS email, a.phone AS phone`,
      { territoryId: GCC },
      { routing: "READ" },
    );
    const rows = result.records.map((record) => toPlain(record.toObject()) as Record<string, string>);
    const network = await apiTies(ANALYST, { territoryId: GCC, level: "ACTOR", window: YEAR_2023 });
    const row = rows.find((candidate) => network.labels.has(candidate.id!));
    if (row === undefined) throw new Error("No actor of the 2023 network among the most active ones");
    actor = {
      id: row.id!,
      fullName: `${row.firstName} ${row.lastName}`,
      lastName: row.lastName!,
      email: row.email!,
      phone: row.phone!,
      pseudonym: network.labels.get(row.id!)!,
    };
    expect(actor.pseudonym).toMatch(/^Acteur [0-9A-Z]{8}$/);
    expect(actor.email).toContain("@");
  });

  for (const view of ["ACTORS", "PARTICIPATION"] as const) {
    it(`shows names to a coordinator in every format (${view})`, async () => {
      for (const format of FORMATS) {
        const file = await exported(COORDINATOR, { territoryId: GCC, view, format, window: YEAR_2023 });
        expect(file.content, format).toContain(actor.fullName);
        expect(file.content, format).not.toContain(actor.pseudonym);
      }
    });

    it(`gives an analyst pseudonyms only, never names, e-mails or phones, in every format (${view})`, async () => {
      for (const format of FORMATS) {
        const file = await exported(ANALYST, { territoryId: GCC, view, format, window: YEAR_2023 });
        if (format === "GEXF") expectValidGexf(file);
        expect(file.content, format).toContain(actor.pseudonym);
        expect(file.content, format).not.toContain(actor.fullName);
        expect(file.content, format).not.toContain(actor.email);
        expect(file.content, format).not.toContain(actor.phone);
      }
    });
  }

  it("puts work groups and the actors who sat in them in the two-mode export", async () => {
    const file = await exported(ANALYST, { territoryId: GCC, view: "PARTICIPATION", format: "GEXF", window: YEAR_2023, filter: { roles: ["PILOT", "CO_PILOT"] } });
    const graph = parseGexf(UndirectedGraph, file.content);
    const kinds = new Set(graph.mapNodes((_n, attributes) => attributes.kind as string));
    expect(kinds).toEqual(new Set(["Acteur", "Groupe de travail"]));
    const roles = new Set(graph.mapEdges((_e, attributes) => attributes.role as string));
    expect([...roles].every((role) => role === "Pilote" || role === "Co-pilote")).toBe(true);
    graph.forEachEdge((_e, _a, source, target) => {
      expect(new Set([graph.getNodeAttribute(source, "kind"), graph.getNodeAttribute(target, "kind")])).toEqual(kinds);
    });
    expect(file.content).toContain("rôles : Pilote, Co-pilote");
  });
});

describe("networkExport refuses", () => {
  const base = { territoryId: PC, view: "STRUCTURES", format: "CSV_NODES", window: YEAR_2023, filter: { minWeight: 5 } };

  it("positions of nodes that are not in the network, naming them", async () => {
    const result = await exportAs(ANALYST, { ...base, positions: [{ id: "nowhere-1", x: 0, y: 0 }] });
    expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", argument: "positions", unknownIds: ["nowhere-1"] });
  });

  it("a node positioned twice", async () => {
    const { labels } = await apiTies(ANALYST, { territoryId: PC, level: "STRUCTURE", window: YEAR_2023, filter: { minWeight: 5 } });
    const id = [...labels.keys()][0]!;
    const result = await exportAs(ANALYST, { ...base, positions: [{ id, x: 0, y: 0 }, { id, x: 1, y: 1 }] });
    expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", argument: "positions" });
  });

  it(`more than ${MAX_EXPORT_POSITIONS} positions, with EXPORT_TOO_LARGE`, async () => {
    const positions = Array.from({ length: MAX_EXPORT_POSITIONS + 1 }, (_, i) => ({ id: `n${i}`, x: i, y: 0 }));
    const result = await exportAs(ANALYST, { ...base, positions });
    expect(errorOf(result)).toMatchObject({ code: "EXPORT_TOO_LARGE", argument: "positions", maximum: MAX_EXPORT_POSITIONS });
  });

  it("a malformed window, an unknown view, a territory outside the token, an unknown territory", async () => {
    expect(errorOf(await exportAs(ANALYST, { ...base, window: { from: "2023-12-31", to: "2023-01-01" } }))?.code).toBe("BAD_USER_INPUT");
    expect(errorOf(await exportAs(ANALYST, { ...base, view: "MAP" }))?.code).toBe("BAD_USER_INPUT");
    expect(errorOf(await exportAs({ role: "ANALYST", territories: [GCC] }, base))?.code).toBe("FORBIDDEN");
    expect(errorOf(await exportAs(ANALYST, { ...base, territoryId: "nowhere" }))?.code).toBe("NOT_FOUND");
  });

  it("a second export in the same operation", async () => {
    const twice = `query Twice {
      nodes: networkExport(territoryId: "${PC}", view: STRUCTURES, format: CSV_NODES, filter: { minWeight: 5 }) { fileName }
      ties: networkExport(territoryId: "${PC}", view: STRUCTURES, format: CSV_TIES, filter: { minWeight: 5 }) { fileName }
    }`;
    const result = await graphqlAs<ExportResult>(ANALYST, twice);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(new Set(result.errors?.map((error) => error.extensions?.code))).toEqual(new Set(["QUERY_TOO_COMPLEX"]));
  });

  it("a request without a token", async () => {
    const result = await exportAs(null, base);
    expect(result.status).toBe(401);
    expect(errorOf(result)?.code).toBe("UNAUTHENTICATED");
    expect(result.data ?? null).toBeNull();
  });
});

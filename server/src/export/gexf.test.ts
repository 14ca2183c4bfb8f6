import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DOMParser } from "@xmldom/xmldom";
import { UndirectedGraph } from "graphology";
import { parse } from "graphology-gexf";
import { afterAll, describe, expect, it } from "vitest";
import { GEXF_NAMESPACE, toGexf } from "./gexf.js";
import { FORMULA_NAME, TEST_GRAPH, TRICKY_NAME } from "./testGraph.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** The official GEXF 1.3 schema, shipped as a test fixture (test/fixtures/gexf-1.3/README.md). */
const GEXF_XSD = path.resolve(repoRoot, "test/fixtures/gexf-1.3/gexf.xsd");
const hasXmllint = spawnSync("xmllint", ["--version"]).error === undefined;
if (!hasXmllint) console.warn("xmllint is absent (apt-get install libxml2-utils): the GEXF schema validation is skipped.");

const workDir = mkdtempSync(path.join(os.tmpdir(), "maillage-gexf-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** xmllint's verdict on a document: null when valid, else its messages. */
function schemaErrors(content: string): string | null {
  const file = path.join(workDir, `${Math.random().toString(36).slice(2)}.gexf`);
  writeFileSync(file, content, "utf8");
  try {
    execFileSync("xmllint", ["--noout", "--schema", GEXF_XSD, file], { stdio: "pipe" });
    return null;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

const gexf = toGexf(TEST_GRAPH);

describe("toGexf", () => {
  it("writes GEXF 1.3 with meta, undirected ties and declared node and edge attributes", () => {
    const doc = new DOMParser().parseFromString(gexf, "application/xml");
    const root = doc.documentElement;
    expect(root?.namespaceURI).toBe(GEXF_NAMESPACE);
    expect(root?.getAttribute("version")).toBe("1.3");
    expect(doc.getElementsByTagName("graph")[0]?.getAttribute("defaultedgetype")).toBe("undirected");
    expect(doc.getElementsByTagName("creator")[0]?.textContent).toBe("Maillage");
    expect(doc.getElementsByTagName("meta")[0]?.getAttribute("lastmodifieddate")).toBe("2025-06-30");
    const description = doc.getElementsByTagName("description")[0]?.textContent ?? "";
    expect(description).toContain("Données fictives");
    expect(description).toContain("Pays Cévennes");
    expect(description).toContain("du 01/01/2019 au 31/12/2024");
    const declared = Array.from(doc.getElementsByTagName("attributes")).map((a) => [
      a.getAttribute("class"),
      Array.from(a.getElementsByTagName("attribute")).map((b) => `${b.getAttribute("id")}:${b.getAttribute("type")}`),
    ]);
    expect(declared).toEqual([
      ["node", ["kind:string", "nature:string", "category:string", "sector:string", "commune:string", "communeCode:string", "epci:string", "epciCode:string", "degree:integer", "weightedDegree:double", "betweenness:double", "closeness:double", "community:integer"]],
      ["edge", ["throughWorkGroups:double", "throughEvents:double", "role:string"]],
    ]);
  });

  it("escapes names and strips characters XML cannot hold", () => {
    expect(gexf).not.toContain("\u0001");
    const doc = new DOMParser().parseFromString(gexf, "application/xml");
    const labels = Array.from(doc.getElementsByTagName("node")).map((node) => node.getAttribute("label"));
    expect(labels).toContain(TRICKY_NAME.replace("\u0001", ""));
    expect(labels).toContain(FORMULA_NAME);
  });

  it("writes positions only for placed nodes, with y pointing up as in Gephi", () => {
    expect(gexf).toContain('<viz:position x="12.5" y="40.25" z="0"/>');
    expect(gexf).toContain('<viz:position x="-100" y="-0.000001" z="0"/>');
    expect(gexf.match(/<viz:position /g)).toHaveLength(2);
  });

  it.skipIf(!hasXmllint)("validates against the official GEXF 1.3 schema", () => {
    expect(schemaErrors(gexf)).toBeNull();
    const empty = toGexf({ ...TEST_GRAPH, nodes: [], ties: [] });
    expect(schemaErrors(empty)).toBeNull();
  });

  it.skipIf(!hasXmllint)("is checked by a validator that does reject an invalid file", () => {
    expect(schemaErrors(gexf.replace(' version="1.3"', ' version="1.2"'))).toMatch(/fails to validate/);
    expect(schemaErrors(gexf.replace('defaultedgetype="undirected"', 'defaultedgetype="sideways"'))).toMatch(/fails to validate/);
  });

  it("survives a round trip through graphology-gexf: same nodes, ties, weights, attributes and positions", () => {
    const parsed = parse(UndirectedGraph, gexf);
    expect(parsed.type).toBe("undirected");
    expect(parsed.nodes().sort()).toEqual(TEST_GRAPH.nodes.map((n) => n.id).sort());
    const first = parsed.getNodeAttributes("s-1");
    expect(first).toMatchObject({
      label: TRICKY_NAME.replace("\u0001", ""),
      kind: "Structure",
      nature: "Association",
      sector: "Médico-social",
      commune: "Alès",
      communeCode: "30007",
      epci: "CA Alès Agglomération",
      epciCode: "200066918",
      degree: 2,
      weightedDegree: 5,
      betweenness: 0.12345679,
      closeness: 0.5,
      community: 0,
      x: 12.5,
      y: 40.25,
    });
    expect(parsed.getNodeAttributes("s-2").communeCode).toBe("07294");
    expect(parsed.getNodeAttributes("i-ars")).not.toHaveProperty("x");
    expect(parsed.getNodeAttributes("i-ars")).not.toHaveProperty("sector");
    const ties = parsed.mapEdges((_edge, attributes, source, target) => ({
      ends: [source, target].sort().join("|"),
      weight: attributes.weight,
      throughWorkGroups: attributes.throughWorkGroups,
      throughEvents: attributes.throughEvents,
    }));
    expect(ties.sort((a, b) => a.ends.localeCompare(b.ends))).toEqual([
      { ends: "i-ars|s-1", weight: 2, throughWorkGroups: 2, throughEvents: 0 },
      { ends: "s-1|s-2", weight: 3, throughWorkGroups: 1, throughEvents: 2 },
    ]);
  });
});

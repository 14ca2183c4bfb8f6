import { DOMParser } from "@xmldom/xmldom";
import { UndirectedGraph } from "graphology";
import { parse } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import { GRAPHML_NAMESPACE, toGraphml } from "./graphml.js";
import { TEST_GRAPH, TRICKY_NAME } from "./testGraph.js";

const graphml = toGraphml(TEST_GRAPH);

describe("toGraphml", () => {
  it("declares a typed key for every graph, node and edge attribute", () => {
    const doc = new DOMParser().parseFromString(graphml, "application/xml");
    expect(doc.documentElement?.namespaceURI).toBe(GRAPHML_NAMESPACE);
    const keys = Array.from(doc.getElementsByTagName("key")).map(
      (key) => `${key.getAttribute("for")}:${key.getAttribute("attr.name")}:${key.getAttribute("attr.type")}`,
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        "graph:Territoire:string",
        "node:label:string",
        "node:Type:string",
        "node:Secteur:string",
        "node:Degré:int",
        "node:Degré pondéré:double",
        "node:Intermédiarité:double",
        "node:Proximité:double",
        "node:Communauté:int",
        "node:x:double",
        "node:y:double",
        "edge:weight:double",
        "edge:Groupes de travail partagés:double",
        "edge:Événements partagés:double",
        "edge:Rôle:string",
      ]),
    );
    // Every data element refers to a declared key.
    const declared = new Set(Array.from(doc.getElementsByTagName("key")).map((key) => key.getAttribute("id")));
    for (const data of Array.from(doc.getElementsByTagName("data"))) expect(declared.has(data.getAttribute("key"))).toBe(true);
    expect(doc.getElementsByTagName("graph")[0]?.getAttribute("edgedefault")).toBe("undirected");
  });

  it("says the data is fictitious, and where and when it comes from", () => {
    const parsed = parse(UndirectedGraph, graphml);
    expect(parsed.getAttributes()).toMatchObject({
      Territoire: "Pays Cévennes",
      Vue: "Réseau des structures",
      Période: "du 01/01/2019 au 31/12/2024",
      Avertissement: "Données fictives",
    });
  });

  it("survives a round trip through graphology-graphml: same nodes, ties, weights, attributes and positions", () => {
    const parsed = parse(UndirectedGraph, graphml);
    expect(parsed.type).toBe("undirected");
    expect(parsed.nodes().sort()).toEqual(TEST_GRAPH.nodes.map((n) => n.id).sort());
    expect(parsed.getNodeAttributes("s-1")).toMatchObject({
      label: TRICKY_NAME.replace("\u0001", ""),
      Type: "Structure",
      Secteur: "Médico-social",
      Commune: "Alès",
      "Code commune": "30007",
      Degré: 2,
      "Degré pondéré": 5,
      Intermédiarité: 0.12345679,
      Communauté: 0,
      x: 12.5,
      y: 40.25,
    });
    expect(parsed.getNodeAttributes("s-2")["Code commune"]).toBe("07294");
    expect(parsed.getNodeAttributes("i-ars")).not.toHaveProperty("x");
    const ties = parsed.mapEdges((_edge, attributes, source, target) => ({
      ends: [source, target].sort().join("|"),
      weight: attributes.weight,
      workGroups: attributes["Groupes de travail partagés"],
      events: attributes["Événements partagés"],
    }));
    expect(ties.sort((a, b) => a.ends.localeCompare(b.ends))).toEqual([
      { ends: "i-ars|s-1", weight: 2, workGroups: 2, events: 0 },
      { ends: "s-1|s-2", weight: 3, workGroups: 1, events: 2 },
    ]);
  });
});

import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import { describe, expect, it } from "vitest";
import {
  communeGroupId,
  epciGroupId,
  groupedElements,
  groupStylesheet,
  NO_COMMUNE_GROUP_ID,
  OUTSIDE_GROUP_ID,
  withGroups,
} from "./grouping";
import type { PlaceableNode } from "./placement";
import { ALES, ALES_AGGLO, CENDRAS, CEZE_CEVENNES, SAINT_AMBROIX, SAINT_PRIVAT, TEST_COMMUNES, TEST_EPCIS } from "./testCommunes";

const nodes: PlaceableNode[] = [
  { id: "s-ch-ales", communeCode: ALES.code },
  { id: "s-ccas-ales", communeCode: ALES.code },
  { id: "s-msp-st-ambroix", communeCode: SAINT_AMBROIX.code },
  { id: "s-ecole-cendras", communeCode: CENDRAS.code },
  { id: "i-ars", communeCode: "34172" },
  { id: "i-cpam", communeCode: null },
];

function headless(elements: ElementDefinition[]) {
  return cytoscape({ headless: true, styleEnabled: false, elements });
}

/** The id of the node's compound parent in Cytoscape, or null for a top-level node. */
function parentId(cy: Core, id: string): string | null {
  return cy.getElementById(id).parent().map((p) => p.id())[0] ?? null;
}

describe("groupedElements", () => {
  it("nests each node in its commune, and each commune in its EPCI", () => {
    const cy = headless(groupedElements(nodes, TEST_COMMUNES, TEST_EPCIS));
    expect(parentId(cy, "s-ch-ales")).toBe(communeGroupId(ALES.code));
    expect(parentId(cy, communeGroupId(ALES.code))).toBe(epciGroupId(ALES_AGGLO.code));
    expect(parentId(cy, epciGroupId(ALES_AGGLO.code))).toBeNull();
    expect(cy.getElementById("s-msp-st-ambroix").ancestors().map((a) => a.id())).toEqual([
      communeGroupId(SAINT_AMBROIX.code),
      epciGroupId(CEZE_CEVENNES.code),
    ]);
    expect(cy.getElementById(communeGroupId(ALES.code)).children().map((c) => c.id()).sort()).toEqual(["s-ccas-ales", "s-ch-ales"]);
    expect(cy.getElementById(epciGroupId(ALES_AGGLO.code)).descendants().filter((d) => d.isChildless()).length).toBe(3);
  });

  it("labels groups with EPCI and commune names", () => {
    const cy = headless(groupedElements(nodes, TEST_COMMUNES, TEST_EPCIS));
    expect(cy.getElementById(epciGroupId(ALES_AGGLO.code)).data("label")).toBe("CA Alès Agglomération");
    expect(cy.getElementById(communeGroupId(CENDRAS.code)).data("label")).toBe("Cendras");
  });

  it("makes groups only for communes and EPCIs that hold nodes", () => {
    const cy = headless(groupedElements(nodes, TEST_COMMUNES, TEST_EPCIS));
    expect(cy.getElementById(communeGroupId(SAINT_PRIVAT.code)).empty()).toBe(true);
    const onlyAmbroix = headless(groupedElements([{ id: "x", communeCode: SAINT_AMBROIX.code }], TEST_COMMUNES, TEST_EPCIS));
    expect(onlyAmbroix.nodes(":parent").map((n) => n.id())).toEqual([epciGroupId(CEZE_CEVENNES.code), communeGroupId(SAINT_AMBROIX.code)]);
  });

  it("puts nodes outside the territory and nodes without a commune in their own top-level groups", () => {
    const cy = headless(groupedElements(nodes, TEST_COMMUNES, TEST_EPCIS));
    expect(parentId(cy, "i-ars")).toBe(OUTSIDE_GROUP_ID);
    expect(parentId(cy, "i-cpam")).toBe(NO_COMMUNE_GROUP_ID);
    expect(cy.getElementById(OUTSIDE_GROUP_ID).data("label")).toBe("Hors territoire");
    expect(cy.getElementById(OUTSIDE_GROUP_ID).isOrphan()).toBe(true);
  });

  it("keeps a commune whose EPCI is unknown as a top-level group", () => {
    const stray = { ...SAINT_PRIVAT, epciCode: "999999999" };
    const cy = headless(groupedElements([{ id: "x", communeCode: stray.code }], [stray], TEST_EPCIS));
    expect(parentId(cy, "x")).toBe(communeGroupId(stray.code));
    expect(cy.getElementById(communeGroupId(stray.code)).isOrphan()).toBe(true);
  });

  it("orders groups by name, French-style, and gives the same elements for the same data", () => {
    const elements = groupedElements(nodes, TEST_COMMUNES, [CEZE_CEVENNES, ALES_AGGLO]);
    const groups = elements.filter((e) => e.data.id?.includes(":")).map((e) => e.data.id);
    expect(groups).toEqual([
      epciGroupId(ALES_AGGLO.code),
      communeGroupId(ALES.code),
      communeGroupId(CENDRAS.code),
      epciGroupId(CEZE_CEVENNES.code),
      communeGroupId(SAINT_AMBROIX.code),
      OUTSIDE_GROUP_ID,
      NO_COMMUNE_GROUP_ID,
    ]);
    expect(groupedElements(nodes, TEST_COMMUNES, [CEZE_CEVENNES, ALES_AGGLO])).toEqual(elements);
  });

  it("gives group ids that cannot clash with network node ids", () => {
    const ids = groupedElements(nodes, TEST_COMMUNES, TEST_EPCIS).map((e) => e.data.id);
    expect(new Set(ids).size).toBe(ids.length);
    const nodeIds = new Set(nodes.map((n) => n.id));
    expect(ids.filter((id) => id?.includes(":")).some((id) => id !== undefined && nodeIds.has(id))).toBe(false);
  });
});

describe("withGroups", () => {
  it("keeps the network's own data and ties, inside the groups", () => {
    const network: ElementDefinition[] = [
      ...nodes.map((n) => ({ group: "nodes" as const, data: { id: n.id, label: n.id.toUpperCase() } })),
      { group: "edges", data: { id: "s-ch-ales→i-ars", source: "s-ch-ales", target: "i-ars", weight: 3 } },
    ];
    const cy = headless(withGroups(network, groupedElements(nodes, TEST_COMMUNES, TEST_EPCIS)));
    expect(cy.getElementById("s-ch-ales").data("label")).toBe("S-CH-ALES");
    expect(parentId(cy, "s-ch-ales")).toBe(communeGroupId(ALES.code));
    expect(cy.edges().map((e) => [e.source().id(), e.target().id(), e.data("weight")])).toEqual([["s-ch-ales", "i-ars", 3]]);
    expect(cy.nodes(":childless")).toHaveLength(nodes.length);
  });
});

describe("groupStylesheet", () => {
  it("is a stylesheet Cytoscape accepts for the group boxes", () => {
    const elements = groupedElements(nodes, TEST_COMMUNES, TEST_EPCIS);
    const cy = cytoscape({ headless: true, styleEnabled: true, style: groupStylesheet, elements });
    expect(cy.getElementById(epciGroupId(ALES_AGGLO.code)).style("shape")).toBe("round-rectangle");
    expect(cy.getElementById(OUTSIDE_GROUP_ID).style("border-style")).toBe("dashed");
    expect(cy.getElementById(communeGroupId(ALES.code)).style("label")).toBe("Alès");
    cy.destroy();
  });
});

import { describe, expect, it } from "vitest";
import { NetworkInputError } from "./errors.js";
import { buildGraph, graphTies, isCanonical, projectAffiliations, projectOrganisations } from "./projection.js";
import type { Affiliation, Membership } from "./types.js";

// g1 = {p1, p2, p3}, g2 = {p2, p3}, g3 = {p3, p4}; (p1, g1) is recorded twice.
const affiliations: Affiliation[] = [
  { personId: "p3", groupId: "g3" },
  { personId: "p1", groupId: "g1" },
  { personId: "p3", groupId: "g1" },
  { personId: "p2", groupId: "g2" },
  { personId: "p4", groupId: "g3" },
  { personId: "p2", groupId: "g1" },
  { personId: "p3", groupId: "g2" },
  { personId: "p1", groupId: "g1" },
];

describe("projectAffiliations", () => {
  it("weights each pair of people by the number of distinct groups they share", () => {
    // g1 gives p1–p2, p1–p3, p2–p3; g2 gives p2–p3 again (→ 2); g3 gives p3–p4
    expect(projectAffiliations(affiliations)).toEqual([
      { source: "p1", target: "p2", weight: 1 },
      { source: "p1", target: "p3", weight: 1 },
      { source: "p2", target: "p3", weight: 2 },
      { source: "p3", target: "p4", weight: 1 },
    ]);
  });

  it("returns the same ties whatever the input order", () => {
    expect(projectAffiliations([...affiliations].reverse())).toEqual(projectAffiliations(affiliations));
  });

  it("orders endpoints by code unit, not numerically or by locale", () => {
    const ties = projectAffiliations([
      { personId: "p10", groupId: "g" },
      { personId: "P2", groupId: "g" },
      { personId: "p9", groupId: "g" },
    ]);
    expect(ties.map((t) => [t.source, t.target])).toEqual([
      ["P2", "p10"],
      ["P2", "p9"],
      ["p10", "p9"],
    ]);
  });

  it("counts the same way past the size where pairs leave the dense matrix", () => {
    // 2,100 people; person i is in groups g⌊i/3⌋ and h⌊(i+1)/3⌋.
    const name = (i: number): string => `p${String(i).padStart(4, "0")}`;
    const many: Affiliation[] = [];
    for (let i = 0; i < 2100; i++) many.push({ personId: name(i), groupId: `g${Math.floor(i / 3)}` }, { personId: name(i), groupId: `h${Math.floor((i + 1) / 3)}` });
    const ties = projectAffiliations(many);
    const weightOf = (a: number, b: number) => ties.find((t) => t.source === name(a) && t.target === name(b))?.weight;
    expect(weightOf(0, 1)).toBe(2); // g0 and h0
    expect(weightOf(1, 2)).toBe(1); // g0
    expect(weightOf(2, 3)).toBe(1); // h1
    expect(weightOf(0, 3)).toBeUndefined();
    // 700 groups g of three (2,100 pairs), h0 = {p0000, p0001} and 699 groups h of three (2,098
    // pairs); the 700 pairs (3k, 3k + 1) are in both.
    expect(ties).toHaveLength(2100 + 2098 - 700);
    const keys = ties.map((t) => `${t.source} ${t.target}`);
    expect(keys).toEqual([...keys].sort());
  });

  it("ties nobody in a group of one", () => {
    expect(projectAffiliations([{ personId: "p1", groupId: "g1" }])).toEqual([]);
  });
});

describe("projectOrganisations", () => {
  it("sums the collaboration weights between members of two organisations", () => {
    // A = {p1, p4}, B = {p2, p3}, C = {p3}. Person ties: p1–p2 1, p1–p3 1, p2–p3 2, p3–p4 1.
    // p1–p2: A–B +1. p1–p3: A–B +1, A–C +1. p2–p3: B–C +2 (B–B skipped). p3–p4: A–B +1, A–C +1.
    const memberships: Membership[] = [
      { personId: "p1", organisationId: "A" },
      { personId: "p2", organisationId: "B" },
      { personId: "p3", organisationId: "B" },
      { personId: "p3", organisationId: "C" },
      { personId: "p4", organisationId: "A" },
    ];
    expect(projectOrganisations(memberships, projectAffiliations(affiliations))).toEqual([
      { source: "A", target: "B", weight: 3 },
      { source: "A", target: "C", weight: 2 },
      { source: "B", target: "C", weight: 2 },
    ]);
  });

  it("counts a person tie once per pair of organisations even when both people belong to both", () => {
    // p5 and p6 are both in D and E: their tie gives D–E once, not twice
    const memberships: Membership[] = [
      { personId: "p5", organisationId: "D" },
      { personId: "p5", organisationId: "E" },
      { personId: "p6", organisationId: "E" },
      { personId: "p6", organisationId: "D" },
    ];
    expect(projectOrganisations(memberships, [{ source: "p5", target: "p6", weight: 1 }])).toEqual([
      { source: "D", target: "E", weight: 1 },
    ]);
  });

  it("leaves out people without a membership and does not tie organisations through a shared member alone", () => {
    const memberships: Membership[] = [
      { personId: "p1", organisationId: "A" },
      { personId: "p1", organisationId: "B" },
    ];
    expect(projectOrganisations(memberships, [{ source: "p1", target: "p2", weight: 3 }])).toEqual([]);
  });
});

describe("buildGraph", () => {
  it("builds an undirected weighted graph keeping node attributes", () => {
    const graph = buildGraph(
      [{ id: "b", sector: "care", axes: ["youth"] }, { id: "a", sector: null }],
      [{ source: "b", target: "a", weight: 2 }],
    );
    expect(graph.type).toBe("undirected");
    expect(graph.getNodeAttributes("b")).toEqual({ sector: "care", axes: ["youth"] });
    expect(graph.getEdgeAttribute("a", "b", "weight")).toBe(2);
    expect(graphTies(graph)).toEqual([{ source: "a", target: "b", weight: 2 }]);
  });

  it("inserts nodes in id order whatever the input order", () => {
    const graph = buildGraph([{ id: "c" }, { id: "a" }, { id: "b" }], []);
    expect(graph.nodes()).toEqual(["a", "b", "c"]);
  });

  it.each([
    ["DUPLICATE_NODE", [{ id: "a" }, { id: "a" }], []],
    ["UNKNOWN_NODE", [{ id: "a" }], [{ source: "a", target: "z", weight: 1 }]],
    ["INVALID_TIE", [{ id: "a" }], [{ source: "a", target: "a", weight: 1 }]],
    ["INVALID_TIE", [{ id: "a" }, { id: "b" }], [{ source: "a", target: "b", weight: 0 }]],
    ["INVALID_TIE", [{ id: "a" }, { id: "b" }], [{ source: "a", target: "b", weight: Number.NaN }]],
    [
      "DUPLICATE_TIE",
      [{ id: "a" }, { id: "b" }],
      [
        { source: "a", target: "b", weight: 1 },
        { source: "b", target: "a", weight: 1 },
      ],
    ],
  ])("rejects bad input with the code %s", (code, nodes, ties) => {
    expect(() => buildGraph(nodes, ties)).toThrow(NetworkInputError);
    expect(() => buildGraph(nodes, ties)).toThrow(expect.objectContaining({ code }));
  });
});

describe("isCanonical", () => {
  it("holds for a graph from buildGraph until a node or a tie is added or dropped", () => {
    const graph = buildGraph([{ id: "a" }, { id: "b" }, { id: "c" }], [{ source: "a", target: "b", weight: 1 }]);
    expect(isCanonical(graph)).toBe(true);
    graph.setEdgeAttribute("a", "b", "weight", 3);
    expect(isCanonical(graph)).toBe(true);
    graph.addEdge("b", "c", { weight: 1 });
    expect(isCanonical(graph)).toBe(false);
    expect(isCanonical(graph.copy())).toBe(false);
  });
});

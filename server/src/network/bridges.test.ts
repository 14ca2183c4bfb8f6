import { describe, expect, it } from "vitest";
import { isolatedNodes, singlePersonStructures, topBrokers } from "./bridges.js";
import { computeNodeMetrics } from "./metrics.js";
import { disconnectedPairs, twoTriangles } from "./testGraphs.js";
import type { Membership, Tie } from "./types.js";

describe("topBrokers", () => {
  it("ranks by betweenness, ties by id, and leaves out nodes that bridge nothing", () => {
    // two triangles: c and d both 0.6, everyone else 0
    const metrics = computeNodeMetrics(twoTriangles());
    expect(topBrokers(metrics, 5).map((b) => b.id)).toEqual(["c", "d"]);
    expect(topBrokers(metrics, 1)).toEqual([{ id: "c", betweenness: expect.closeTo(0.6, 12) }]);
  });

  it("orders by value first", () => {
    expect(topBrokers([{ id: "a", betweenness: 0.1 }, { id: "b", betweenness: 0.3 }], 2).map((b) => b.id)).toEqual(["b", "a"]);
  });

  it("rejects a negative or fractional limit", () => {
    expect(() => topBrokers([], -1)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => topBrokers([], 1.5)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});

describe("isolatedNodes", () => {
  it("lists nodes without ties", () => {
    expect(isolatedNodes(disconnectedPairs())).toEqual(["e"]);
  });
});

describe("singlePersonStructures", () => {
  // A = {p1, p4}, B = {p2, p3}, C = {p3}, D = {p7, p8}, E = {p9}
  const memberships: Membership[] = [
    { personId: "p1", organisationId: "A" },
    { personId: "p4", organisationId: "A" },
    { personId: "p2", organisationId: "B" },
    { personId: "p3", organisationId: "B" },
    { personId: "p3", organisationId: "C" },
    { personId: "p7", organisationId: "D" },
    { personId: "p8", organisationId: "D" },
    { personId: "p9", organisationId: "E" },
  ];
  const ties: Tie[] = [
    { source: "p1", target: "p2", weight: 1 },
    { source: "p1", target: "p3", weight: 1 },
    { source: "p2", target: "p3", weight: 2 },
    { source: "p3", target: "p4", weight: 1 },
    { source: "p1", target: "p7", weight: 1 },
  ];

  it("finds organisations whose every tie to other organisations goes through one member", () => {
    // Carriers: A ← p1 (B, C, D), p4 (B, C) → two people; B ← p2 (A, C), p3 (A) → two;
    // C ← p3 only (A via p1 and p4, B via p2) → listed; D ← p7 only (A) → listed although D has 2 members;
    // E has no tie at all → not listed.
    expect(singlePersonStructures(memberships, ties)).toEqual([
      { organisationId: "C", personId: "p3", memberCount: 1, partnerOrganisations: ["A", "B"] },
      { organisationId: "D", personId: "p7", memberCount: 2, partnerOrganisations: ["A"] },
    ]);
  });

  it("drops an organisation once a second member gets a tie outside", () => {
    const more = [...ties, { source: "p8", target: "p2", weight: 1 }];
    expect(singlePersonStructures(memberships, more).map((s) => s.organisationId)).toEqual(["C"]);
  });
});

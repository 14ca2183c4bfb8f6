import { describe, expect, it } from "vitest";
import { graphTies } from "../network/index.js";
import { buildCollaborationGraph, type CollaborationData } from "./collaboration.js";
import { NO_FILTER } from "./filters.js";

/**
 * Three actors, two organisations, one work group and one event, by hand:
 * wg1 = {a1, a2, a3}, ev1 = {a1, a2}. Actor ties: a1–a2 weight 2 (wg1 + ev1), a1–a3 1, a2–a3 1.
 * a1 ∈ s1 (CARE), a2 ∈ s2 (SOCIAL), a3 ∈ s1. Organisation ties: s1–s2 weight 2 (wg1, ev1); s3 idle.
 */
const open = (organisationId: string) => ({ organisationId, from: null, to: null });

const data: CollaborationData = {
  organisations: [
    { id: "s1", name: "Centre", kind: "STRUCTURE", sector: "CARE", type: "Centre hospitalier", communeCode: "30007", communeName: "Alès", epciCode: "E1", memberCount: 2 },
    { id: "s2", name: "CCAS", kind: "STRUCTURE", sector: "SOCIAL", type: "CCAS", communeCode: "30132", communeName: "Laval", epciCode: "E2", memberCount: 1 },
    { id: "s3", name: "Pharmacie", kind: "STRUCTURE", sector: "CARE", type: "Pharmacie", communeCode: "30007", communeName: "Alès", epciCode: "E1", memberCount: 0 },
  ],
  groups: [
    { id: "wg1", kind: "WORK_GROUP", axisIds: ["ax-a"], actorIds: ["a1", "a2", "a3"], date: null, spans: ["a1", "a2", "a3"].map((actorId) => ({ actorId, from: null, to: null })) },
    { id: "ev1", kind: "EVENT", axisIds: ["ax-b"], actorIds: ["a1", "a2"], date: "2024-03-01", spans: [] },
  ],
  actors: [
    { id: "a1", firstName: "Anne", lastName: "A", category: "PROFESSIONAL", profession: null, organisationIds: ["s1", "elsewhere"], memberships: [open("s1"), open("elsewhere")] },
    { id: "a2", firstName: "Bruno", lastName: "B", category: "VOLUNTEER", profession: null, organisationIds: ["s2"], memberships: [open("s2")] },
    { id: "a3", firstName: "Chloé", lastName: "C", category: "PROFESSIONAL", profession: null, organisationIds: ["s1"], memberships: [open("s1")] },
  ],
  window: { from: null, to: null },
};

describe("buildCollaborationGraph", () => {
  it("ties actors by the work groups and events they shared", () => {
    const { graph, nodes } = buildCollaborationGraph(data, "ACTOR", NO_FILTER);
    expect(graphTies(graph)).toEqual([
      { source: "a1", target: "a2", weight: 2 },
      { source: "a1", target: "a3", weight: 1 },
      { source: "a2", target: "a3", weight: 1 },
    ]);
    expect(nodes.get("a1")?.axisIds).toEqual(["ax-a", "ax-b"]);
    expect(nodes.get("a1")?.organisationIds).toEqual(["s1"]);
    expect(nodes.get("a2")?.sector).toBe("SOCIAL");
  });

  it("ties organisations through their members and keeps idle ones as isolated nodes", () => {
    const { graph, nodes } = buildCollaborationGraph(data, "STRUCTURE", NO_FILTER);
    expect(graphTies(graph)).toEqual([{ source: "s1", target: "s2", weight: 2 }]);
    expect(graph.order).toBe(3);
    expect(nodes.get("s1")?.activeMemberCount).toBe(2);
    expect(nodes.get("s3")?.activeMemberCount).toBe(0);
  });

  it("counts only the chosen tie sources", () => {
    const { graph } = buildCollaborationGraph(data, "ACTOR", { ...NO_FILTER, through: ["WORK_GROUP"] });
    expect(graphTies(graph).map((tie) => tie.weight)).toEqual([1, 1, 1]);
  });

  it("keeps an induced subgraph for node filters and drops weak ties", () => {
    const bySector = buildCollaborationGraph(data, "ACTOR", { ...NO_FILTER, sectors: ["CARE"] });
    expect(graphTies(bySector.graph)).toEqual([{ source: "a1", target: "a3", weight: 1 }]);
    const byCategory = buildCollaborationGraph(data, "ACTOR", { ...NO_FILTER, categories: ["PROFESSIONAL"] });
    expect(byCategory.graph.nodes().sort()).toEqual(["a1", "a3"]);
    const strong = buildCollaborationGraph(data, "ACTOR", { ...NO_FILTER, minWeight: 2 });
    expect(graphTies(strong.graph)).toEqual([{ source: "a1", target: "a2", weight: 2 }]);
    const placed = buildCollaborationGraph(data, "STRUCTURE", { ...NO_FILTER, epciCodes: ["E1"] });
    expect(placed.graph.nodes().sort()).toEqual(["s1", "s3"]);
  });
});

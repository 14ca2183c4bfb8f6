import { describe, expect, it } from "vitest";
import type { NetworkNode } from "../../api/network";
import { createNetworkModel } from "../../graph/model";
import { coordinatorLists } from "./lists";

function organisation(id: string, active: number, betweenness: number): NetworkNode {
  return {
    id, name: id, kind: "STRUCTURE", sector: "CARE", type: null, category: null, communeCode: null, communeName: null, epciCode: null,
    memberCount: 3, activeMemberCount: active, axisIds: [], metrics: { degree: 0, weightedDegree: 0, betweenness, closeness: 0, community: 0 },
  };
}

describe("coordinatorLists", () => {
  it("lists brokers by betweenness, isolated organisations and those tied through one person", () => {
    const model = createNetworkModel({
      nodes: [organisation("hub", 4, 0.6), organisation("leaf", 1, 0), organisation("other", 2, 0.1), organisation("alone", 2, 0)],
      ties: [{ source: "hub", target: "leaf", weight: 3 }, { source: "hub", target: "other", weight: 1 }],
    });
    const lists = coordinatorLists(model);
    expect(lists.brokers.map((n) => n.id)).toEqual(["hub", "other"]);
    expect(lists.isolated.map((n) => n.id)).toEqual(["alone"]);
    expect(lists.singlePerson.map((n) => n.id)).toEqual(["leaf"]);
  });
});

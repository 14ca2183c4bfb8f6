import { describe, expect, it } from "vitest";
import { graphqlAs, type TestViewer } from "../../../test/graphql.js";

const ANALYST: TestViewer = { role: "ANALYST", territories: ["pays-cevennes"] };

interface Network {
  collaborationNetwork: {
    nodes: { id: string }[];
    ties: { totalCount: number; ties: { source: string; target: string; weight: number }[] };
    packedTies: { count: number; sources: number[]; targets: number[]; weights: number[] };
  };
}

describe("collaborationNetwork.packedTies", () => {
  it("lists the same ties as the pages, in the same order, as indexes into the node list", async () => {
    const response = await graphqlAs<Network>(
      ANALYST,
      `query ($filter: NetworkFilterInput) {
        collaborationNetwork(territoryId: "pays-cevennes", window: { from: "2019-06-27" }, filter: $filter, first: 1000) {
          nodes { id }
          ties { totalCount ties { source target weight } }
          packedTies { count sources targets weights }
        }
      }`,
      { filter: { minWeight: 12 } },
    );
    expect(response.errors).toBeUndefined();
    const network = response.data?.collaborationNetwork;
    if (!network) throw new Error("no network");
    const { nodes, ties, packedTies } = network;
    expect(ties.totalCount).toBeGreaterThan(10);
    expect(packedTies.count).toBe(ties.totalCount);
    expect(packedTies.sources).toHaveLength(packedTies.count);
    const unpacked = packedTies.sources.map((source, i) => ({
      source: nodes[source]?.id,
      target: nodes[packedTies.targets[i] ?? -1]?.id,
      weight: packedTies.weights[i],
    }));
    // The first page of ties is the start of the packed list, in the same order.
    expect(unpacked.slice(0, ties.ties.length)).toEqual(ties.ties);
    expect(unpacked.every((tie) => (tie.weight ?? 0) >= 12)).toBe(true);
  });
});

interface Ego {
  egoNetwork: {
    members: { distance: number; node: { id: string } }[];
    ties: { source: string; target: string; weight: number }[];
    packedTies: { count: number; sources: number[]; targets: number[]; weights: number[] };
  };
}

describe("egoNetwork.packedTies", () => {
  it("lists the ego network's ties, in order, as indexes into its members", async () => {
    const response = await graphqlAs<Ego>(
      ANALYST,
      `{ egoNetwork(territoryId: "pays-cevennes", nodeId: "pays-cevennes-s-150", depth: 2, window: { from: "2023-01-01", to: "2023-12-31" }) {
          members { distance node { id } }
          ties { source target weight }
          packedTies { count sources targets weights }
      } }`,
    );
    expect(response.errors).toBeUndefined();
    const ego = response.data?.egoNetwork;
    if (!ego) throw new Error("no ego network");
    expect(ego.ties.length).toBeGreaterThan(10);
    expect(ego.packedTies.count).toBe(ego.ties.length);
    const unpacked = ego.packedTies.sources.map((source, i) => ({
      source: ego.members[source]?.node.id,
      target: ego.members[ego.packedTies.targets[i] ?? -1]?.node.id,
      weight: ego.packedTies.weights[i],
    }));
    expect(unpacked).toEqual(ego.ties);
  });
});

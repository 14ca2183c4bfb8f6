import { describe, expect, it } from "vitest";
import { ADMIN, graphqlAs } from "../../../test/graphql.js";

/**
 * One definition of node set, density and isolates: the four questions that report them give the
 * same figures for the same window (before, networkEvolution counted only "active" organisations
 * and read 0.349 where collaborationNetwork read 0.283 for CLS 3's work groups).
 */
interface Summary {
  nodeCount: number;
  tieCount: number;
  density: number;
  isolatedCount: number;
}

const SUMMARY = "summary { nodeCount tieCount density isolatedCount }";

async function ask<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await graphqlAs<T>(ADMIN, query, variables);
  expect(response.errors).toBeUndefined();
  if (!response.data) throw new Error("no data");
  return response.data;
}

describe("node set, density and isolates", () => {
  it("are the same in collaborationNetwork, networkMetrics, networkEvolution and territoryComparison for one year", async () => {
    const year = { from: "2023-01-01", to: "2023-12-31" };
    const data = await ask<{
      collaborationNetwork: { summary: Summary };
      networkMetrics: { summary: Summary };
      networkEvolution: { nodeCount: { after: number }; tieCount: { after: number }; density: { after: number } };
      territoryComparison: { territories: { network: Summary }[] };
    }>(
      `query ($year: WindowInput!) {
        collaborationNetwork(territoryId: "pays-cevennes", window: $year) { ${SUMMARY} }
        networkMetrics(territoryId: "pays-cevennes", window: $year, first: 1) { ${SUMMARY} }
        networkEvolution(territoryId: "pays-cevennes", before: { from: "2022-01-01", to: "2022-12-31" }, after: $year, first: 1) {
          nodeCount { after } tieCount { after } density { after }
        }
        territoryComparison(territoryIds: ["pays-cevennes"], year: 2023) { territories { network { nodeCount tieCount density isolatedCount } } }
      }`,
      { year },
    );
    const reference = data.collaborationNetwork.summary;
    expect(reference.tieCount).toBeGreaterThan(100);
    expect(data.networkMetrics.summary).toEqual(reference);
    expect(data.territoryComparison.territories[0]?.network).toEqual(reference);
    expect(data.networkEvolution).toEqual({
      nodeCount: { after: reference.nodeCount },
      tieCount: { after: reference.tieCount },
      density: { after: reference.density },
    });
  });

  it("are the same in collaborationNetwork, networkMetrics and networkEvolution for CLS 3's work groups", async () => {
    const data = await ask<{
      collaborationNetwork: { summary: Summary };
      networkMetrics: { summary: Summary };
      networkEvolution: { nodeCount: { after: number }; density: { after: number } };
    }>(
      `query ($cls3: WindowInput!, $filter: NetworkFilterInput) {
        collaborationNetwork(territoryId: "pays-cevennes", window: $cls3, filter: $filter) { ${SUMMARY} }
        networkMetrics(territoryId: "pays-cevennes", window: $cls3, filter: $filter, first: 1) { ${SUMMARY} }
        networkEvolution(territoryId: "pays-cevennes", before: { from: "2013-07-01", to: "2019-06-26" }, after: $cls3, filter: $filter, first: 1) {
          nodeCount { after } density { after }
        }
      }`,
      { cls3: { from: "2019-06-27" }, filter: { through: ["WORK_GROUP"] } },
    );
    const reference = data.collaborationNetwork.summary;
    expect(data.networkMetrics.summary).toEqual(reference);
    expect(data.networkEvolution).toEqual({ nodeCount: { after: reference.nodeCount }, density: { after: reference.density } });
  });

  it("pages networkEvolution's gained ties with cursors, as collaborationNetwork's ties", async () => {
    type Page = { totalCount: number; hasNextPage: boolean; endCursor: string | null; ties: { source: string; target: string }[] };
    const query = `query ($after: String) {
      networkEvolution(territoryId: "pays-cevennes", before: { from: "2022-01-01", to: "2022-12-31" }, after: { from: "2023-01-01", to: "2023-12-31" }) {
        tiesGainedCount tiesGainedPage(first: 500, after: $after) { totalCount hasNextPage endCursor ties { source target } }
      }
    }`;
    const seen: string[] = [];
    let after: string | null = null;
    let count = 0;
    for (let page = 0; page < 1000; page += 1) {
      const data: { networkEvolution: { tiesGainedCount: number; tiesGainedPage: Page } } = await ask(query, { after });
      count = data.networkEvolution.tiesGainedCount;
      expect(data.networkEvolution.tiesGainedPage.totalCount).toBe(count);
      seen.push(...data.networkEvolution.tiesGainedPage.ties.map((t) => `${t.source}|${t.target}`));
      if (!data.networkEvolution.tiesGainedPage.hasNextPage) break;
      after = data.networkEvolution.tiesGainedPage.endCursor;
    }
    expect(count).toBeGreaterThan(500);
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);
  });
});

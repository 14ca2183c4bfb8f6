import { describe, expect, it } from "vitest";
import { ADMIN, graphqlAs } from "../../../test/graphql.js";

/**
 * The backbone through the API: the page's rule (SDSM at alpha 0.05, listed up to 0.2) keeps a
 * readable, clustered network of Pays Cévennes' current contract, every listed tie carries the
 * p-value that decided it, and the disparity filter stays available by name.
 */
const CLS3 = { from: "2019-06-27", to: "2025-12-31" };

interface Answer {
  collaborationNetwork: {
    rule: { backbone: { method: string; alpha: number; listUpTo: number } | null; tieCount: number; totalTieCount: number };
    summary: { nodeCount: number; tieCount: number; modularity: number | null };
    packedTies: { count: number; significance: number[] | null };
  };
}

const QUERY = `query ($window: WindowInput, $backbone: BackboneInput) {
  collaborationNetwork(territoryId: "pays-cevennes", window: $window, backbone: $backbone) {
    rule { backbone { method alpha listUpTo } tieCount totalTieCount }
    summary { nodeCount tieCount modularity }
    packedTies { count significance }
  }
}`;

async function network(backbone: Record<string, unknown> | null): Promise<Answer["collaborationNetwork"]> {
  const response = await graphqlAs<Answer>(ADMIN, QUERY, { window: CLS3, backbone });
  expect(response.errors).toBeUndefined();
  if (!response.data) throw new Error("no data");
  return response.data.collaborationNetwork;
}

describe("the backbone", () => {
  it("keeps, by default, the ties whose SDSM p-value is below alpha, and lists the others up to listUpTo with theirs", async () => {
    const answer = await network({ alpha: 0.05, listUpTo: 0.2 });
    expect(answer.rule.backbone).toEqual({ method: "SDSM", alpha: 0.05, listUpTo: 0.2 });
    const significance = answer.packedTies.significance ?? [];
    expect(significance).toHaveLength(answer.packedTies.count);
    expect(significance.every((p) => p < 0.2)).toBe(true);
    expect(significance.filter((p) => p < 0.05)).toHaveLength(answer.rule.tieCount);
    expect(answer.summary.tieCount).toBe(answer.rule.tieCount);
    // The page's network of the demo: a few ties per structure, in communities (issue 17).
    expect(answer.rule.tieCount).toBeLessThan(answer.rule.totalTieCount / 10);
    expect(answer.rule.tieCount / answer.summary.nodeCount).toBeLessThan(5);
    expect(answer.summary.modularity ?? 0).toBeGreaterThan(0.3);
  });

  it("keeps fewer ties at a stricter alpha, each of them kept at the looser one", async () => {
    const loose = await network({ method: "SDSM", alpha: 0.05 });
    const strict = await network({ method: "SDSM", alpha: 0.001 });
    expect(strict.rule.tieCount).toBeLessThan(loose.rule.tieCount);
    expect(strict.rule.tieCount).toBeGreaterThan(0);
  });

  it("applies the disparity filter when asked by name, on the same ties before the backbone", async () => {
    const sdsm = await network({ method: "SDSM", alpha: 0.05 });
    const disparity = await network({ method: "DISPARITY", alpha: 0.05 });
    expect(disparity.rule.backbone?.method).toBe("DISPARITY");
    expect(disparity.rule.totalTieCount).toBe(sdsm.rule.totalTieCount);
    expect(disparity.rule.tieCount).not.toBe(sdsm.rule.tieCount);
    expect((disparity.packedTies.significance ?? []).every((p) => p < 0.05)).toBe(true);
  });

  it("refuses an unknown method and an alpha outside (0, 1]", async () => {
    const unknown = await graphqlAs(ADMIN, QUERY, { window: CLS3, backbone: { method: "THRESHOLD", alpha: 0.05 } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const zero = await graphqlAs(ADMIN, QUERY, { window: CLS3, backbone: { alpha: 0 } });
    expect(zero.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

/**
 * Re-identification on the demo 2023 actors network (issue 19): the share of people unique on their
 * quasi-identifiers (category, profession, commune, sector) as coordinators see them and as analysts
 * see them, with k = 5 (K_ANONYMITY's default, the test app's). The figures are printed for
 * bench/RESULTS.md.
 */
import { describe, expect, it } from "vitest";
import { graphqlAs, type TestViewer } from "../../../test/graphql.js";
import { DEFAULT_K_ANONYMITY, uniqueShare, type QuasiIdentifiers } from "./kAnonymity.js";

const CEVENNES = "pays-cevennes";
const analyst: TestViewer = { role: "ANALYST", territories: [CEVENNES] };
const coordinator: TestViewer = { role: "COORDINATOR", territories: [CEVENNES] };

interface Node {
  id: string;
  category: string | null;
  type: string | null;
  communeCode: string | null;
  epciCode: string | null;
  sector: string | null;
}

const query = `query Actors2023($territoryId: ID!) {
  collaborationNetwork(territoryId: $territoryId, level: ACTOR, window: { from: "2023-01-01", to: "2023-12-31" }, first: 1) {
    nodes { id category type communeCode epciCode sector }
  }
}`;

async function nodesAs(viewer: TestViewer): Promise<Node[]> {
  const response = await graphqlAs<{ collaborationNetwork: { nodes: Node[] } }>(viewer, query, { territoryId: CEVENNES });
  expect(response.errors).toBeUndefined();
  return response.data!.collaborationNetwork.nodes;
}

const quasi = (node: Node): QuasiIdentifiers => ({
  category: node.category,
  profession: node.type,
  // What tells where: the commune, or only the EPCI when the commune is left out.
  place: node.communeCode ?? (node.epciCode === null ? null : `EPCI ${node.epciCode}`),
  sector: node.sector,
});

describe("re-identification of the demo 2023 actors network", () => {
  it("leaves analysts no profession and commune shared by fewer than k people, and fewer people unique", { timeout: 240_000 }, async () => {
    const full = await nodesAs(coordinator);
    const shown = await nodesAs(analyst);
    expect(shown.map((node) => node.id).sort()).toEqual(full.map((node) => node.id).sort());
    const before = uniqueShare(full.map(quasi));
    const after = uniqueShare(shown.map(quasi));
    const generalised = shown.filter((node) => node.communeCode === null).length;
    // The figures of bench/RESULTS.md ("Re-identification").
    console.info(JSON.stringify({ k: DEFAULT_K_ANONYMITY, people: full.length, uniqueBefore: before, uniqueAfter: after, generalised }));

    // Every profession and commune an analyst sees is shared (with category and sector) by k people or more.
    const groups = new Map<string, number>();
    const key = (node: Node): string => JSON.stringify([node.category, node.type, node.communeCode, node.sector]);
    for (const node of full) groups.set(key(node), (groups.get(key(node)) ?? 0) + 1);
    for (const node of shown.filter((item) => item.communeCode !== null)) expect(groups.get(key(node))).toBeGreaterThanOrEqual(DEFAULT_K_ANONYMITY);
    expect(before.unique).toBeGreaterThan(100);
    expect(after.unique).toBeLessThan(before.unique / 2);
  });
});

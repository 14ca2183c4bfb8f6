/**
 * The main analytics queries of the analyst API, as an analyst would send them, on one territory
 * and the year 2023 (ego network and path between two ordinary structures).
 */
export interface QueryCase {
  readonly name: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** Milliseconds a p95 should stay under, when the issue sets one. */
  readonly target?: number;
}

const YEAR = { from: "2023-01-01", to: "2023-12-31" };
const node = "id kind label sector";

export function analyticsSuite(territoryId: string, otherTerritoryId: string): QueryCase[] {
  const structure = `${territoryId}-s-150`;
  const otherStructure = `${territoryId}-s-240`;
  return [
    {
      name: "collaborationNetwork STRUCTURE (nodes, first 1,000 ties)",
      query: `query Q($t: ID!, $w: WindowInput) { collaborationNetwork(territoryId: $t, level: STRUCTURE, window: $w) {
        summary { nodeCount tieCount density } nodes { ${node} } ties { totalCount ties { source target weight } } } }`,
      variables: { t: territoryId, w: YEAR },
    },
    {
      name: "collaborationNetwork ACTOR (nodes, first 1,000 ties)",
      query: `query Q($t: ID!, $w: WindowInput) { collaborationNetwork(territoryId: $t, level: ACTOR, window: $w) {
        summary { nodeCount tieCount density } nodes { ${node} } ties { totalCount ties { source target weight } } } }`,
      variables: { t: territoryId, w: YEAR },
    },
    {
      name: "networkMetrics STRUCTURE (every node)",
      query: `query Q($t: ID!, $w: WindowInput) { networkMetrics(territoryId: $t, level: STRUCTURE, window: $w, first: 1000) {
        summary { nodeCount tieCount density communityCount modularity }
        nodes { id metrics { degree weightedDegree betweenness closeness community brokerage { share } } } } }`,
      variables: { t: territoryId, w: YEAR },
      target: 500,
    },
    {
      name: "egoNetwork depth 1 (an ordinary structure)",
      query: `query Q($t: ID!, $n: ID!, $w: WindowInput) { egoNetwork(territoryId: $t, nodeId: $n, depth: 1, level: STRUCTURE, window: $w) {
        center { id } members { distance node { ${node} } } ties { source target weight } } }`,
      variables: { t: territoryId, n: structure, w: YEAR },
      target: 50,
    },
    {
      name: "egoNetwork depth 3 (an ordinary structure)",
      query: `query Q($t: ID!, $n: ID!, $w: WindowInput) { egoNetwork(territoryId: $t, nodeId: $n, depth: 3, level: STRUCTURE, window: $w) {
        center { id } members { distance node { ${node} } } ties { source target weight } } }`,
      variables: { t: territoryId, n: structure, w: YEAR },
      target: 50,
    },
    {
      name: "egoNetwork depth 1, packed ties (an ordinary structure)",
      query: `query Q($t: ID!, $n: ID!, $w: WindowInput) { egoNetwork(territoryId: $t, nodeId: $n, depth: 1, level: STRUCTURE, window: $w) {
        center { id } members { distance node { ${node} } } packedTies { count sources targets weights } } }`,
      variables: { t: territoryId, n: structure, w: YEAR },
      target: 50,
    },
    {
      name: "egoNetwork depth 3, packed ties (an ordinary structure)",
      query: `query Q($t: ID!, $n: ID!, $w: WindowInput) { egoNetwork(territoryId: $t, nodeId: $n, depth: 3, level: STRUCTURE, window: $w) {
        center { id } members { distance node { ${node} } } packedTies { count sources targets weights } } }`,
      variables: { t: territoryId, n: structure, w: YEAR },
      target: 50,
    },
    {
      name: "collaborationPath (two structures)",
      query: `query Q($t: ID!, $a: ID!, $b: ID!, $w: WindowInput) { collaborationPath(territoryId: $t, fromId: $a, toId: $b, level: STRUCTURE, window: $w) {
        isConnected length nodes { ${node} } ties { source target weight } } }`,
      variables: { t: territoryId, a: structure, b: otherStructure, w: YEAR },
    },
    {
      name: "keyFigures",
      query: `query Q($t: ID!) { keyFigures(territoryId: $t, year: 2023) {
        actors activeActors structures institutions workGroups activeWorkGroups axes events volunteerHours inhabitants communes epcis } }`,
      variables: { t: territoryId },
    },
    {
      name: "coverage (commune × axis, white zones)",
      query: `query Q($t: ID!, $w: WindowInput) { coverage(territoryId: $t, window: $w) {
        cellCount coveredCellCount coverageShare uncoveredCommuneCount
        cells { communeCode axisId structures actors events } whiteZones { commune { code } missingAxes { id } } } }`,
      variables: { t: territoryId, w: YEAR },
    },
    {
      name: "networkEvolution CLS 2 → CLS 3",
      query: `query Q($t: ID!) { networkEvolution(territoryId: $t, level: STRUCTURE,
        before: { from: "2013-07-01", to: "2018-12-31" }, after: { from: "2019-06-27", to: "2025-12-31" }) {
        tiesGainedCount tiesLostCount tiesKept joinedCount leftCount
        tiesGained { source target weight } joined { id label }
        density { before after delta } largestComponentSize { before after delta } } }`,
      variables: { t: territoryId },
    },
    {
      name: "communities",
      query: `query Q($t: ID!, $w: WindowInput) { communities(territoryId: $t, level: STRUCTURE, window: $w) {
        modularity communities { id size dominantAxes { count } dominantSectors { count } } } }`,
      variables: { t: territoryId, w: YEAR },
    },
    {
      name: "territoryComparison (two territories)",
      query: `query Q($ids: [ID!]!) { territoryComparison(territoryIds: $ids, year: 2023) { territories {
        territoryId keyFigures { inhabitants structures activeActors events }
        network { nodeCount tieCount density largestComponentSize communityCount modularity }
        coverage { coverageShare uncoveredCommuneCount } } } }`,
      variables: { ids: [territoryId, otherTerritoryId] },
    },
  ];
}

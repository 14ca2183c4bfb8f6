// The public surface of the network analysis. Everything here takes and returns plain values or a
// graphology graph built by `buildGraph`; nothing depends on the database or the API layer.
export type { Affiliation, Membership, NetworkGraph, NodeAttributes, NodeInfo, Tie, TieAttributes } from "./types.js";
export { NetworkInputError, type NetworkInputErrorCode } from "./errors.js";
export { buildGraph, graphTies, projectAffiliations, projectOrganisations } from "./projection.js";
export {
  betweenness,
  closeness,
  weightedCloseness,
  computeGraphMetrics,
  computeNodeMetrics,
  density,
  isolatedNodes,
  sectorBrokerage,
  type Betweenness,
  type BetweennessOptions,
  type GraphMetrics,
  type NodeMetrics,
  type SectorBrokerage,
} from "./metrics.js";
export { connectedComponents } from "./traversal.js";
export {
  DEFAULT_COMMUNITY_SEED,
  detectCommunities,
  type CommunityOptions,
  type CommunityResult,
  type CommunitySummary,
  type ValueCount,
} from "./communities.js";
export { MAX_EGO_DEPTH, egoIndex, egoNetwork, indexedEgoNetwork, shortestPath, type EgoIndex, type EgoNetwork, type EgoNode } from "./ego.js";
export { compareNetworks, type Compared, type NetworkEvolution } from "./evolution.js";
export { degreeDistribution, topConcentration, type DegreeCount, type TopConcentration } from "./shape.js";
export { singlePersonStructures, topBrokers, type Broker, type SinglePersonStructure } from "./bridges.js";
export { mulberry32 } from "./prng.js";
export { compareIds } from "./order.js";
export { intersectSpans, projectOrganisationsDated, projectPeopleDated, type ActivityParticipant, type DatedActivity, type DatedMembership, type Projection, type Span, type Weighting } from "./dated.js";
export { disparityBackbone, disparitySignificance } from "./backbone.js";
export { fitBipartiteConfiguration, poissonBinomialUpperTail, sdsmSignificance, type TwoModeDegrees } from "./sdsm.js";
export { weightedCentralities, type WeightedCentralities } from "./weighted.js";

import { requestGraphQL, type RequestOptions } from "./graphql";
import { array, boolean, integer, oneOf, optionalString, record, string, type Json } from "./parse";

export const SECTORS = [
  "CARE",
  "PREVENTION",
  "SOCIAL",
  "MEDICO_SOCIAL",
  "EDUCATION",
  "JUSTICE",
  "LOCAL_AUTHORITY",
] as const;
export type Sector = (typeof SECTORS)[number];

export const ACTOR_CATEGORIES = ["PROFESSIONAL", "ELECTED", "VOLUNTEER", "INSTITUTIONAL"] as const;
export type ActorCategory = (typeof ACTOR_CATEGORIES)[number];

export const PARTICIPATION_ROLES = ["PILOT", "CO_PILOT", "MEMBER"] as const;
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];

/** What a drawn node is: an organisation, a person, or (two-mode view) a work group. */
export const NODE_KINDS = ["STRUCTURE", "INSTITUTION", "ACTOR", "WORK_GROUP"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export interface Contract {
  id: string;
  /** Display name, e.g. `CLS 3`. */
  name: string;
  generation: number;
  /** ISO dates (YYYY-MM-DD). */
  signedOn: string;
  endsOn: string | null;
}

export interface Epci {
  code: string;
  name: string;
}

export interface Territory {
  id: string;
  name: string;
  isDemo: boolean;
  /** Oldest first. */
  contracts: Contract[];
  epcis: Epci[];
}

/** A period [from, to] in ISO dates; null bounds are open (every period). */
export interface TimeWindow {
  from: string | null;
  to: string | null;
}

/** Measures computed by the analytics API on the network of the request. */
export interface NodeMetrics {
  degree: number;
  weightedDegree: number;
  /** Normalised, 0 to 1. */
  betweenness: number;
  closeness: number;
  /** 0 is the largest community. */
  community: number;
}

/** A node of any view. Fields that do not apply to its kind are null (or 0 for counts). */
export interface NetworkNode {
  id: string;
  /** Organisation or work-group name, or the person's display name (a pseudonym for analysts). */
  name: string;
  kind: NodeKind;
  /** A structure's sector, an actor's (first structure's) sector; null otherwise. */
  sector: Sector | null;
  /** Kind of organisation in French, an actor's profession, a work group's kind. */
  type: string | null;
  /** Category of an actor. */
  category: ActorCategory | null;
  communeCode: string | null;
  communeName: string | null;
  epciCode: string | null;
  /** Organisations: members in the window; work groups: participants; actors: 0. */
  memberCount: number;
  /** Organisations: members who took part in something counted; null for other kinds. */
  activeMemberCount: number | null;
  axisIds: readonly string[];
  metrics: NodeMetrics | null;
}

export interface NetworkTie {
  source: string;
  target: string;
  weight: number;
  /** Backbone p-value (SDSM) (collaboration views asked with a backbone): lower is more significant. */
  significance?: number | null;
  /** Two-mode view: the actor's role in the work group. */
  role?: ParticipationRole | null;
}

export interface Network {
  nodes: NetworkNode[];
  ties: NetworkTie[];
  /** Ties of the window and filter before the backbone (collaboration views), for "612 sur 33 342". */
  totalTieCount?: number | null;
}

/** What tie weights add up: shared activities, or Newman's 1/(n − 1) per activity of n participants. */
export type Weighting = "COUNT" | "NEWMAN";

/** Which collaborations count, sent to the analytics API (it computes metrics on that network). */
export interface NetworkQueryFilter {
  axisIds?: string[];
  workGroupIds?: string[];
  categories?: ActorCategory[];
  roles?: ParticipationRole[];
  minWeight?: number;
  /** Sent as the query's `weighting` argument (default COUNT). */
  weighting?: Weighting;
  /** Sent as the query's `backbone` argument: measures on alpha's ties, ties listed up to `listUpTo`. */
  backbone?: { alpha: number; listUpTo: number };
}

export type NetworkLevel = "STRUCTURE" | "ACTOR";

export const GET_TERRITORIES = /* GraphQL */ `
  query GetTerritories {
    territories(sort: [{ name: ASC }]) {
      id
      name
      isDemo
      contracts {
        id
        name
        generation
        signedOn
        endsOn
      }
      epcis {
        code
        name
      }
    }
  }
`;

const NODE_FIELDS = /* GraphQL */ `
  id
  kind
  label
  sector
  type
  category
  communeCode
  communeName
  epciCode
  memberCount
  activeMemberCount
  axisIds
`;

export const GET_COLLABORATION_NETWORK = /* GraphQL */ `
  query GetCollaborationNetwork(
    $territoryId: ID!
    $level: NetworkLevel!
    $window: WindowInput
    $filter: NetworkFilterInput
    $weighting: Weighting
    $backbone: BackboneInput
  ) {
    collaborationNetwork(territoryId: $territoryId, level: $level, window: $window, filter: $filter, weighting: $weighting, backbone: $backbone, first: 1) {
      rule {
        totalTieCount
      }
      nodes {
        ${NODE_FIELDS}
        metrics {
          degree
          weightedDegree
          betweenness
          closeness
          community
        }
      }
      packedTies {
        count
        sources
        targets
        weights
        significance
      }
    }
  }
`;

export function parseTerritories(data: unknown): Territory[] {
  return array(record(data, "data").territories, "territories").map((item, i) => {
    const path = `territories[${i}]`;
    const t = record(item, path);
    const contracts = array(t.contracts ?? [], `${path}.contracts`).map((c, j) => parseContract(c, `${path}.contracts[${j}]`));
    const epcis = array(t.epcis ?? [], `${path}.epcis`).map((e, j) => {
      const epci = record(e, `${path}.epcis[${j}]`);
      return { code: string(epci.code, `${path}.epcis[${j}].code`), name: string(epci.name, `${path}.epcis[${j}].name`) };
    });
    return {
      id: string(t.id, `${path}.id`),
      name: string(t.name, `${path}.name`),
      isDemo: boolean(t.isDemo, `${path}.isDemo`),
      contracts: contracts.sort((a, b) => a.generation - b.generation || a.signedOn.localeCompare(b.signedOn)),
      epcis: epcis.sort((a, b) => a.name.localeCompare(b.name, "fr")),
    };
  });
}

function parseContract(item: unknown, path: string): Contract {
  const c = record(item, path);
  return {
    id: string(c.id, `${path}.id`),
    name: string(c.name, `${path}.name`),
    generation: integer(c.generation, `${path}.generation`),
    signedOn: string(c.signedOn, `${path}.signedOn`),
    endsOn: optionalString(c.endsOn, `${path}.endsOn`),
  };
}

function finite(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new TypeError(`${path} : nombre attendu`);
  return value;
}

function optionalInteger(value: unknown, path: string): number | null {
  return value === null || value === undefined ? null : integer(value, path);
}

function parseMetrics(value: unknown, path: string): NodeMetrics | null {
  if (value === null || value === undefined) return null;
  const m = record(value, path);
  return {
    degree: integer(m.degree, `${path}.degree`),
    weightedDegree: finite(m.weightedDegree, `${path}.weightedDegree`),
    betweenness: finite(m.betweenness, `${path}.betweenness`),
    closeness: finite(m.closeness, `${path}.closeness`),
    community: integer(m.community, `${path}.community`),
  };
}

/** An `AnalyticsNode` of the API as the page draws it. */
export function parseAnalyticsNode(item: unknown, path: string): NetworkNode {
  const n: Json = record(item, path);
  const kind = oneOf(n.kind, ["ACTOR", "STRUCTURE", "INSTITUTION"] as const, `${path}.kind`);
  const sector = n.sector === null || n.sector === undefined ? null : oneOf(n.sector, SECTORS, `${path}.sector`);
  const category = n.category === null || n.category === undefined ? null : oneOf(n.category, ACTOR_CATEGORIES, `${path}.category`);
  return {
    id: string(n.id, `${path}.id`),
    name: string(n.label, `${path}.label`),
    kind,
    sector: kind === "INSTITUTION" ? null : sector,
    type: optionalString(n.type, `${path}.type`),
    category,
    communeCode: optionalString(n.communeCode, `${path}.communeCode`),
    communeName: optionalString(n.communeName, `${path}.communeName`),
    epciCode: optionalString(n.epciCode, `${path}.epciCode`),
    memberCount: optionalInteger(n.memberCount, `${path}.memberCount`) ?? 0,
    activeMemberCount: optionalInteger(n.activeMemberCount, `${path}.activeMemberCount`),
    axisIds: array(n.axisIds ?? [], `${path}.axisIds`).map((a, i) => string(a, `${path}.axisIds[${i}]`)),
    metrics: parseMetrics(n.metrics, `${path}.metrics`),
  };
}

function integers(value: unknown, path: string): number[] {
  return array(value, path).map((v, i) => integer(v, `${path}[${i}]`));
}

export function parseCollaborationNetwork(data: unknown): Network {
  const network = record(record(data, "data").collaborationNetwork, "collaborationNetwork");
  const nodes = array(network.nodes, "nodes").map((n, i) => parseAnalyticsNode(n, `nodes[${i}]`));
  const packed = record(network.packedTies, "packedTies");
  const sources = integers(packed.sources, "packedTies.sources");
  const targets = integers(packed.targets, "packedTies.targets");
  const weights = array(packed.weights, "packedTies.weights").map((v, i) => finite(v, `packedTies.weights[${i}]`));
  const pValues =
    packed.significance === null || packed.significance === undefined
      ? null
      : array(packed.significance, "packedTies.significance").map((v, i) => finite(v, `packedTies.significance[${i}]`));
  const ties: NetworkTie[] = [];
  for (let i = 0; i < sources.length; i += 1) {
    const source = nodes[sources[i] ?? -1];
    const target = nodes[targets[i] ?? -1];
    const weight = weights[i];
    if (!source || !target || weight === undefined) throw new TypeError(`packedTies[${i}] : lien invalide`);
    ties.push({ source: source.id, target: target.id, weight, ...(pValues === null ? {} : { significance: pValues[i] ?? 1 }) });
  }
  const rule = network.rule === null || network.rule === undefined ? null : record(network.rule, "rule");
  return { nodes, ties, totalTieCount: rule === null ? null : integer(rule.totalTieCount, "rule.totalTieCount") };
}

export async function fetchTerritories(options?: RequestOptions): Promise<Territory[]> {
  return parseTerritories(await requestGraphQL(GET_TERRITORIES, {}, options));
}

/** The API wants absent keys rather than empty lists (an empty list would still mean "no filter"). */
export function toFilterInput(filter: NetworkQueryFilter): Json {
  const input: Json = {};
  const { weighting: _weighting, backbone: _backbone, ...rest } = filter;
  for (const [key, value] of Object.entries(rest)) {
    if (Array.isArray(value) ? value.length > 0 : value !== undefined) input[key] = value;
  }
  return input;
}

export function windowInput(window: TimeWindow): Json | null {
  if (window.from === null && window.to === null) return null;
  return { ...(window.from ? { from: window.from } : {}), ...(window.to ? { to: window.to } : {}) };
}

/** The whole collaboration network (nodes with metrics, every tie) of the analytics API. */
export async function fetchCollaborationNetwork(
  territoryId: string,
  level: NetworkLevel,
  window: TimeWindow,
  filter: NetworkQueryFilter,
  options?: RequestOptions,
): Promise<Network> {
  const variables = {
    territoryId,
    level,
    window: windowInput(window),
    filter: toFilterInput(filter),
    weighting: filter.weighting ?? "COUNT",
    backbone: filter.backbone ? { method: "SDSM", alpha: filter.backbone.alpha, listUpTo: filter.backbone.listUpTo } : null,
  };
  return parseCollaborationNetwork(await requestGraphQL(GET_COLLABORATION_NETWORK, variables, options));
}

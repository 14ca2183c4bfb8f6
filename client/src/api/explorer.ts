import { requestGraphQL, type RequestOptions } from "./graphql";
import {
  PARTICIPATION_ROLES,
  parseAnalyticsNode,
  toFilterInput,
  windowInput,
  type Network,
  type NetworkLevel,
  type NetworkQueryFilter,
  type NetworkTie,
  type TimeWindow,
} from "./network";
import { array, boolean, integer, oneOf, optionalString, record, string, type Json } from "./parse";

/** What the filters, the search and the map need about a territory, fetched once per territory. */
export interface AxisSummary {
  id: string;
  name: string;
  kind: string;
}

export interface CatalogCommune {
  code: string;
  name: string;
  population: number;
  epciCode: string;
  centroid: { latitude: number; longitude: number } | null;
  contour: string | null;
}

export interface CatalogWorkGroup {
  id: string;
  name: string;
  kind: string;
  axisIds: string[];
}

export interface TerritoryCatalog {
  axes: AxisSummary[];
  communes: CatalogCommune[];
  workGroups: CatalogWorkGroup[];
  hasContours: boolean;
}

export const GET_TERRITORY_CATALOG = /* GraphQL */ `
  query GetTerritoryCatalog($territoryId: ID!) {
    territoryCatalog(territoryId: $territoryId) {
      axes { id name kind }
      communes { code name population epciCode centroid { latitude longitude } contour }
      workGroups { id name kind axisIds }
      hasContours
    }
  }
`;

const strings = (value: unknown, path: string): string[] => array(value ?? [], path).map((v, i) => string(v, `${path}[${i}]`));

function number(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new TypeError(`${path} : nombre attendu`);
  return value;
}

export function parseAxis(item: unknown, path: string): AxisSummary {
  const a = record(item, path);
  return { id: string(a.id, `${path}.id`), name: string(a.name, `${path}.name`), kind: string(a.kind, `${path}.kind`) };
}

function parseWorkGroup(item: unknown, path: string): CatalogWorkGroup {
  const w = record(item, path);
  return {
    id: string(w.id, `${path}.id`),
    name: string(w.name, `${path}.name`),
    kind: string(w.kind, `${path}.kind`),
    axisIds: strings(w.axisIds, `${path}.axisIds`),
  };
}

export function parseCatalog(data: unknown): TerritoryCatalog {
  const c = record(record(data, "data").territoryCatalog, "territoryCatalog");
  const collator = new Intl.Collator("fr");
  return {
    axes: array(c.axes, "axes").map((a, i) => parseAxis(a, `axes[${i}]`)),
    communes: array(c.communes, "communes")
      .map((item, i) => {
        const path = `communes[${i}]`;
        const m = record(item, path);
        const centroid = m.centroid === null || m.centroid === undefined ? null : record(m.centroid, `${path}.centroid`);
        return {
          code: string(m.code, `${path}.code`),
          name: string(m.name, `${path}.name`),
          population: integer(m.population, `${path}.population`),
          epciCode: string(m.epciCode, `${path}.epciCode`),
          centroid: centroid
            ? { latitude: number(centroid.latitude, `${path}.centroid.latitude`), longitude: number(centroid.longitude, `${path}.centroid.longitude`) }
            : null,
          contour: optionalString(m.contour, `${path}.contour`),
        };
      })
      .sort((a, b) => collator.compare(a.name, b.name)),
    workGroups: array(c.workGroups, "workGroups")
      .map((w, i) => parseWorkGroup(w, `workGroups[${i}]`))
      .sort((a, b) => collator.compare(a.name, b.name)),
    hasContours: boolean(c.hasContours, "hasContours"),
  };
}

export async function fetchTerritoryCatalog(territoryId: string, options?: RequestOptions): Promise<TerritoryCatalog> {
  return parseCatalog(await requestGraphQL(GET_TERRITORY_CATALOG, { territoryId }, options));
}

export const GET_PARTICIPATION_NETWORK = /* GraphQL */ `
  query GetParticipationNetwork($territoryId: ID!, $window: WindowInput, $filter: NetworkFilterInput) {
    participationNetwork(territoryId: $territoryId, window: $window, filter: $filter) {
      actors { id kind label sector type category communeCode communeName epciCode memberCount activeMemberCount axisIds }
      workGroups { id name kind axisIds }
      participations { actorId workGroupId role }
    }
  }
`;

/** The two-mode network: actors and work groups as nodes, a tie per participation (weight 1). */
export function parseParticipationNetwork(data: unknown): Network {
  const p = record(record(data, "data").participationNetwork, "participationNetwork");
  const actors = array(p.actors, "actors").map((a, i) => parseAnalyticsNode(a, `actors[${i}]`));
  const ties: NetworkTie[] = array(p.participations, "participations").map((item, i) => {
    const t = record(item, `participations[${i}]`);
    return {
      source: string(t.actorId, `participations[${i}].actorId`),
      target: string(t.workGroupId, `participations[${i}].workGroupId`),
      weight: 1,
      role: oneOf(t.role, PARTICIPATION_ROLES, `participations[${i}].role`),
    };
  });
  const participants = new Map<string, number>();
  for (const tie of ties) participants.set(tie.target, (participants.get(tie.target) ?? 0) + 1);
  const groups = array(p.workGroups, "workGroups").map((w, i) => {
    const group = parseWorkGroup(w, `workGroups[${i}]`);
    return {
      id: group.id,
      name: group.name,
      kind: "WORK_GROUP" as const,
      sector: null,
      type: group.kind,
      category: null,
      communeCode: null,
      communeName: null,
      epciCode: null,
      memberCount: participants.get(group.id) ?? 0,
      activeMemberCount: null,
      axisIds: group.axisIds,
      metrics: null,
    };
  });
  return { nodes: [...actors, ...groups], ties };
}

export async function fetchParticipationNetwork(
  territoryId: string,
  window: TimeWindow,
  filter: NetworkQueryFilter,
  options?: RequestOptions,
): Promise<Network> {
  const { minWeight: _ignored, ...rest } = filter;
  const variables = { territoryId, window: windowInput(window), filter: toFilterInput(rest) };
  const network = parseParticipationNetwork(await requestGraphQL(GET_PARTICIPATION_NETWORK, variables, options));
  const roles = filter.roles;
  if (!roles || roles.length === 0) return network;
  // The API keeps the actors who hold such a role; the participations in other roles go here.
  return { ...network, ties: network.ties.filter((tie) => tie.role !== null && tie.role !== undefined && roles.includes(tie.role)) };
}

export interface EgoResult {
  /** Node ids with their distance to the centre. */
  members: { id: string; distance: number }[];
}

export const GET_EGO_NETWORK = /* GraphQL */ `
  query GetEgoNetwork(
    $territoryId: ID!
    $nodeId: ID!
    $depth: Int!
    $level: NetworkLevel!
    $window: WindowInput
    $filter: NetworkFilterInput
    $weighting: Weighting
    $backbone: BackboneInput
  ) {
    egoNetwork(territoryId: $territoryId, nodeId: $nodeId, depth: $depth, level: $level, window: $window, filter: $filter, weighting: $weighting, backbone: $backbone) {
      members { distance node { id } }
    }
  }
`;

export interface NetworkScope {
  territoryId: string;
  level: NetworkLevel;
  window: TimeWindow;
  filter: NetworkQueryFilter;
}

/** The network of the scope as the page draws it: same filter, weighting and backbone (measured at its alpha). */
function scopeVariables(scope: NetworkScope): Json {
  const { weighting, backbone } = scope.filter;
  return {
    territoryId: scope.territoryId,
    level: scope.level,
    window: windowInput(scope.window),
    filter: toFilterInput(scope.filter),
    weighting: weighting ?? "COUNT",
    backbone: backbone ? { method: "SDSM", alpha: backbone.alpha, listUpTo: backbone.listUpTo } : null,
  };
}

export async function fetchEgoNetwork(scope: NetworkScope, nodeId: string, depth: number, options?: RequestOptions): Promise<EgoResult> {
  const data = await requestGraphQL(GET_EGO_NETWORK, { ...scopeVariables(scope), nodeId, depth }, options);
  const ego = record(record(data, "data").egoNetwork, "egoNetwork");
  return {
    members: array(ego.members, "members").map((item, i) => {
      const m = record(item, `members[${i}]`);
      return { id: string(record(m.node, `members[${i}].node`).id, `members[${i}].node.id`), distance: integer(m.distance, `members[${i}].distance`) };
    }),
  };
}

export const GET_COLLABORATION_PATH = /* GraphQL */ `
  query GetCollaborationPath(
    $territoryId: ID!
    $fromId: ID!
    $toId: ID!
    $level: NetworkLevel!
    $window: WindowInput
    $filter: NetworkFilterInput
    $weighting: Weighting
    $backbone: BackboneInput
  ) {
    collaborationPath(territoryId: $territoryId, fromId: $fromId, toId: $toId, level: $level, window: $window, filter: $filter, weighting: $weighting, backbone: $backbone) {
      isConnected
      nodes { id }
    }
  }
`;

/** Node ids along a shortest path, both ends included; null when the two are not connected. */
export async function fetchCollaborationPath(scope: NetworkScope, fromId: string, toId: string, options?: RequestOptions): Promise<string[] | null> {
  const data = await requestGraphQL(GET_COLLABORATION_PATH, { ...scopeVariables(scope), fromId, toId }, options);
  const path = record(record(data, "data").collaborationPath, "collaborationPath");
  if (!boolean(path.isConnected, "isConnected")) return null;
  return array(path.nodes, "nodes").map((n, i) => string(record(n, `nodes[${i}]`).id, `nodes[${i}].id`));
}

/** A commune on the axis: who works there (level 1), who only attended its events (level 2), events held there. */
export interface CoverageCell {
  communeCode: string;
  workingStructures: number;
  workingActors: number;
  attendingStructures: number;
  attendingActors: number;
  events: number;
}

export const GET_COVERAGE = /* GraphQL */ `
  query GetCoverage($territoryId: ID!, $window: WindowInput, $axisId: ID) {
    coverage(territoryId: $territoryId, window: $window, axisId: $axisId) {
      cells { communeCode axisId workingStructures workingActors attendingStructures attendingActors events }
    }
  }
`;

const COUNTS = ["workingStructures", "workingActors", "attendingStructures", "attendingActors"] as const;

/** Per commune, the counts on the axis (over every axis when none is given). */
export async function fetchCoverage(territoryId: string, window: TimeWindow, axisId: string | null, options?: RequestOptions): Promise<Map<string, CoverageCell>> {
  const data = await requestGraphQL(GET_COVERAGE, { territoryId, window: windowInput(window), axisId }, options);
  const cells = array(record(record(data, "data").coverage, "coverage").cells, "cells");
  const byCommune = new Map<string, CoverageCell>();
  cells.forEach((item, i) => {
    const c = record(item, `cells[${i}]`);
    const code = string(c.communeCode, `cells[${i}].communeCode`);
    const known = byCommune.get(code) ?? { communeCode: code, workingStructures: 0, workingActors: 0, attendingStructures: 0, attendingActors: 0, events: 0 };
    const next: CoverageCell = { ...known, events: known.events + integer(c.events, `cells[${i}].events`) };
    // Over every axis a structure is counted once per axis: the maximum is the honest "at least" figure.
    for (const field of COUNTS) next[field] = Math.max(known[field], integer(c[field], `cells[${i}].${field}`));
    byCommune.set(code, next);
  });
  return byCommune;
}

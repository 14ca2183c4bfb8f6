/**
 * The explorer page's operations on one territory, as the page sends them (client/src/api/network.ts,
 * explorer.ts, keyFigures.ts; the details panels from server/src/graphql/pageOperations.ts), with
 * real ids: what the scale bench (bench/scale.ts) times and the load bench (bench/load.ts) mixes.
 */
import type { Driver } from "neo4j-driver";
import { PAGE_BACKBONE } from "../server/src/analytics/pageNetworks.js";
import { PAGE_OPERATIONS } from "../server/src/graphql/pageOperations.js";

export interface TerritoryIds {
  readonly territoryId: string;
  /** The latest contract, the period the page opens on. */
  readonly window: { readonly from: string; readonly to: string };
  /** The structure with the most members, a person, a work group and a commune of the territory. */
  readonly structureId: string;
  readonly actorId: string;
  readonly workGroupId: string;
  readonly communeCode: string;
}

export interface Operation {
  readonly name: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/** Reads what the page's operations need of a territory (one query, before any timing). */
export async function territoryIds(driver: Driver, territoryId: string): Promise<TerritoryIds> {
  const { records } = await driver.executeQuery(
    `MATCH (t:Territory {id: $territoryId})
     CALL (t) { MATCH (c:Contract)-[:COVERS]->(t) RETURN c ORDER BY c.generation DESC, c.signedOn DESC LIMIT 1 }
     CALL (t) { MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(m:Commune)<-[:LOCATED_IN]-(s:Structure)<-[:MEMBER_OF]-(a:Actor)
                WITH m, s, collect(a.id) AS members ORDER BY size(members) DESC, s.id LIMIT 1 RETURN m.code AS communeCode, s.id AS structureId, members[0] AS actorId }
     CALL (t) { MATCH (t)<-[:BELONGS_TO]-(g:WorkGroup) RETURN g.id AS workGroupId ORDER BY g.id LIMIT 1 }
     RETURN toString(c.signedOn) AS from, toString(c.endsOn) AS to, communeCode, structureId, actorId, workGroupId`,
    { territoryId },
    { routing: "READ" },
  );
  const row = records[0]?.toObject() as Record<string, unknown> | undefined;
  if (row === undefined) throw new Error(`no page ids for territory ${territoryId}`);
  const text = (key: string): string => {
    const value = row[key];
    if (typeof value !== "string") throw new Error(`territory ${territoryId}: no ${key}`);
    return value;
  };
  return { territoryId, window: { from: text("from"), to: text("to") }, structureId: text("structureId"), actorId: text("actorId"), workGroupId: text("workGroupId"), communeCode: text("communeCode") };
}

const NODE_FIELDS = "id kind label sector type category communeCode communeName epciCode memberCount activeMemberCount axisIds";

const COLLABORATION_NETWORK = /* GraphQL */ `
  query GetCollaborationNetwork($territoryId: ID!, $level: NetworkLevel!, $window: WindowInput, $filter: NetworkFilterInput, $weighting: Weighting, $backbone: BackboneInput) {
    collaborationNetwork(territoryId: $territoryId, level: $level, window: $window, filter: $filter, weighting: $weighting, backbone: $backbone, first: 1) {
      rule { totalTieCount }
      nodes { ${NODE_FIELDS} metrics { degree weightedDegree betweenness closeness community } }
      packedTies { count sources targets weights significance }
    }
  }`;

const EGO_NETWORK = /* GraphQL */ `
  query GetEgoNetwork($territoryId: ID!, $nodeId: ID!, $depth: Int!, $level: NetworkLevel!, $window: WindowInput, $filter: NetworkFilterInput, $weighting: Weighting, $backbone: BackboneInput) {
    egoNetwork(territoryId: $territoryId, nodeId: $nodeId, depth: $depth, level: $level, window: $window, filter: $filter, weighting: $weighting, backbone: $backbone) {
      members { distance node { id } }
    }
  }`;

const KEY_FIGURES = /* GraphQL */ `
  query GetKeyFigures($territoryId: ID!, $year: Int!) {
    keyFigures(territoryId: $territoryId, year: $year) {
      territoryName year actors activeActors structures institutions workGroups axes
      contractsInForce events volunteerHours inhabitants communes epcis
    }
  }`;

const COVERAGE = /* GraphQL */ `
  query GetCoverage($territoryId: ID!, $window: WindowInput, $axisId: ID) {
    coverage(territoryId: $territoryId, window: $window, axisId: $axisId) {
      cells { communeCode axisId workingStructures workingActors attendingStructures attendingActors events }
    }
  }`;

const backbone = { method: PAGE_BACKBONE.method, alpha: PAGE_BACKBONE.alpha, listUpTo: PAGE_BACKBONE.listUpTo };

/** A view's network as the page opens it: minimum weight 1, on the backbone. `window` overrides the contract's (a first call). */
export function networkOperation(ids: TerritoryIds, level: "STRUCTURE" | "ACTOR", window: { from: string; to: string } = ids.window): Operation {
  return { name: `${level.toLowerCase()} network`, query: COLLABORATION_NETWORK, variables: { territoryId: ids.territoryId, level, window, filter: { minWeight: 1 }, weighting: "COUNT", backbone } };
}

export function egoOperation(ids: TerritoryIds): Operation {
  return { name: "ego network", query: EGO_NETWORK, variables: { territoryId: ids.territoryId, nodeId: ids.structureId, depth: 1, level: "STRUCTURE", window: ids.window, filter: { minWeight: 1 }, weighting: "COUNT", backbone } };
}

export function keyFiguresOperation(ids: TerritoryIds): Operation {
  return { name: "key figures", query: KEY_FIGURES, variables: { territoryId: ids.territoryId, year: Number(ids.window.from.slice(0, 4)) + 1 } };
}

export function coverageOperation(ids: TerritoryIds): Operation {
  return { name: "coverage", query: COVERAGE, variables: { territoryId: ids.territoryId, window: ids.window, axisId: null } };
}

const pageOperation = (name: string): (typeof PAGE_OPERATIONS)[number] => {
  const operation = PAGE_OPERATIONS.find((each) => each.name === name);
  if (operation === undefined) throw new Error(`no page operation ${name}`);
  return operation;
};

/** The four details panels (a structure, a work group, a commune, a person) over the contract's period. */
export function detailsOperations(ids: TerritoryIds): Operation[] {
  const panel = (name: string, key: "id" | "code", value: string): Operation => {
    const operation = pageOperation(name);
    return { name: `details: ${name.replace(/^Get|Details$/g, "").toLowerCase()}`, query: operation.query, variables: { ...operation.variables(ids.territoryId, ids.window), [key]: value } };
  };
  return [
    panel("GetOrganisationDetails", "id", ids.structureId),
    panel("GetWorkGroupDetails", "id", ids.workGroupId),
    panel("GetCommuneDetails", "code", ids.communeCode),
    panel("GetActorDetails", "id", ids.actorId),
  ];
}

/** What the page asks when a coordinator opens a territory and clicks around once: lists, catalog, both views, key figures, coverage, an ego network, the four panels. */
export function pagePass(ids: TerritoryIds): Operation[] {
  const simple = (name: string): Operation => {
    const operation = pageOperation(name);
    return { name, query: operation.query, variables: operation.variables(ids.territoryId, ids.window) };
  };
  return [
    simple("GetTerritories"),
    simple("GetTerritoryCatalog"),
    simple("ListSavedViews"),
    networkOperation(ids, "STRUCTURE"),
    networkOperation(ids, "ACTOR"),
    keyFiguresOperation(ids),
    coverageOperation(ids),
    egoOperation(ids),
    ...detailsOperations(ids),
  ];
}

/** POSTs an operation; throws on an HTTP error or a GraphQL error, so that a bench never times a failure as a success. */
export async function post(baseUrl: string, token: string, operation: Operation): Promise<void> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: operation.query, variables: operation.variables }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (!response.ok || body.errors !== undefined) throw new Error(`${operation.name}: HTTP ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
}

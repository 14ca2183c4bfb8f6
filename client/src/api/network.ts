import { requestGraphQL, type RequestOptions } from "./graphql";
import { array, boolean, integer, oneOf, optionalString, record, string } from "./parse";

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

export const NODE_KINDS = ["STRUCTURE", "INSTITUTION"] as const;
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

interface NetworkNodeBase {
  id: string;
  name: string;
  /** Kind in French (`Association`, `ARS`...). */
  type: string;
  communeCode: string | null;
  communeName: string | null;
  epciCode: string | null;
  memberCount: number;
}

/** Structures always have a sector; institutions never do (see network.graphql). */
export type NetworkNode =
  | (NetworkNodeBase & { kind: "STRUCTURE"; sector: Sector })
  | (NetworkNodeBase & { kind: "INSTITUTION"; sector: null });

export interface NetworkTie {
  source: string;
  target: string;
  weight: number;
}

export interface StructureNetwork {
  nodes: NetworkNode[];
  ties: NetworkTie[];
}

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

export const GET_STRUCTURE_NETWORK = /* GraphQL */ `
  query GetStructureNetwork($territoryId: ID!, $from: Date, $to: Date) {
    structureNetwork(territoryId: $territoryId, from: $from, to: $to) {
      nodes {
        id
        name
        kind
        sector
        type
        communeCode
        communeName
        epciCode
        memberCount
      }
      ties {
        source
        target
        weight
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

function parseNode(item: unknown, path: string): NetworkNode {
  const n = record(item, path);
  const base: NetworkNodeBase = {
    id: string(n.id, `${path}.id`),
    name: string(n.name, `${path}.name`),
    type: string(n.type, `${path}.type`),
    communeCode: optionalString(n.communeCode, `${path}.communeCode`),
    communeName: optionalString(n.communeName, `${path}.communeName`),
    epciCode: optionalString(n.epciCode, `${path}.epciCode`),
    memberCount: integer(n.memberCount, `${path}.memberCount`),
  };
  return oneOf(n.kind, NODE_KINDS, `${path}.kind`) === "STRUCTURE"
    ? { ...base, kind: "STRUCTURE", sector: oneOf(n.sector, SECTORS, `${path}.sector`) }
    : { ...base, kind: "INSTITUTION", sector: null };
}

function parseTie(item: unknown, path: string): NetworkTie {
  const t = record(item, path);
  return {
    source: string(t.source, `${path}.source`),
    target: string(t.target, `${path}.target`),
    weight: integer(t.weight, `${path}.weight`),
  };
}

export function parseStructureNetwork(data: unknown): StructureNetwork {
  const network = record(record(data, "data").structureNetwork, "structureNetwork");
  return {
    nodes: array(network.nodes, "nodes").map((n, i) => parseNode(n, `nodes[${i}]`)),
    ties: array(network.ties, "ties").map((t, i) => parseTie(t, `ties[${i}]`)),
  };
}

export async function fetchTerritories(options?: RequestOptions): Promise<Territory[]> {
  return parseTerritories(await requestGraphQL(GET_TERRITORIES, {}, options));
}

export async function fetchStructureNetwork(
  territoryId: string,
  window: TimeWindow = { from: null, to: null },
  options?: RequestOptions,
): Promise<StructureNetwork> {
  const variables = { territoryId, from: window.from, to: window.to };
  return parseStructureNetwork(await requestGraphQL(GET_STRUCTURE_NETWORK, variables, options));
}

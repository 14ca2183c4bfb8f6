import { requestGraphQL, type RequestOptions } from "./graphql";
import { array, integer, oneOf, optionalString, record, string } from "./parse";

/** An EPCI offered by the new-territory form (official geography). */
export interface EpciCandidate {
  code: string;
  name: string;
  communeCount: number;
  population: number;
  /** The territory it already belongs to: it cannot be picked. */
  territoryId: string | null;
  territoryName: string | null;
}

export type AxisKind = "POPULATION" | "TRANSVERSAL";
export const AXIS_KINDS: readonly AxisKind[] = ["POPULATION", "TRANSVERSAL"];

export interface NewTerritoryInput {
  name: string;
  epciCodes: string[];
  contracts: { generation: number; signedOn: string; endsOn: string | null }[];
  axes: { name: string; kind: AxisKind }[];
}

export interface TerritoryCreation {
  id: string;
  name: string;
  communeCount: number;
  population: number;
  communesWithContour: number;
  communesWithoutContour: { code: string; name: string }[];
  contourSource: "READ" | "UNAVAILABLE" | "NONE";
}

/** Limits the server enforces (server/src/territories/input.ts); the form checks them first to say so in French. */
export const NEW_TERRITORY_LIMITS = { nameLength: 120, epcis: 30, contracts: 10, axes: 40, maxGeneration: 20 } as const;

export const EPCI_CANDIDATES = /* GraphQL */ `
  query EpciCandidates($search: String!) {
    epciCandidates(search: $search) { code name communeCount population territoryId territoryName }
  }
`;

export const CREATE_TERRITORY = /* GraphQL */ `
  mutation CreateTerritory($input: NewTerritoryInput!) {
    createTerritory(input: $input) {
      id name communeCount population communesWithContour contourSource
      communesWithoutContour { code name }
    }
  }
`;

export function parseEpciCandidates(data: unknown): EpciCandidate[] {
  return array(record(data, "data").epciCandidates, "epciCandidates").map((item, i) => {
    const path = `epciCandidates[${i}]`;
    const c = record(item, path);
    return {
      code: string(c.code, `${path}.code`),
      name: string(c.name, `${path}.name`),
      communeCount: integer(c.communeCount, `${path}.communeCount`),
      population: integer(c.population, `${path}.population`),
      territoryId: optionalString(c.territoryId, `${path}.territoryId`),
      territoryName: optionalString(c.territoryName, `${path}.territoryName`),
    };
  });
}

export function parseTerritoryCreation(data: unknown): TerritoryCreation {
  const c = record(record(data, "data").createTerritory, "createTerritory");
  return {
    id: string(c.id, "createTerritory.id"),
    name: string(c.name, "createTerritory.name"),
    communeCount: integer(c.communeCount, "createTerritory.communeCount"),
    population: integer(c.population, "createTerritory.population"),
    communesWithContour: integer(c.communesWithContour, "createTerritory.communesWithContour"),
    communesWithoutContour: array(c.communesWithoutContour, "createTerritory.communesWithoutContour").map((item, i) => {
      const m = record(item, `createTerritory.communesWithoutContour[${i}]`);
      return { code: string(m.code, "code"), name: string(m.name, "name") };
    }),
    contourSource: oneOf(c.contourSource, ["READ", "UNAVAILABLE", "NONE"] as const, "createTerritory.contourSource"),
  };
}

export async function fetchEpciCandidates(search: string, options?: RequestOptions): Promise<EpciCandidate[]> {
  return parseEpciCandidates(await requestGraphQL(EPCI_CANDIDATES, { search }, options));
}

export async function createTerritory(input: NewTerritoryInput, options?: RequestOptions): Promise<TerritoryCreation> {
  return parseTerritoryCreation(await requestGraphQL(CREATE_TERRITORY, { input }, options));
}

import { requestGraphQL, type RequestOptions } from "./graphql";
import { array, integer, record, string } from "./parse";

/** "En quelques chiffres": a territory's figures for a calendar year, counted live from the graph. */
export interface KeyFigures {
  territoryName: string;
  year: number;
  actors: number;
  activeActors: number;
  structures: number;
  institutions: number;
  workGroups: number;
  axes: number;
  contractsInForce: string[];
  events: number;
  volunteerHours: number;
  inhabitants: number;
  communes: number;
  epcis: number;
}

export const GET_KEY_FIGURES = /* GraphQL */ `
  query GetKeyFigures($territoryId: ID!, $year: Int!) {
    keyFigures(territoryId: $territoryId, year: $year) {
      territoryName year actors activeActors structures institutions workGroups axes
      contractsInForce events volunteerHours inhabitants communes epcis
    }
  }
`;

export function parseKeyFigures(data: unknown): KeyFigures {
  const k = record(record(data, "data").keyFigures, "keyFigures");
  const int = (field: string) => integer(k[field], `keyFigures.${field}`);
  const hours = k.volunteerHours;
  if (typeof hours !== "number" || !Number.isFinite(hours)) throw new TypeError("keyFigures.volunteerHours : nombre attendu");
  return {
    territoryName: string(k.territoryName, "keyFigures.territoryName"),
    year: int("year"),
    actors: int("actors"),
    activeActors: int("activeActors"),
    structures: int("structures"),
    institutions: int("institutions"),
    workGroups: int("workGroups"),
    axes: int("axes"),
    contractsInForce: array(k.contractsInForce, "keyFigures.contractsInForce").map((c, i) => string(c, `keyFigures.contractsInForce[${i}]`)),
    events: int("events"),
    volunteerHours: hours,
    inhabitants: int("inhabitants"),
    communes: int("communes"),
    epcis: int("epcis"),
  };
}

export async function fetchKeyFigures(territoryId: string, year: number, options?: RequestOptions): Promise<KeyFigures> {
  return parseKeyFigures(await requestGraphQL(GET_KEY_FIGURES, { territoryId, year }, options));
}

/**
 * Reads the official geography of a territory (communes, populations, EPCI) from
 * `@etalab/decoupage-administratif`, and checks it against the spec.
 */
import { createRequire } from "node:module";
import type { CommuneRow, EpciRow } from "./model.js";
import type { TerritorySpec } from "./spec.js";

export interface CommuneInfo extends CommuneRow {
  /** Generator-only grouping of communes: the postal-code area ("bassin de vie" stand-in). */
  readonly areaKey: string;
}

export interface TerritoryGeography {
  readonly epcis: readonly EpciRow[];
  readonly communes: readonly CommuneInfo[];
}

export class TerritoryCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TerritoryCheckError";
  }
}

const require = createRequire(import.meta.url);

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  population: number;
  codesPostaux: string[];
}

interface RawEpci {
  code: string;
  nom: string;
  membres: { code: string }[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

function asRawCommune(value: unknown): RawCommune | undefined {
  if (!isRecord(value)) return undefined;
  const { code, nom, type, departement, population, codesPostaux } = value;
  if (typeof code !== "string" || typeof nom !== "string" || typeof type !== "string") return undefined;
  return {
    code,
    nom,
    type,
    departement: typeof departement === "string" ? departement : "",
    population: typeof population === "number" ? population : 0,
    codesPostaux: Array.isArray(codesPostaux) ? codesPostaux.filter((item): item is string => typeof item === "string") : [],
  };
}

function asRawEpci(value: unknown): RawEpci | undefined {
  if (!isRecord(value)) return undefined;
  const { code, nom, membres } = value;
  if (typeof code !== "string" || typeof nom !== "string" || !Array.isArray(membres)) return undefined;
  const members = membres.flatMap((member: unknown) =>
    isRecord(member) && typeof member.code === "string" ? [{ code: member.code }] : [],
  );
  return { code, nom, membres: members };
}

let cache: { communes: Map<string, RawCommune>; epcis: Map<string, RawEpci> } | undefined;

function officialData(): { communes: Map<string, RawCommune>; epcis: Map<string, RawEpci> } {
  if (cache !== undefined) return cache;
  const rawCommunes: unknown = require("@etalab/decoupage-administratif/data/communes.json");
  const rawEpcis: unknown = require("@etalab/decoupage-administratif/data/epci.json");
  if (!Array.isArray(rawCommunes) || !Array.isArray(rawEpcis)) {
    throw new TerritoryCheckError("@etalab/decoupage-administratif: unexpected data layout");
  }
  const communes = new Map<string, RawCommune>();
  for (const item of rawCommunes) {
    const commune = asRawCommune(item);
    if (commune !== undefined && commune.type === "commune-actuelle") communes.set(commune.code, commune);
  }
  const epcis = new Map<string, RawEpci>();
  for (const item of rawEpcis) {
    const epci = asRawEpci(item);
    if (epci !== undefined) epcis.set(epci.code, epci);
  }
  cache = { communes, epcis };
  return cache;
}

/** An EPCI as the official data describes it: enough to pick it in a form. */
export interface EpciSummary {
  readonly code: string;
  readonly name: string;
  readonly communeCount: number;
  readonly population: number;
}

let summaries: readonly EpciSummary[] | undefined;

/** Every EPCI of `@etalab/decoupage-administratif` with its current communes and inhabitants, by name. */
export function officialEpcis(): readonly EpciSummary[] {
  if (summaries !== undefined) return summaries;
  const data = officialData();
  summaries = [...data.epcis.values()]
    .map((epci) => {
      const members = epci.membres.flatMap((member) => {
        const commune = data.communes.get(member.code);
        return commune === undefined ? [] : [commune];
      });
      return {
        code: epci.code,
        name: epci.nom,
        communeCount: members.length,
        population: members.reduce((sum, commune) => sum + commune.population, 0),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
  return summaries;
}

/** The codes (in the given order, once each) that are not EPCI SIREN codes of the official data. */
export function unknownEpciCodes(epciCodes: readonly string[]): string[] {
  const data = officialData();
  return [...new Set(epciCodes)].filter((code) => !data.epcis.has(code));
}

/**
 * The communes and EPCI of a list of EPCI, in that order then by INSEE code. Throws when a code
 * is unknown, when the data lists a commune it does not hold, or when two EPCI share a commune.
 * `label` prefixes the messages (the territory being read).
 */
export function readEpciGeography(epciCodes: readonly string[], label = "territory"): TerritoryGeography {
  const data = officialData();
  const epcis: EpciRow[] = [];
  const communes: CommuneInfo[] = [];
  for (const epciCode of epciCodes) {
    const epci = data.epcis.get(epciCode);
    if (epci === undefined) throw new TerritoryCheckError(`${label}: unknown EPCI ${epciCode}`);
    let population = 0;
    const members = [...epci.membres].sort((a, b) => a.code.localeCompare(b.code));
    for (const member of members) {
      const commune = data.communes.get(member.code);
      if (commune === undefined) throw new TerritoryCheckError(`${label}: EPCI ${epciCode} lists unknown commune ${member.code}`);
      population += commune.population;
      communes.push({
        code: commune.code,
        name: commune.nom,
        population: commune.population,
        departement: commune.departement,
        epciCode,
        areaKey: `${epciCode}:${commune.codesPostaux[0] ?? commune.code}`,
      });
    }
    epcis.push({ code: epci.code, name: epci.nom, population });
  }
  if (new Set(communes.map((commune) => commune.code)).size !== communes.length) {
    throw new TerritoryCheckError(`${label}: a commune belongs to two of its EPCI`);
  }
  return { epcis, communes };
}

/** The communes and EPCI of a territory, in the order of the spec's EPCI then by INSEE code. */
export function readTerritoryGeography(spec: TerritorySpec): TerritoryGeography {
  const { epcis, communes } = readEpciGeography(spec.epciCodes, spec.id);
  const population = communes.reduce((sum, commune) => sum + commune.population, 0);
  if (communes.length !== spec.expected.communes || population !== spec.expected.population) {
    throw new TerritoryCheckError(
      `${spec.id}: expected ${spec.expected.communes} communes and ${spec.expected.population} inhabitants, ` +
        `found ${communes.length} communes and ${population} inhabitants in @etalab/decoupage-administratif`,
    );
  }
  return { epcis, communes };
}

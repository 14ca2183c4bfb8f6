import { ApiError, requestGraphQL, type RequestOptions } from "./graphql";
import { array, integer, oneOf, optionalString, record, string } from "./parse";

export const DUPLICATE_KINDS = ["ACTOR", "STRUCTURE"] as const;
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

/** A membership, work group, member or partner of a record, with its dates (ISO, or null). */
export interface DuplicateLink {
  relation: string;
  targetId: string | null;
  targetName: string | null;
  role: string | null;
  since: string | null;
  until: string | null;
}

export interface DuplicateRecord {
  id: string;
  kind: DuplicateKind;
  name: string;
  email: string | null;
  phone: string | null;
  category: string | null;
  profession: string | null;
  structureKind: string | null;
  sector: string | null;
  communeName: string | null;
  links: DuplicateLink[];
  /** Events attended (a person) or organised (a structure). */
  eventCount: number;
}

export interface DuplicateCandidate {
  /** 0–1. */
  score: number;
  /** In French, strongest first. */
  reasons: string[];
  first: DuplicateRecord;
  second: DuplicateRecord;
}

export interface MergeResult {
  kind: DuplicateKind;
  keptId: string;
  mergedId: string;
  moved: number;
  joined: number;
  keptApart: number;
  dropped: number;
  filledProperties: string[];
}

/** Pairs asked for at once: with both records' links this stays under the server's cost limit. */
export const CANDIDATES_PAGE = 40;

const RECORD_FIELDS = "id kind name email phone category profession structureKind sector communeName eventCount links { relation targetId targetName role since until }";
const RESULT_FIELDS = "kind keptId mergedId moved joined keptApart dropped filledProperties";

export const DUPLICATE_CANDIDATES = /* GraphQL */ `
  query DuplicateCandidates($territoryId: ID!, $kind: DuplicateKind!, $first: Int) {
    duplicateCandidates(territoryId: $territoryId, kind: $kind, first: $first) { score reasons first { ${RECORD_FIELDS} } second { ${RECORD_FIELDS} } }
  }
`;

export const MERGE_ACTORS = /* GraphQL */ `
  mutation MergeActors($territoryId: ID!, $keepId: ID!, $mergeId: ID!) {
    mergeActors(territoryId: $territoryId, keepId: $keepId, mergeId: $mergeId) { ${RESULT_FIELDS} }
  }
`;

export const MERGE_STRUCTURES = /* GraphQL */ `
  mutation MergeStructures($territoryId: ID!, $keepId: ID!, $mergeId: ID!) {
    mergeStructures(territoryId: $territoryId, keepId: $keepId, mergeId: $mergeId) { ${RESULT_FIELDS} }
  }
`;

function score(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new ApiError("invalid-response", `${path} : nombre attendu`);
  return value;
}

function parseLink(value: unknown, path: string): DuplicateLink {
  const link = record(value, path);
  return {
    relation: string(link.relation, `${path}.relation`),
    targetId: optionalString(link.targetId, `${path}.targetId`),
    targetName: optionalString(link.targetName, `${path}.targetName`),
    role: optionalString(link.role, `${path}.role`),
    since: optionalString(link.since, `${path}.since`),
    until: optionalString(link.until, `${path}.until`),
  };
}

export function parseDuplicateRecord(value: unknown, path: string): DuplicateRecord {
  const r = record(value, path);
  return {
    id: string(r.id, `${path}.id`),
    kind: oneOf(r.kind, DUPLICATE_KINDS, `${path}.kind`),
    name: string(r.name, `${path}.name`),
    email: optionalString(r.email, `${path}.email`),
    phone: optionalString(r.phone, `${path}.phone`),
    category: optionalString(r.category, `${path}.category`),
    profession: optionalString(r.profession, `${path}.profession`),
    structureKind: optionalString(r.structureKind, `${path}.structureKind`),
    sector: optionalString(r.sector, `${path}.sector`),
    communeName: optionalString(r.communeName, `${path}.communeName`),
    links: array(r.links, `${path}.links`).map((link, i) => parseLink(link, `${path}.links[${i}]`)),
    eventCount: integer(r.eventCount, `${path}.eventCount`),
  };
}

export function parseMergeResult(value: unknown, path: string): MergeResult {
  const r = record(value, path);
  return {
    kind: oneOf(r.kind, DUPLICATE_KINDS, `${path}.kind`),
    keptId: string(r.keptId, `${path}.keptId`),
    mergedId: string(r.mergedId, `${path}.mergedId`),
    moved: integer(r.moved, `${path}.moved`),
    joined: integer(r.joined, `${path}.joined`),
    keptApart: integer(r.keptApart, `${path}.keptApart`),
    dropped: integer(r.dropped, `${path}.dropped`),
    filledProperties: array(r.filledProperties, `${path}.filledProperties`).map((p, i) => string(p, `${path}.filledProperties[${i}]`)),
  };
}

/** Likely duplicates of the territory's people or structures, likeliest first (coordinators and administrators). */
export async function fetchDuplicateCandidates(territoryId: string, kind: DuplicateKind, options?: RequestOptions): Promise<DuplicateCandidate[]> {
  const data = record(await requestGraphQL(DUPLICATE_CANDIDATES, { territoryId, kind, first: CANDIDATES_PAGE }, options), "data");
  return array(data.duplicateCandidates, "duplicateCandidates").map((item, i) => {
    const c = record(item, `duplicateCandidates[${i}]`);
    return {
      score: score(c.score, `duplicateCandidates[${i}].score`),
      reasons: array(c.reasons, `duplicateCandidates[${i}].reasons`).map((reason, j) => string(reason, `duplicateCandidates[${i}].reasons[${j}]`)),
      first: parseDuplicateRecord(c.first, `duplicateCandidates[${i}].first`),
      second: parseDuplicateRecord(c.second, `duplicateCandidates[${i}].second`),
    };
  });
}

/** Merges `mergeId` into `keepId` (same kind, same territory) in one transaction on the server. */
export async function mergeDuplicates(territoryId: string, kind: DuplicateKind, keepId: string, mergeId: string, options?: RequestOptions): Promise<MergeResult> {
  const mutation = kind === "ACTOR" ? MERGE_ACTORS : MERGE_STRUCTURES;
  const data = record(await requestGraphQL(mutation, { territoryId, keepId, mergeId }, options), "data");
  return parseMergeResult(kind === "ACTOR" ? data.mergeActors : data.mergeStructures, kind === "ACTOR" ? "mergeActors" : "mergeStructures");
}

/**
 * The new-territory form as data: what the administrator typed (drafts as strings, as inputs give
 * them), the problems that keep it from being sent (in French, each tied to the field to fix), and
 * the input the API receives. Pure: the dialog renders it, the tests check it.
 */
import { ApiError } from "../../api/graphql";
import { NEW_TERRITORY_LIMITS, type AxisKind, type EpciCandidate, type NewTerritoryInput } from "../../api/territories";
import { fr } from "../../i18n/fr";

const t = fr.newTerritory;

export interface ContractDraft {
  /** Stable React key and field id part. */
  readonly key: number;
  readonly generation: string;
  /** `YYYY-MM-DD` as a date input gives it, or "". */
  readonly signedOn: string;
  readonly endsOn: string;
}

export interface AxisDraft {
  readonly key: number;
  readonly name: string;
  readonly kind: AxisKind;
}

export interface TerritoryDraft {
  readonly name: string;
  readonly epcis: readonly EpciCandidate[];
  readonly contracts: readonly ContractDraft[];
  readonly axes: readonly AxisDraft[];
  /** Next key for a new contract or axis row. */
  readonly nextKey: number;
}

/** What keeps the form from being sent; `field` is the id of the input to fix. */
export interface DraftProblem {
  readonly field: string;
  readonly message: string;
}

export const fieldIds = {
  search: "new-territory-search",
  name: "new-territory-name",
  contract: (key: number, part: "generation" | "signedOn" | "endsOn") => `new-territory-contract-${key}-${part}`,
  axis: (key: number, part: "name" | "kind") => `new-territory-axis-${key}-${part}`,
} as const;

export function emptyDraft(): TerritoryDraft {
  return {
    name: "",
    epcis: [],
    contracts: [{ key: 0, generation: "1", signedOn: "", endsOn: "" }],
    axes: [{ key: 1, name: "", kind: "POPULATION" }],
    nextKey: 2,
  };
}

export function addEpci(draft: TerritoryDraft, epci: EpciCandidate): TerritoryDraft {
  if (epci.territoryId !== null || draft.epcis.some((e) => e.code === epci.code)) return draft;
  return { ...draft, epcis: [...draft.epcis, epci] };
}

export const removeEpci = (draft: TerritoryDraft, code: string): TerritoryDraft => ({ ...draft, epcis: draft.epcis.filter((e) => e.code !== code) });

/** A new contract row, one generation after the highest typed so far. */
export function addContract(draft: TerritoryDraft): TerritoryDraft {
  const highest = Math.max(0, ...draft.contracts.map((c) => Number.parseInt(c.generation, 10)).filter(Number.isFinite));
  return {
    ...draft,
    contracts: [...draft.contracts, { key: draft.nextKey, generation: String(highest + 1), signedOn: "", endsOn: "" }],
    nextKey: draft.nextKey + 1,
  };
}

export const addAxis = (draft: TerritoryDraft): TerritoryDraft => ({
  ...draft,
  axes: [...draft.axes, { key: draft.nextKey, name: "", kind: "POPULATION" }],
  nextKey: draft.nextKey + 1,
});

export const updateContract = (draft: TerritoryDraft, key: number, change: Partial<Omit<ContractDraft, "key">>): TerritoryDraft => ({
  ...draft,
  contracts: draft.contracts.map((c) => (c.key === key ? { ...c, ...change } : c)),
});

export const updateAxis = (draft: TerritoryDraft, key: number, change: Partial<Omit<AxisDraft, "key">>): TerritoryDraft => ({
  ...draft,
  axes: draft.axes.map((a) => (a.key === key ? { ...a, ...change } : a)),
});

export const removeContract = (draft: TerritoryDraft, key: number): TerritoryDraft => ({ ...draft, contracts: draft.contracts.filter((c) => c.key !== key) });
export const removeAxis = (draft: TerritoryDraft, key: number): TerritoryDraft => ({ ...draft, axes: draft.axes.filter((a) => a.key !== key) });

export function totals(epcis: readonly EpciCandidate[]): { communes: number; population: number } {
  return epcis.reduce((sum, e) => ({ communes: sum.communes + e.communeCount, population: sum.population + e.population }), { communes: 0, population: 0 });
}

/** Same letters once accents, case and punctuation are ignored: the server gives both the same id. */
const axisKey = (name: string): string =>
  name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The problems of a draft in the order of the form, and the API input when there are none. */
export function checkDraft(draft: TerritoryDraft): { problems: DraftProblem[]; input: NewTerritoryInput | null } {
  const problems: DraftProblem[] = [];
  const p = t.problems;
  if (draft.epcis.length === 0) problems.push({ field: fieldIds.search, message: p.noEpci });
  if (draft.epcis.length > NEW_TERRITORY_LIMITS.epcis) problems.push({ field: fieldIds.search, message: p.tooManyEpcis(NEW_TERRITORY_LIMITS.epcis) });
  const name = draft.name.trim();
  if (name === "" || axisKey(name) === "") problems.push({ field: fieldIds.name, message: p.noName });
  if (name.length > NEW_TERRITORY_LIMITS.nameLength) problems.push({ field: fieldIds.name, message: p.nameTooLong(NEW_TERRITORY_LIMITS.nameLength) });

  if (draft.contracts.length === 0) problems.push({ field: "new-territory-add-contract", message: p.noContract });
  const contracts: { generation: number; signedOn: string; endsOn: string | null; key: number }[] = [];
  draft.contracts.forEach((contract, index) => {
    const n = index + 1;
    const generation = Number(contract.generation);
    const isGenerationValid = /^\d+$/.test(contract.generation.trim()) && generation >= 1 && generation <= NEW_TERRITORY_LIMITS.maxGeneration;
    if (!isGenerationValid) problems.push({ field: fieldIds.contract(contract.key, "generation"), message: p.generation(n, NEW_TERRITORY_LIMITS.maxGeneration) });
    const signedOn = ISO_DATE.test(contract.signedOn) ? contract.signedOn : null;
    if (signedOn === null) problems.push({ field: fieldIds.contract(contract.key, "signedOn"), message: p.signedOn(n) });
    const endsOn = ISO_DATE.test(contract.endsOn) ? contract.endsOn : null;
    if (signedOn !== null && endsOn !== null && endsOn <= signedOn) problems.push({ field: fieldIds.contract(contract.key, "endsOn"), message: p.endsOn(n) });
    if (isGenerationValid && signedOn !== null) contracts.push({ generation, signedOn, endsOn, key: contract.key });
  });
  const sorted = [...contracts].sort((a, b) => a.generation - b.generation);
  sorted.forEach((contract, index) => {
    const previous = sorted[index - 1];
    if (previous === undefined) return;
    if (previous.generation === contract.generation) {
      problems.push({ field: fieldIds.contract(contract.key, "generation"), message: p.sameGeneration(contract.generation) });
    } else if (contract.signedOn <= previous.signedOn || (previous.endsOn !== null && contract.signedOn < previous.endsOn)) {
      problems.push({ field: fieldIds.contract(contract.key, "signedOn"), message: p.order(contract.generation, previous.generation) });
    }
  });

  if (draft.axes.length === 0) problems.push({ field: "new-territory-add-axis", message: p.noAxis });
  const seen = new Set<string>();
  draft.axes.forEach((axis, index) => {
    const key = axisKey(axis.name);
    if (key === "") problems.push({ field: fieldIds.axis(axis.key, "name"), message: p.axisName(index + 1) });
    else if (seen.has(key)) problems.push({ field: fieldIds.axis(axis.key, "name"), message: p.sameAxis(axis.name.trim()) });
    seen.add(key);
  });

  if (problems.length > 0) return { problems, input: null };
  return {
    problems,
    input: {
      name,
      epciCodes: draft.epcis.map((e) => e.code),
      contracts: sorted.map(({ generation, signedOn, endsOn }) => ({ generation, signedOn, endsOn })),
      axes: draft.axes.map((a) => ({ name: a.name.trim(), kind: a.kind })),
    },
  };
}

/** What the dialog says when the server refuses or cannot be reached. */
export function describeCreateError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.kind === "unreachable") return t.server.unreachable;
    if (error.code === "CONFLICT" || error.code === "BAD_USER_INPUT" || error.code === "FORBIDDEN") return t.server[error.code];
  }
  return t.server.other;
}

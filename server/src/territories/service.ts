/**
 * Real territories (issue 6, "A new territory"): an administrator creates a CLS territory from its
 * EPCI codes; communes and populations come from `@etalab/decoupage-administratif`, contours from
 * the configured geo source (communes it does not cover are reported, never fatal); its contracts
 * and axes follow. Coordinators of the territory (and administrators) add contracts and axes later.
 * Every change is one write transaction, with its audit entry (audit/trail.ts): a refusal leaves
 * nothing written.
 */
import { isPlain, num, optionalText, records, text, type Plain } from "../analytics/values.js";
import { diffRecords, type AuditRecord } from "../audit/changes.js";
import { recordChange, type EntityKind } from "../audit/trail.js";
import { assertCanWriteTerritory, type Viewer } from "../auth/viewer.js";
import { AppError } from "../errors.js";
import type { QueryRunner, QueryTransaction } from "../neo4j/queries.js";
import { toPlain } from "../neo4j/values.js";
import { type GeoSource, readCommuneGeometries } from "../../../seed/src/geo.js";
import { officialEpcis, readEpciGeography } from "../../../seed/src/territory.js";
import { searchEpcis } from "./epciSearch.js";
import {
  axisId,
  checkContractSequence,
  checkDistinctAxes,
  contractId,
  contractName,
  parseAxis,
  parseContract,
  parseNewTerritory,
  parseOptionalIds,
  TERRITORY_LIMITS,
  type AxisKind,
  type NewAxis,
  type NewContract,
} from "./input.js";

export interface EpciCandidate {
  readonly code: string;
  readonly name: string;
  readonly communeCount: number;
  readonly population: number;
  /** The territory the EPCI already belongs to, if any: it cannot join another one. */
  readonly territoryId: string | null;
  readonly territoryName: string | null;
}

export interface StoredContract {
  readonly id: string;
  readonly name: string;
  readonly generation: number;
  readonly signedOn: string;
  readonly endsOn: string | null;
  readonly axisIds: readonly string[];
}

export interface StoredAxis {
  readonly id: string;
  readonly name: string;
  readonly kind: AxisKind;
  readonly contractIds: readonly string[];
}

/** `READ`: the source was read; `UNAVAILABLE`: it could not be; `NONE`: GEO_SOURCE is none. */
export type ContourSourceStatus = "READ" | "UNAVAILABLE" | "NONE";

export interface TerritoryCreation {
  readonly id: string;
  readonly name: string;
  readonly isDemo: false;
  readonly epcis: readonly { code: string; name: string; population: number; communeCount: number }[];
  readonly communeCount: number;
  readonly population: number;
  readonly communesWithContour: number;
  readonly communesWithoutContour: readonly { code: string; name: string }[];
  readonly contourSource: ContourSourceStatus;
  readonly contracts: readonly StoredContract[];
  readonly axes: readonly StoredAxis[];
}

function requireAdmin(viewer: Viewer | null, what: string): Viewer {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "A valid bearer token is required.");
  if (viewer.role !== "ADMIN") throw new AppError("FORBIDDEN", `Only administrators may ${what}.`);
  return viewer;
}

/** The database refused a duplicate on a uniqueness constraint (a concurrent creation). */
const isConstraintViolation = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === "Neo.ClientError.Schema.ConstraintValidationFailed";

const contractRow = (territoryId: string, contract: NewContract, axisIds: readonly string[]): StoredContract => ({
  id: contractId(territoryId, contract.generation),
  name: contractName(contract.generation),
  generation: contract.generation,
  signedOn: contract.signedOn,
  endsOn: contract.endsOn,
  axisIds,
});

interface TerritoryState {
  readonly axes: readonly { id: string; name: string; kind: string }[];
  readonly contracts: readonly (NewContract & { readonly id: string })[];
}

async function territoryState(tx: QueryTransaction, territoryId: string): Promise<TerritoryState> {
  const [territory] = await tx.run<{ axes: unknown }>("territoryExists", { territoryId });
  if (territory === undefined) throw new AppError("NOT_FOUND", `No territory with id "${territoryId}"`, { argument: "territoryId" });
  const axes = records(toPlain(territory.axes), "territoryExists.axes")
    .filter((axis) => axis.id !== null)
    .map((axis) => ({ id: text(axis, "id"), name: text(axis, "name"), kind: text(axis, "kind") }));
  const [row] = await tx.run<{ contracts: unknown }>("territoryContractGenerations", { territoryId });
  const contracts = records(toPlain(row?.contracts ?? []), "territoryContractGenerations.contracts").map((contract: Plain) => ({
    id: text(contract, "id"),
    generation: num(contract, "generation"),
    signedOn: text(contract, "signedOn"),
    endsOn: optionalText(contract, "endsOn"),
  }));
  return { axes, contracts };
}

const sorted = (values: readonly string[]): string[] => [...values].sort();

/** Records the creation of a territory, contract or axis in the audit trail, in the caller's transaction. */
async function recordCreation(
  tx: QueryTransaction,
  viewer: Viewer,
  at: Date,
  entry: { territoryId: string; entityKind: EntityKind; entityId: string; entityName: string; relatedIds: readonly string[] },
  created: AuditRecord,
): Promise<void> {
  await recordChange(tx, viewer, { ...entry, operation: "CREATE", changes: diffRecords(null, created) }, at);
}

async function assertIdsFree(tx: QueryTransaction, axisIds: readonly string[], contractIds: readonly string[]): Promise<void> {
  const rows = await tx.run<{ id: unknown }>("territoryTakenIds", { axisIds, contractIds });
  const taken = rows.map((row) => String(row.id));
  if (taken.length > 0) throw new AppError("CONFLICT", `These ids are already used: ${taken.join(", ")}`, { takenIds: taken });
}

export class TerritoryService {
  constructor(
    private readonly queries: QueryRunner,
    /** config.geoSource: URL template with {epci}, URL, GeoJSON file or folder, or `none`. */
    private readonly geoSource: GeoSource,
    /** Called after a committed change, with the territory's id (the analytics cache is invalidated). */
    private readonly onWrite: (territoryId: string) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** EPCI of the official data matching `search`, with the territory each already belongs to. Administrators. */
  async epciCandidates(viewer: Viewer | null, search: unknown): Promise<EpciCandidate[]> {
    requireAdmin(viewer, "look up EPCI for a new territory");
    if (typeof search !== "string" || search.length > 100) throw new AppError("BAD_USER_INPUT", "search must be at most 100 characters", { argument: "search" });
    const found = searchEpcis(officialEpcis(), search);
    if (found.length === 0) return [];
    const owners = await this.queries.read<{ code: unknown; territoryId: unknown; territoryName: unknown }>("territoryEpciOwners", {
      codes: found.map((epci) => epci.code),
    });
    const ownerOf = new Map(owners.map((row) => [String(row.code), { id: String(row.territoryId), name: String(row.territoryName) }]));
    return found.map((epci) => ({ ...epci, territoryId: ownerOf.get(epci.code)?.id ?? null, territoryName: ownerOf.get(epci.code)?.name ?? null }));
  }

  /** Creates a territory with its EPCI, communes, axes and contracts in one transaction. Administrators. */
  async create(viewer: Viewer | null, input: unknown): Promise<TerritoryCreation> {
    const admin = requireAdmin(viewer, "create territories");
    const territory = parseNewTerritory(input);
    const geography = readEpciGeography(territory.epciCodes, territory.id);
    const reading = await readCommuneGeometries(this.geoSource, {
      epciCodes: territory.epciCodes,
      communeCodes: geography.communes.map((commune) => commune.code),
    });
    const axes: StoredAxis[] = territory.axes.map((axis) => ({
      id: axisId(territory.id, axis.name),
      name: axis.name,
      kind: axis.kind,
      contractIds: territory.contracts.map((contract) => contractId(territory.id, contract.generation)),
    }));
    const contracts = territory.contracts.map((contract) => contractRow(territory.id, contract, axes.map((axis) => axis.id)));
    const communeCount = (code: string): number => geography.communes.filter((commune) => commune.epciCode === code).length;
    try {
      await this.queries.writeTransaction(async (tx) => {
        tx.changed(territory.id);
        const [existing] = await tx.run("territoryExists", { territoryId: territory.id });
        if (existing !== undefined) {
          throw new AppError("CONFLICT", `A territory with id "${territory.id}" already exists`, { argument: "input.id", territoryId: territory.id });
        }
        const owners = await tx.run<{ code: unknown; territoryId: unknown }>("territoryEpciOwners", { codes: territory.epciCodes });
        if (owners.length > 0) {
          const codes = [...new Set(owners.map((row) => String(row.code)))];
          throw new AppError("CONFLICT", `EPCI already part of another territory: ${codes.join(", ")}`, {
            argument: "input.epciCodes",
            epciCodes: codes,
            territoryIds: [...new Set(owners.map((row) => String(row.territoryId)))],
          });
        }
        await assertIdsFree(tx, axes.map((axis) => axis.id), contracts.map((contract) => contract.id));
        await tx.run("territoryCreate", { territoryId: territory.id, name: territory.name });
        await tx.run("territoryEpcis", { territoryId: territory.id, rows: geography.epcis });
        await tx.run("territoryCommunes", {
          rows: geography.communes.map(({ code, name, population, departement, epciCode }) => {
            const geometry = reading.geometries.get(code);
            return { code, name, population, departement, epciCode, centroid: geometry?.centroid ?? null, contour: geometry?.contour ?? null };
          }),
        });
        await tx.run("territoryAxes", { territoryId: territory.id, rows: axes.map(({ id, name, kind }) => ({ id, name, kind })) });
        await tx.run("territoryContracts", { territoryId: territory.id, rows: contracts.map((contract) => ({ ...contract, signatoryIds: [] })) });
        // One entry: the territory with its EPCI, contracts and axes (found from any of their ids).
        await recordCreation(
          tx,
          admin,
          this.now(),
          { territoryId: territory.id, entityKind: "TERRITORY", entityId: territory.id, entityName: territory.name, relatedIds: [...contracts.map((c) => c.id), ...axes.map((a) => a.id)] },
          { name: territory.name, epciCodes: sorted(territory.epciCodes), contractIds: sorted(contracts.map((c) => c.id)), axisIds: sorted(axes.map((a) => a.id)) },
        );
      });
    } catch (error) {
      if (isConstraintViolation(error)) throw new AppError("CONFLICT", `A territory with id "${territory.id}" already exists`, { argument: "input.id" });
      throw error;
    }
    this.onWrite(territory.id);
    const missing = new Set(reading.unmatched);
    return {
      id: territory.id,
      name: territory.name,
      isDemo: false,
      epcis: geography.epcis.map((epci) => ({ ...epci, communeCount: communeCount(epci.code) })),
      communeCount: geography.communes.length,
      population: geography.communes.reduce((sum, commune) => sum + commune.population, 0),
      communesWithContour: reading.geometries.size,
      communesWithoutContour: geography.communes.filter((commune) => missing.has(commune.code)).map(({ code, name }) => ({ code, name })),
      contourSource: reading.isDisabled ? "NONE" : reading.unavailable !== null ? "UNAVAILABLE" : "READ",
      contracts,
      axes,
    };
  }

  /**
   * Adds the next contract of a territory, prioritising `axisIds` (default: every axis of the
   * territory). Coordinators of the territory and administrators.
   */
  async addContract(viewer: Viewer | null, territoryId: string, input: unknown): Promise<StoredContract> {
    assertCanWriteTerritory(viewer, territoryId);
    const writer: Viewer = viewer;
    const contract = parseContract(input, "input");
    const requestedAxes = parseOptionalIds(isPlain(input) ? input.axisIds : null, "input.axisIds", TERRITORY_LIMITS.axes);
    const stored = await this.queries.writeTransaction(async (tx) => {
      tx.changed(territoryId);
      const state = await territoryState(tx, territoryId);
      if (state.contracts.some((existing) => existing.generation === contract.generation)) {
        throw new AppError("CONFLICT", `The territory already has a CLS ${contract.generation}`, { argument: "input.generation" });
      }
      checkContractSequence([...state.contracts, contract], "input");
      const axisIds = requestedAxes ?? state.axes.map((axis) => axis.id);
      const unknown = axisIds.filter((id) => !state.axes.some((axis) => axis.id === id));
      if (unknown.length > 0) throw new AppError("BAD_USER_INPUT", `Not axes of this territory: ${unknown.join(", ")}`, { argument: "input.axisIds", unknownAxisIds: unknown });
      const row = contractRow(territoryId, contract, axisIds);
      await assertIdsFree(tx, [], [row.id]);
      await tx.run("territoryContracts", { territoryId, rows: [{ ...row, signatoryIds: [] }] });
      await recordCreation(
        tx,
        writer,
        this.now(),
        { territoryId, entityKind: "CONTRACT", entityId: row.id, entityName: row.name, relatedIds: [territoryId, ...row.axisIds] },
        { generation: row.generation, signedOn: row.signedOn, endsOn: row.endsOn, axisIds: sorted(row.axisIds) },
      );
      return row;
    });
    this.onWrite(territoryId);
    return stored;
  }

  /**
   * Adds an axis to a territory, a priority of `contractIds` (default: the territory's latest
   * contract). Coordinators of the territory and administrators.
   */
  async addAxis(viewer: Viewer | null, territoryId: string, input: unknown): Promise<StoredAxis> {
    assertCanWriteTerritory(viewer, territoryId);
    const writer: Viewer = viewer;
    const axis: NewAxis = parseAxis(input, "input");
    const requestedContracts = parseOptionalIds(isPlain(input) ? input.contractIds : null, "input.contractIds", TERRITORY_LIMITS.contracts);
    const stored = await this.queries.writeTransaction(async (tx) => {
      tx.changed(territoryId);
      const state = await territoryState(tx, territoryId);
      try {
        checkDistinctAxes([axis], "input.name", state.axes.map((existing) => existing.name));
      } catch {
        throw new AppError("CONFLICT", `The territory already has an axis named "${axis.name}"`, { argument: "input.name" });
      }
      const latest = state.contracts.at(-1);
      const contractIds = requestedContracts ?? (latest === undefined ? [] : [latest.id]);
      const unknown = contractIds.filter((id) => !state.contracts.some((contract) => contract.id === id));
      if (unknown.length > 0) {
        throw new AppError("BAD_USER_INPUT", `Not contracts of this territory: ${unknown.join(", ")}`, { argument: "input.contractIds", unknownContractIds: unknown });
      }
      const row: StoredAxis = { id: axisId(territoryId, axis.name), name: axis.name, kind: axis.kind, contractIds };
      await assertIdsFree(tx, [row.id], []);
      await tx.run("territoryAxes", { territoryId, rows: [{ id: row.id, name: row.name, kind: row.kind }] });
      await tx.run("territoryAxisPriorities", { territoryId, axisId: row.id, contractIds });
      await recordCreation(
        tx,
        writer,
        this.now(),
        { territoryId, entityKind: "AXIS", entityId: row.id, entityName: row.name, relatedIds: [territoryId, ...contractIds] },
        { name: row.name, kind: row.kind, contractIds: sorted(contractIds) },
      );
      return row;
    });
    this.onWrite(territoryId);
    return stored;
  }
}

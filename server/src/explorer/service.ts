import type { Analysis } from "../analytics/analysis.js";
import type { CoverageAxis, CoverageCell } from "../analytics/coverage.js";
import type { NetworkFilter } from "../analytics/filters.js";
import type { AnalyticsService } from "../analytics/service.js";
import { isPlain, num, optionalText, text, type Plain } from "../analytics/values.js";
import { windowParameters, type Window } from "../analytics/window.js";
import { generalisedProfession, isReleasedAmongPeers } from "../analytics/kAnonymity.js";
import { AppError } from "../errors.js";
import type { QueryName, QueryRunner } from "../neo4j/queries.js";
import { toPlain } from "../neo4j/values.js";
import {
  axisRow,
  communeRow,
  communeSummaryRow,
  contactRow,
  datedRow,
  epciRow,
  list,
  optionalRecord,
  organisationRow,
  personRow,
  record,
  workGroupRow,
  type CatalogCommune,
  type CatalogEpci,
  type CatalogWorkGroup,
  type CommuneSummary,
  type ContactRow,
  type Dated,
  type OrganisationSummary,
  type PersonRow,
} from "./rows.js";

export interface TerritoryCatalog {
  readonly territoryId: string;
  readonly territoryName: string;
  readonly axes: readonly CoverageAxis[];
  readonly epcis: readonly CatalogEpci[];
  readonly communes: readonly CatalogCommune[];
  readonly workGroups: readonly CatalogWorkGroup[];
  readonly hasContours: boolean;
}

export interface ParticipationRow extends Dated {
  readonly actorId: string;
  readonly workGroupId: string;
  readonly role: string;
}

export interface ParticipationNetwork {
  /** The actor network through work groups for the same window and filter: its nodes are the actors. */
  readonly analysis: Analysis;
  readonly actorIds: readonly string[];
  readonly workGroups: readonly CatalogWorkGroup[];
  readonly participations: readonly ParticipationRow[];
}

export interface OrganisationMember extends Dated, ContactRow {
  readonly person: PersonRow;
  readonly role: string | null;
}

export interface OrganisationDetails {
  readonly organisation: OrganisationSummary;
  readonly commune: CommuneSummary | null;
  readonly members: readonly OrganisationMember[];
  readonly workGroups: readonly { readonly workGroup: CatalogWorkGroup; readonly participants: number }[];
  readonly axes: readonly CoverageAxis[];
}

export interface WorkGroupMember extends Dated {
  readonly person: PersonRow;
  readonly role: string;
  readonly organisations: readonly OrganisationSummary[];
}

export interface WorkGroupEvent {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly date: string;
  readonly durationHours: number;
  readonly communeCode: string | null;
  readonly communeName: string | null;
  readonly attendeeCount: number;
}

export interface WorkGroupDetails {
  readonly workGroup: Omit<CatalogWorkGroup, "axisIds">;
  readonly axes: readonly CoverageAxis[];
  readonly members: readonly WorkGroupMember[];
  readonly events: readonly WorkGroupEvent[];
}

export interface CommuneCoverage extends Omit<CoverageCell, "communeCode" | "axisId"> {
  readonly axis: CoverageAxis;
}

export interface CommuneDetails {
  readonly commune: CommuneSummary;
  readonly organisations: readonly OrganisationSummary[];
  readonly coverage: readonly CommuneCoverage[];
}

export interface ActorOrganisation extends OrganisationSummary, Dated {
  readonly role: string | null;
}

export interface ActorDetails {
  readonly person: PersonRow;
  readonly contact: ContactRow;
  readonly organisations: readonly ActorOrganisation[];
  readonly workGroups: readonly ({ readonly workGroup: CatalogWorkGroup; readonly role: string } & Dated)[];
  readonly eventsAttended: number;
}

/**
 * Who may see what in a details panel: everything (`withPersonalData`), or, for viewers who may not
 * see personal data, no names nor contact details, and professions and roles only where k people
 * share them (analytics/kAnonymity.ts, isReleasedAmongPeers).
 */
export type PanelViewer = { readonly withPersonalData: true } | { readonly withPersonalData: false; readonly kAnonymity: number };

/** A person whose profession would single them out: the category stands in for it. */
const generalised = (person: PersonRow): PersonRow => ({ ...person, profession: person.profession === null ? null : generalisedProfession(person.category) });

const territoryNotFound = (territoryId: string): AppError =>
  new AppError("NOT_FOUND", `No territory with id "${territoryId}"`, { argument: "territoryId" });

/**
 * The coordinator explorer's reads: the territory catalog, the two-mode network and the details
 * panels. Like AnalyticsService, it runs named queries that all start from the territory (scoping is
 * theirs) and leaves permission checks to the resolvers; whether names and contact details are
 * fetched at all is the caller's `withPersonalData`.
 */
export class ExplorerService {
  constructor(
    private readonly queries: QueryRunner,
    private readonly analytics: AnalyticsService,
  ) {}

  /** The single row of a named query, converted; NOT_FOUND when the territory does not exist. */
  private async row(name: QueryName, territoryId: string, parameters: Record<string, unknown>): Promise<Plain> {
    const [row] = await this.queries.read<Plain>(name, { territoryId, ...parameters });
    if (row === undefined) throw territoryNotFound(territoryId);
    const plain = toPlain(row);
    if (!isPlain(plain)) throw new Error(`${name}: expected a row`);
    return plain;
  }

  /**
   * The people of `ids` whose profession and roles may be shown to this viewer (every one of them
   * for viewers who may see personal data).
   */
  private async releasedPeople(territoryId: string, ids: readonly string[], window: Window, viewer: PanelViewer): Promise<(id: string) => boolean> {
    if (viewer.withPersonalData) return () => true;
    const unique = [...new Set(ids)];
    if (unique.length === 0) return () => false;
    const rows = await this.queries.read<Plain>("explorerProfessionPeers", { territoryId, ids: unique, ...windowParameters(window) });
    const released = new Set<string>();
    for (const row of rows) {
      const plain = toPlain(row);
      if (!isPlain(plain)) throw new Error("explorerProfessionPeers: expected a row");
      const peers = plain.peers;
      if (!Array.isArray(peers) || !peers.every((count): count is number => typeof count === "number")) throw new Error("explorerProfessionPeers: expected counts");
      if (isReleasedAmongPeers(peers, viewer.kAnonymity)) released.add(text(plain, "id"));
    }
    return (id) => released.has(id);
  }

  async catalog(territoryId: string): Promise<TerritoryCatalog> {
    const row = await this.row("explorerCatalog", territoryId, {});
    const communes = list(row, "communes", communeRow);
    return {
      territoryId,
      territoryName: text(row, "territoryName"),
      axes: list(row, "axes", axisRow),
      epcis: list(row, "epcis", epciRow),
      communes,
      workGroups: list(row, "workGroups", workGroupRow),
      hasContours: communes.some((commune) => commune.contour !== null),
    };
  }

  /**
   * Who sits in which work group during the window. The actors are the nodes of the actor network
   * through work groups for the same window and filter (so sectors, categories and places select
   * actors exactly as in collaborationNetwork); a work group is listed when one of them took part.
   */
  async participationNetwork(territoryId: string, window: Window, filter: NetworkFilter): Promise<ParticipationNetwork> {
    const [analysis, row] = await Promise.all([
      this.analytics.analyse({ territoryId, level: "ACTOR", window, filter: { ...filter, through: ["WORK_GROUP"], minWeight: 1 } }),
      this.row("explorerParticipations", territoryId, {
        ...windowParameters(window),
        axisIds: filter.axisIds,
        workGroupIds: filter.workGroupIds,
      }),
    ]);
    const workGroups: CatalogWorkGroup[] = [];
    const participations: ParticipationRow[] = [];
    const actorIds = new Set<string>();
    for (const group of list(row, "workGroups", (item) => item)) {
      const kept = list(group, "participations", (item) => ({ actorId: text(item, "actorId"), role: text(item, "role"), ...datedRow(item) })).filter(
        (participation) => analysis.node(participation.actorId) !== undefined,
      );
      if (kept.length === 0) continue;
      const workGroup = workGroupRow(group);
      workGroups.push(workGroup);
      for (const participation of kept) {
        participations.push({ ...participation, workGroupId: workGroup.id });
        actorIds.add(participation.actorId);
      }
    }
    return { analysis, actorIds: [...actorIds].sort(), workGroups, participations };
  }

  async organisation(territoryId: string, id: string, window: Window, viewer: PanelViewer): Promise<OrganisationDetails> {
    const { withPersonalData } = viewer;
    const row = await this.row("explorerOrganisation", territoryId, { id, ...windowParameters(window), withPersonalData });
    const organisation = optionalRecord(row, "organisation");
    if (organisation === null) throw new AppError("NOT_FOUND", `No structure or institution "${id}" in territory "${territoryId}"`, { argument: "id" });
    const commune = optionalRecord(row, "commune");
    const members = list(row, "members", (item) => ({
      person: personRow(item),
      role: optionalText(item, "role"),
      ...datedRow(item),
      ...(withPersonalData ? contactRow(item) : { email: null, phone: null }),
    }));
    const isReleased = await this.releasedPeople(territoryId, members.map((member) => member.person.id), window, viewer);
    return {
      organisation: organisationRow(organisation),
      commune: commune === null ? null : communeSummaryRow(commune),
      members: members.map((member) => (isReleased(member.person.id) ? member : { ...member, person: generalised(member.person), role: null })),
      workGroups: list(row, "workGroups", (item) => ({ workGroup: workGroupRow(record(item, "workGroup")), participants: num(item, "participants") })),
      axes: list(row, "axes", axisRow),
    };
  }

  async workGroup(territoryId: string, id: string, window: Window, viewer: PanelViewer): Promise<WorkGroupDetails> {
    const row = await this.row("explorerWorkGroup", territoryId, { id, ...windowParameters(window), withPersonalData: viewer.withPersonalData });
    const workGroup = optionalRecord(row, "workGroup");
    if (workGroup === null) throw new AppError("NOT_FOUND", `No work group "${id}" in territory "${territoryId}"`, { argument: "id" });
    const members = list(row, "members", (item) => ({
      person: personRow(item),
      role: text(item, "role"),
      ...datedRow(item),
      organisations: list(item, "organisations", organisationRow),
    }));
    const isReleased = await this.releasedPeople(territoryId, members.map((member) => member.person.id), window, viewer);
    return {
      workGroup: {
        id: text(workGroup, "id"),
        name: text(workGroup, "name"),
        kind: text(workGroup, "kind"),
        startedOn: text(workGroup, "startedOn"),
        endedOn: optionalText(workGroup, "endedOn"),
      },
      axes: list(row, "axes", axisRow),
      members: members.map((member) => (isReleased(member.person.id) ? member : { ...member, person: generalised(member.person) })),
      events: list(row, "events", (item) => ({
        id: text(item, "id"),
        title: text(item, "title"),
        kind: text(item, "kind"),
        date: text(item, "date"),
        durationHours: num(item, "durationHours"),
        communeCode: optionalText(item, "communeCode"),
        communeName: optionalText(item, "communeName"),
        attendeeCount: num(item, "attendeeCount"),
      })),
    };
  }

  /** A commune, what is located there, and its coverage by axis (AnalyticsService.coverage) for the window. */
  async commune(territoryId: string, code: string, window: Window): Promise<CommuneDetails> {
    const row = await this.row("explorerCommune", territoryId, { code });
    const commune = optionalRecord(row, "commune");
    if (commune === null) throw new AppError("NOT_FOUND", `No commune "${code}" in territory "${territoryId}"`, { argument: "code" });
    const coverage = await this.analytics.coverage(territoryId, window, null);
    const axes = new Map(coverage.axes.map((axis) => [axis.id, axis]));
    return {
      commune: communeSummaryRow(commune),
      organisations: list(row, "organisations", organisationRow),
      coverage: coverage.cells
        .filter((cell) => cell.communeCode === code)
        .map(({ communeCode: _code, axisId, ...cell }) => ({
          axis: axes.get(axisId) ?? { id: axisId, name: axisId, kind: "TRANSVERSAL" },
          ...cell,
        })),
    };
  }

  async actor(territoryId: string, id: string, window: Window, viewer: PanelViewer): Promise<ActorDetails> {
    const { withPersonalData } = viewer;
    const row = await this.row("explorerActor", territoryId, { id, ...windowParameters(window), withPersonalData });
    const actor = optionalRecord(row, "actor");
    if (actor === null) throw new AppError("NOT_FOUND", `No actor "${id}" in territory "${territoryId}"`, { argument: "id" });
    const person = personRow(actor);
    const isReleased = (await this.releasedPeople(territoryId, [person.id], window, viewer))(person.id);
    return {
      person: isReleased ? person : generalised(person),
      contact: withPersonalData ? contactRow(actor) : { email: null, phone: null },
      organisations: list(row, "organisations", (item) => ({ ...organisationRow(item), role: isReleased ? optionalText(item, "role") : null, ...datedRow(item) })),
      workGroups: list(row, "workGroups", (item) => ({ workGroup: workGroupRow(record(item, "workGroup")), role: text(item, "role"), ...datedRow(item) })),
      eventsAttended: num(row, "eventsAttended"),
    };
  }
}

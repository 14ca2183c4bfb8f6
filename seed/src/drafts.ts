/**
 * Generator-internal records: the rows of DemoData plus what the generator needs to shape a
 * realistic network (axes of interest, area, activity, dates as day numbers).
 */
import type { AxisKey, RoleKey } from "./catalog.js";
import type { ActorRow, MembershipRow, ParticipationRole, StructureRow, WorkGroupKind } from "./model.js";
import type { CommuneInfo } from "./territory.js";

export interface Place {
  readonly epciCode: string;
  readonly areaKey: string;
}

export interface OrganisationDraft {
  readonly id: string;
  readonly label: "Structure" | "Institution";
  readonly commune: CommuneInfo;
  readonly axes: ReadonlySet<AxisKey>;
  /** Works on every axis (institutions, town halls, the coordination association). */
  readonly isGeneralist: boolean;
  readonly isHub: boolean;
  isIsolated: boolean;
  readonly structure?: StructureRow;
  /** Positions its members hold. */
  readonly roles: readonly RoleKey[];
  /** Members to create (set when sizing). */
  size: number;
}

export interface ActorDraft {
  readonly row: ActorRow;
  readonly organisation: OrganisationDraft;
  /** Where the actor works; a mover keeps the first one for affinity. */
  readonly axes: ReadonlySet<AxisKey>;
  readonly isGeneralist: boolean;
  readonly isHub: boolean;
  readonly isIsolated: boolean;
  readonly place: Place;
  /** First and last day in the territory's network (null: still there). */
  readonly since: number;
  readonly until: number | null;
  /** How many work groups the actor wants to join (heavy-tailed). */
  readonly groupTarget: number;
  readonly memberships: MembershipRow[];
}

export interface WorkGroupDraft {
  readonly name: string;
  readonly kind: WorkGroupKind;
  readonly start: number;
  readonly end: number | null;
  readonly axes: readonly AxisKey[];
  /** Territory-wide (null), one EPCI, or one postal-code area. */
  readonly scope: { readonly epciCode: string | null; readonly areaKey: string | null };
  readonly homeCommune: CommuneInfo;
  /** Committees admit only generalists and hubs. */
  readonly isSelective: boolean;
}

export interface ParticipationDraft {
  readonly actor: ActorDraft;
  readonly groupIndex: number;
  role: ParticipationRole;
  readonly since: number;
  readonly until: number | null;
}

export const overlaps = (startA: number, endA: number | null, startB: number, endB: number | null): boolean =>
  startA <= (endB ?? Number.POSITIVE_INFINITY) && startB <= (endA ?? Number.POSITIVE_INFINITY);

export const isActiveOn = (day: number, start: number, end: number | null): boolean =>
  start <= day && (end === null || day <= end);

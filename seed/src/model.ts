/**
 * The demo data as plain values, one array per node label or relationship type.
 * Dates are ISO `YYYY-MM-DD` strings; the loader turns them into Neo4j dates.
 */
export type Sector = "CARE" | "PREVENTION" | "SOCIAL" | "MEDICO_SOCIAL" | "EDUCATION" | "JUSTICE" | "LOCAL_AUTHORITY";
export type AxisKind = "POPULATION" | "TRANSVERSAL";
export type ActorCategoryValue = "PROFESSIONAL" | "ELECTED" | "VOLUNTEER" | "INSTITUTIONAL";
export type WorkGroupKind = "NETWORK" | "WORK_GROUP" | "COMMITTEE";
export type ParticipationRole = "PILOT" | "CO_PILOT" | "MEMBER";
export type EventKind = "MEETING" | "TRAINING" | "PUBLIC_ACTION" | "CONFERENCE";

export interface TerritoryRow {
  readonly id: string;
  readonly name: string;
  readonly isDemo: true;
}

export interface EpciRow {
  readonly code: string;
  readonly name: string;
  readonly population: number;
}

export interface CommuneRow {
  readonly code: string;
  readonly name: string;
  readonly population: number;
  readonly departement: string;
  readonly epciCode: string;
}

export interface AxisRow {
  readonly id: string;
  readonly name: string;
  readonly kind: AxisKind;
}

export interface ContractRow {
  readonly id: string;
  readonly name: string;
  readonly generation: number;
  readonly signedOn: string;
  readonly endsOn: string | null;
  readonly axisIds: readonly string[];
  readonly signatoryIds: readonly string[];
}

export interface InstitutionRow {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly communeCode: string;
}

export interface StructureRow {
  readonly id: string;
  readonly name: string;
  readonly sector: Sector;
  readonly kind: string;
  readonly communeCode: string;
}

export interface ActorRow {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly phone: string;
  readonly category: ActorCategoryValue;
  readonly profession: string;
}

export interface MembershipRow {
  readonly actorId: string;
  readonly organisationId: string;
  readonly organisationLabel: "Structure" | "Institution";
  readonly role: string;
  readonly since: string;
  readonly until: string | null;
}

export interface WorkGroupRow {
  readonly id: string;
  readonly name: string;
  readonly kind: WorkGroupKind;
  readonly startedOn: string;
  readonly endedOn: string | null;
  readonly axisIds: readonly string[];
}

export interface ParticipationRow {
  readonly actorId: string;
  readonly workGroupId: string;
  readonly role: ParticipationRole;
  readonly since: string;
  readonly until: string | null;
}

export interface EventRow {
  readonly id: string;
  readonly title: string;
  readonly kind: EventKind;
  readonly date: string;
  readonly durationHours: number;
  readonly organiserId: string;
  readonly organiserLabel: "WorkGroup" | "Structure";
  readonly communeCode: string;
  readonly axisIds: readonly string[];
}

export interface AttendanceRow {
  readonly actorId: string;
  readonly eventId: string;
  readonly volunteerHours: number;
}

export interface PartnershipRow {
  readonly fromId: string;
  readonly toId: string;
  readonly kind: string;
  readonly since: string;
  readonly until: string | null;
}

export interface DemoData {
  readonly territory: TerritoryRow;
  readonly epcis: readonly EpciRow[];
  readonly communes: readonly CommuneRow[];
  readonly axes: readonly AxisRow[];
  readonly contracts: readonly ContractRow[];
  readonly institutions: readonly InstitutionRow[];
  readonly structures: readonly StructureRow[];
  readonly actors: readonly ActorRow[];
  readonly memberships: readonly MembershipRow[];
  readonly workGroups: readonly WorkGroupRow[];
  readonly participations: readonly ParticipationRow[];
  readonly events: readonly EventRow[];
  readonly attendances: readonly AttendanceRow[];
  readonly partnerships: readonly PartnershipRow[];
}

/**
 * What the import compares a file with: the territory's current records, as plain values (read by
 * cypher/queries/importSnapshot.cypher). Dates are ISO strings (YYYY-MM-DD).
 */
export interface SnapshotCommune { code: string; name: string }
export interface SnapshotAxis { id: string; name: string }
export interface SnapshotOrganisation {
  id: string;
  name: string;
  isInstitution: boolean;
  communeCode: string | null;
  sector: string | null;
  kind: string | null;
}
export interface SnapshotActor {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  category: string | null;
  profession: string | null;
}
/** An e-mail of a person merged into `actorId` (duplicates/formerEmails.ts): a sheet naming it means them. */
export interface SnapshotFormerEmail { actorId: string; email: string }
export interface SnapshotMembership { actorId: string; organisationId: string; role: string | null; since: string | null; until: string | null }
export interface SnapshotWorkGroup { id: string; name: string; kind: string; startedOn: string; endedOn: string | null; axisIds: string[] }
export interface SnapshotParticipation { actorId: string; workGroupId: string; role: string; since: string | null; until: string | null }
export interface SnapshotEvent {
  id: string;
  title: string;
  kind: string;
  date: string;
  durationHours: number | null;
  communeCode: string;
  organiserId: string | null;
  axisIds: string[];
}
export interface SnapshotAttendance { actorId: string; eventId: string; volunteerHours: number }

export interface TerritorySnapshot {
  territoryId: string;
  communes: SnapshotCommune[];
  axes: SnapshotAxis[];
  organisations: SnapshotOrganisation[];
  actors: SnapshotActor[];
  formerEmails: SnapshotFormerEmail[];
  memberships: SnapshotMembership[];
  workGroups: SnapshotWorkGroup[];
  participations: SnapshotParticipation[];
  events: SnapshotEvent[];
  attendances: SnapshotAttendance[];
  /** Ids people and structures had before the migration of imported ids (idMigration.ts): still accepted in an id column. */
  idAliases?: { formerId: string; id: string }[];
}

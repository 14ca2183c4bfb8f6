/**
 * What an applied import writes in the audit trail (issue 22), pure: one IMPORT entry (file name,
 * kind, rows, records created and updated) and one entry per record the import created or changed,
 * its `before` from the territory as the import's transaction read it. Every entry names the
 * import's id among its related ids, so `auditTrail(entityId: <import id>)` lists what it did.
 */
import { diffRecords, isEmpty, type AuditRecord, type Changes } from "../audit/changes.js";
import type { ChangeToRecord, EntityKind } from "../audit/trail.js";
import type { ImportKind } from "./fields.js";
import { ENTITIES, type ImportPlan } from "./plan.js";
import type { TerritorySnapshot } from "./snapshot.js";

export type RecordChange = Omit<ChangeToRecord, "territoryId">;

interface Described {
  readonly entityKind: EntityKind;
  readonly entityId: string;
  readonly entityName: string | null;
  readonly relatedIds: readonly string[];
  readonly before: AuditRecord | null;
  readonly after: AuditRecord;
}

const orNull = <T>(value: T | undefined): T | null => value ?? null;

/** The entries of the records the plan writes (created or changed; unchanged ones write nothing). */
export function recordChanges(importId: string, plan: ImportPlan, snapshot: TerritorySnapshot): RecordChange[] {
  const organisations = new Map(snapshot.organisations.map((o) => [o.id, o]));
  const orgName = (id: string) => plan.writes.structures.find((s) => s.id === id)?.name ?? organisations.get(id)?.name ?? null;
  const actors = new Map(snapshot.actors.map((a) => [a.id, a]));
  const memberships = new Map(snapshot.memberships.map((m) => [`${m.actorId}>${m.organisationId}`, m]));
  const workGroups = new Map(snapshot.workGroups.map((w) => [w.id, w]));
  const groupName = (id: string) => plan.writes.workGroups.find((w) => w.id === id)?.name ?? workGroups.get(id)?.name ?? null;
  const participations = new Map(snapshot.participations.map((p) => [`${p.actorId}>${p.workGroupId}`, p]));
  const events = new Map(snapshot.events.map((e) => [e.id, e]));
  const eventTitle = (id: string) => plan.writes.events.find((e) => e.id === id)?.title ?? events.get(id)?.title ?? null;
  const attendances = new Map(snapshot.attendances.map((a) => [`${a.actorId}>${a.eventId}`, a]));

  const structure = (s: { name: string; sector: string | null; kind: string | null; communeCode: string | null }): AuditRecord => ({ name: s.name, sector: s.sector, kind: s.kind, communeCode: s.communeCode });
  const actor = (a: { firstName: string; lastName: string; email: string | null; phone: string | null; category: string | null; profession: string | null }): AuditRecord => ({
    firstName: a.firstName, lastName: a.lastName, email: a.email, phone: a.phone, category: a.category, profession: a.profession,
  });
  const link = (l: { role: string | null; since: string | null; until: string | null }): AuditRecord => ({ role: l.role, since: l.since, until: l.until });
  const group = (w: { name: string; kind: string; startedOn: string; endedOn: string | null; axisIds: string[] }): AuditRecord => ({
    name: w.name, kind: w.kind, startedOn: w.startedOn, endedOn: w.endedOn, axisIds: [...w.axisIds].sort(),
  });
  const event = (e: { title: string; kind: string; date: string; durationHours: number | null; communeCode: string; organiserId: string | null; axisIds: string[] }): AuditRecord => ({
    title: e.title, kind: e.kind, date: e.date, durationHours: e.durationHours, communeCode: e.communeCode, organiserId: e.organiserId, axisIds: [...e.axisIds].sort(),
  });

  const described: Described[] = [
    ...plan.writes.structures.map((s): Described => {
      const was = organisations.get(s.id);
      return { entityKind: "STRUCTURE", entityId: s.id, entityName: s.name, relatedIds: [], before: was === undefined ? null : structure(was), after: structure(s) };
    }),
    ...plan.writes.actors.map((a): Described => {
      const was = actors.get(a.id);
      return { entityKind: "ACTOR", entityId: a.id, entityName: null, relatedIds: [], before: was === undefined ? null : actor(was), after: actor(a) };
    }),
    ...plan.writes.memberships.map((m): Described => {
      const id = `${m.actorId}>${m.organisationId}`;
      const was = memberships.get(id);
      return { entityKind: "MEMBERSHIP", entityId: id, entityName: orgName(m.organisationId), relatedIds: [m.actorId, m.organisationId], before: was === undefined ? null : link(was), after: link(m) };
    }),
    ...plan.writes.workGroups.map((w): Described => {
      const was = workGroups.get(w.id);
      return { entityKind: "WORK_GROUP", entityId: w.id, entityName: w.name, relatedIds: [], before: was === undefined ? null : group(was), after: group(w) };
    }),
    ...plan.writes.participations.map((p): Described => {
      const id = `${p.actorId}>${p.workGroupId}`;
      const was = participations.get(id);
      return { entityKind: "PARTICIPATION", entityId: id, entityName: groupName(p.workGroupId), relatedIds: [p.actorId, p.workGroupId], before: was === undefined ? null : link(was), after: link(p) };
    }),
    ...plan.writes.events.map((e): Described => {
      const was = events.get(e.id);
      return { entityKind: "EVENT", entityId: e.id, entityName: e.title, relatedIds: e.organiserId === null ? [] : [e.organiserId], before: was === undefined ? null : event(was), after: event(e) };
    }),
    ...plan.writes.attendances.map((a): Described => {
      const id = `${a.actorId}>${a.eventId}`;
      const was = attendances.get(id);
      return {
        entityKind: "ATTENDANCE", entityId: id, entityName: eventTitle(a.eventId), relatedIds: [a.actorId, a.eventId],
        before: was === undefined ? null : { volunteerHours: was.volunteerHours }, after: { volunteerHours: a.volunteerHours },
      };
    }),
  ];
  return described.flatMap((record) => {
    const changes = diffRecords(record.before, record.after);
    if (record.before !== null && isEmpty(changes)) return [];
    return [{
      operation: record.before === null ? "CREATE" : "UPDATE",
      entityKind: record.entityKind,
      entityId: record.entityId,
      entityName: record.entityName,
      relatedIds: [...record.relatedIds, importId],
      changes,
    } satisfies RecordChange];
  });
}

/** The import's own entry: what file, what kind, how many rows, how many records created and changed. */
export function importSummary(importId: string, file: { name: string; kind: ImportKind }, plan: ImportPlan): RecordChange {
  const total = (status: "created" | "updated") => ENTITIES.reduce((sum, entity) => sum + plan.counts[entity][status], 0);
  const after: AuditRecord = {
    fileName: file.name,
    importKind: file.kind,
    rowCount: plan.rowCount,
    created: total("created"),
    updated: total("updated"),
    ...Object.fromEntries(ENTITIES.flatMap((entity) => {
      const { created, updated } = plan.counts[entity];
      return created + updated === 0 ? [] : [[`${entity}Created`, created], [`${entity}Updated`, updated]];
    })),
  };
  const changes: Changes = diffRecords(null, after);
  return { operation: "CREATE", entityKind: "IMPORT", entityId: importId, entityName: orNull(file.name === "" ? undefined : file.name), relatedIds: [], changes };
}

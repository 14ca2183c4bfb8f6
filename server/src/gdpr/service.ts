/**
 * GDPR tools for people (actors): erase one completely, export everything held on one, list those
 * inactive for N years. Administrators, and coordinators of a territory the person is visible on
 * (the Actor access rule of people.graphql), only: analysts and everyone else get FORBIDDEN.
 */
import { isPlain, optionalText, records, text, type Plain } from "../analytics/values.js";
import type { Viewer } from "../auth/viewer.js";
import { eraseActorFromAudit } from "../audit/trail.js";
import { AppError } from "../errors.js";
import type { QueryRunner, QueryTransaction } from "../neo4j/queries.js";
import { toPlain } from "../neo4j/values.js";
import { scrubSavedView } from "./scrub.js";

export const PERSON_EXPORT_FORMAT = "maillage-person-export";

export interface PersonErasure {
  readonly actorId: string;
  readonly relationshipsDeleted: number;
  readonly savedViewsChanged: number;
  readonly erasedAt: string;
}

export interface PersonMembership {
  readonly organisationId: string;
  readonly organisationKind: string;
  readonly organisationName: string | null;
  readonly role: string | null;
  readonly since: string | null;
  readonly until: string | null;
}

export interface PersonParticipation {
  readonly workGroupId: string;
  readonly workGroupName: string | null;
  readonly role: string | null;
  readonly since: string | null;
  readonly until: string | null;
}

export interface PersonAttendance {
  readonly eventId: string;
  readonly eventTitle: string | null;
  readonly date: string | null;
  readonly volunteerHours: number | null;
}

export interface PersonDataExport {
  readonly actorId: string;
  readonly exportedAt: string;
  readonly territoryIds: readonly string[];
  /** E-mails of people merged into this one (duplicates/formerEmails.ts); also in the document's `actor`. */
  readonly formerEmails: readonly string[];
  readonly memberships: readonly PersonMembership[];
  readonly participations: readonly PersonParticipation[];
  readonly attendances: readonly PersonAttendance[];
  /** The whole export as JSON text: every stored property, every relationship. */
  readonly document: string;
}

export interface InactivePerson {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly category: string;
  readonly profession: string | null;
  readonly lastActivity: string | null;
}

export interface InactivePeopleReport {
  readonly territoryId: string;
  readonly years: number;
  readonly asOf: string;
  readonly since: string;
  readonly people: readonly InactivePerson[];
}

interface Person {
  readonly id: string;
  readonly fullName: string;
  readonly territoryIds: readonly string[];
}

type Reader = Pick<QueryTransaction, "run">;

const notFound = (actorId: string): AppError => new AppError("NOT_FOUND", `No actor with id "${actorId}"`, { argument: "actorId" });

/** UNAUTHENTICATED without a viewer; FORBIDDEN for analysts (before anything is read) and other roles. */
function assertMayUseGdprTools(viewer: Viewer | null): Viewer {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "A valid bearer token is required.");
  if (viewer.role !== "ADMIN" && viewer.role !== "COORDINATOR") {
    throw new AppError("FORBIDDEN", "Only administrators and coordinators may use the GDPR tools.");
  }
  return viewer;
}

const coversAny = (viewer: Viewer, territoryIds: readonly string[]): boolean =>
  viewer.role === "ADMIN" || (viewer.territories === "ALL" ? territoryIds.length > 0 : territoryIds.some((id) => viewer.territories.includes(id)));

/** NOT_FOUND when there is no such actor, FORBIDDEN when the viewer coordinates none of its territories. */
async function personFor(tx: Reader, viewer: Viewer | null, actorId: string): Promise<Person> {
  const known = assertMayUseGdprTools(viewer);
  const [row] = await tx.run<Plain>("gdprPersonTerritories", { actorId });
  if (row === undefined) throw notFound(actorId);
  const plain = toPlain(row);
  if (!isPlain(plain)) throw new Error("gdprPersonTerritories: unexpected row");
  const territoryIds = (plain.territoryIds as unknown[]).filter((id): id is string => typeof id === "string").sort();
  if (!coversAny(known, territoryIds)) {
    throw new AppError("FORBIDDEN", `Not allowed to manage actor "${actorId}": it is on no territory the viewer coordinates.`, { argument: "actorId" });
  }
  const fullName = [optionalText(plain, "firstName"), optionalText(plain, "lastName")].filter((part) => part !== null && part !== "").join(" ");
  return { id: actorId, fullName, territoryIds };
}

const optionalNumber = (row: Plain, key: string): number | null => (typeof row[key] === "number" ? (row[key] as number) : null);

/** `years` before `asOf` (YYYY-MM-DD), on the same day of the month (29 February → 28 February). */
export function yearsBefore(asOf: string, years: number): string {
  const [year, month, day] = asOf.split("-").map(Number) as [number, number, number];
  const target = year - years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${String(target).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(day, lastDay)).padStart(2, "0")}`;
}

export class GdprService {
  constructor(
    private readonly queries: QueryRunner,
    /** Drops derived data after an erasure (the analytics cache: AnalyticsService.invalidate). */
    private readonly onErased: () => void = () => undefined,
  ) {}

  /**
   * Erases the actor, its relationships, and its traces in saved views (ids in their state, name in
   * their subtitle, pictures of people views of its territories), in one write transaction.
   */
  async erase(viewer: Viewer | null, actorId: string, now: Date = new Date()): Promise<PersonErasure> {
    const result = await this.queries.writeTransaction(async (tx) => {
      const person = await personFor(tx, viewer, actorId);
      tx.changed(person.territoryIds);
      const views = records(toPlain(await tx.run<Plain>("gdprSavedViewsToScrub", { actorId, fullName: person.fullName, territoryIds: person.territoryIds })), "gdprSavedViewsToScrub");
      let savedViewsChanged = 0;
      for (const view of views) {
        const scrubbed = scrubSavedView(
          { view: text(view, "view"), territoryId: text(view, "territoryId"), state: optionalText(view, "state") ?? "", subtitle: optionalText(view, "subtitle") ?? "", hasPicture: view.hasPicture === true },
          person,
        );
        if (!scrubbed.isChanged) continue;
        await tx.run("gdprSavedViewScrub", { id: text(view, "id"), state: scrubbed.state, subtitle: scrubbed.subtitle, dropPicture: scrubbed.dropPicture });
        savedViewsChanged += 1;
      }
      // Who changed what stays in the audit trail; the person's names and contacts go, in this transaction.
      await eraseActorFromAudit(tx, actorId, now);
      const [erased] = await tx.run<{ relationships: unknown }>("gdprEraseActor", { actorId });
      if (erased === undefined) throw notFound(actorId);
      return { actorId, relationshipsDeleted: Number(toPlain(erased.relationships)), savedViewsChanged, erasedAt: now.toISOString() };
    });
    this.onErased();
    return result;
  }

  /** Everything held on the person, read in one transaction (right of access). */
  async exportPerson(viewer: Viewer | null, actorId: string, now: Date = new Date()): Promise<PersonDataExport> {
    return this.queries.readTransaction(async (tx) => {
      const person = await personFor(tx, viewer, actorId);
      const [row] = await tx.run<Plain>("gdprPersonData", { actorId });
      if (row === undefined) throw notFound(actorId);
      const data = toPlain(row);
      if (!isPlain(data) || !isPlain(data.properties)) throw new Error("gdprPersonData: unexpected row");
      const props = (item: Plain): Plain => (isPlain(item.properties) ? item.properties : {});
      const memberships = records(data.memberships, "memberships").map((item) => ({
        organisationId: text(item, "id"),
        organisationKind: text(item, "kind"),
        organisationName: optionalText(item, "name"),
        role: optionalText(props(item), "role"),
        since: optionalText(props(item), "since"),
        until: optionalText(props(item), "until"),
      }));
      const participations = records(data.participations, "participations").map((item) => ({
        workGroupId: text(item, "id"),
        workGroupName: optionalText(item, "name"),
        role: optionalText(props(item), "role"),
        since: optionalText(props(item), "since"),
        until: optionalText(props(item), "until"),
      }));
      const attendances = records(data.attendances, "attendances").map((item) => ({
        eventId: text(item, "id"),
        eventTitle: optionalText(item, "title"),
        date: optionalText(item, "date"),
        volunteerHours: optionalNumber(props(item), "volunteerHours"),
      }));
      const formerEmails = Array.isArray(data.properties.formerEmails) ? data.properties.formerEmails.filter((email): email is string => typeof email === "string") : [];
      const exportedAt = now.toISOString();
      const document = {
        format: PERSON_EXPORT_FORMAT,
        formatVersion: 1,
        exportedAt,
        actor: data.properties,
        territoryIds: person.territoryIds,
        memberships: records(data.memberships, "memberships").map((item) => ({ organisation: { kind: item.kind, id: item.id, name: item.name }, ...props(item) })),
        participations: records(data.participations, "participations").map((item) => ({ workGroup: { id: item.id, name: item.name, kind: item.kind }, ...props(item) })),
        attendances: records(data.attendances, "attendances").map((item) => ({ event: { id: item.id, title: item.title, kind: item.kind, date: item.date }, ...props(item) })),
        otherRelationships: data.otherRelationships,
        savedViewsNamingThePerson: data.savedViews,
      };
      return { actorId, exportedAt, territoryIds: person.territoryIds, formerEmails, memberships, participations, attendances, document: JSON.stringify(document, null, 2) };
    });
  }

  /** People of the territory with no attendance, participation or membership in force for `years` years before `asOf`. */
  async inactivePeople(viewer: Viewer | null, territoryId: string, years: number, asOf: string): Promise<InactivePeopleReport> {
    const known = assertMayUseGdprTools(viewer);
    if (!coversAny(known, [territoryId])) throw new AppError("FORBIDDEN", `Not allowed to manage the people of territory "${territoryId}".`, { territoryId });
    const since = yearsBefore(asOf, years);
    const { exists, rows } = await this.queries.readTransaction(async (tx) => ({
      exists: (await tx.run("territoryExists", { territoryId })).length > 0,
      rows: await tx.run<Plain>("gdprInactivePeople", { territoryId, since, asOf }),
    }));
    if (!exists) throw new AppError("NOT_FOUND", `No territory with id "${territoryId}"`, { argument: "territoryId" });
    const people = records(rows.map(toPlain), "gdprInactivePeople").map((row) => ({
      id: text(row, "id"),
      firstName: text(row, "firstName"),
      lastName: text(row, "lastName"),
      category: text(row, "category"),
      profession: optionalText(row, "profession"),
      lastActivity: optionalText(row, "lastActivity"),
    }));
    return { territoryId, years, asOf, since, people };
  }
}

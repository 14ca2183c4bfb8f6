import { requestGraphQL, type RequestOptions } from "./graphql";
import { ACTOR_CATEGORIES, type ActorCategory } from "./network";
import { array, integer, oneOf, optionalString, record, string } from "./parse";

/** The GDPR tools of the API (server: gdpr.graphql), for administrators and coordinators. */

/** The bounds of `inactivePeople(years:)` on the server. */
export const INACTIVE_YEARS = { min: 1, max: 100 } as const;

export interface InactivePerson {
  id: string;
  firstName: string;
  lastName: string;
  category: ActorCategory;
  profession: string | null;
  /** Last day of activity (YYYY-MM-DD), null when none was ever recorded. */
  lastActivity: string | null;
}

export interface InactivePeopleReport {
  territoryId: string;
  years: number;
  asOf: string;
  /** No activity on or after this day. */
  since: string;
  people: InactivePerson[];
}

export interface PersonDocument {
  actorId: string;
  exportedAt: string;
  /** The whole export as JSON text, handed to the person as it is. */
  document: string;
}

export interface PersonErasure {
  actorId: string;
  relationshipsDeleted: number;
  savedViewsChanged: number;
  erasedAt: string;
}

export const INACTIVE_PEOPLE = /* GraphQL */ `
  query InactivePeople($territoryId: ID!, $years: Int!) {
    inactivePeople(territoryId: $territoryId, years: $years) {
      territoryId years asOf since
      people { id firstName lastName category profession lastActivity }
    }
  }
`;

export const PERSON_DATA = /* GraphQL */ `
  query PersonData($actorId: ID!) {
    personData(actorId: $actorId) { actorId exportedAt document }
  }
`;

export const ERASE_PERSON = /* GraphQL */ `
  mutation ErasePerson($actorId: ID!) {
    erasePerson(actorId: $actorId) { actorId relationshipsDeleted savedViewsChanged erasedAt }
  }
`;

export function parseInactivePeople(value: unknown): InactivePeopleReport {
  const r = record(value, "inactivePeople");
  return {
    territoryId: string(r.territoryId, "inactivePeople.territoryId"),
    years: integer(r.years, "inactivePeople.years"),
    asOf: string(r.asOf, "inactivePeople.asOf"),
    since: string(r.since, "inactivePeople.since"),
    people: array(r.people, "inactivePeople.people").map((item, i) => {
      const path = `inactivePeople.people[${i}]`;
      const p = record(item, path);
      return {
        id: string(p.id, `${path}.id`),
        firstName: string(p.firstName, `${path}.firstName`),
        lastName: string(p.lastName, `${path}.lastName`),
        category: oneOf(p.category, ACTOR_CATEGORIES, `${path}.category`),
        profession: optionalString(p.profession, `${path}.profession`),
        lastActivity: optionalString(p.lastActivity, `${path}.lastActivity`),
      };
    }),
  };
}

/** People of the territory with no activity for `years` years (up to today on the server). */
export async function fetchInactivePeople(territoryId: string, years: number, options?: RequestOptions): Promise<InactivePeopleReport> {
  const data = record(await requestGraphQL(INACTIVE_PEOPLE, { territoryId, years }, options), "data");
  return parseInactivePeople(data.inactivePeople);
}

/** Everything held on one person (right of access). */
export async function fetchPersonDocument(actorId: string, options?: RequestOptions): Promise<PersonDocument> {
  const data = record(await requestGraphQL(PERSON_DATA, { actorId }, options), "data");
  const d = record(data.personData, "personData");
  return {
    actorId: string(d.actorId, "personData.actorId"),
    exportedAt: string(d.exportedAt, "personData.exportedAt"),
    document: string(d.document, "personData.document"),
  };
}

/** Erases the person completely, in one transaction on the server (right to erasure). */
export async function erasePerson(actorId: string, options?: RequestOptions): Promise<PersonErasure> {
  const data = record(await requestGraphQL(ERASE_PERSON, { actorId }, options), "data");
  const e = record(data.erasePerson, "erasePerson");
  return {
    actorId: string(e.actorId, "erasePerson.actorId"),
    relationshipsDeleted: integer(e.relationshipsDeleted, "erasePerson.relationshipsDeleted"),
    savedViewsChanged: integer(e.savedViewsChanged, "erasePerson.savedViewsChanged"),
    erasedAt: string(e.erasedAt, "erasePerson.erasedAt"),
  };
}

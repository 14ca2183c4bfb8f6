import { parseAxis, type AxisSummary } from "./explorer";
import { requestGraphQL, type RequestOptions } from "./graphql";
import { windowInput, type TimeWindow } from "./network";
import { array, integer, optionalString, record, string, type Json } from "./parse";

/** What the details panel shows about a structure, a work group, a commune or an actor. */

export interface PersonLine {
  id: string;
  label: string;
  /** Role in the structure, or in the work group. */
  role: string | null;
  detail: string | null;
  email: string | null;
  phone: string | null;
}

export interface NamedLine {
  id: string;
  name: string;
  detail: string | null;
}

export interface Details {
  kind: "ORGANISATION" | "WORK_GROUP" | "COMMUNE" | "ACTOR";
  title: string;
  subtitle: string | null;
  facts: { label: string; value: string }[];
  axes: AxisSummary[];
  people: PersonLine[];
  workGroups: NamedLine[];
  organisations: NamedLine[];
  events: NamedLine[];
  /** Per axis: who works there (level 1), structures that only attended its events (level 2), events held there. */
  coverage: { axis: AxisSummary; workingStructures: number; workingActors: number; attendingStructures: number; events: number; isCovered: boolean }[];
}

const contact = (withContacts: boolean) => (withContacts ? "email phone" : "");

const ORGANISATION = (withContacts: boolean) => /* GraphQL */ `
  query GetOrganisationDetails($territoryId: ID!, $id: ID!, $window: WindowInput) {
    organisationDetails(territoryId: $territoryId, id: $id, window: $window) {
      name type memberCount
      commune { code name epciName }
      axes { id name kind }
      members { actor { id label profession } role ${contact(withContacts)} }
      workGroups { workGroup { id name } participants }
    }
  }
`;

const WORK_GROUP = /* GraphQL */ `
  query GetWorkGroupDetails($territoryId: ID!, $id: ID!, $window: WindowInput) {
    workGroupDetails(territoryId: $territoryId, id: $id, window: $window) {
      name kind startedOn endedOn
      axes { id name kind }
      members { actor { id label profession } role organisations { id name } }
      events { id title date communeName attendeeCount }
    }
  }
`;

const COMMUNE = /* GraphQL */ `
  query GetCommuneDetails($territoryId: ID!, $code: ID!, $window: WindowInput) {
    communeDetails(territoryId: $territoryId, code: $code, window: $window) {
      commune { code name population epciName }
      structures { id name type }
      coverage { axis { id name kind } workingStructures workingActors attendingStructures events isCovered }
    }
  }
`;

const ACTOR = (withContacts: boolean) => /* GraphQL */ `
  query GetActorDetails($territoryId: ID!, $id: ID!, $window: WindowInput) {
    actorDetails(territoryId: $territoryId, id: $id, window: $window) {
      label category profession eventsAttended ${contact(withContacts)}
      organisations { id name role }
      workGroups { workGroup { id name } role }
    }
  }
`;

/** The query of a details panel, as fetchDetails sends it (server/src/graphql/pageOperations.ts warms them up). */
export function detailsQuery(kind: Details["kind"], withContacts: boolean): string {
  switch (kind) {
    case "ORGANISATION":
      return ORGANISATION(withContacts);
    case "WORK_GROUP":
      return WORK_GROUP;
    case "COMMUNE":
      return COMMUNE;
    case "ACTOR":
      return ACTOR(withContacts);
  }
}

const list = (value: unknown, path: string): Json[] => array(value ?? [], path).map((v, i) => record(v, `${path}[${i}]`));
const axesOf = (value: unknown): AxisSummary[] => array(value ?? [], "axes").map((a, i) => parseAxis(a, `axes[${i}]`));

const empty = { facts: [], axes: [], people: [], workGroups: [], organisations: [], events: [], coverage: [] };

export interface DetailsLabels {
  type: string;
  commune: string;
  epci: string;
  members: string;
  period: string;
  population: string;
  eventsAttended: string;
  email: string;
  phone: string;
  participants: (n: number) => string;
  attendees: (n: number) => string;
  roles: Readonly<Record<string, string>>;
  categories: Readonly<Record<string, string>>;
  /** An organisation's type as shown (institutions' codes named in French). */
  organisationType: (type: string) => string;
  formatDate: (iso: string) => string;
}

function organisationType(value: unknown, path: string, labels: DetailsLabels): string | null {
  const type = optionalString(value, path);
  return type === null ? null : labels.organisationType(type);
}

export async function fetchDetails(
  target: { kind: "ORGANISATION" | "WORK_GROUP" | "ACTOR"; id: string } | { kind: "COMMUNE"; code: string },
  territoryId: string,
  window: TimeWindow,
  withContacts: boolean,
  labels: DetailsLabels,
  options?: RequestOptions,
): Promise<Details> {
  const base = { territoryId, window: windowInput(window) };
  switch (target.kind) {
    case "ORGANISATION": {
      const data = await requestGraphQL(detailsQuery("ORGANISATION", withContacts), { ...base, id: target.id }, options);
      const o = record(record(data, "data").organisationDetails, "organisationDetails");
      const commune = o.commune ? record(o.commune, "commune") : null;
      return {
        ...empty,
        kind: "ORGANISATION",
        title: string(o.name, "name"),
        subtitle: organisationType(o.type, "type", labels),
        facts: [
          ...(commune ? [{ label: labels.commune, value: `${string(commune.name, "commune.name")} (${string(commune.code, "commune.code")})` }] : []),
          ...(commune?.epciName ? [{ label: labels.epci, value: string(commune.epciName, "commune.epciName") }] : []),
          { label: labels.members, value: String(integer(o.memberCount, "memberCount")) },
        ],
        axes: axesOf(o.axes),
        people: list(o.members, "members").map((m) => {
          const actor = record(m.actor, "members.actor");
          return {
            id: string(actor.id, "actor.id"),
            label: string(actor.label, "actor.label"),
            role: optionalString(m.role, "role"),
            detail: optionalString(actor.profession, "actor.profession"),
            email: optionalString(m.email, "email"),
            phone: optionalString(m.phone, "phone"),
          };
        }),
        workGroups: list(o.workGroups, "workGroups").map((w) => {
          const group = record(w.workGroup, "workGroup");
          return { id: string(group.id, "workGroup.id"), name: string(group.name, "workGroup.name"), detail: labels.participants(integer(w.participants, "participants")) };
        }),
      };
    }
    case "WORK_GROUP": {
      const data = await requestGraphQL(detailsQuery("WORK_GROUP", withContacts), { ...base, id: target.id }, options);
      const w = record(record(data, "data").workGroupDetails, "workGroupDetails");
      const endedOn = optionalString(w.endedOn, "endedOn");
      return {
        ...empty,
        kind: "WORK_GROUP",
        title: string(w.name, "name"),
        subtitle: null,
        facts: [{ label: labels.period, value: `${labels.formatDate(string(w.startedOn, "startedOn"))}${endedOn ? ` – ${labels.formatDate(endedOn)}` : ""}` }],
        axes: axesOf(w.axes),
        people: list(w.members, "members").map((m) => {
          const actor = record(m.actor, "members.actor");
          const organisations = list(m.organisations, "organisations").map((o) => string(o.name, "organisation.name"));
          return {
            id: string(actor.id, "actor.id"),
            label: string(actor.label, "actor.label"),
            role: labels.roles[string(m.role, "role")] ?? null,
            detail: organisations.join(", ") || null,
            email: null,
            phone: null,
          };
        }),
        events: list(w.events, "events").map((e) => ({
          id: string(e.id, "event.id"),
          name: string(e.title, "event.title"),
          detail: [labels.formatDate(string(e.date, "event.date")), optionalString(e.communeName, "event.communeName"), labels.attendees(integer(e.attendeeCount, "event.attendeeCount"))]
            .filter(Boolean)
            .join(" · "),
        })),
      };
    }
    case "COMMUNE": {
      const data = await requestGraphQL(detailsQuery("COMMUNE", withContacts), { ...base, code: target.code }, options);
      const c = record(record(data, "data").communeDetails, "communeDetails");
      const commune = record(c.commune, "commune");
      return {
        ...empty,
        kind: "COMMUNE",
        title: string(commune.name, "commune.name"),
        subtitle: string(commune.code, "commune.code"),
        facts: [
          { label: labels.population, value: new Intl.NumberFormat("fr-FR").format(integer(commune.population, "commune.population")) },
          ...(commune.epciName ? [{ label: labels.epci, value: string(commune.epciName, "commune.epciName") }] : []),
        ],
        organisations: list(c.structures, "structures").map((s) => ({ id: string(s.id, "structure.id"), name: string(s.name, "structure.name"), detail: organisationType(s.type, "structure.type", labels) })),
        coverage: list(c.coverage, "coverage").map((row) => ({
          axis: parseAxis(row.axis, "coverage.axis"),
          workingStructures: integer(row.workingStructures, "coverage.workingStructures"),
          workingActors: integer(row.workingActors, "coverage.workingActors"),
          attendingStructures: integer(row.attendingStructures, "coverage.attendingStructures"),
          events: integer(row.events, "coverage.events"),
          isCovered: row.isCovered === true,
        })),
      };
    }
    case "ACTOR": {
      const data = await requestGraphQL(detailsQuery("ACTOR", withContacts), { ...base, id: target.id }, options);
      const a = record(record(data, "data").actorDetails, "actorDetails");
      const email = optionalString(a.email, "email");
      const phone = optionalString(a.phone, "phone");
      return {
        ...empty,
        kind: "ACTOR",
        title: string(a.label, "label"),
        subtitle: optionalString(a.profession, "profession"),
        facts: [
          { label: labels.type, value: labels.categories[string(a.category, "category")] ?? string(a.category, "category") },
          { label: labels.eventsAttended, value: String(integer(a.eventsAttended, "eventsAttended")) },
          ...(email ? [{ label: labels.email, value: email }] : []),
          ...(phone ? [{ label: labels.phone, value: phone }] : []),
        ],
        organisations: list(a.organisations, "organisations").map((o) => ({ id: string(o.id, "organisation.id"), name: string(o.name, "organisation.name"), detail: optionalString(o.role, "organisation.role") })),
        workGroups: list(a.workGroups, "workGroups").map((w) => {
          const group = record(w.workGroup, "workGroup");
          return { id: string(group.id, "workGroup.id"), name: string(group.name, "workGroup.name"), detail: labels.roles[string(w.role, "role")] ?? null };
        }),
      };
    }
  }
}

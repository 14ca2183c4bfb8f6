import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { graphqlAs, type TestViewer } from "../../../test/graphql.js";
import { AnalyticsService } from "../analytics/service.js";
import { windowParameters } from "../analytics/window.js";
import { ExplorerService } from "../explorer/service.js";
import { createQueryRunner, loadQueries } from "../neo4j/queries.js";
import { toPlain } from "../neo4j/values.js";

const PC = "pays-cevennes";
const GCC = "gorges-causses-cevennes";
const COORDINATOR: TestViewer = { role: "COORDINATOR", territories: [PC] };
const ANALYST: TestViewer = { role: "ANALYST", territories: [PC, GCC] };
const GCC_ANALYST: TestViewer = { role: "ANALYST", territories: [GCC] };
const YEAR_2023 = { from: "2023-01-01", to: "2023-12-31" };
const PSEUDONYM = /^Acteur [0-9A-Z]{8}$/;

let driver: Driver;

/** One row of a direct Cypher query, as plain values. */
async function cypherRow(query: string, parameters: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const result = await driver.executeQuery(query, parameters, { routing: "READ" });
  const record = result.records[0];
  if (record === undefined) throw new Error(`No row for ${query}`);
  return toPlain(record.toObject()) as Record<string, unknown>;
}

/** Every row of a direct Cypher query, as plain values. */
async function cypherRows(query: string, parameters: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const result = await driver.executeQuery(query, parameters, { routing: "READ" });
  return result.records.map((record) => toPlain(record.toObject()) as Record<string, unknown>);
}

const errorCode = (result: { errors?: { extensions?: { code?: string } }[] }): string | undefined => result.errors?.[0]?.extensions?.code;

beforeAll(() => {
  driver = neo4j.driver(inject("neo4jUri"));
});

afterAll(async () => {
  await driver.close();
});

describe("territoryCatalog", () => {
  const query = `query GetCatalog($territoryId: ID!) {
    territoryCatalog(territoryId: $territoryId) {
      territoryId territoryName hasContours
      axes { id name kind }
      epcis { code name population }
      communes { code name population epciCode centroid { latitude longitude } contour }
      workGroups { id name kind axisIds startedOn endedOn }
    }
  }`;
  interface Catalog {
    territoryCatalog: {
      territoryId: string;
      hasContours: boolean;
      axes: { id: string }[];
      epcis: { code: string; name: string; population: number }[];
      communes: { code: string; population: number; epciCode: string; centroid: { latitude: number; longitude: number } | null; contour: string | null }[];
      workGroups: { id: string; axisIds: string[]; startedOn: string }[];
    };
  }

  it("lists the 11 axes, 2 EPCI, 94 communes with contours and 120 work groups of Pays Cévennes", async () => {
    const result = await graphqlAs<Catalog>(ANALYST, query, { territoryId: PC });
    expect(result.errors).toBeUndefined();
    const catalog = result.data!.territoryCatalog;
    expect(catalog.axes).toHaveLength(11);
    expect(catalog.epcis.map((epci) => epci.code)).toEqual(["200035129", "200066918"]);
    expect(catalog.communes).toHaveLength(94);
    expect(catalog.workGroups).toHaveLength(120);
    expect(catalog.hasContours).toBe(true);
    expect(catalog.communes.reduce((sum, commune) => sum + commune.population, 0)).toBe(156_691);
    const withContour = catalog.communes.filter((commune) => commune.contour !== null);
    expect(withContour.length).toBeGreaterThan(90);
    for (const commune of withContour) {
      expect(commune.centroid!.latitude).toBeGreaterThan(43.8);
      expect(commune.centroid!.latitude).toBeLessThan(44.6);
      expect(commune.centroid!.longitude).toBeGreaterThan(3.6);
      expect(commune.centroid!.longitude).toBeLessThan(4.6);
      expect(["Polygon", "MultiPolygon"]).toContain((JSON.parse(commune.contour!) as { type: string }).type);
    }
  });

  it("matches the work groups and axes stored in Neo4j", async () => {
    const result = await graphqlAs<Catalog>(COORDINATOR, query, { territoryId: PC });
    const expected = await cypherRows(
      `MATCH (:Territory {id: $territoryId})<-[:BELONGS_TO]-(g:WorkGroup)
       OPTIONAL MATCH (g)-[:WORKS_ON]->(ax:Axis)
       WITH g, ax ORDER BY ax.id
       RETURN g.id AS id, collect(ax.id) AS axisIds, g.startedOn AS startedOn ORDER BY id`,
      { territoryId: PC },
    );
    expect(result.data!.territoryCatalog.workGroups.map(({ id, axisIds, startedOn }) => ({ id, axisIds, startedOn }))).toEqual(expected);
  });

  it("keeps each territory to itself: 17 communes and one EPCI for Gorges Causses Cévennes", async () => {
    const result = await graphqlAs<Catalog>(GCC_ANALYST, query, { territoryId: GCC });
    expect(result.errors).toBeUndefined();
    expect(result.data!.territoryCatalog.communes).toHaveLength(17);
    expect(result.data!.territoryCatalog.epcis.map((epci) => epci.code)).toEqual(["200069151"]);
  });

  it("refuses a territory outside the token (FORBIDDEN) and an unknown one (NOT_FOUND)", async () => {
    expect(errorCode(await graphqlAs(GCC_ANALYST, query, { territoryId: PC }))).toBe("FORBIDDEN");
    expect(errorCode(await graphqlAs({ role: "ADMIN", territories: ["*"] }, query, { territoryId: "nowhere" }))).toBe("NOT_FOUND");
    expect(errorCode(await graphqlAs(GCC_ANALYST, query, { territoryId: "nowhere" }))).toBe("NOT_FOUND");
  });
});

describe("participationNetwork", () => {
  const query = `query GetParticipations($territoryId: ID!, $window: WindowInput, $filter: NetworkFilterInput) {
    participationNetwork(territoryId: $territoryId, window: $window, filter: $filter) {
      territoryId window { from to }
      actors { id kind label category sector }
      workGroups { id axisIds }
      participations { actorId workGroupId role since until }
    }
  }`;
  interface Network {
    participationNetwork: {
      window: { from: string; to: string };
      actors: { id: string; kind: string; label: string; category: string; sector: string | null }[];
      workGroups: { id: string; axisIds: string[] }[];
      participations: { actorId: string; workGroupId: string; role: string }[];
    };
  }

  it("has as many participations, actors and work groups in 2023 as a direct Cypher count", async () => {
    const result = await graphqlAs<Network>(ANALYST, query, { territoryId: PC, window: YEAR_2023 });
    expect(result.errors).toBeUndefined();
    const network = result.data!.participationNetwork;
    const expected = await cypherRow(
      `MATCH (:Territory {id: $territoryId})<-[:BELONGS_TO]-(g:WorkGroup)<-[p:PARTICIPATES_IN]-(a:Actor)
       WHERE g.startedOn <= $to AND (g.endedOn IS NULL OR g.endedOn >= $from)
         AND (p.since IS NULL OR p.since <= $to) AND (p.until IS NULL OR p.until >= $from)
       RETURN count(p) AS participations, count(DISTINCT a) AS actors, count(DISTINCT g) AS workGroups,
              count(CASE WHEN p.role = 'PILOT' THEN 1 END) AS pilots`,
      { territoryId: PC, ...windowParameters(YEAR_2023) },
    );
    expect(network.participations.length).toBeGreaterThan(500);
    expect(network.participations).toHaveLength(expected.participations as number);
    expect(network.actors).toHaveLength(expected.actors as number);
    expect(network.workGroups).toHaveLength(expected.workGroups as number);
    expect(network.participations.filter((p) => p.role === "PILOT")).toHaveLength(expected.pilots as number);
    const actorIds = new Set(network.actors.map((actor) => actor.id));
    const groupIds = new Set(network.workGroups.map((group) => group.id));
    for (const participation of network.participations) {
      expect(actorIds.has(participation.actorId)).toBe(true);
      expect(groupIds.has(participation.workGroupId)).toBe(true);
    }
    expect(network.window).toEqual(YEAR_2023);
  });

  it("shows an analyst pseudonyms only", async () => {
    const result = await graphqlAs<Network>(ANALYST, query, { territoryId: PC, window: YEAR_2023 });
    const actors = result.data!.participationNetwork.actors;
    for (const actor of actors) expect(actor.label).toMatch(PSEUDONYM);
    const names = await cypherRow(
      `MATCH (a:Actor {id: $id}) RETURN a.firstName AS firstName, a.lastName AS lastName`,
      { id: actors[0]!.id },
    );
    expect(JSON.stringify(result)).not.toContain(`${String(names.firstName)} ${String(names.lastName)}`);
    const asCoordinator = await graphqlAs<Network>(COORDINATOR, query, { territoryId: PC, window: YEAR_2023 });
    const same = asCoordinator.data!.participationNetwork.actors.find((actor) => actor.id === actors[0]!.id);
    expect(same?.label).toBe(`${String(names.firstName)} ${String(names.lastName)}`);
  });

  it("keeps only work groups on the chosen axis and actors of the chosen category", async () => {
    const all = await graphqlAs<Network>(ANALYST, query, { territoryId: PC, window: YEAR_2023 });
    const axisId = all.data!.participationNetwork.workGroups[0]!.axisIds[0]!;
    const result = await graphqlAs<Network>(ANALYST, query, {
      territoryId: PC,
      window: YEAR_2023,
      filter: { axisIds: [axisId], categories: ["ELECTED"] },
    });
    expect(result.errors).toBeUndefined();
    const network = result.data!.participationNetwork;
    expect(network.workGroups.length).toBeGreaterThan(0);
    for (const group of network.workGroups) expect(group.axisIds).toContain(axisId);
    for (const actor of network.actors) expect(actor.category).toBe("ELECTED");
    const expected = await cypherRow(
      `MATCH (:Territory {id: $territoryId})<-[:BELONGS_TO]-(g:WorkGroup)<-[p:PARTICIPATES_IN]-(a:Actor {category: 'ELECTED'})
       WHERE g.startedOn <= $to AND (g.endedOn IS NULL OR g.endedOn >= $from)
         AND (p.since IS NULL OR p.since <= $to) AND (p.until IS NULL OR p.until >= $from)
         AND EXISTS { (g)-[:WORKS_ON]->(:Axis {id: $axisId}) }
       RETURN count(p) AS participations`,
      { territoryId: PC, axisId, ...windowParameters(YEAR_2023) },
    );
    expect(network.participations).toHaveLength(expected.participations as number);
  });

  it("rejects a reversed window with BAD_USER_INPUT", async () => {
    const result = await graphqlAs(ANALYST, query, { territoryId: PC, window: { from: "2024-01-01", to: "2023-01-01" } });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
  });
});

describe("organisationDetails", () => {
  let structureId: string;
  let institutionId: string;
  const query = `query GetOrganisation($territoryId: ID!, $id: ID!, $window: WindowInput) {
    organisationDetails(territoryId: $territoryId, id: $id, window: $window) {
      id name kind sector type memberCount
      node { id kind label memberCount axisIds }
      commune { code name epciCode epciName }
      members { actor { id label category profession } role since until }
      workGroups { workGroup { id name } participants }
      axes { id }
    }
  }`;
  const contactsQuery = `query GetContacts($territoryId: ID!, $id: ID!) {
    organisationDetails(territoryId: $territoryId, id: $id) { members { actor { id label } email phone } }
  }`;
  interface Details {
    organisationDetails: {
      id: string;
      kind: string;
      memberCount: number;
      node: { id: string; axisIds: string[]; memberCount: number };
      commune: { code: string; epciCode: string | null; epciName: string | null } | null;
      members: { actor: { id: string; label: string }; role: string | null }[];
      workGroups: { workGroup: { id: string }; participants: number }[];
      axes: { id: string }[];
    };
  }
  interface Contacts {
    organisationDetails: { members: { actor: { id: string; label: string }; email: string | null; phone: string | null }[] };
  }

  beforeAll(async () => {
    const structure = await cypherRow(
      `MATCH (:Territory {id: $territoryId})<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:LOCATED_IN]-(s:Structure)<-[m:MEMBER_OF]-(:Actor)
       WITH s, count(m) AS members ORDER BY members DESC, s.id LIMIT 1 RETURN s.id AS id`,
      { territoryId: PC },
    );
    structureId = structure.id as string;
    const institution = await cypherRow(
      `MATCH (:Territory {id: $territoryId})<-[:COVERS]-(:Contract)<-[:SIGNED]-(i:Institution) RETURN i.id AS id ORDER BY id LIMIT 1`,
      { territoryId: PC },
    );
    institutionId = institution.id as string;
  });

  it("lists the structure's members as a direct Cypher count does, with its commune and EPCI", async () => {
    const result = await graphqlAs<Details>(ANALYST, query, { territoryId: PC, id: structureId });
    expect(result.errors).toBeUndefined();
    const details = result.data!.organisationDetails;
    const expected = await cypherRow(
      `MATCH (s:Structure {id: $id})-[:LOCATED_IN]->(c:Commune)-[:PART_OF]->(e:Epci)
       RETURN COUNT { (s)<-[:MEMBER_OF]-(:Actor) } AS members, c.code AS communeCode, e.name AS epciName`,
      { id: structureId },
    );
    expect(details.kind).toBe("STRUCTURE");
    expect(details.members.length).toBeGreaterThan(3);
    expect(details.members).toHaveLength(expected.members as number);
    expect(details.memberCount).toBe(expected.members);
    expect(details.node.memberCount).toBe(expected.members);
    expect(details.commune).toMatchObject({ code: expected.communeCode, epciName: expected.epciName });
  });

  it("counts each work group's participants in 2023 as Cypher does, and lists the axes of the network node", async () => {
    const result = await graphqlAs<Details>(COORDINATOR, query, { territoryId: PC, id: structureId, window: YEAR_2023 });
    expect(result.errors).toBeUndefined();
    const details = result.data!.organisationDetails;
    const expected = await cypherRows(
      `MATCH (s:Structure {id: $id})<-[m:MEMBER_OF]-(a:Actor)-[p:PARTICIPATES_IN]->(g:WorkGroup)-[:BELONGS_TO]->(:Territory {id: $territoryId})
       WHERE (m.since IS NULL OR m.since <= $to) AND (m.until IS NULL OR m.until >= $from)
         AND (p.since IS NULL OR p.since <= $to) AND (p.until IS NULL OR p.until >= $from)
         AND g.startedOn <= $to AND (g.endedOn IS NULL OR g.endedOn >= $from)
       RETURN g.id AS id, count(DISTINCT a) AS participants ORDER BY participants DESC, id`,
      { id: structureId, territoryId: PC, ...windowParameters(YEAR_2023) },
    );
    expect(details.workGroups.length).toBeGreaterThan(0);
    expect(details.workGroups.map((entry) => ({ id: entry.workGroup.id, participants: entry.participants }))).toEqual(expected);
    expect(details.axes.map((axis) => axis.id)).toEqual(details.node.axisIds);
  });

  it("shows a coordinator the members' e-mails as stored", async () => {
    const result = await graphqlAs<Contacts>(COORDINATOR, contactsQuery, { territoryId: PC, id: structureId });
    expect(result.errors).toBeUndefined();
    const stored = await cypherRows(`MATCH (:Structure {id: $id})<-[:MEMBER_OF]-(a:Actor) RETURN a.id AS id, a.email AS email`, { id: structureId });
    const emails = new Map(result.data!.organisationDetails.members.map((member) => [member.actor.id, member.email]));
    for (const row of stored) expect(emails.get(row.id as string)).toBe(row.email);
    expect(result.data!.organisationDetails.members.every((member) => member.phone !== null && !PSEUDONYM.test(member.actor.label))).toBe(true);
  });

  it("shows an analyst pseudonyms, and refuses their request for e-mails or phones with FORBIDDEN", async () => {
    const result = await graphqlAs<Details>(ANALYST, query, { territoryId: PC, id: structureId });
    for (const member of result.data!.organisationDetails.members) expect(member.actor.label).toMatch(PSEUDONYM);
    const stored = await cypherRows(
      `MATCH (:Structure {id: $id})<-[:MEMBER_OF]-(a:Actor) RETURN a.firstName AS firstName, a.lastName AS lastName, a.email AS email`,
      { id: structureId },
    );
    const body = JSON.stringify(result);
    for (const row of stored) {
      expect(body).not.toContain(`${String(row.firstName)} ${String(row.lastName)}`);
      expect(body).not.toContain(String(row.email));
    }
    const contacts = await graphqlAs<Contacts>(ANALYST, contactsQuery, { territoryId: PC, id: structureId });
    expect(errorCode(contacts)).toBe("FORBIDDEN");
    expect(contacts.data ?? null).toBeNull();
  });

  it("details an institution that signed the contract", async () => {
    const result = await graphqlAs<Details>(ANALYST, query, { territoryId: PC, id: institutionId });
    expect(result.errors).toBeUndefined();
    expect(result.data!.organisationDetails).toMatchObject({ id: institutionId, kind: "INSTITUTION" });
  });

  it("answers NOT_FOUND for an unknown id and for an organisation of the other territory", async () => {
    expect(errorCode(await graphqlAs(ANALYST, query, { territoryId: PC, id: "no-such-structure" }))).toBe("NOT_FOUND");
    const other = await cypherRow(
      `MATCH (:Territory {id: $territoryId})<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:LOCATED_IN]-(s:Structure) RETURN s.id AS id LIMIT 1`,
      { territoryId: GCC },
    );
    const result = await graphqlAs(ANALYST, query, { territoryId: PC, id: other.id });
    expect(errorCode(result)).toBe("NOT_FOUND");
    expect(result.errors?.[0]?.extensions?.argument).toBe("id");
  });

  it("answers FORBIDDEN to a token for the other territory", async () => {
    expect(errorCode(await graphqlAs(GCC_ANALYST, query, { territoryId: PC, id: structureId }))).toBe("FORBIDDEN");
  });
});

describe("workGroupDetails", () => {
  let workGroupId: string;
  const query = `query GetWorkGroup($territoryId: ID!, $id: ID!, $window: WindowInput) {
    workGroupDetails(territoryId: $territoryId, id: $id, window: $window) {
      id name kind startedOn endedOn
      axes { id name }
      members { actor { id label } role since until organisations { id name kind } }
      events { id title kind date communeCode communeName attendeeCount }
    }
  }`;
  interface Details {
    workGroupDetails: {
      id: string;
      axes: { id: string }[];
      members: { actor: { id: string; label: string }; role: string; organisations: { id: string }[] }[];
      events: { id: string; date: string; attendeeCount: number; communeCode: string | null }[];
    };
  }

  beforeAll(async () => {
    const row = await cypherRow(
      `MATCH (:Territory {id: $territoryId})<-[:BELONGS_TO]-(g:WorkGroup)<-[:ORGANISED_BY]-(ev:Event)
       WHERE ev.date >= date('2023-01-01') AND ev.date <= date('2023-12-31')
       WITH g, count(ev) AS events ORDER BY events DESC, g.id LIMIT 1 RETURN g.id AS id`,
      { territoryId: PC },
    );
    workGroupId = row.id as string;
  });

  it("lists the participations and the 2023 events of the work group as Cypher counts them, most recent first", async () => {
    const result = await graphqlAs<Details>(ANALYST, query, { territoryId: PC, id: workGroupId, window: YEAR_2023 });
    expect(result.errors).toBeUndefined();
    const details = result.data!.workGroupDetails;
    const expected = await cypherRow(
      `MATCH (g:WorkGroup {id: $id})
       RETURN COUNT { MATCH (g)<-[p:PARTICIPATES_IN]-(:Actor) WHERE (p.since IS NULL OR p.since <= $to) AND (p.until IS NULL OR p.until >= $from) } AS members,
              COUNT { MATCH (g)<-[:ORGANISED_BY]-(ev:Event) WHERE ev.date >= $from AND ev.date <= $to } AS events,
              COUNT { (g)-[:WORKS_ON]->(:Axis) } AS axes`,
      { id: workGroupId, ...windowParameters(YEAR_2023) },
    );
    expect(details.members.length).toBeGreaterThan(0);
    expect(details.members).toHaveLength(expected.members as number);
    expect(details.events.length).toBeGreaterThan(0);
    expect(details.events).toHaveLength(expected.events as number);
    expect(details.axes).toHaveLength(expected.axes as number);
    const dates = details.events.map((event) => event.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const first = details.events[0]!;
    const attendees = await cypherRow(`MATCH (:Event {id: $id})<-[:ATTENDED]-(a:Actor) RETURN count(a) AS attendees`, { id: first.id });
    expect(first.attendeeCount).toBe(attendees.attendees);
    for (const member of details.members) expect(member.actor.label).toMatch(PSEUDONYM);
    const roles = details.members.map((member) => member.role);
    expect(roles).toEqual([...roles].sort((a, b) => ["PILOT", "CO_PILOT", "MEMBER"].indexOf(a) - ["PILOT", "CO_PILOT", "MEMBER"].indexOf(b)));
    expect(details.members.some((member) => member.organisations.length > 0)).toBe(true);
  });

  it("answers NOT_FOUND for an unknown work group and FORBIDDEN to a token for the other territory", async () => {
    expect(errorCode(await graphqlAs(ANALYST, query, { territoryId: PC, id: "no-such-group" }))).toBe("NOT_FOUND");
    expect(errorCode(await graphqlAs(GCC_ANALYST, query, { territoryId: PC, id: workGroupId }))).toBe("FORBIDDEN");
  });
});

describe("communeDetails", () => {
  let communeCode: string;
  const query = `query GetCommune($territoryId: ID!, $code: ID!, $window: WindowInput) {
    communeDetails(territoryId: $territoryId, code: $code, window: $window) {
      commune { code name population epciCode epciName }
      structures { id name kind sector type }
      coverage { axis { id name } structures actors events isCovered }
    }
  }`;
  interface Details {
    communeDetails: {
      commune: { code: string; epciCode: string; epciName: string };
      structures: { id: string; kind: string }[];
      coverage: { axis: { id: string }; structures: number; actors: number; events: number; isCovered: boolean }[];
    };
  }

  beforeAll(async () => {
    const row = await cypherRow(
      `MATCH (:Territory {id: $territoryId})<-[:PART_OF]-(:Epci)<-[:PART_OF]-(c:Commune)<-[:LOCATED_IN]-(s:Structure)
       WITH c, count(s) AS structures ORDER BY structures DESC, c.code LIMIT 1 RETURN c.code AS code`,
      { territoryId: PC },
    );
    communeCode = row.code as string;
  });

  it("lists what is located in the commune and its coverage on the 11 axes, as the coverage matrix has it", async () => {
    const result = await graphqlAs<Details>(ANALYST, query, { territoryId: PC, code: communeCode, window: YEAR_2023 });
    expect(result.errors).toBeUndefined();
    const details = result.data!.communeDetails;
    const located = await cypherRow(
      `MATCH (c:Commune {code: $code}) RETURN COUNT { (c)<-[:LOCATED_IN]-(o) WHERE o:Structure OR o:Institution } AS organisations`,
      { code: communeCode },
    );
    expect(details.commune).toMatchObject({ code: communeCode, epciName: expect.any(String) });
    expect(details.structures).toHaveLength(located.organisations as number);
    expect(details.coverage).toHaveLength(11);
    const matrix = await graphqlAs<{ coverage: { cells: { communeCode: string; axisId: string; structures: number; actors: number; events: number }[] } }>(
      ANALYST,
      `query GetCoverage($territoryId: ID!, $window: WindowInput) { coverage(territoryId: $territoryId, window: $window) { cells { communeCode axisId structures actors events } } }`,
      { territoryId: PC, window: YEAR_2023 },
    );
    const cells = matrix.data!.coverage.cells.filter((cell) => cell.communeCode === communeCode);
    expect(details.coverage.map(({ axis, structures, actors, events }) => ({ axisId: axis.id, structures, actors, events }))).toEqual(
      cells.map(({ axisId, structures, actors, events }) => ({ axisId, structures, actors, events })),
    );
    expect(details.coverage.some((cell) => cell.isCovered)).toBe(true);
  });

  it("answers NOT_FOUND for a commune of the other territory", async () => {
    const other = await cypherRow(
      `MATCH (:Territory {id: $territoryId})<-[:PART_OF]-(:Epci)<-[:PART_OF]-(c:Commune) RETURN c.code AS code LIMIT 1`,
      { territoryId: GCC },
    );
    const result = await graphqlAs(ANALYST, query, { territoryId: PC, code: other.code });
    expect(errorCode(result)).toBe("NOT_FOUND");
    expect(result.errors?.[0]?.extensions?.argument).toBe("code");
  });
});

describe("actorDetails", () => {
  let actorId: string;
  const query = `query GetActor($territoryId: ID!, $id: ID!, $window: WindowInput) {
    actorDetails(territoryId: $territoryId, id: $id, window: $window) {
      id label category profession eventsAttended
      organisations { id name kind role since until }
      workGroups { workGroup { id name } role since until }
    }
  }`;
  const contactsQuery = `query GetActorContacts($territoryId: ID!, $id: ID!) {
    actorDetails(territoryId: $territoryId, id: $id) { label email phone }
  }`;
  interface Details {
    actorDetails: {
      id: string;
      label: string;
      eventsAttended: number;
      organisations: { id: string; role: string | null }[];
      workGroups: { workGroup: { id: string }; role: string }[];
    };
  }

  beforeAll(async () => {
    const row = await cypherRow(
      `MATCH (:Territory {id: $territoryId})<-[:BELONGS_TO]-(:WorkGroup)<-[:PARTICIPATES_IN]-(a:Actor)-[:ATTENDED]->(ev:Event)
       WHERE ev.date >= date('2023-01-01') AND ev.date <= date('2023-12-31')
       WITH a, count(DISTINCT ev) AS events ORDER BY events DESC, a.id LIMIT 1 RETURN a.id AS id`,
      { territoryId: PC },
    );
    actorId = row.id as string;
  });

  it("counts the 2023 events attended and lists work groups and organisations as Cypher does", async () => {
    const result = await graphqlAs<Details>(ANALYST, query, { territoryId: PC, id: actorId, window: YEAR_2023 });
    expect(result.errors).toBeUndefined();
    const details = result.data!.actorDetails;
    const expected = await cypherRow(
      `MATCH (a:Actor {id: $id})
       RETURN COUNT { MATCH (a)-[:ATTENDED]->(ev:Event) WHERE ev.date >= $from AND ev.date <= $to } AS events,
              COUNT { MATCH (a)-[p:PARTICIPATES_IN]->(:WorkGroup) WHERE (p.since IS NULL OR p.since <= $to) AND (p.until IS NULL OR p.until >= $from) } AS workGroups,
              COUNT { MATCH (a)-[m:MEMBER_OF]->() WHERE (m.since IS NULL OR m.since <= $to) AND (m.until IS NULL OR m.until >= $from) } AS organisations`,
      { id: actorId, ...windowParameters(YEAR_2023) },
    );
    expect(details.eventsAttended).toBeGreaterThan(0);
    expect(details.eventsAttended).toBe(expected.events);
    expect(details.workGroups).toHaveLength(expected.workGroups as number);
    expect(details.organisations).toHaveLength(expected.organisations as number);
    expect(details.label).toMatch(PSEUDONYM);
  });

  it("gives a coordinator the actor's name, e-mail and phone, and refuses them to an analyst", async () => {
    const stored = await cypherRow(
      `MATCH (a:Actor {id: $id}) RETURN a.firstName + ' ' + a.lastName AS name, a.email AS email, a.phone AS phone`,
      { id: actorId },
    );
    const asCoordinator = await graphqlAs<{ actorDetails: { label: string; email: string; phone: string } }>(COORDINATOR, contactsQuery, {
      territoryId: PC,
      id: actorId,
    });
    expect(asCoordinator.errors).toBeUndefined();
    expect(asCoordinator.data!.actorDetails).toEqual({ label: stored.name, email: stored.email, phone: stored.phone });
    expect(errorCode(await graphqlAs(ANALYST, contactsQuery, { territoryId: PC, id: actorId }))).toBe("FORBIDDEN");
    const asAnalyst = await graphqlAs<Details>(ANALYST, query, { territoryId: PC, id: actorId });
    expect(JSON.stringify(asAnalyst)).not.toContain(String(stored.name));
  });

  it("answers NOT_FOUND for an unknown actor and FORBIDDEN to a token for the other territory", async () => {
    expect(errorCode(await graphqlAs(ANALYST, query, { territoryId: PC, id: "no-such-actor" }))).toBe("NOT_FOUND");
    expect(errorCode(await graphqlAs(GCC_ANALYST, query, { territoryId: PC, id: actorId }))).toBe("FORBIDDEN");
  });
});

describe("ExplorerService without personal data (the analysts' path)", () => {
  it("never receives names, e-mails or phones from the queries", async () => {
    const queries = createQueryRunner(driver, loadQueries());
    const service = new ExplorerService(queries, new AnalyticsService(queries));
    const { id } = await cypherRow(
      `MATCH (:Territory {id: $territoryId})<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:LOCATED_IN]-(s:Structure)<-[:MEMBER_OF]-(:Actor)
       RETURN s.id AS id ORDER BY id LIMIT 1`,
      { territoryId: PC },
    );
    const organisation = await service.organisation(PC, id as string, { from: null, to: null }, { withPersonalData: false, kAnonymity: 5 });
    expect(organisation.members.length).toBeGreaterThan(0);
    for (const member of organisation.members) {
      expect(member).toMatchObject({ email: null, phone: null, person: { firstName: null, lastName: null } });
    }
    const actorId = organisation.members[0]!.person.id;
    const actor = await service.actor(PC, actorId, { from: null, to: null }, { withPersonalData: false, kAnonymity: 5 });
    expect(actor.contact).toEqual({ email: null, phone: null });
    expect(actor.person).toMatchObject({ firstName: null, lastName: null });
    const withData = await service.actor(PC, actorId, { from: null, to: null }, { withPersonalData: true });
    expect(withData.contact.email).toEqual(expect.stringContaining("@"));
  });
});

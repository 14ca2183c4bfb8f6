/**
 * The GDPR tools through the API, per role, on throwaway people of CC Gorges Causses Cévennes
 * (unique ids, removed at the end): erasure, export of a person's data, report of inactive people.
 */
import { randomUUID } from "node:crypto";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ADMIN, graphqlAs, type GraphQLResponse, type TestViewer } from "../../../test/graphql.js";
import { connectDriver } from "../neo4j/driver.js";

const GORGES = "gorges-causses-cevennes";
const CEVENNES = "pays-cevennes";
const coordinator: TestViewer = { role: "COORDINATOR", territories: [GORGES] };
const otherCoordinator: TestViewer = { role: "COORDINATOR", territories: [CEVENNES] };
const analyst: TestViewer = { role: "ANALYST", territories: [GORGES] };

const TAG = `gdpr-test-${randomUUID().slice(0, 8)}`;
const ERASED = `${TAG}-erased`;
const KEPT = `${TAG}-kept`;
const DORMANT = `${TAG}-dormant`;
const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

const codeOf = (response: GraphQLResponse<unknown>): string | undefined => response.errors?.[0]?.extensions?.code;

const PERSON_DATA = `query ($actorId: ID!) { personData(actorId: $actorId) {
  actorId exportedAt territoryIds document
  memberships { organisationId organisationKind organisationName role since until }
  participations { workGroupId workGroupName role since until }
  attendances { eventId eventTitle date volunteerHours } } }`;
const INACTIVE = `query ($territoryId: ID!, $years: Int!, $asOf: Date) { inactivePeople(territoryId: $territoryId, years: $years, asOf: $asOf) {
  territoryId years asOf since people { id firstName lastName category profession lastActivity } } }`;
/** Without personal fields: the analyst's refusal must come from the GDPR check, not the personal-data rule. */
const INACTIVE_IDS = `query ($territoryId: ID!, $years: Int!) { inactivePeople(territoryId: $territoryId, years: $years) { since people { id } } }`;
const ERASE = `mutation ($actorId: ID!) { erasePerson(actorId: $actorId) { actorId relationshipsDeleted savedViewsChanged erasedAt } }`;
const ACTOR_NETWORK = `query ($territoryId: ID!) { collaborationNetwork(territoryId: $territoryId, level: ACTOR, first: 1) { nodes { id } } }`;

interface PersonData {
  personData: {
    actorId: string;
    territoryIds: string[];
    document: string;
    memberships: { organisationId: string; organisationKind: string; organisationName: string; role: string; since: string; until: string | null }[];
    participations: { workGroupId: string; workGroupName: string; role: string; since: string; until: string | null }[];
    attendances: { eventId: string; eventTitle: string; date: string; volunteerHours: number }[];
  };
}
interface Inactive {
  inactivePeople: { since: string; asOf: string; people: { id: string; firstName: string; lastActivity: string | null }[] };
}

describe("GDPR tools", () => {
  let driver: Driver;
  let structure: { id: string; name: string };
  let workGroup: { id: string; name: string };
  let event: { id: string; title: string; date: string };

  async function one<T>(cypher: string, parameters: Record<string, unknown> = {}): Promise<T> {
    const { records } = await driver.executeQuery(cypher, parameters);
    return records[0]?.toObject() as T;
  }

  beforeAll(async () => {
    driver = await connectDriver({ uri: inject("neo4jUri") });
    structure = await one("MATCH (s:Structure)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(:Territory {id: $t}) RETURN s.id AS id, s.name AS name ORDER BY s.id LIMIT 1", { t: GORGES });
    workGroup = await one("MATCH (w:WorkGroup)-[:BELONGS_TO]->(:Territory {id: $t}) RETURN w.id AS id, w.name AS name ORDER BY w.id LIMIT 1", { t: GORGES });
    event = await one(
      // The first event from 2019 on: five years after it, the test people's older activity (2014, 2016) has lapsed.
      "MATCH (e:Event)-[:ORGANISED_BY]->(:WorkGroup)-[:BELONGS_TO]->(:Territory {id: $t}) WHERE e.date >= date('2019-01-01') RETURN e.id AS id, e.title AS title, toString(e.date) AS date ORDER BY e.date, e.id LIMIT 1",
      { t: GORGES },
    );
    await driver.executeQuery(
      `MATCH (s:Structure {id: $structureId}), (w:WorkGroup {id: $workGroupId}), (e:Event {id: $eventId})
       CREATE (erased:Actor {id: $erased, firstName: "Effacée", lastName: "Testeuse", email: "effacee@exemple.test", phone: "01 00 00 00 00", category: "VOLUNTEER"})
       CREATE (erased)-[:MEMBER_OF {role: "Bénévole", since: date("2020-01-01")}]->(s)
       CREATE (erased)-[:PARTICIPATES_IN {role: "PILOT", since: date("2021-03-01")}]->(w)
       CREATE (erased)-[:ATTENDED {volunteerHours: 2.5}]->(e)
       CREATE (kept:Actor {id: $kept, firstName: "Gardée", lastName: "Testeuse", email: "gardee@exemple.test", category: "PROFESSIONAL", profession: "Infirmière"})
       CREATE (kept)-[:MEMBER_OF {role: "Infirmière", since: date("2012-09-01"), until: date("2016-06-30")}]->(s)
       CREATE (kept)-[:PARTICIPATES_IN {role: "MEMBER", since: date("2013-01-01"), until: date("2014-12-31")}]->(w)
       CREATE (kept)-[:ATTENDED {volunteerHours: 0.0}]->(e)
       CREATE (dormant:Actor {id: $dormant, firstName: "Dormante", lastName: "Testeuse", category: "ELECTED"})
       CREATE (dormant)-[:MEMBER_OF {role: "Maire", since: date("2008-03-01"), until: date("2014-03-31")}]->(s)`,
      { structureId: structure.id, workGroupId: workGroup.id, eventId: event.id, erased: ERASED, kept: KEPT, dormant: DORMANT },
    );
    const state = (focus: unknown, positions: Record<string, [number, number]>) => JSON.stringify({ version: 1, territoryId: GORGES, view: "actors", focus, positions });
    await driver.executeQuery(
      `MATCH (g:Territory {id: $gorges}), (c:Territory {id: $cevennes})
       CREATE (:SavedView {id: $tag + "-focus", name: $tag, view: "ACTORS", stateVersion: 1, state: $focusState, picture: $png, legend: "[]",
         subtitle: "Période : CLS 3 · Effacée Testeuse", createdAt: datetime(), updatedAt: datetime()})-[:SHOWS]->(g)
       CREATE (:SavedView {id: $tag + "-people", name: $tag, view: "PARTICIPATION", stateVersion: 1, state: $plainState, picture: $png, legend: "[]",
         subtitle: "", createdAt: datetime(), updatedAt: datetime()})-[:SHOWS]->(g)
       CREATE (:SavedView {id: $tag + "-structures", name: $tag, view: "STRUCTURES", stateVersion: 1, state: $plainState, picture: $png, legend: "[]",
         subtitle: "", createdAt: datetime(), updatedAt: datetime()})-[:SHOWS]->(g)
       CREATE (:SavedView {id: $tag + "-elsewhere", name: $tag, view: "ACTORS", stateVersion: 1, state: $plainState, picture: $png, legend: "[]",
         subtitle: "", createdAt: datetime(), updatedAt: datetime()})-[:SHOWS]->(c)`,
      {
        gorges: GORGES,
        cevennes: CEVENNES,
        tag: TAG,
        png: PNG,
        focusState: state({ kind: "ego", centerId: ERASED, depth: 1, expandedIds: [], collapsedIds: [] }, { [ERASED]: [1, 2], [KEPT]: [3, 4] }),
        plainState: state(null, { [KEPT]: [3, 4] }),
      },
    );
  });

  afterAll(async () => {
    await driver.executeQuery("MATCH (n) WHERE n.id STARTS WITH $tag DETACH DELETE n", { tag: TAG });
    await driver.close();
  });

  describe("who may use them", () => {
    it.each([
      ["an analyst of the territory", analyst],
      ["a coordinator of another territory", otherCoordinator],
    ])("refuses %s with FORBIDDEN, and erases nothing", async (_name, viewer) => {
      expect(codeOf(await graphqlAs(viewer, PERSON_DATA, { actorId: KEPT }))).toBe("FORBIDDEN");
      expect(codeOf(await graphqlAs(viewer, INACTIVE_IDS, { territoryId: GORGES, years: 5 }))).toBe("FORBIDDEN");
      expect(codeOf(await graphqlAs(viewer, ERASE, { actorId: KEPT }))).toBe("FORBIDDEN");
      expect(Number((await one<{ n: unknown }>("MATCH (a:Actor {id: $id}) RETURN count(a) AS n", { id: KEPT })).n)).toBe(1);
    });

    it("refuses requests without a token", async () => {
      const response = await graphqlAs(null, PERSON_DATA, { actorId: KEPT });
      expect(response.status).toBe(401);
      expect(codeOf(response)).toBe("UNAUTHENTICATED");
    });

    it("answers NOT_FOUND for an unknown person or territory, BAD_USER_INPUT for a wrong number of years", async () => {
      expect(codeOf(await graphqlAs(ADMIN, PERSON_DATA, { actorId: `${TAG}-nobody` }))).toBe("NOT_FOUND");
      expect(codeOf(await graphqlAs(ADMIN, ERASE, { actorId: `${TAG}-nobody` }))).toBe("NOT_FOUND");
      expect(codeOf(await graphqlAs(ADMIN, INACTIVE, { territoryId: `${TAG}-nowhere`, years: 5 }))).toBe("NOT_FOUND");
      expect(codeOf(await graphqlAs(coordinator, INACTIVE, { territoryId: GORGES, years: 0 }))).toBe("BAD_USER_INPUT");
    });
  });

  it("exports everything held on a person to a coordinator of their territory", async () => {
    const response = await graphqlAs<PersonData>(coordinator, PERSON_DATA, { actorId: KEPT });
    expect(response.errors).toBeUndefined();
    const data = response.data?.personData;
    expect(data?.territoryIds).toEqual([GORGES]);
    expect(data?.memberships).toEqual([
      { organisationId: structure.id, organisationKind: "Structure", organisationName: structure.name, role: "Infirmière", since: "2012-09-01", until: "2016-06-30" },
    ]);
    expect(data?.participations).toEqual([{ workGroupId: workGroup.id, workGroupName: workGroup.name, role: "MEMBER", since: "2013-01-01", until: "2014-12-31" }]);
    expect(data?.attendances).toEqual([{ eventId: event.id, eventTitle: event.title, date: event.date, volunteerHours: 0 }]);
    const document = JSON.parse(data?.document ?? "{}") as Record<string, unknown>;
    expect(document).toMatchObject({
      format: "maillage-person-export",
      actor: { id: KEPT, firstName: "Gardée", lastName: "Testeuse", email: "gardee@exemple.test", profession: "Infirmière" },
      memberships: [{ organisation: { kind: "Structure", id: structure.id, name: structure.name }, since: "2012-09-01", until: "2016-06-30" }],
      attendances: [{ event: { id: event.id, title: event.title, date: event.date }, volunteerHours: 0 }],
      savedViewsNamingThePerson: [{ id: `${TAG}-elsewhere` }, { id: `${TAG}-focus` }, { id: `${TAG}-people` }, { id: `${TAG}-structures` }],
    });
  });

  it("lists the people without activity for N years, with their last day of activity", async () => {
    // KEPT's last activity is the event (the territory's first from 2019 on); DORMANT's, a membership ended in 2014.
    const [year, month, day] = event.date.split("-");
    const fiveYearsOn = `${Number(year) + 5}-${month}-${day}`;
    const response = await graphqlAs<Inactive>(coordinator, INACTIVE, { territoryId: GORGES, years: 5, asOf: fiveYearsOn });
    expect(response.errors).toBeUndefined();
    const report = response.data?.inactivePeople;
    expect(report).toMatchObject({ since: event.date, asOf: fiveYearsOn });
    // The event is on the very first day of the period: KEPT still counts as active.
    expect((report?.people ?? []).filter((person) => person.id.startsWith(TAG))).toEqual([
      { id: DORMANT, firstName: "Dormante", lastName: "Testeuse", category: "ELECTED", profession: null, lastActivity: "2014-03-31" },
    ]);
    const later = await graphqlAs<Inactive>(ADMIN, INACTIVE, { territoryId: GORGES, years: 5, asOf: `${Number(year) + 5}-12-31` });
    expect((later.data?.inactivePeople.people ?? []).filter((person) => person.id.startsWith(TAG)).map((person) => [person.id, person.lastActivity])).toEqual([
      [DORMANT, "2014-03-31"],
      [KEPT, event.date],
    ]);
  });

  it("erases a person completely in one go: node, relationships, saved views' traces and cached networks", async () => {
    // Builds (and caches) the actor network, where the person appears.
    const before = await graphqlAs<{ collaborationNetwork: { nodes: { id: string }[] } }>(coordinator, ACTOR_NETWORK, { territoryId: GORGES });
    expect(before.data?.collaborationNetwork.nodes.map((node) => node.id)).toContain(ERASED);
    // Views of the territory saved meanwhile by other tests: their pictures of people go too.
    const others = await one<{ n: unknown }>(
      "RETURN COUNT { MATCH (v:SavedView)-[:SHOWS]->(:Territory {id: $t}) WHERE v.view IN ['ACTORS', 'PARTICIPATION'] AND v.picture IS NOT NULL AND NOT v.id STARTS WITH $tag } AS n",
      { t: GORGES, tag: TAG },
    );

    const response = await graphqlAs<{ erasePerson: { actorId: string; relationshipsDeleted: number; savedViewsChanged: number } }>(coordinator, ERASE, { actorId: ERASED });
    expect(response.errors).toBeUndefined();
    // The focus view names the person; the people view of the territory may draw their name.
    expect(response.data?.erasePerson).toMatchObject({ actorId: ERASED, relationshipsDeleted: 3, savedViewsChanged: 2 + Number(others.n) });

    const left = await one<{ nodes: unknown; mentions: unknown }>(
      "RETURN COUNT { MATCH (a {id: $id}) } AS nodes, COUNT { MATCH (v:SavedView) WHERE v.state CONTAINS $id OR v.subtitle CONTAINS 'Effacée Testeuse' } AS mentions",
      { id: ERASED },
    );
    expect(Number(left.nodes)).toBe(0);
    expect(Number(left.mentions)).toBe(0);
    const views = await driver.executeQuery("MATCH (v:SavedView) WHERE v.id STARTS WITH $tag RETURN v.id AS id, v.state AS state, v.picture IS NOT NULL AS hasPicture, v.subtitle AS subtitle ORDER BY id", { tag: TAG });
    const byId = Object.fromEntries(views.records.map((record) => [record.get("id") as string, record.toObject()]));
    expect(byId[`${TAG}-focus`]).toMatchObject({ hasPicture: false, subtitle: "Période : CLS 3 · personne effacée" });
    expect(JSON.parse(byId[`${TAG}-focus`]?.state as string)).toMatchObject({ focus: null, positions: { [KEPT]: [3, 4] } });
    expect(byId[`${TAG}-people`]).toMatchObject({ hasPicture: false });
    expect(byId[`${TAG}-structures`]).toMatchObject({ hasPicture: true });
    expect(byId[`${TAG}-elsewhere`]).toMatchObject({ hasPicture: true });

    const after = await graphqlAs<{ collaborationNetwork: { nodes: { id: string }[] } }>(coordinator, ACTOR_NETWORK, { territoryId: GORGES });
    expect(after.data?.collaborationNetwork.nodes.map((node) => node.id)).not.toContain(ERASED);
    expect(after.data?.collaborationNetwork.nodes.map((node) => node.id)).toContain(KEPT);

    expect(codeOf(await graphqlAs(ADMIN, ERASE, { actorId: ERASED }))).toBe("NOT_FOUND");
    expect(codeOf(await graphqlAs(ADMIN, PERSON_DATA, { actorId: ERASED }))).toBe("NOT_FOUND");
  });

  it("lets an administrator erase a person of any territory", async () => {
    const response = await graphqlAs<{ erasePerson: { relationshipsDeleted: number } }>(ADMIN, ERASE, { actorId: DORMANT });
    expect(response.errors).toBeUndefined();
    expect(response.data?.erasePerson.relationshipsDeleted).toBe(1);
  });
});

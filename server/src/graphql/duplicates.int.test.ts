/**
 * Duplicates through the API, on throwaway near-duplicate people and structures of CC Gorges
 * Causses Cévennes (unique ids and names, removed at the end): detection, merges that keep every
 * relationship and date, refusals that change nothing, and who may do what.
 */
import { randomUUID } from "node:crypto";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ADMIN, graphqlAs, type GraphQLResponse, type TestViewer } from "../../../test/graphql.js";
import { REASONS } from "../duplicates/detect.js";
import { connectDriver } from "../neo4j/driver.js";
import { toPlain } from "../neo4j/values.js";

const GORGES = "gorges-causses-cevennes";
const CEVENNES = "pays-cevennes";
const coordinator: TestViewer = { role: "COORDINATOR", territories: [GORGES] };
const otherCoordinator: TestViewer = { role: "COORDINATOR", territories: [CEVENNES] };
const analyst: TestViewer = { role: "ANALYST", territories: [GORGES] };

const TAG = `dup-test-${randomUUID().slice(0, 8)}`;
/** A word only this run's names contain, so that detection pairs this run's records and no others. */
const WORD = `Zq${randomUUID().replace(/[^a-f]/g, "").slice(0, 6)}`;
const KEEP = `${TAG}-a-keep`;
const MERGE = `${TAG}-a-merge`;
const S_KEEP = `${TAG}-s-keep`;
const S_MERGE = `${TAG}-s-merge`;
const EVENT = `${TAG}-e`;

const codeOf = (response: GraphQLResponse<unknown>): string | undefined => response.errors?.[0]?.extensions?.code;

const CANDIDATES = `query ($territoryId: ID!, $kind: DuplicateKind!, $first: Int) { duplicateCandidates(territoryId: $territoryId, kind: $kind, first: $first) {
  score reasons
  first { id kind name firstName lastName email phone profession structureKind sector communeName eventCount links { relation targetId targetName role since until } }
  second { id kind name email links { relation targetId since until } } } }`;
const CANDIDATE_IDS = `query ($territoryId: ID!, $kind: DuplicateKind!, $first: Int) { duplicateCandidates(territoryId: $territoryId, kind: $kind, first: $first) { score first { id } second { id } } }`;
const MERGE_RESULT = "kind keptId mergedId moved joined keptApart dropped filledProperties";
const MERGE_ACTORS = `mutation ($territoryId: ID!, $keepId: ID!, $mergeId: ID!) { mergeActors(territoryId: $territoryId, keepId: $keepId, mergeId: $mergeId) { ${MERGE_RESULT} } }`;
const MERGE_STRUCTURES = `mutation ($territoryId: ID!, $keepId: ID!, $mergeId: ID!) { mergeStructures(territoryId: $territoryId, keepId: $keepId, mergeId: $mergeId) { ${MERGE_RESULT} } }`;
const AUDIT = `query ($territoryId: ID!, $entityId: ID) { auditTrail(territoryId: $territoryId, first: 20, entityId: $entityId) {
  entries { operation entityKind entityId entityName userRole changes { field before after } } } }`;
interface Audit {
  auditTrail: { entries: { operation: string; entityKind: string; entityId: string; entityName: string | null; userRole: string; changes: { field: string; before: string | null; after: string | null }[] }[] };
}
const ACTOR_NETWORK = `query ($territoryId: ID!) { collaborationNetwork(territoryId: $territoryId, level: ACTOR, first: 1) { nodes { id } } }`;

interface Candidate {
  score: number;
  reasons: string[];
  first: { id: string; name: string; email: string | null; links: { relation: string; targetId: string; since: string | null; until: string | null }[] } & Record<string, unknown>;
  second: { id: string; name: string; email: string | null; links: { relation: string; targetId: string; since: string | null; until: string | null }[] };
}

/** A relationship of a node as the tests compare it: type, direction, other end and every property. */
type Link = [type: string, direction: "out" | "in", otherId: string, properties: Record<string, unknown>];

const linkKey = (link: Link): string => JSON.stringify([link[0], link[1], link[2], Object.entries(link[3]).sort()]);
const sorted = (links: Link[]): Link[] => [...links].sort((a, b) => linkKey(a).localeCompare(linkKey(b)));

describe("duplicates", () => {
  let driver: Driver;
  let structures: { id: string }[];
  let workGroup: { id: string };
  let event: { id: string };
  let commune: { code: string };
  let outsider: { id: string };

  async function one<T>(cypher: string, parameters: Record<string, unknown> = {}): Promise<T> {
    const { records } = await driver.executeQuery(cypher, parameters);
    return toPlain(records[0]?.toObject()) as T;
  }

  /** Every relationship of a node, sorted; properties as plain values (dates as ISO text). */
  async function linksOf(id: string): Promise<Link[]> {
    const { records } = await driver.executeQuery(
      `MATCH (n {id: $id})-[r]-(o)
       RETURN type(r) AS type, CASE WHEN startNode(r) = n THEN "out" ELSE "in" END AS direction, coalesce(o.id, o.code) AS other, properties(r) AS properties`,
      { id },
    );
    return records
      .map((record) => toPlain(record.toObject()) as { type: string; direction: "out" | "in"; other: string; properties: Record<string, unknown> })
      .map((row): Link => [row.type, row.direction, row.other, row.properties])
      .sort((a, b) => linkKey(a).localeCompare(linkKey(b)));
  }

  /** Everything the refusals must leave alone: both pairs' properties and relationships. */
  async function fingerprint(): Promise<string> {
    const nodes = await Promise.all([KEEP, MERGE, S_KEEP, S_MERGE].map((id) => one("MATCH (n {id: $id}) RETURN properties(n) AS p", { id })));
    const links = await Promise.all([KEEP, MERGE, S_KEEP, S_MERGE].map(linksOf));
    return JSON.stringify([nodes, links]);
  }

  beforeAll(async () => {
    driver = await connectDriver({ uri: inject("neo4jUri") });
    const inGorges = "(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(:Territory {id: $t})";
    structures = (await driver.executeQuery(`MATCH (s:Structure)-[:LOCATED_IN]->${inGorges} RETURN s.id AS id ORDER BY s.id LIMIT 2`, { t: GORGES })).records.map(
      (record) => ({ id: String(record.get("id")) }),
    );
    workGroup = await one("MATCH (w:WorkGroup)-[:BELONGS_TO]->(:Territory {id: $t}) RETURN w.id AS id ORDER BY w.id LIMIT 1", { t: GORGES });
    event = await one("MATCH (e:Event)-[:ORGANISED_BY]->(:WorkGroup)-[:BELONGS_TO]->(:Territory {id: $t}) RETURN e.id AS id ORDER BY e.id LIMIT 1", { t: GORGES });
    commune = await one("MATCH (c:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(:Territory {id: $t}) RETURN c.code AS code ORDER BY c.code LIMIT 1", { t: GORGES });
    outsider = await one("MATCH (a:Actor)-[:MEMBER_OF]->(:Structure)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(:Territory {id: $t}) RETURN a.id AS id ORDER BY a.id LIMIT 1", { t: CEVENNES });
    await driver.executeQuery(
      `MATCH (s1:Structure {id: $s1}), (s2:Structure {id: $s2}), (w:WorkGroup {id: $workGroupId}), (e:Event {id: $eventId}), (c:Commune {code: $communeCode})
       CREATE (keep:Actor {id: $keep, firstName: "Hélène", lastName: "Lefèvre " + $word, phone: "04 66 00 00 01", category: "PROFESSIONAL"})
       CREATE (keep)-[:MEMBER_OF {role: "Infirmière", since: date("2012-09-01"), until: date("2016-06-30")}]->(s1)
       CREATE (keep)-[:PARTICIPATES_IN {role: "MEMBER", since: date("2013-01-01"), until: date("2014-12-31")}]->(w)
       CREATE (keep)-[:ATTENDED {volunteerHours: 0.0}]->(e)
       CREATE (merge:Actor {id: $merge, firstName: "Dr Helene", lastName: "LEFEVRE " + toUpper($word), email: "h.lefevre@exemple.test", category: "PROFESSIONAL", profession: "Infirmière"})
       CREATE (merge)-[:MEMBER_OF {role: "Infirmière", since: date("2018-01-01")}]->(s1)
       CREATE (merge)-[:PARTICIPATES_IN {role: "MEMBER", since: date("2014-06-01"), until: date("2016-12-31")}]->(w)
       CREATE (merge)-[:MEMBER_OF {role: "Bénévole", since: date("2020-01-01")}]->(s2)
       CREATE (merge)-[:ATTENDED {volunteerHours: 2.5}]->(e)
       CREATE (sKeep:Structure {id: $sKeep, name: "Centre communal d'action sociale de " + $word, sector: "SOCIAL", kind: "CCAS"})-[:LOCATED_IN]->(c)
       CREATE (sMerge:Structure {id: $sMerge, name: "CCAS " + $word, sector: "SOCIAL", kind: "CCAS"})-[:LOCATED_IN]->(c)
       CREATE (keep)-[:MEMBER_OF {role: "Référente", since: date("2019-01-01")}]->(sMerge)
       CREATE (sMerge)-[:PARTNERS_WITH {kind: "Convention", since: date("2017-03-01")}]->(s1)
       CREATE (sKeep)-[:PARTNERS_WITH {kind: "Convention", since: date("2021-05-01")}]->(sMerge)
       CREATE (:Event {id: $event, title: "Forum " + $word, kind: "PUBLIC_ACTION", date: date("2022-10-06"), durationHours: 3.0})-[:ORGANISED_BY]->(sMerge)`,
      {
        s1: structures[0]?.id, s2: structures[1]?.id, workGroupId: workGroup.id, eventId: event.id, communeCode: commune.code,
        keep: KEEP, merge: MERGE, sKeep: S_KEEP, sMerge: S_MERGE, event: EVENT, word: WORD,
      },
    );
    await driver.executeQuery("MATCH (e:Event {id: $event}), (c:Commune {code: $code}) CREATE (e)-[:HELD_IN]->(c)", { event: EVENT, code: commune.code });
  });

  afterAll(async () => {
    await driver.executeQuery("MATCH (n) WHERE n.id STARTS WITH $tag DETACH DELETE n", { tag: TAG });
    await driver.executeQuery("MATCH (e:AuditEntry) WHERE e.entityId STARTS WITH $tag DETACH DELETE e", { tag: TAG });
    await driver.close();
  });

  describe("who may use them", () => {
    it.each([
      ["an analyst of the territory", analyst],
      ["a coordinator of another territory", otherCoordinator],
    ])("refuses %s with FORBIDDEN, and merges nothing", async (_name, viewer) => {
      const before = await fingerprint();
      expect(codeOf(await graphqlAs(viewer, CANDIDATE_IDS, { territoryId: GORGES, kind: "ACTOR" }))).toBe("FORBIDDEN");
      expect(codeOf(await graphqlAs(viewer, MERGE_ACTORS, { territoryId: GORGES, keepId: KEEP, mergeId: MERGE }))).toBe("FORBIDDEN");
      expect(codeOf(await graphqlAs(viewer, MERGE_STRUCTURES, { territoryId: GORGES, keepId: S_KEEP, mergeId: S_MERGE }))).toBe("FORBIDDEN");
      expect(await fingerprint()).toBe(before);
    });

    it("refuses requests without a token", async () => {
      const response = await graphqlAs(null, CANDIDATE_IDS, { territoryId: GORGES, kind: "ACTOR" });
      expect(codeOf(response)).toBe("UNAUTHENTICATED");
    });

    it("answers NOT_FOUND for an unknown territory and BAD_USER_INPUT for a page too large", async () => {
      expect(codeOf(await graphqlAs(ADMIN, CANDIDATE_IDS, { territoryId: `${TAG}-nowhere`, kind: "ACTOR" }))).toBe("NOT_FOUND");
      expect(codeOf(await graphqlAs(coordinator, CANDIDATE_IDS, { territoryId: GORGES, kind: "ACTOR", first: 101 }))).toBe("BAD_USER_INPUT");
    });
  });

  it("proposes the near-duplicate people with both records and the reasons", async () => {
    const response = await graphqlAs<{ duplicateCandidates: Candidate[] }>(coordinator, CANDIDATES, { territoryId: GORGES, kind: "ACTOR", first: 50 });
    expect(response.errors).toBeUndefined();
    const pair = response.data?.duplicateCandidates.find((candidate) => candidate.first.id === KEEP);
    expect(pair?.second.id).toBe(MERGE);
    // Both belong to the same structure: a stronger hint.
    expect(pair?.reasons).toEqual([REASONS.sameNameSpelling, REASONS.sharedOrganisation]);
    expect(pair?.score).toBe(0.98);
    expect(pair?.first).toMatchObject({ kind: "ACTOR", name: `Hélène Lefèvre ${WORD}`, firstName: "Hélène", email: null, phone: "04 66 00 00 01", eventCount: 1 });
    expect(pair?.first.links).toEqual([
      { relation: "MEMBER_OF", targetId: structures[0]?.id, targetName: expect.any(String), role: "Infirmière", since: "2012-09-01", until: "2016-06-30" },
      { relation: "MEMBER_OF", targetId: S_MERGE, targetName: `CCAS ${WORD}`, role: "Référente", since: "2019-01-01", until: null },
      { relation: "PARTICIPATES_IN", targetId: workGroup.id, targetName: expect.any(String), role: "MEMBER", since: "2013-01-01", until: "2014-12-31" },
    ]);
    expect(pair?.second.email).toBe("h.lefevre@exemple.test");
    // Only this run's pair among the pairs naming its records.
    expect(response.data?.duplicateCandidates.filter((c) => [c.first.id, c.second.id].some((id) => id.startsWith(TAG)))).toHaveLength(1);
  });

  it("proposes the structure written as its acronym", async () => {
    const response = await graphqlAs<{ duplicateCandidates: Candidate[] }>(ADMIN, CANDIDATES, { territoryId: GORGES, kind: "STRUCTURE" });
    expect(response.errors).toBeUndefined();
    const pair = response.data?.duplicateCandidates.find((candidate) => candidate.first.id === S_KEEP);
    expect(pair?.second.id).toBe(S_MERGE);
    expect(pair?.reasons).toEqual([REASONS.acronym(["ccas"]), REASONS.extraWords, REASONS.sameCommune]);
    expect(pair?.first).toMatchObject({ kind: "STRUCTURE", structureKind: "CCAS", sector: "SOCIAL", eventCount: 0 });
    expect(pair?.second.links.map((link) => link.relation).sort()).toEqual(["MEMBER_OF", "PARTNERS_WITH", "PARTNERS_WITH"]);
  });

  it("answers for the large demo territory (1,600 people) with pairs above the threshold only", async () => {
    const started = performance.now();
    const response = await graphqlAs<{ duplicateCandidates: Candidate[] }>(ADMIN, CANDIDATE_IDS, { territoryId: CEVENNES, kind: "ACTOR", first: 100 });
    console.info(`duplicateCandidates(pays-cevennes, ACTOR): ${response.data?.duplicateCandidates.length ?? 0} pairs in ${(performance.now() - started).toFixed(0)} ms`);
    expect(response.errors).toBeUndefined();
    expect(response.data?.duplicateCandidates.every((pair) => pair.score >= 0.72 && pair.first.id < pair.second.id)).toBe(true);
  });

  it("refuses to merge a node with itself, an actor with a structure, or a node of another territory, and changes nothing", async () => {
    const before = await fingerprint();
    const refusals: [string, Record<string, unknown>, string][] = [
      [MERGE_ACTORS, { keepId: KEEP, mergeId: KEEP }, "MERGE_SAME_NODE"],
      [MERGE_ACTORS, { keepId: KEEP, mergeId: S_MERGE }, "MERGE_KIND_MISMATCH"],
      [MERGE_STRUCTURES, { keepId: S_KEEP, mergeId: MERGE }, "MERGE_KIND_MISMATCH"],
      [MERGE_ACTORS, { keepId: KEEP, mergeId: outsider.id }, "NOT_FOUND"],
      [MERGE_ACTORS, { keepId: `${TAG}-nobody`, mergeId: MERGE }, "NOT_FOUND"],
      [MERGE_STRUCTURES, { keepId: S_KEEP, mergeId: `${TAG}-nothing` }, "NOT_FOUND"],
    ];
    for (const [mutation, ids, code] of refusals) {
      const response = await graphqlAs(ADMIN, mutation, { territoryId: GORGES, ...ids });
      expect(codeOf(response), JSON.stringify(ids)).toBe(code);
    }
    expect(await fingerprint()).toBe(before);
    expect(Number((await one<{ n: number }>("MATCH (a:Actor {id: $id}) RETURN count(a) AS n", { id: outsider.id })).n)).toBe(1);
  });

  it("merges two actors in one go: every relationship and date kept, empty properties filled, the merged one gone, networks recomputed", async () => {
    const network = await graphqlAs<{ collaborationNetwork: { nodes: { id: string }[] } }>(coordinator, ACTOR_NETWORK, { territoryId: GORGES });
    expect(network.data?.collaborationNetwork.nodes.map((node) => node.id)).toContain(MERGE);

    const response = await graphqlAs<{ mergeActors: Record<string, unknown> }>(coordinator, MERGE_ACTORS, { territoryId: GORGES, keepId: KEEP, mergeId: MERGE });
    expect(response.errors).toBeUndefined();
    expect(response.data?.mergeActors).toEqual({
      kind: "ACTOR", keptId: KEEP, mergedId: MERGE, moved: 1, joined: 2, keptApart: 1, dropped: 0, filledProperties: ["email", "profession"],
    });
    expect(Number((await one<{ n: number }>("MATCH (a:Actor {id: $id}) RETURN count(a) AS n", { id: MERGE })).n)).toBe(0);
    expect(await one("MATCH (a:Actor {id: $id}) RETURN properties(a) AS p", { id: KEEP })).toEqual({
      p: { id: KEEP, firstName: "Hélène", lastName: `Lefèvre ${WORD}`, phone: "04 66 00 00 01", category: "PROFESSIONAL", email: "h.lefevre@exemple.test", profession: "Infirmière" },
    });
    const [s1, s2] = structures.map((s) => s.id) as [string, string];
    const expected: Link[] = [
      ["ATTENDED", "out", event.id, { volunteerHours: 2.5 }],
      ["MEMBER_OF", "out", S_MERGE, { role: "Référente", since: "2019-01-01" }],
      ["MEMBER_OF", "out", s1, { role: "Infirmière", since: "2012-09-01", until: "2016-06-30" }],
      ["MEMBER_OF", "out", s1, { role: "Infirmière", since: "2018-01-01" }],
      ["MEMBER_OF", "out", s2, { role: "Bénévole", since: "2020-01-01" }],
      ["PARTICIPATES_IN", "out", workGroup.id, { role: "MEMBER", since: "2013-01-01", until: "2016-12-31" }],
    ];
    expect(await linksOf(KEEP)).toEqual(sorted(expected));
    // Dates stay dates (not text), numbers stay floats.
    expect(await one("MATCH (:Actor {id: $id})-[p:PARTICIPATES_IN]->() RETURN valueType(p.since) AS since, valueType(p.until) AS until", { id: KEEP })).toEqual({
      since: "DATE NOT NULL", until: "DATE NOT NULL",
    });

    const after = await graphqlAs<{ collaborationNetwork: { nodes: { id: string }[] } }>(coordinator, ACTOR_NETWORK, { territoryId: GORGES });
    expect(after.data?.collaborationNetwork.nodes.map((node) => node.id)).not.toContain(MERGE);
    expect(after.data?.collaborationNetwork.nodes.map((node) => node.id)).toContain(KEEP);
    expect(codeOf(await graphqlAs(coordinator, MERGE_ACTORS, { territoryId: GORGES, keepId: KEEP, mergeId: MERGE }))).toBe("NOT_FOUND");

    // The audit trail (values as JSON text): the filled fields of the kept person, the merged one's deletion without names or contacts.
    const kept = await graphqlAs<Audit>(ADMIN, AUDIT, { territoryId: GORGES, entityId: KEEP });
    expect(kept.data?.auditTrail.entries).toHaveLength(2);
    expect(kept.data?.auditTrail.entries).toEqual(expect.arrayContaining([
      {
        operation: "DELETE", entityKind: "ACTOR", entityId: MERGE, entityName: null, userRole: "COORDINATOR",
        changes: [{ field: "category", before: '"PROFESSIONAL"', after: null }, { field: "id", before: JSON.stringify(MERGE), after: null }, { field: "profession", before: '"Infirmière"', after: null }],
      },
      {
        operation: "UPDATE", entityKind: "ACTOR", entityId: KEEP, entityName: null, userRole: "COORDINATOR",
        changes: [{ field: "email", before: null, after: '"h.lefevre@exemple.test"' }, { field: "profession", before: null, after: '"Infirmière"' }],
      },
    ].map((entry) => expect.objectContaining(entry))));
  });

  it("merges two structures: members, partners, organised events and commune kept, the partnership between them dropped", async () => {
    const response = await graphqlAs<{ mergeStructures: Record<string, unknown> }>(coordinator, MERGE_STRUCTURES, { territoryId: GORGES, keepId: S_KEEP, mergeId: S_MERGE });
    expect(response.errors).toBeUndefined();
    expect(response.data?.mergeStructures).toEqual({
      kind: "STRUCTURE", keptId: S_KEEP, mergedId: S_MERGE, moved: 3, joined: 1, keptApart: 0, dropped: 1, filledProperties: [],
    });
    expect(Number((await one<{ n: number }>("MATCH (s:Structure {id: $id}) RETURN count(s) AS n", { id: S_MERGE })).n)).toBe(0);
    const expected: Link[] = [
      ["LOCATED_IN", "out", commune.code, {}],
      ["MEMBER_OF", "in", KEEP, { role: "Référente", since: "2019-01-01" }],
      ["ORGANISED_BY", "in", EVENT, {}],
      ["PARTNERS_WITH", "out", structures[0]?.id ?? "", { kind: "Convention", since: "2017-03-01" }],
    ];
    expect(await linksOf(S_KEEP)).toEqual(sorted(expected));
    const audit = await graphqlAs<Audit>(ADMIN, AUDIT, { territoryId: GORGES, entityId: S_MERGE });
    expect(audit.data?.auditTrail.entries.map((entry) => [entry.operation, entry.entityId, entry.entityName])).toEqual([["DELETE", S_MERGE, `CCAS ${WORD}`]]);
  });
});

/**
 * A person merged away stays merged: the kept person remembers the merged one's e-mail
 * (`formerEmails`), a later spreadsheet still naming that e-mail finds the kept person, and the
 * GDPR tools export and erase it with them. Throwaway people of CC Gorges Causses Cévennes.
 */
import { randomUUID } from "node:crypto";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ADMIN, graphqlAs, tokenFor, type GraphQLResponse, type TestViewer } from "../../../test/graphql.js";

const GORGES = "gorges-causses-cevennes";
const coordinator: TestViewer = { role: "COORDINATOR", territories: [GORGES] };
const analyst: TestViewer = { role: "ANALYST", territories: [GORGES] };
const TAG = `former-${randomUUID().slice(0, 8)}`;
// A last name no demo person has, so that the import cannot find anyone else by name.
const WORD = `Zx${randomUUID().replace(/[^a-f]/g, "").slice(0, 6)}`;
const KEEP = `${TAG}-a-keep`;
const MERGE = `${TAG}-a-merge`;
const STRUCTURE = `${TAG}-s`;
const STRUCTURE_NAME = `Maison ${TAG}`;
const KEPT_EMAIL = `camille.${TAG}@exemple.test`;
const OLD_EMAIL = `c.durand.${TAG}@ancien.test`;

const codeOf = (response: GraphQLResponse<unknown>): string | undefined => response.errors?.[0]?.extensions?.code;

interface Report {
  counts: Record<string, { created: number; updated: number; unchanged: number }>;
  errorCount: number;
  applied: boolean;
}

async function importSheet(kind: string, csv: string): Promise<Report> {
  const params = new URLSearchParams({ territoryId: GORGES, kind, fileName: "annuaire.csv", mode: "apply" });
  const response = await fetch(`${inject("appUrl")}/api/import/run?${params}`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream", authorization: `Bearer ${await tokenFor(coordinator)}` },
    body: new TextEncoder().encode(csv),
  });
  const json: unknown = await response.json();
  if (response.status !== 200) throw new Error(`import answered ${response.status}: ${JSON.stringify(json)}`);
  return json as Report;
}

describe("a person merged away", () => {
  let driver: Driver;

  async function count(cypher: string, parameters: Record<string, unknown> = {}): Promise<number> {
    const { records } = await driver.executeQuery(cypher, parameters);
    return neo4j.integer.toNumber(records[0]?.get("n") ?? 0);
  }

  /** People the tests could have written: both seeded ones, and anyone an import would create. */
  const people = (): Promise<number> => count("MATCH (a:Actor) WHERE a.lastName CONTAINS $word OR a.email IN [$kept, $old] RETURN count(a) AS n", { word: WORD, kept: KEPT_EMAIL, old: OLD_EMAIL });

  beforeAll(async () => {
    driver = neo4j.driver(inject("neo4jUri"));
    const { records } = await driver.executeQuery(
      "MATCH (c:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(:Territory {id: $t}) RETURN c.code AS code ORDER BY code LIMIT 1",
      { t: GORGES },
    );
    const [group] = (await driver.executeQuery("MATCH (w:WorkGroup)-[:BELONGS_TO]->(:Territory {id: $t}) RETURN w.id AS id ORDER BY id LIMIT 1", { t: GORGES })).records;
    await driver.executeQuery(
      `MATCH (c:Commune {code: $code}), (w:WorkGroup {id: $groupId})
       CREATE (s:Structure {id: $structure, name: $structureName, sector: "SOCIAL", kind: "Association"})-[:LOCATED_IN]->(c)
       CREATE (keep:Actor {id: $keep, firstName: "Camille", lastName: "Durand " + $word, email: $kept, category: "VOLUNTEER"})-[:MEMBER_OF {role: "Bénévole"}]->(s)
       CREATE (merge:Actor {id: $merge, firstName: "Camille", lastName: "DURAND " + $word, email: $old, category: "VOLUNTEER"})-[:MEMBER_OF {role: "Bénévole"}]->(s)
       CREATE (merge)-[:PARTICIPATES_IN {role: "MEMBER", since: date("2022-01-01")}]->(w)`,
      { code: records[0]?.get("code"), groupId: group?.get("id"), structure: STRUCTURE, structureName: STRUCTURE_NAME, keep: KEEP, merge: MERGE, word: WORD, kept: KEPT_EMAIL, old: OLD_EMAIL },
    );
  });

  afterAll(async () => {
    await driver.executeQuery("MATCH (e:AuditEntry) WHERE any(id IN e.relatedIds WHERE id STARTS WITH $tag) DETACH DELETE e", { tag: TAG });
    await driver.executeQuery("MATCH (a:Actor) WHERE a.lastName CONTAINS $word OR a.email IN [$kept, $old] DETACH DELETE a", { word: WORD, kept: KEPT_EMAIL, old: OLD_EMAIL });
    await driver.executeQuery("MATCH (n) WHERE n.id STARTS WITH $tag DETACH DELETE n", { tag: TAG });
    await driver.executeQuery("MATCH (w:WorkGroup {name: $name}) DETACH DELETE w", { name: `Groupe ${TAG}` });
    await driver.close();
  });

  it("leaves their e-mail on the kept person, for administrators and coordinators only, and out of the audit trail", async () => {
    const merged = await graphqlAs(coordinator, `mutation ($t: ID!, $k: ID!, $m: ID!) { mergeActors(territoryId: $t, keepId: $k, mergeId: $m) { keptId filledProperties } }`, {
      t: GORGES,
      k: KEEP,
      m: MERGE,
    });
    expect(merged.errors).toBeUndefined();
    expect(merged.data).toEqual({ mergeActors: { keptId: KEEP, filledProperties: [] } });
    const { records } = await driver.executeQuery("MATCH (a:Actor {id: $id}) RETURN a.email AS email, a.formerEmails AS former", { id: KEEP });
    expect(records[0]?.toObject()).toEqual({ email: KEPT_EMAIL, former: [OLD_EMAIL] });

    const read = `query ($id: ID!) { actors(where: { id: { eq: $id } }) { formerEmails } }`;
    const named = await graphqlAs<{ actors: { formerEmails: string[] | null }[] }>(coordinator, read, { id: KEEP });
    expect(named.data?.actors).toEqual([{ formerEmails: [OLD_EMAIL] }]);
    expect(codeOf(await graphqlAs(analyst, read, { id: KEEP }))).toBe("FORBIDDEN");
    expect(codeOf(await graphqlAs(analyst, `query ($e: String!) { actors(where: { formerEmails: { includes: $e } }) { id } }`, { e: OLD_EMAIL }))).toBe("FORBIDDEN");
    expect(await count("MATCH (e:AuditEntry) WHERE $id IN e.relatedIds AND e.changes CONTAINS $old RETURN count(e) AS n", { id: KEEP, old: OLD_EMAIL })).toBe(0);
  });

  it("is found again by that e-mail when a spreadsheet still names them: nothing is created, the kept e-mail stays", async () => {
    const before = await people();
    const directory = await importSheet("ACTORS", `Nom;Prénom;Courriel;Structure;Catégorie\nDurand ${WORD};Camille;${OLD_EMAIL.toUpperCase()};${STRUCTURE_NAME};Bénévole\n`);
    expect(directory).toMatchObject({ errorCount: 0, applied: true, counts: { actors: { created: 0, updated: 0, unchanged: 1 }, memberships: { created: 0 } } });
    const list = await importSheet("MEMBERSHIPS", `Courriel;Groupe de travail;Rôle\n${OLD_EMAIL};Groupe ${TAG};Membre\n`);
    expect(list).toMatchObject({ errorCount: 0, applied: true, counts: { participations: { created: 1 } } });
    expect(await people()).toBe(before);
    expect(await count("MATCH (a:Actor {id: $id, email: $kept})-[:PARTICIPATES_IN]->(w:WorkGroup {name: $group}) RETURN count(a) AS n", { id: KEEP, kept: KEPT_EMAIL, group: `Groupe ${TAG}` })).toBe(1);
  });

  it("has it exported with their data and erased with them", async () => {
    const data = await graphqlAs<{ personData: { formerEmails: string[]; document: string } }>(coordinator, `query ($id: ID!) { personData(actorId: $id) { formerEmails document } }`, { id: KEEP });
    expect(data.errors).toBeUndefined();
    expect(data.data?.personData.formerEmails).toEqual([OLD_EMAIL]);
    expect((JSON.parse(data.data!.personData.document) as { actor: { formerEmails?: string[] } }).actor.formerEmails).toEqual([OLD_EMAIL]);
    const erased = await graphqlAs(ADMIN, `mutation ($id: ID!) { erasePerson(actorId: $id) { actorId } }`, { id: KEEP });
    expect(erased.errors).toBeUndefined();
    expect(await count("MATCH (a:Actor) WHERE $old IN a.formerEmails OR a.email = $old RETURN count(a) AS n", { old: OLD_EMAIL })).toBe(0);
    expect(await count("MATCH (e:AuditEntry) WHERE e.changes CONTAINS $old RETURN count(e) AS n", { old: OLD_EMAIL })).toBe(0);
  });
});

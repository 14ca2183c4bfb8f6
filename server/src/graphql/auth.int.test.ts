import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import type * as GraphQL from "graphql";
import type { ExecutionResult } from "graphql";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ADMIN, graphqlAs, type GraphQLResponse, type TestViewer } from "../../../test/graphql.js";
import { mintToken } from "../auth/tokens.js";
import { createQueryRunner, loadQueries } from "../neo4j/queries.js";
import { buildSchema } from "./schema.js";

// The schema comes from @neo4j/graphql (CommonJS): execute it with the CommonJS build of graphql.
const { graphql } = createRequire(import.meta.url)("graphql") as typeof GraphQL;

const appUrl = inject("appUrl");
const CEVENNES = "pays-cevennes";
const GORGES = "gorges-causses-cevennes";

const analyst: TestViewer = { role: "ANALYST", territories: [CEVENNES] };
const coordinator: TestViewer = { role: "COORDINATOR", territories: [CEVENNES] };
const otherCoordinator: TestViewer = { role: "COORDINATOR", territories: [GORGES] };

const codeOf = (response: GraphQLResponse<unknown>): string | undefined => response.errors?.[0]?.extensions?.code;

async function post(body: unknown, authorization?: string): Promise<{ status: number; body: GraphQLResponse<unknown> }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (authorization !== undefined) headers.authorization = authorization;
  const response = await fetch(`${appUrl}/graphql`, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<unknown> };
}

describe("without a valid token", () => {
  it("refuses every GraphQL request, introspection included, with 401 UNAUTHENTICATED", async () => {
    for (const query of ["{ territories { id } }", "{ __schema { queryType { name } } }", `{ structureNetwork(territoryId: "${CEVENNES}") { ties { weight } } }`]) {
      const { status, body } = await post({ query });
      expect(status).toBe(401);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([{ message: "A valid bearer token is required.", extensions: { code: "UNAUTHENTICATED" } }]);
    }
  });

  it("refuses an expired, forged or malformed token", async () => {
    const expired = await mintToken(inject("jwtSecret"), { subject: "x", role: "ADMIN", territories: ["*"], expiresInSeconds: -60 });
    const forged = await mintToken("not-the-secret-of-this-app-not-the-secret", { subject: "x", role: "ADMIN", territories: ["*"], expiresInSeconds: 60 });
    for (const header of [`Bearer ${expired.token}`, `Bearer ${forged.token}`, "Bearer abc.def.ghi", `Basic ${Buffer.from("a:b").toString("base64")}`]) {
      const { status, body } = await post({ query: "{ territories { id } }" }, header);
      expect(status).toBe(401);
      expect(codeOf(body)).toBe("UNAUTHENTICATED");
    }
  });

  it("keeps /health open", async () => {
    const response = await fetch(`${appUrl}/health`);
    expect(response.status).toBe(200);
  });
});

describe("the development login", () => {
  it("announces itself and gives a working token for the chosen role, on every demo territory by default", async () => {
    expect(await (await fetch(`${appUrl}/auth/config`)).json()).toEqual({ devLogin: true });
    const response = await fetch(`${appUrl}/auth/dev-login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ role: "ANALYST" }),
    });
    expect(response.status).toBe(200);
    const login = (await response.json()) as { token: string; expiresAt: string; viewer: { role: string; territories: string[] } };
    expect(login.viewer).toMatchObject({ role: "ANALYST", territories: [CEVENNES, GORGES] });
    expect(Date.parse(login.expiresAt)).toBeGreaterThan(Date.now());
    const { status, body } = await post({ query: "{ territories(sort: [{ id: ASC }]) { id } }" }, `Bearer ${login.token}`);
    expect(status).toBe(200);
    expect(body.data).toEqual({ territories: [{ id: GORGES }, { id: CEVENNES }] });
  });

  it("refuses an unknown role with 400", async () => {
    const response = await fetch(`${appUrl}/auth/dev-login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ role: "ROOT" }),
    });
    expect(response.status).toBe(400);
  });
});

describe("territory scoping", () => {
  const territoriesOf = async (viewer: TestViewer): Promise<string[]> => {
    const result = await graphqlAs<{ territories: { id: string }[] }>(viewer, "{ territories { id } }");
    expect(result.errors).toBeUndefined();
    return (result.data?.territories ?? []).map((territory) => territory.id).sort();
  };

  it("shows each viewer the territories of its token, and administrators all of them", async () => {
    expect(await territoriesOf(analyst)).toEqual([CEVENNES]);
    expect(await territoriesOf(coordinator)).toEqual([CEVENNES]);
    expect(await territoriesOf(otherCoordinator)).not.toContain(CEVENNES);
    expect(await territoriesOf(ADMIN)).toEqual([GORGES, CEVENNES].sort());
  });

  it("hides every kind of node of another territory, whatever the entry point", async () => {
    const query = `query Hidden($prefix: ID!) {
      structures(where: { id: { startsWith: $prefix } }) { id }
      institutions(where: { id: { startsWith: $prefix } }) { id }
      actors(where: { id: { startsWith: $prefix } }) { id }
      workGroups(where: { id: { startsWith: $prefix } }) { id }
      events(limit: 5, where: { id: { startsWith: $prefix } }) { id }
      contracts(where: { id: { startsWith: $prefix } }) { id }
      axes(where: { id: { startsWith: $prefix } }) { id }
      communes(where: { code: { eq: "30007" } }) { code }
      epcis(where: { code: { eq: "200066918" } }) { code }
      eventsConnection(where: { id: { startsWith: $prefix } }) { aggregate { count { nodes } } }
    }`;
    const hidden = await graphqlAs<Record<string, unknown>>(otherCoordinator, query, { prefix: `${CEVENNES}-` });
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data).toEqual({
      structures: [],
      institutions: [],
      actors: [],
      workGroups: [],
      events: [],
      contracts: [],
      axes: [],
      communes: [],
      epcis: [],
      eventsConnection: { aggregate: { count: { nodes: 0 } } },
    });
    const visible = await graphqlAs<Record<string, unknown[]>>(analyst, query, { prefix: `${CEVENNES}-` });
    for (const field of ["structures", "institutions", "actors", "workGroups", "events", "contracts", "axes", "communes", "epcis"]) {
      expect(visible.data?.[field]?.length, field).toBeGreaterThan(0);
    }
  });

  it("counts the territory's own figures for its viewers", async () => {
    const result = await graphqlAs<Record<string, { aggregate: { count: { nodes: number } } }>>(
      analyst,
      `{ structuresConnection { aggregate { count { nodes } } } communesConnection { aggregate { count { nodes } } }
         institutionsConnection { aggregate { count { nodes } } } workGroupsConnection { aggregate { count { nodes } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.structuresConnection?.aggregate.count.nodes).toBe(277);
    expect(result.data?.communesConnection?.aggregate.count.nodes).toBe(94);
    expect(result.data?.institutionsConnection?.aggregate.count.nodes).toBe(14);
    expect(result.data?.workGroupsConnection?.aggregate.count.nodes).toBe(120);
  });

  it("refuses the structure network of a territory outside the token with FORBIDDEN", async () => {
    const query = `query Network($id: ID!) { structureNetwork(territoryId: $id) { nodes { id } } }`;
    expect(codeOf(await graphqlAs(otherCoordinator, query, { id: CEVENNES }))).toBe("FORBIDDEN");
    const allowed = await graphqlAs<{ structureNetwork: { nodes: unknown[] } }>(analyst, query, { id: CEVENNES });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?.structureNetwork.nodes.length).toBeGreaterThan(277);
  });
});

describe("personal data", () => {
  const people = `{ actors(limit: 3, sort: [{ id: ASC }], where: { id: { startsWith: "${CEVENNES}-" } }) { id pseudonym displayName } }`;
  type People = { actors: { id: string; pseudonym: string; displayName: string }[] };

  it("shows analysts stable pseudonyms instead of names", async () => {
    const first = await graphqlAs<People>(analyst, people);
    const again = await graphqlAs<People>(analyst, people);
    expect(first.errors).toBeUndefined();
    expect(first.data?.actors).toHaveLength(3);
    for (const actor of first.data?.actors ?? []) {
      expect(actor.pseudonym).toMatch(/^Acteur [0-9A-Z]{8}$/);
      expect(actor.displayName).toBe(actor.pseudonym);
    }
    expect(again.data).toEqual(first.data);
  });

  it("shows coordinators and administrators the real names, with the same pseudonyms", async () => {
    const analysts = await graphqlAs<People>(analyst, people);
    const named = await graphqlAs<{ actors: { id: string; pseudonym: string; displayName: string; firstName: string; lastName: string; email: string | null }[] }>(
      coordinator,
      `{ actors(limit: 3, sort: [{ id: ASC }], where: { id: { startsWith: "${CEVENNES}-" } }) { id pseudonym displayName firstName lastName email } }`,
    );
    expect(named.errors).toBeUndefined();
    named.data?.actors.forEach((actor, index) => {
      expect(actor.displayName).toBe(`${actor.firstName} ${actor.lastName}`);
      expect(actor.pseudonym).toBe(analysts.data?.actors[index]?.pseudonym);
      expect(actor.pseudonym).not.toContain(actor.lastName);
    });
    const admin = await graphqlAs<{ actors: { email: string | null }[] }>(ADMIN, "{ actors(limit: 1) { email phone } }");
    expect(admin.errors).toBeUndefined();
  });

  const routes: [string, string, Record<string, unknown>?][] = [
    ["a direct selection", "{ actors(limit: 1) { id email } }"],
    ["a nested selection", "{ structures(limit: 1) { members(limit: 1) { lastName } } }"],
    ["a deeply nested selection", "{ territories { workGroups(limit: 1) { participants(limit: 1) { phone } } } }"],
    ["an alias in a fragment", "{ actors(limit: 1) { ...Who } } fragment Who on Actor { who: firstName }"],
    ["a filter", '{ actors(where: { lastName: { eq: "Martin" } }) { id } }'],
    ["a filter in a variable", "query ($where: ActorWhere) { actors(where: $where) { id } }", { where: { OR: [{ email: { contains: "@" } }] } }],
    ["a filter through a relationship", '{ structures(where: { members: { some: { lastName: { startsWith: "M" } } } }) { id } }'],
    ["a connection filter", '{ structures(limit: 1) { membersConnection(where: { node: { firstName: { eq: "Marie" } } }) { totalCount } } }'],
    ["sorting", "{ actors(limit: 3, sort: [{ lastName: ASC }]) { id } }"],
    ["sorting a connection", "{ actorsConnection(first: 3, sort: [{ email: DESC }]) { edges { node { id } } } }"],
    ["an aggregation", "{ actorsConnection { aggregate { node { lastName { shortest } } } } }"],
    ["a nested aggregation", "{ structures(limit: 1) { membersConnection { aggregate { node { email { longest } } } } } }"],
    ["a connection", "{ structures(limit: 1) { membersConnection(first: 1) { edges { node { email } } } } }"],
    ["an aggregation filter", "{ structures(where: { membersConnection: { some: { node: { phone: { eq: \"x\" } } } } }) { id } }"],
  ];

  it.each(routes)("refuses analysts through %s with FORBIDDEN and no data", async (_route, query, variables) => {
    const result = await graphqlAs(analyst, query, variables);
    expect(codeOf(result)).toBe("FORBIDDEN");
    expect(result.data ?? null).toBeNull();
  });

  it.each(routes)("lets coordinators through %s", async (_route, query, variables) => {
    const result = await graphqlAs(coordinator, query, variables);
    expect(result.errors).toBeUndefined();
  });
});

describe("analytics fields", () => {
  const query = `query Actors($id: ID!) { collaborationNetwork(territoryId: $id, level: ACTOR, first: 1) { nodes { kind label } } }`;
  type Network = { collaborationNetwork: { nodes: { kind: string; label: string }[] } };

  it("label actors with pseudonyms for analysts and with names for coordinators", async () => {
    const pseudonymised = await graphqlAs<Network>(analyst, query, { id: CEVENNES });
    expect(pseudonymised.errors).toBeUndefined();
    const actors = pseudonymised.data?.collaborationNetwork.nodes ?? [];
    expect(actors.length).toBeGreaterThan(100);
    for (const node of actors) expect(node.label).toMatch(/^Acteur [0-9A-Z]{8}$/);
    const named = await graphqlAs<Network>(coordinator, query, { id: CEVENNES });
    expect(named.data?.collaborationNetwork.nodes.some((node) => node.label.startsWith("Acteur "))).toBe(false);
  });

  it("refuse a territory outside the token with FORBIDDEN", async () => {
    expect(codeOf(await graphqlAs(analyst, query, { id: GORGES }))).toBe("FORBIDDEN");
  });
});

describe("writes", () => {
  const tag = `auth-${randomUUID().slice(0, 8)}`;
  const existing = `${CEVENNES}-s-001`;
  const RESULT = "entityId operation auditEntryId";
  const saveStructure = `mutation ($input: SaveStructureInput!) { saveStructure(input: $input) { ${RESULT} } }`;
  const deleteStructure = `mutation ($t: ID!, $id: ID!) { deleteStructure(territoryId: $t, id: $id) { ${RESULT} } }`;
  const saveActor = `mutation ($input: SaveActorInput!) { saveActor(input: $input) { ${RESULT} } }`;
  const deleteActor = `mutation ($t: ID!, $id: ID!) { deleteActor(territoryId: $t, id: $id) { ${RESULT} } }`;
  type Edit = { entityId: string; operation: string; auditEntryId: string | null };
  let driver: Driver;
  let original: { name: string; sector: string; kind: string; communeCode: string };
  let foreignCommune: string;
  /** Records created by this block, removed at the end with their audit entries. */
  const created = new Set<string>();

  const structureName = async (id: string): Promise<string | null> => {
    const result = await graphqlAs<{ structures: { name: string }[] }>(ADMIN, `query ($id: ID!) { structures(where: { id: { eq: $id } }) { name } }`, { id });
    return result.data?.structures[0]?.name ?? null;
  };
  const structuresNamed = async (name: string): Promise<number> => {
    const { records } = await driver.executeQuery("MATCH (s:Structure {name: $name}) RETURN count(s) AS n", { name });
    return neo4j.integer.toNumber(records[0]?.get("n"));
  };
  const newStructure = (territoryId: string, name: string, communeCode: string) => ({ territoryId, name, sector: "CARE", kind: "Association", communeCode });

  beforeAll(async () => {
    driver = neo4j.driver(inject("neo4jUri"));
    const { records } = await driver.executeQuery(
      "MATCH (s:Structure {id: $id})-[:LOCATED_IN]->(c:Commune) RETURN s.name AS name, s.sector AS sector, s.kind AS kind, c.code AS communeCode",
      { id: existing },
    );
    original = records[0]!.toObject() as typeof original;
    const foreign = await driver.executeQuery("MATCH (c:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(:Territory {id: $t}) RETURN c.code AS code LIMIT 1", { t: GORGES });
    foreignCommune = foreign.records[0]!.get("code") as string;
  });

  afterAll(async () => {
    const ids = [...created];
    await driver.executeQuery("MATCH (e:AuditEntry) WHERE any(id IN e.relatedIds WHERE id IN $ids) DETACH DELETE e", { ids });
    await driver.executeQuery("MATCH (n) WHERE (n:Structure OR n:Actor) AND n.id IN $ids DETACH DELETE n", { ids });
    await driver.close();
  });

  it("refuses analysts with FORBIDDEN and changes nothing", async () => {
    const rename = await graphqlAs(analyst, saveStructure, { input: { ...newStructure(CEVENNES, "Piraté", original.communeCode), id: existing, sector: original.sector, kind: original.kind } });
    expect(codeOf(rename)).toBe("FORBIDDEN");
    const create = await graphqlAs(analyst, saveStructure, { input: newStructure(CEVENNES, `${tag} analyst`, original.communeCode) });
    expect(codeOf(create)).toBe("FORBIDDEN");
    expect(codeOf(await graphqlAs(analyst, deleteStructure, { t: CEVENNES, id: existing }))).toBe("FORBIDDEN");
    expect(await structureName(existing)).toBe(original.name);
    expect(await structuresNamed(`${tag} analyst`)).toBe(0);
  });

  it("does not let a coordinator write in another territory, whichever territory the request names", async () => {
    const rename = { ...newStructure(CEVENNES, "Piraté", original.communeCode), id: existing, sector: original.sector, kind: original.kind };
    expect(codeOf(await graphqlAs(otherCoordinator, saveStructure, { input: rename }))).toBe("FORBIDDEN");
    // Naming their own territory (and one of its communes) does not reach a structure of another one.
    expect(codeOf(await graphqlAs(otherCoordinator, saveStructure, { input: { ...rename, territoryId: GORGES, communeCode: foreignCommune } }))).toBe("NOT_FOUND");
    expect(codeOf(await graphqlAs(otherCoordinator, deleteStructure, { t: CEVENNES, id: existing }))).toBe("FORBIDDEN");
    expect(codeOf(await graphqlAs(otherCoordinator, deleteStructure, { t: GORGES, id: existing }))).toBe("NOT_FOUND");
    expect(codeOf(await graphqlAs(otherCoordinator, saveStructure, { input: newStructure(CEVENNES, `${tag} other`, original.communeCode) }))).toBe("FORBIDDEN");
    expect(await structureName(existing)).toBe(original.name);
    expect(await structuresNamed(`${tag} other`)).toBe(0);
  });

  it("lets a coordinator create, change and delete in their territory, names and contacts included", async () => {
    const create = await graphqlAs<{ saveStructure: Edit }>(coordinator, saveStructure, { input: newStructure(CEVENNES, `${tag} mine`, original.communeCode) });
    expect(create.errors).toBeUndefined();
    const structureId = create.data!.saveStructure.entityId;
    created.add(structureId);
    const person = await graphqlAs<{ saveActor: Edit }>(coordinator, saveActor, {
      input: { territoryId: CEVENNES, firstName: "Lou", lastName: `${tag}-Test`, email: "lou@example.org", category: "VOLUNTEER", membership: { organisationId: structureId, role: "Bénévole" } },
    });
    expect(person.errors).toBeUndefined();
    const actorId = person.data!.saveActor.entityId;
    created.add(actorId);
    const renamed = await graphqlAs(coordinator, saveStructure, { input: { ...newStructure(CEVENNES, `${tag} renamed`, original.communeCode), id: structureId } });
    expect(renamed.errors).toBeUndefined();
    const members = await graphqlAs<{ structures: { name: string; members: { email: string }[] }[] }>(
      coordinator,
      `query ($id: ID!) { structures(where: { id: { eq: $id } }) { name members { email } } }`,
      { id: structureId },
    );
    expect(members.data?.structures).toEqual([{ name: `${tag} renamed`, members: [{ email: "lou@example.org" }] }]);
    const removedActor = await graphqlAs<{ deleteActor: Edit }>(coordinator, deleteActor, { t: CEVENNES, id: actorId });
    const removedStructure = await graphqlAs<{ deleteStructure: Edit }>(coordinator, deleteStructure, { t: CEVENNES, id: structureId });
    expect(removedActor.data?.deleteActor.operation).toBe("DELETE");
    expect(removedStructure.data?.deleteStructure.operation).toBe("DELETE");
    expect(await structureName(structureId)).toBeNull();
  });

  it("refuses a coordinator's write that would reach out of their territory, and leaves nothing half-written", async () => {
    const outside = await graphqlAs(coordinator, saveStructure, { input: newStructure(CEVENNES, `${tag} outside`, foreignCommune) });
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "input.communeCode", reason: "NOT_IN_TERRITORY" });
    expect(await structuresNamed(`${tag} outside`)).toBe(0);
    const { records } = await driver.executeQuery("MATCH (s:Structure)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(:Territory {id: $t}) RETURN s.id AS id LIMIT 1", { t: GORGES });
    const foreignStructure = records[0]!.get("id") as string;
    const lastName = `${tag}-Ailleurs`;
    const person = await graphqlAs(coordinator, saveActor, {
      input: { territoryId: CEVENNES, firstName: "Lou", lastName, category: "VOLUNTEER", membership: { organisationId: foreignStructure } },
    });
    expect(person.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "input.membership.organisationId", reason: "NOT_IN_TERRITORY" });
    const actors = await driver.executeQuery("MATCH (a:Actor {lastName: $lastName}) RETURN count(a) AS n", { lastName });
    expect(neo4j.integer.toNumber(actors.records[0]?.get("n"))).toBe(0);
  });
});

/**
 * The schema's own rules, without the HTTP layer's check: @authorization alone refuses personal
 * fields in selections, connections and aggregations (filters and sorting need the plugin).
 */
describe("the @authorization rules of the schema alone", () => {
  let driver: Driver;
  let run: (source: string) => Promise<ExecutionResult>;

  beforeAll(async () => {
    driver = neo4j.driver(inject("neo4jUri"));
    const schema = await buildSchema({ driver, queries: createQueryRunner(driver, loadQueries()) });
    run = (source) =>
      graphql({
        schema,
        source,
        contextValue: {
          viewer: { subject: "direct", role: "ANALYST", territories: [CEVENNES] },
          pseudonymSecret: "direct-test",
          jwt: { sub: "direct", role: "ANALYST", territories: [CEVENNES] },
        },
      });
  });

  afterAll(async () => {
    await driver?.close();
  });

  it.each([
    "{ actors(limit: 1) { id email } }",
    "{ structures(limit: 1) { members(limit: 1) { lastName } } }",
    "{ structures(limit: 1) { membersConnection(first: 1) { edges { node { phone } } } } }",
    "{ actorsConnection { aggregate { node { firstName { shortest } } } } }",
  ])("refuses analysts %s", async (source) => {
    const result = await run(source);
    expect(result.errors?.[0]?.message).toBe("Forbidden");
    expect(result.data ?? null).toBeNull();
  });

  it("scopes reads to the token's territories", async () => {
    const result = await run("{ territories { id } }");
    expect(result.data).toEqual({ territories: [{ id: CEVENNES }] });
  });
});

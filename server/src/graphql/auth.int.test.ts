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
  const createStructure = `mutation Create($id: ID!) {
    createStructures(input: [{ id: $id, name: "Structure de test", sector: CARE, kind: "Association",
      commune: { connect: [{ where: { node: { code: { eq: "30007" } } } }] } }]) { structures { id } }
  }`;
  const structureName = async (id: string): Promise<string | null> => {
    const result = await graphqlAs<{ structures: { name: string }[] }>(ADMIN, `query ($id: ID!) { structures(where: { id: { eq: $id } }) { name } }`, { id });
    return result.data?.structures[0]?.name ?? null;
  };
  let originalName: string | null = null;

  beforeAll(async () => {
    originalName = await structureName(existing);
  });

  afterAll(async () => {
    await graphqlAs(ADMIN, `mutation ($prefix: ID!, $codes: [ID!]!) {
      deleteActors(where: { id: { startsWith: $prefix } }) { nodesDeleted }
      deleteStructures(where: { id: { startsWith: $prefix } }) { nodesDeleted }
      deleteCommunes(where: { code: { in: $codes } }) { nodesDeleted }
    }`, { prefix: tag, codes: [`X${tag.slice(5, 9)}`] });
  });

  it("refuses analysts with FORBIDDEN and changes nothing", async () => {
    const update = await graphqlAs(analyst, `mutation ($id: ID!) { updateStructures(where: { id: { eq: $id } }, update: { name: { set: "Piraté" } }) { structures { id } } }`, { id: existing });
    expect(codeOf(update)).toBe("FORBIDDEN");
    const create = await graphqlAs(analyst, createStructure, { id: `${tag}-analyst` });
    expect(codeOf(create)).toBe("FORBIDDEN");
    const remove = await graphqlAs(analyst, `mutation ($id: ID!) { deleteStructures(where: { id: { eq: $id } }) { nodesDeleted } }`, { id: existing });
    expect(codeOf(remove)).toBe("FORBIDDEN");
    expect(await structureName(existing)).toBe(originalName);
    expect(await structureName(`${tag}-analyst`)).toBeNull();
  });

  it("does not let a coordinator write in another territory", async () => {
    const update = await graphqlAs<{ updateStructures: { structures: unknown[] } }>(
      otherCoordinator,
      `mutation ($id: ID!) { updateStructures(where: { id: { eq: $id } }, update: { name: { set: "Piraté" } }) { structures { id } } }`,
      { id: existing },
    );
    expect(update.data?.updateStructures.structures ?? []).toEqual([]);
    const remove = await graphqlAs<{ deleteStructures: { nodesDeleted: number } }>(
      otherCoordinator,
      `mutation ($id: ID!) { deleteStructures(where: { id: { eq: $id } }) { nodesDeleted } }`,
      { id: existing },
    );
    expect(remove.data?.deleteStructures.nodesDeleted ?? 0).toBe(0);
    expect(codeOf(await graphqlAs(otherCoordinator, createStructure, { id: `${tag}-other` }))).toBe("FORBIDDEN");
    expect(await structureName(existing)).toBe(originalName);
    expect(await structureName(`${tag}-other`)).toBeNull();
  });

  it("lets a coordinator create, change and delete in their territory, names and contacts included", async () => {
    const create = await graphqlAs(coordinator, createStructure, { id: `${tag}-mine` });
    expect(create.errors).toBeUndefined();
    const member = await graphqlAs<{ updateStructures: { structures: { members: { email: string }[] }[] } }>(
      coordinator,
      `mutation ($id: ID!, $actorId: ID!) { updateStructures(where: { id: { eq: $id } }, update: {
        name: { set: "Structure renommée" },
        members: [{ create: [{ edge: { role: "Bénévole" }, node: { id: $actorId, firstName: "Lou", lastName: "Test", email: "lou@example.org", category: VOLUNTEER } }] }]
      }) { structures { members { email } } } }`,
      { id: `${tag}-mine`, actorId: `${tag}-actor` },
    );
    expect(member.errors).toBeUndefined();
    expect(member.data?.updateStructures.structures[0]?.members).toEqual([{ email: "lou@example.org" }]);
    expect(await structureName(`${tag}-mine`)).toBe("Structure renommée");
    const remove = await graphqlAs<{ deleteActors: { nodesDeleted: number }; deleteStructures: { nodesDeleted: number } }>(
      coordinator,
      `mutation ($id: ID!, $actorId: ID!) { deleteActors(where: { id: { eq: $actorId } }) { nodesDeleted } deleteStructures(where: { id: { eq: $id } }) { nodesDeleted } }`,
      { id: `${tag}-mine`, actorId: `${tag}-actor` },
    );
    expect(remove.data).toEqual({ deleteActors: { nodesDeleted: 1 }, deleteStructures: { nodesDeleted: 1 } });
  });

  it("refuses a coordinator's write that would leave their territory, and leaves nothing half-written", async () => {
    const code = `X${tag.slice(5, 9)}`;
    const result = await graphqlAs(
      coordinator,
      `mutation ($id: ID!, $code: ID!) { createStructures(input: [{ id: $id, name: "Hors territoire", sector: CARE, kind: "Association",
        commune: { create: [{ node: { code: $code, name: "Ailleurs", population: 1, departement: "99" } }] } }]) { structures { id } } }`,
      { id: `${tag}-outside`, code },
    );
    expect(codeOf(result)).toBe("FORBIDDEN");
    expect(await structureName(`${tag}-outside`)).toBeNull();
    const commune = await graphqlAs<{ communes: unknown[] }>(ADMIN, `query ($code: ID!) { communes(where: { code: { eq: $code } }) { code } }`, { code });
    expect(commune.data?.communes).toEqual([]);
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

/**
 * Every GraphQL example of docs/api.md runs against the demo data (issue 22) and answers without
 * errors. An example block is a fenced `graphql` block; it runs with an ANALYST token for both demo
 * territories unless a comment line in it names the role (`# role: ADMIN`), and an operation gets
 * the variables of its `# variables <OperationName>: {…}` comment line (JSON). Examples that write are undone
 * afterwards (UNDO below); the merge runs on two throwaway people after checking that the people the
 * doc names exist.
 */
import neo4j, { type Driver } from "neo4j-driver";
import { readFileSync } from "node:fs";
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { graphqlAs, tokenFor, type TestViewer } from "../../../test/graphql.js";
import type { Role } from "../auth/viewer.js";

const DOC = new URL("../../../docs/api.md", import.meta.url);
const DEMO = ["pays-cevennes", "gorges-causses-cevennes"];

interface Example {
  readonly line: number;
  readonly document: string;
  readonly operation: string;
  readonly isMutation: boolean;
  readonly role: Role;
  readonly variables: Record<string, unknown>;
}

/** The examples of the doc, one per operation of each fenced graphql block. */
function examples(markdown: string): Example[] {
  const found: Example[] = [];
  for (const match of markdown.matchAll(/^```graphql\n([\s\S]*?)^```/gm)) {
    const document = match[1]!;
    const line = markdown.slice(0, match.index).split("\n").length;
    const role = /^# role: (ADMIN|COORDINATOR|ANALYST)\s*$/m.exec(document)?.[1] as Role | undefined;
    const variables = new Map([...document.matchAll(/^# variables (\w+): (.+)$/gm)].map((line) => [line[1]!, JSON.parse(line[2]!) as Record<string, unknown>]));
    for (const definition of parse(document).definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const operation = definition as OperationDefinitionNode;
      found.push({
        line,
        document,
        operation: operation.name?.value ?? "",
        isMutation: operation.operation === "mutation",
        role: role ?? "ANALYST",
        variables: variables.get(operation.name?.value ?? "") ?? {},
      });
    }
  }
  return found;
}

const all = examples(readFileSync(DOC, "utf8"));
const ADMIN: TestViewer = { role: "ADMIN", territories: ["*"] };
const viewerFor = (role: Role): TestViewer => (role === "ADMIN" ? ADMIN : { role, territories: DEMO });

let driver: Driver;
const TAG = `docs${Date.now().toString(36)}`;

async function post(example: Example, variables = example.variables) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  headers.authorization = `Bearer ${await tokenFor(viewerFor(example.role))}`;
  const response = await fetch(`${inject("appUrl")}/graphql`, {
    method: "POST",
    headers,
    body: JSON.stringify({ query: example.document, operationName: example.operation, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** What an example that writes needs around it: the variables it runs with, and how to undo it. */
interface Undo {
  before?: (example: Example) => Promise<Record<string, unknown>>;
  after: (example: Example, data: Record<string, unknown>) => Promise<void>;
}

let structureBefore: Record<string, unknown> | null = null;

const UNDO: Readonly<Record<string, Undo>> = {
  RenameStructure: {
    before: async (example) => {
      const id = /saveStructure\(input: \{ id: "([^"]+)"/.exec(example.document)?.[1];
      const result = await driver.executeQuery(
        `MATCH (s:Structure {id: $id})-[:LOCATED_IN]->(c:Commune) RETURN s {.id, .name, .sector, .kind} AS s, c.code AS communeCode`,
        { id },
        { routing: "READ" },
      );
      const record = result.records[0];
      expect(record, `the structure ${id} of the example exists`).toBeDefined();
      structureBefore = { ...(record!.get("s") as Record<string, unknown>), communeCode: record!.get("communeCode") };
      return example.variables;
    },
    after: async (_example, data) => {
      const saved = data.saveStructure as { version: number };
      const before = structureBefore!;
      const restored = await graphqlAs(
        ADMIN,
        `mutation ($input: SaveStructureInput!) { saveStructure(input: $input) { version } }`,
        { input: { id: before.id, territoryId: "gorges-causses-cevennes", name: before.name, sector: before.sector, kind: before.kind, communeCode: before.communeCode, expectedVersion: saved.version } },
      );
      expect(restored.errors).toBeUndefined();
    },
  },
  CreateVans: {
    after: async (_example, data) => {
      const { id } = data.createTerritory as { id: string };
      await driver.executeQuery(
        `MATCH (t:Territory {id: $id}) OPTIONAL MATCH (t)<-[:BELONGS_TO]-(a:Axis) OPTIONAL MATCH (t)<-[:COVERS]-(k:Contract) DETACH DELETE t, a, k`,
        { id },
      );
      await driver.executeQuery(`MATCH (e:Epci {code: "200039832"}) OPTIONAL MATCH (e)<-[:PART_OF]-(c:Commune) DETACH DELETE e, c`);
      await driver.executeQuery(`MATCH (e:AuditEntry {territoryId: $id}) DELETE e`, { id });
    },
  },
  Merge: {
    before: async (example) => {
      const named = await driver.executeQuery(`MATCH (a:Actor) WHERE a.id IN [$keepId, $mergeId] RETURN count(a) AS n`, example.variables, { routing: "READ" });
      expect(named.records[0]!.get("n").toNumber(), "the people the example names exist").toBe(2);
      await driver.executeQuery(
        `MATCH (s:Structure)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(:Territory {id: "gorges-causses-cevennes"})
         WITH s ORDER BY s.id LIMIT 1
         CREATE (:Actor {id: $keep, firstName: "Exemple", lastName: "Doc " + $tag, category: "PROFESSIONAL"})-[:MEMBER_OF {role: "Infirmière", since: date("2020-01-01")}]->(s)
         CREATE (:Actor {id: $merge, firstName: "Exemple", lastName: "DOC " + $tag, category: "PROFESSIONAL"})-[:MEMBER_OF {role: "Infirmière", since: date("2021-01-01")}]->(s)`,
        { keep: `gorges-causses-cevennes-${TAG}-keep`, merge: `gorges-causses-cevennes-${TAG}-merge`, tag: TAG },
      );
      return { ...example.variables, keepId: `gorges-causses-cevennes-${TAG}-keep`, mergeId: `gorges-causses-cevennes-${TAG}-merge` };
    },
    after: async () => {
      await driver.executeQuery(`MATCH (a:Actor) WHERE a.id STARTS WITH $prefix DETACH DELETE a`, { prefix: `gorges-causses-cevennes-${TAG}-` });
    },
  },
};

beforeAll(() => {
  driver = neo4j.driver(inject("neo4jUri"));
});

afterAll(async () => {
  await driver.close();
});

describe("docs/api.md's GraphQL examples", () => {
  it("are found, named, and every one that writes knows how it is undone", () => {
    expect(all.length).toBeGreaterThanOrEqual(20);
    for (const example of all) {
      expect(example.operation, `an operation at line ${example.line} has a name`).not.toBe("");
      if (example.isMutation) expect(Object.keys(UNDO), `how to undo ${example.operation}`).toContain(example.operation);
    }
  });

  for (const example of all) {
    it(`${example.operation} (line ${example.line}, as ${example.role}) answers without errors`, { timeout: 240_000 }, async () => {
      const undo = example.isMutation ? UNDO[example.operation] : undefined;
      const variables = undo?.before ? await undo.before(example) : example.variables;
      const result = await post(example, variables);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      expect(result.data).toBeTruthy();
      if (undo) await undo.after(example, result.data!);
    });
  }
});

import { ApolloServer } from "@apollo/server";
import { buildSchema, parse, type OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changesNetwork, writeNotifierPlugin } from "./writeNotifier.js";

const operation = (source: string): OperationDefinitionNode => {
  const definition = parse(source).definitions[0];
  if (definition?.kind !== "OperationDefinition") throw new Error("Expected an operation");
  return definition;
};

describe("changesNetwork", () => {
  it("keeps the analytics cache for saved-view mutations only", () => {
    expect(changesNetwork(operation("mutation { saveView(input: $i) { id } renameSavedView(id: 1, name: \"a\") { id } __typename }"))).toBe(false);
    expect(changesNetwork(operation("mutation { deleteSavedView(id: 1) }"))).toBe(false);
  });

  it("drops it for the editing, territory, merge and erasure mutations, alone or mixed with a saved view, and for fragments", () => {
    for (const field of ["saveStructure(input: $i) { entityId }", "deleteActor(territoryId: \"t\", id: \"a\") { entityId }", "addAxis(territoryId: \"t\", input: $i) { id }", "mergeActors(territoryId: \"t\", keepId: \"a\", mergeId: \"b\") { keptId }", "erasePerson(actorId: \"a\") { actorId }"]) {
      expect(changesNetwork(operation(`mutation { ${field} }`)), field).toBe(true);
    }
    expect(changesNetwork(operation("mutation { deleteSavedView(id: 1) deleteEvent(territoryId: \"t\", id: \"e\") { entityId } }"))).toBe(true);
    expect(changesNetwork(operation("mutation { ...Writes }"))).toBe(true);
  });
});

describe("writeNotifierPlugin", () => {
  let writes = 0;
  const server = new ApolloServer({
    schema: buildSchema(`
      type Query { ok: Boolean }
      type Mutation { saveStructure(name: String!): String deleteSavedView(id: ID!): Boolean }
    `),
    rootValue: { ok: () => true, saveStructure: ({ name }: { name: string }) => name, deleteSavedView: () => true },
    plugins: [writeNotifierPlugin(() => (writes += 1))],
  });

  beforeAll(async () => {
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
  });

  it("tells of a custom mutation once it ran, and of nothing else", async () => {
    writes = 0;
    await server.executeOperation({ query: "{ ok }" });
    await server.executeOperation({ query: "mutation { deleteSavedView(id: 1) }" });
    expect(writes).toBe(0);
    await server.executeOperation({ query: "mutation { saveStructure(name: \"Maison de santé\") }" });
    expect(writes).toBe(1);
    // A mutation that does not reach execution (here, a field the schema does not have) writes nothing.
    await server.executeOperation({ query: "mutation { createStructures(input: []) { info { nodesCreated } } }" });
    expect(writes).toBe(1);
  });
});

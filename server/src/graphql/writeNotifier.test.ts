import { parse, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { changesNetwork } from "./writeNotifier.js";

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

  it("drops it for any other mutation, alone or mixed with a saved view, and for fragments", () => {
    expect(changesNetwork(operation("mutation { createStructures(input: []) { info { nodesCreated } } }"))).toBe(true);
    expect(changesNetwork(operation("mutation { deleteSavedView(id: 1) deleteActors { nodesDeleted } }"))).toBe(true);
    expect(changesNetwork(operation("mutation { ...Writes }"))).toBe(true);
  });
});

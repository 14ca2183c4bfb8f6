import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse, type DefinitionNode, type StringValueNode } from "graphql";
import { describe, expect, it } from "vitest";

const schemaDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "schema");

const ROOT_TYPES = new Set(["Query", "Mutation", "Subscription"]);

const described = (description: StringValueNode | undefined): boolean => (description?.value.trim() ?? "") !== "";

/** Names of the types, fields, root fields' arguments, enum values and input fields without a description. */
function undescribed(definition: DefinitionNode): string[] {
  const missing: string[] = [];
  switch (definition.kind) {
    case "ObjectTypeDefinition":
    case "ObjectTypeExtension":
    case "InterfaceTypeDefinition": {
      const type = definition.name.value;
      // The root types are assembled from several files (and by @neo4j/graphql): their fields say it all.
      const isRoot = ROOT_TYPES.has(type) || definition.kind === "ObjectTypeExtension";
      if (!isRoot && !described(definition.description)) missing.push(`type ${type}`);
      for (const field of definition.fields ?? []) {
        if (!described(field.description)) missing.push(`${type}.${field.name.value}`);
        if (!ROOT_TYPES.has(type)) continue;
        for (const argument of field.arguments ?? []) {
          if (!described(argument.description)) missing.push(`${type}.${field.name.value}(${argument.name.value})`);
        }
      }
      break;
    }
    case "UnionTypeDefinition":
    case "ScalarTypeDefinition":
      if (!described(definition.description)) missing.push(`${definition.kind === "UnionTypeDefinition" ? "union" : "scalar"} ${definition.name.value}`);
      break;
    case "EnumTypeDefinition": {
      const type = definition.name.value;
      if (!described(definition.description)) missing.push(`enum ${type}`);
      for (const value of definition.values ?? []) {
        if (!described(value.description)) missing.push(`${type}.${value.name.value}`);
      }
      break;
    }
    case "InputObjectTypeDefinition": {
      const type = definition.name.value;
      if (!described(definition.description)) missing.push(`input ${type}`);
      for (const field of definition.fields ?? []) {
        if (!described(field.description)) missing.push(`${type}.${field.name.value}`);
      }
      break;
    }
    default:
      break;
  }
  return missing;
}

const files = readdirSync(schemaDir).filter((name) => name.endsWith(".graphql")).sort();

describe("the descriptions of the GraphQL model", () => {
  it("finds the model's .graphql files", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it("names every element left without a description", () => {
    const sdl = `
      type Thing { "Its id." id: ID! name: String }
      enum Colour { "Red." RED BLUE }
      input ThingWhere { id: ID }
      union Either = Thing
      type Query { "Things." things(limit: Int): [Thing!]! }`;
    expect(parse(sdl).definitions.flatMap(undescribed)).toEqual([
      "type Thing", "Thing.name", "enum Colour", "Colour.BLUE", "input ThingWhere", "ThingWhere.id", "union Either",
      "Query.things(limit)",
    ]);
  });

  it.each(files)("describes every type, field, root field argument, enum value and input field of %s", (file) => {
    const document = parse(readFileSync(path.join(schemaDir, file), "utf8"));
    const missing = document.definitions.flatMap(undescribed);
    expect(missing, `${file}: no description on ${missing.join(", ")}`).toEqual([]);
  });
});

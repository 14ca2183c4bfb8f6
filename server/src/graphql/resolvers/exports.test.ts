import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors.js";
import { exportFieldCount, MAX_EXPORT_POSITIONS, parsePositions } from "./exports.js";

function count(source: string): number {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return exportFieldCount(operation.selectionSet, fragments);
}

describe("exportFieldCount", () => {
  it("counts networkExport at the root, through aliases and fragments", () => {
    expect(count("{ networkExport { content } territories { id } }")).toBe(1);
    expect(count("{ a: networkExport { content } b: networkExport { content } }")).toBe(2);
    expect(count("query { networkExport { content } ...F } fragment F on Query { again: networkExport { content } }")).toBe(2);
    expect(count("query { ... on Query { networkExport { content } } ...F ...F } fragment F on Query { territories { id } }")).toBe(1);
  });
});

describe("parsePositions", () => {
  it("reads positions by id, or null when absent", () => {
    expect(parsePositions(undefined)).toBeNull();
    expect(parsePositions([{ id: "a", x: 1, y: -2 }])).toEqual(new Map([["a", { x: 1, y: -2 }]]));
  });

  it("refuses repeated ids, non-finite coordinates and too many positions", () => {
    const codeOf = (value: unknown): string | undefined => {
      try {
        parsePositions(value);
        return undefined;
      } catch (error) {
        return error instanceof AppError ? error.code : "not an AppError";
      }
    };
    expect(codeOf([{ id: "a", x: 0, y: 0 }, { id: "a", x: 1, y: 1 }])).toBe("BAD_USER_INPUT");
    expect(codeOf([{ id: "a", x: Number.NaN, y: 0 }])).toBe("BAD_USER_INPUT");
    expect(codeOf(Array.from({ length: MAX_EXPORT_POSITIONS }, (_, i) => ({ id: `n${i}`, x: 0, y: 0 })))).toBeUndefined();
    expect(codeOf(Array.from({ length: MAX_EXPORT_POSITIONS + 1 }, (_, i) => ({ id: `n${i}`, x: 0, y: 0 })))).toBe("EXPORT_TOO_LARGE");
  });
});

import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { toPlain } from "./values.js";

describe("toPlain", () => {
  it("turns driver integers, dates and nested values into plain values", () => {
    const value = {
      count: neo4j.int(42),
      on: new neo4j.types.Date(2019, 6, 1),
      list: [neo4j.int(1), { deep: neo4j.int(2) }],
      missing: null,
      name: "Alès",
    };
    expect(toPlain(value)).toEqual({ count: 42, on: "2019-06-01", list: [1, { deep: 2 }], missing: null, name: "Alès" });
  });
});

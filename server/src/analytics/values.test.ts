import { describe, expect, it } from "vitest";
import { tuples } from "./values.js";

describe("tuples", () => {
  it("names each value of a row by its column", () => {
    expect(tuples([["g1", "EVENT", ["ax"]], ["g2", "WORK_GROUP", []]], ["id", "kind", "axisIds"], "groupRows")).toEqual([
      { id: "g1", kind: "EVENT", axisIds: ["ax"] },
      { id: "g2", kind: "WORK_GROUP", axisIds: [] },
    ]);
  });

  it("throws on a row of another length or on something that is not a list of rows", () => {
    expect(() => tuples([["g1", "EVENT"]], ["id", "kind", "axisIds"], "groupRows")).toThrow("groupRows: expected rows of 3 values");
    expect(() => tuples([{ id: "g1" }], ["id"], "groupRows")).toThrow("groupRows: expected rows of 1 values");
    expect(() => tuples(null, ["id"], "groupRows")).toThrow("groupRows: expected a list of rows");
  });
});

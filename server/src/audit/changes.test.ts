import { describe, expect, it } from "vitest";
import { diffRecords, erasePersonalChanges, isEmpty, parseChanges } from "./changes.js";

describe("diffRecords", () => {
  it("lists only the fields that differ, in alphabetical order, with both values", () => {
    const changes = diffRecords({ name: "A", sector: "CARE", kind: "Association" }, { name: "B", sector: "CARE", kind: "Association" });
    expect(changes).toEqual({ name: { before: "A", after: "B" } });
  });

  it("gives every field of a creation with null before, and of a deletion with null after", () => {
    expect(diffRecords(null, { name: "A", email: null, axisIds: ["x"] })).toEqual({ axisIds: { before: null, after: ["x"] }, name: { before: null, after: "A" } });
    expect(Object.keys(diffRecords({ b: 1, a: "x" }, null))).toEqual(["a", "b"]);
  });

  it("compares lists by content and treats a missing field as null", () => {
    expect(isEmpty(diffRecords({ axisIds: ["a", "b"], endedOn: null }, { axisIds: ["a", "b"] }))).toBe(true);
    expect(diffRecords({ axisIds: ["a", "b"] }, { axisIds: ["a"] })).toEqual({ axisIds: { before: ["a", "b"], after: ["a"] } });
    expect(diffRecords({ durationHours: 2 }, { durationHours: 2.5 })).toEqual({ durationHours: { before: 2, after: 2.5 } });
  });
});

describe("parseChanges", () => {
  it("reads back what was stored", () => {
    const changes = diffRecords({ name: "A", axisIds: [] }, { name: "B", axisIds: ["x"] });
    expect(parseChanges(JSON.stringify(changes))).toEqual(changes);
  });

  it("refuses stored values of another shape", () => {
    expect(() => parseChanges("[]")).toThrow();
    expect(() => parseChanges(JSON.stringify({ name: { before: { nested: 1 }, after: null } }))).toThrow();
  });
});

describe("erasePersonalChanges", () => {
  it("drops names, e-mail and phone and says which went, keeping the rest", () => {
    const changes = diffRecords(null, { firstName: "Léa", lastName: "Martin", email: "l@x.fr", phone: "01 99 00 12 34", category: "VOLUNTEER" });
    expect(erasePersonalChanges(changes)).toEqual({ changes: { category: { before: null, after: "VOLUNTEER" } }, erasedFields: ["email", "firstName", "lastName", "phone"] });
  });

  it("keeps fields erased before in the list", () => {
    expect(erasePersonalChanges({ profession: { before: "A", after: "B" } }, ["lastName"])).toEqual({ changes: { profession: { before: "A", after: "B" } }, erasedFields: ["lastName"] });
  });
});

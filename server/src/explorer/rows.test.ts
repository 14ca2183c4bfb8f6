import { describe, expect, it } from "vitest";
import { communeRow, coordinates, organisationRow, workGroupRow } from "./rows.js";

describe("the explorer's row conversion", () => {
  it("reads a WGS-84 point as latitude = y and longitude = x", () => {
    expect(coordinates({ x: 4.08, y: 44.13, srid: 4326 })).toEqual({ latitude: 44.13, longitude: 4.08 });
    expect(coordinates(null)).toBeNull();
  });

  it("keeps a commune without geo source as null centroid and contour", () => {
    expect(communeRow({ code: "30007", name: "Alès", population: 42000, epciCode: "200066918", centroid: null, contour: null })).toEqual({
      code: "30007",
      name: "Alès",
      population: 42000,
      epciCode: "200066918",
      centroid: null,
      contour: null,
    });
  });

  it("throws on a row that does not match its query (a bug, not a user error)", () => {
    expect(() => coordinates({ latitude: 1, longitude: 2 })).toThrow("Expected a point");
    expect(() => workGroupRow({ id: "g", name: "G", kind: "WORK_GROUP", axisIds: [1], startedOn: "2020-01-01" })).toThrow("axisIds");
  });

  it("tells institutions from structures", () => {
    expect(organisationRow({ id: "i", name: "ARS", kind: "INSTITUTION", sector: null, type: "ARS" }).kind).toBe("INSTITUTION");
    expect(organisationRow({ id: "s", name: "Asso", kind: "STRUCTURE", sector: "CARE", type: "Association" }).kind).toBe("STRUCTURE");
  });
});

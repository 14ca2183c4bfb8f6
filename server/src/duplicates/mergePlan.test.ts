import { describe, expect, it } from "vitest";
import { fillProperties, planMerge, type StoredRelationship } from "./mergePlan.js";

const KEPT = "node:kept";
const MERGED = "node:merged";

/** A relationship as the service reads it; dates stay ISO strings here (driver dates in real use). */
function rel(elementId: string, type: string, other: string, properties: Record<string, unknown> = {}, isOutgoing = true): StoredRelationship {
  const iso = (value: unknown) => (typeof value === "string" ? value : null);
  return { elementId, type, isOutgoing, otherElementId: other, properties, since: iso(properties.since), until: iso(properties.until) };
}

const plan = (kept: StoredRelationship[], merged: StoredRelationship[], keptProperties = {}, mergedProperties = {}) =>
  planMerge({ keptElementId: KEPT, mergedElementId: MERGED, keptProperties, mergedProperties, keptRelationships: kept, mergedRelationships: merged });

describe("planMerge", () => {
  it("moves relationships the kept node lacks with all their properties", () => {
    const result = plan(
      [rel("k1", "MEMBER_OF", "s1", { role: "Infirmière", since: "2012-09-01" })],
      [rel("m1", "MEMBER_OF", "s2", { role: "Bénévole", since: "2020-01-01", until: "2021-01-01" }), rel("m2", "ORGANISED_BY", "e1", {}, false)],
    );
    expect(result.create).toEqual([
      { type: "MEMBER_OF", isOutgoing: true, otherElementId: "s2", properties: { role: "Bénévole", since: "2020-01-01", until: "2021-01-01" } },
      { type: "ORGANISED_BY", isOutgoing: false, otherElementId: "e1", properties: {} },
    ]);
    expect(result.update).toEqual([]);
    expect(result.delete).toEqual([]);
    expect(result.counts).toEqual({ moved: 2, joined: 0, keptApart: 0, dropped: 0 });
  });

  it("joins overlapping ranges of the same relationship: earliest since, latest until", () => {
    const result = plan(
      [rel("k1", "PARTICIPATES_IN", "w1", { role: "MEMBER", since: "2013-01-01", until: "2014-12-31" })],
      [rel("m1", "PARTICIPATES_IN", "w1", { role: "MEMBER", since: "2012-03-01", until: "2013-06-30" })],
    );
    expect(result.create).toEqual([]);
    expect(result.update).toEqual([{ elementId: "k1", properties: { role: "MEMBER", since: "2012-03-01", until: "2014-12-31" } }]);
    expect(result.counts.joined).toBe(1);
  });

  it("keeps a range without an end open, and the known since when the other is unknown", () => {
    const result = plan(
      [rel("k1", "MEMBER_OF", "s1", { role: "Directrice" })],
      [rel("m1", "MEMBER_OF", "s1", { since: "2016-02-01", until: "2019-01-01" })],
    );
    expect(result.update).toEqual([{ elementId: "k1", properties: { role: "Directrice", since: "2016-02-01" } }]);
  });

  it("keeps ranges that do not overlap as two relationships", () => {
    const result = plan(
      [rel("k1", "MEMBER_OF", "s1", { role: "Infirmière", since: "2012-09-01", until: "2016-06-30" })],
      [rel("m1", "MEMBER_OF", "s1", { role: "Infirmière", since: "2018-01-01" })],
    );
    expect(result.create).toEqual([{ type: "MEMBER_OF", isOutgoing: true, otherElementId: "s1", properties: { role: "Infirmière", since: "2018-01-01" } }]);
    expect(result.update).toEqual([]);
    expect(result.counts).toEqual({ moved: 0, joined: 0, keptApart: 1, dropped: 0 });
  });

  it("keeps overlapping ranges apart when the roles differ", () => {
    const result = plan(
      [rel("k1", "PARTICIPATES_IN", "w1", { role: "PILOT", since: "2013-01-01", until: "2015-12-31" })],
      [rel("m1", "PARTICIPATES_IN", "w1", { role: "MEMBER", since: "2014-01-01" })],
    );
    expect(result.create).toHaveLength(1);
    expect(result.counts.keptApart).toBe(1);
  });

  it("folds two ranges of the kept node bridged by the merged node's range into one", () => {
    const result = plan(
      [rel("k1", "MEMBER_OF", "s1", { since: "2010-01-01", until: "2012-01-01" }), rel("k2", "MEMBER_OF", "s1", { since: "2014-01-01", until: "2016-01-01" })],
      [rel("m1", "MEMBER_OF", "s1", { since: "2011-06-01", until: "2015-01-01" })],
    );
    expect(result.update).toEqual([{ elementId: "k1", properties: { since: "2010-01-01", until: "2016-01-01" } }]);
    expect(result.delete).toEqual(["k2"]);
    expect(result.create).toEqual([]);
  });

  it("makes one undated relationship of two to the same node, the larger number kept", () => {
    const result = plan(
      [rel("k1", "ATTENDED", "e1", { volunteerHours: 0 }), rel("k2", "LOCATED_IN", "c1")],
      [rel("m1", "ATTENDED", "e1", { volunteerHours: 2.5 }), rel("m2", "LOCATED_IN", "c1")],
    );
    expect(result.update).toEqual([{ elementId: "k1", properties: { volunteerHours: 2.5 } }]);
    expect(result.create).toEqual([]);
    expect(result.counts).toEqual({ moved: 0, joined: 2, keptApart: 0, dropped: 0 });
  });

  it("tells directions apart and drops relationships between the two nodes", () => {
    const result = plan(
      [rel("k1", "PARTNERS_WITH", "s9", { since: "2015-01-01" }), rel("k2", "PARTNERS_WITH", MERGED, { since: "2016-01-01" })],
      [rel("m1", "PARTNERS_WITH", "s9", { since: "2015-01-01" }, false), rel("k2", "PARTNERS_WITH", KEPT, { since: "2016-01-01" }, false)],
    );
    expect(result.create).toEqual([{ type: "PARTNERS_WITH", isOutgoing: false, otherElementId: "s9", properties: { since: "2015-01-01" } }]);
    expect(result.counts).toEqual({ moved: 1, joined: 0, keptApart: 0, dropped: 1 });
  });
});

describe("fillProperties", () => {
  it("fills the kept node's empty properties and keeps its own values and id", () => {
    expect(fillProperties({ id: "a1", firstName: "Hélène", email: "", phone: null }, { id: "a2", firstName: "Helene", email: "h@exemple.test", phone: "06", profession: "Sage-femme" })).toEqual({
      email: "h@exemple.test",
      phone: "06",
      profession: "Sage-femme",
    });
  });
});

import { describe, expect, it } from "vitest";
import { parseInactivePeople } from "./gdpr";

const person = { id: "a1", firstName: "Zoé", lastName: "Durand", category: "VOLUNTEER", profession: null, lastActivity: "2019-05-03" };

describe("parseInactivePeople", () => {
  it("reads the period and the people, a person never active with a null last activity", () => {
    const report = parseInactivePeople({
      territoryId: "t", years: 3, asOf: "2026-12-02", since: "2023-12-02",
      people: [person, { ...person, id: "a2", lastActivity: null }],
    });
    expect(report.since).toBe("2023-12-02");
    expect(report.people.map((p) => [p.id, p.lastActivity])).toEqual([["a1", "2019-05-03"], ["a2", null]]);
  });

  it("rejects an unknown category", () => {
    expect(() => parseInactivePeople({ territoryId: "t", years: 3, asOf: "x", since: "y", people: [{ ...person, category: "ROBOT" }] })).toThrow(/category/);
  });
});

import { describe, expect, it } from "vitest";
import { intersectSpans, projectOrganisationsDated, projectPeopleDated, type DatedActivity, type DatedMembership } from "./dated.js";

const always = { from: null, to: null };
const at = (personId: string, from: string | null = null, to: string | null = null) => ({ personId, spans: [{ from, to }] });
const member = (organisationId: string, from: string | null = null, to: string | null = null): DatedMembership => ({ organisationId, span: { from, to } });

describe("intersectSpans", () => {
  it("meets on a shared day, misses when one ends before the other starts, and keeps open bounds open", () => {
    expect(intersectSpans({ from: "2024-01-01", to: "2024-03-01" }, { from: "2024-03-01", to: null })).toEqual({ from: "2024-03-01", to: "2024-03-01" });
    expect(intersectSpans({ from: "2024-01-01", to: "2024-02-28" }, { from: "2024-03-01", to: null })).toBeNull();
    expect(intersectSpans(always, always)).toEqual(always);
  });
});

describe("projectPeopleDated", () => {
  const activities: DatedActivity[] = [
    { id: "ev", date: "2024-05-01", participants: [at("a"), at("b"), at("c")] },
    { id: "wg", date: null, participants: [at("a", "2024-01-01", "2024-02-28"), at("b", "2024-03-01", null), at("d", "2024-02-01", "2024-03-31")] },
  ];

  it("ties every pair of attendees, and work-group members only where their participations overlap", () => {
    // wg: a–d overlap in February, b–d in March, a–b never.
    expect(projectPeopleDated(activities, "COUNT").ties).toEqual([
      { source: "a", target: "b", weight: 1 },
      { source: "a", target: "c", weight: 1 },
      { source: "a", target: "d", weight: 1 },
      { source: "b", target: "c", weight: 1 },
      { source: "b", target: "d", weight: 1 },
    ]);
  });

  it("gives each tie its shared activities and each node and activity its two-mode degree", () => {
    const projection = projectPeopleDated(activities, "NEWMAN");
    // Weights are Newman's (1/2 per 3-person activity), counts are shared activities.
    expect(projection.counts).toEqual([1, 1, 1, 1, 1]);
    expect(projection.ties.map((t) => t.weight)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(Object.fromEntries(projection.degrees.nodeActivities)).toEqual({ a: 2, b: 2, c: 1, d: 1 });
    expect(projection.degrees.activitySizes).toEqual([3, 3]);
  });

  it("adds 1/(n − 1) per activity of n participants with NEWMAN", () => {
    // Both activities have 3 participants: each tied pair gets 1/2 per activity.
    const ties = projectPeopleDated([...activities, { id: "ev2", date: "2024-06-01", participants: [at("a"), at("b")] }], "NEWMAN").ties;
    expect(ties.find((t) => t.source === "a" && t.target === "b")?.weight).toBeCloseTo(0.5 + 1);
    expect(ties.find((t) => t.source === "a" && t.target === "d")?.weight).toBeCloseTo(0.5);
  });
});

describe("projectOrganisationsDated", () => {
  const organisations = ["A", "B", "C", "D"];

  it("does not tie the two organisations of a person alone at an event", () => {
    const memberships = new Map([["p", [member("A"), member("B")]]]);
    expect(projectOrganisationsDated([{ id: "ev", date: "2024-05-01", participants: [at("p")] }], memberships, organisations, "COUNT").ties).toEqual([]);
  });

  it("counts only memberships held on the event's date", () => {
    const memberships = new Map([
      ["p", [member("C", null, "2024-03-01"), member("D", "2024-03-02")]],
      ["q", [member("A")]],
    ]);
    expect(projectOrganisationsDated([{ id: "ev", date: "2024-06-01", participants: [at("p"), at("q")] }], memberships, organisations, "COUNT").ties).toEqual([
      { source: "A", target: "D", weight: 1 },
    ]);
  });

  it("ties through a work group only during the overlap of two participations, with memberships held then", () => {
    const memberships = new Map([
      ["p", [member("B")]],
      ["q", [member("C")]],
      ["r", [member("A", null, "2024-01-31"), member("D", "2024-02-01")]],
    ]);
    const wg: DatedActivity = { id: "wg", date: null, participants: [at("p", "2024-01-01", "2024-01-31"), at("q", "2024-03-01"), at("r", "2024-01-15", "2024-03-15")] };
    // p–r overlap in late January (r in A): A–B. q–r overlap in March (r in D): C–D. p–q never.
    expect(projectOrganisationsDated([wg], memberships, organisations, "COUNT").ties).toEqual([
      { source: "A", target: "B", weight: 1 },
      { source: "C", target: "D", weight: 1 },
    ]);
  });

  it("counts an activity once per pair, adding 1/(n − 1) for n organisations represented with NEWMAN", () => {
    const memberships = new Map([
      ["p", [member("A")]],
      ["q", [member("A")]],
      ["r", [member("B")]],
      ["s", [member("C")]],
    ]);
    const ev: DatedActivity = { id: "ev", date: "2024-05-01", participants: [at("p"), at("q"), at("r"), at("s")] };
    expect(projectOrganisationsDated([ev], memberships, organisations, "COUNT").ties.map((t) => t.weight)).toEqual([1, 1, 1]);
    const twice = projectOrganisationsDated([ev, ev], memberships, organisations, "NEWMAN");
    expect(twice.counts).toEqual([2, 2, 2]);
    expect(Object.fromEntries(twice.degrees.nodeActivities)).toEqual({ A: 2, B: 2, C: 2 });
    expect(twice.degrees.activitySizes).toEqual([3, 3]);
    // Three organisations represented: 1/2 each.
    expect(projectOrganisationsDated([ev, ev], memberships, organisations, "NEWMAN").ties).toEqual([
      { source: "A", target: "B", weight: 1 },
      { source: "A", target: "C", weight: 1 },
      { source: "B", target: "C", weight: 1 },
    ]);
  });
});

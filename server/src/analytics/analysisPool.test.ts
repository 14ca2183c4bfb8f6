import { afterAll, describe, expect, it } from "vitest";
import { performance } from "node:perf_hooks";
import { graphTies } from "../network/index.js";
import { createAnalysisPool, INLINE_RUNNER } from "./analysisPool.js";
import type { AnalysisTask } from "./analysisTask.js";
import type { CollaborationData } from "./collaboration.js";
import { NO_FILTER } from "./filters.js";

/** `actors` people in 40 organisations, `groups` groups of 12 drawn with a fixed step: a network with thousands of ties. */
function syntheticData(actors: number, groups: number): CollaborationData {
  const organisations = Array.from({ length: 40 }, (_, i) => ({
    id: `s${String(i).padStart(3, "0")}`,
    name: `Structure ${i}`,
    kind: "STRUCTURE" as const,
    sector: i % 2 === 0 ? "CARE" : "SOCIAL",
    type: "Centre",
    communeCode: `30${String(i).padStart(3, "0")}`,
    communeName: `Commune ${i}`,
    epciCode: "E1",
    memberCount: 3,
  }));
  const people = Array.from({ length: actors }, (_, i) => ({
    id: `a${String(i).padStart(5, "0")}`,
    firstName: "P",
    lastName: `N${i}`,
    category: "PROFESSIONAL",
    profession: null,
    organisationIds: [`s${String(i % 40).padStart(3, "0")}`],
    memberships: [{ organisationId: `s${String(i % 40).padStart(3, "0")}`, from: null, to: null }],
  }));
  const groupRows = Array.from({ length: groups }, (_, g) => {
    const actorIds = Array.from({ length: 12 }, (_, k) => people[(g * 7 + k * 13) % actors]?.id ?? "a00000");
    const isEvent = g % 3 === 0;
    return {
      id: `g${g}`,
      kind: isEvent ? ("EVENT" as const) : ("WORK_GROUP" as const),
      axisIds: [`ax-${g % 5}`],
      actorIds,
      date: isEvent ? "2023-05-01" : null,
      spans: isEvent ? [] : actorIds.map((actorId) => ({ actorId, from: null, to: null })),
    };
  });
  return { organisations, groups: groupRows, actors: people, window: { from: null, to: null } };
}

const pool = createAnalysisPool(1);
afterAll(() => pool.close());

describe("the analysis worker pool", () => {
  it("gives what the main thread computes: nodes, ties, graph and node metrics, communities", async () => {
    for (const level of ["ACTOR", "STRUCTURE"] as const) {
      const task: AnalysisTask = { data: syntheticData(300, 200), level, filter: NO_FILTER };
      const [offThread, inline] = await Promise.all([pool.run(task), INLINE_RUNNER.run(task)]);
      expect(graphTies(offThread.graph)).toEqual(graphTies(inline.graph));
      expect(offThread.graph.getNodeAttributes(offThread.graph.nodes()[0] ?? "")).toEqual(inline.graph.getNodeAttributes(inline.graph.nodes()[0] ?? ""));
      expect([...offThread.network.nodes.values()]).toEqual([...inline.network.nodes.values()]);
      expect(offThread.tieList()).toEqual(inline.tieList());
      expect(offThread.graphMetrics()).toEqual(inline.graphMetrics());
      expect(offThread.communities()).toEqual(inline.communities());
      expect([...offThread.nodeMetrics()]).toEqual([...inline.nodeMetrics()]);
      expect(offThread.ego(offThread.graph.nodes()[0] ?? "", 1).nodes.length).toBeGreaterThan(1);
    }
  });

  it("keeps the event loop free while a network is measured", async () => {
    const task: AnalysisTask = { data: syntheticData(800, 600), level: "ACTOR", filter: NO_FILTER };
    await pool.run({ data: syntheticData(50, 20), level: "ACTOR", filter: NO_FILTER }); // the thread is started and its code loaded
    const inline = performance.now();
    await INLINE_RUNNER.run(task);
    const inlineMs = performance.now() - inline;
    // A timer every 5 ms while the same network is measured off the thread: the longest gap stays a
    // small share of what the measure holds the thread for when it runs inline.
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    await pool.run(task);
    const offThreadMs = performance.now() - started;
    clearInterval(timer);
    expect(inlineMs).toBeGreaterThan(100);
    expect(longestGap).toBeLessThan(Math.max(inlineMs / 2, 50));
    expect(offThreadMs).toBeGreaterThan(0);
  }, 60_000);
});

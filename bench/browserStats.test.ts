import { describe, expect, it } from "vitest";
import { frameStats, identifyView, ratioToTarget, repeated, spliceSection, wheelLatency } from "./browserStats.js";
import { PAYS_CEVENNES } from "../seed/src/index.js";
import { GARD_WITHOUT_CEVENNES, scaledTerritory } from "./browserTerritory.js";

describe("frameStats", () => {
  it("counts frame intervals per second and finds the longest one", () => {
    const stats = frameStats([1000, 1016, 1033, 1100, 1116]);
    expect(stats.frames).toBe(4);
    expect(stats.seconds).toBeCloseTo(0.116);
    expect(stats.fps).toBeCloseTo(4 / 0.116);
    expect(stats.worstFrameMs).toBe(67);
    expect(stats.p95FrameMs).toBe(67);
  });

  it("reports no frames for fewer than two timestamps", () => {
    expect(frameStats([5]).frames).toBe(0);
    expect(frameStats([]).fps).toBe(0);
  });

  it("rejects timestamps that go back in time", () => {
    expect(() => frameStats([10, 5])).toThrow(RangeError);
  });
});

describe("identifyView", () => {
  const candidates = [
    { label: "structures", nodes: 291, edges: 3000 },
    { label: "actors", nodes: 1600, edges: 40000 },
  ];

  it("names the network whose counts were drawn", () => {
    expect(identifyView({ nodes: 1600, edges: 40000 }, candidates)).toBe("actors");
  });

  it("names none when the edges differ", () => {
    expect(identifyView({ nodes: 291, edges: 2999 }, candidates)).toBeNull();
  });
});

describe("spliceSection", () => {
  const [begin, end] = ["<!-- a -->", "<!-- /a -->"];

  it("appends the section after the other rows when the markers are absent", () => {
    expect(spliceSection("# R\n\n| x |\n", "## S\nrow", begin, end)).toBe("# R\n\n| x |\n\n<!-- a -->\n## S\nrow\n<!-- /a -->\n");
  });

  it("replaces only what is between the markers", () => {
    const before = "# R\n<!-- a -->\nold\n<!-- /a -->\ntail\n";
    expect(spliceSection(before, "new", begin, end)).toBe("# R\n<!-- a -->\nnew\n<!-- /a -->\ntail\n");
  });
});

describe("ratioToTarget", () => {
  it("says whether the target is met", () => {
    expect(ratioToTarget(1500, 3000)).toBe("0.50 met");
    expect(ratioToTarget(4500, 3000)).toBe("1.50 MISSED");
    expect(ratioToTarget(null, 3000)).toBe("—");
  });
});

describe("scaledTerritory", () => {
  it("multiplies the counts and moves every named commune into the new EPCI", () => {
    const spec = scaledTerritory(PAYS_CEVENNES, 5, GARD_WITHOUT_CEVENNES);
    expect(spec.scale.actors).toBe(8000);
    expect(spec.scale.structures).toBe(1385);
    expect(spec.scale.workGroups).toBe(600);
    expect(spec.scale.eventsPerYear).toBe(5000);
    expect(spec.structureCounts.pharmacy).toBe(150);
    const communes = new Set([...spec.institutions.map((i) => i.communeCode), ...spec.anchors.map((a) => a.communeCode)]);
    expect([...communes].sort()).toEqual(["30028", "30189"]);
    expect(spec.epciCodes.some((code) => PAYS_CEVENNES.epciCodes.includes(code))).toBe(false);
  });
});

describe("repeated", () => {
  it("gives the median and extremes, leaving failed runs out", () => {
    expect(repeated([300, 100, 200])).toEqual({ median: 200, min: 100, max: 300, runs: 3, failed: 0 });
    expect(repeated([400, null, 100, 200, 300])).toEqual({ median: 250, min: 100, max: 400, runs: 5, failed: 1 });
    expect(repeated([null])).toEqual({ median: null, min: null, max: null, runs: 1, failed: 1 });
  });
});

describe("wheelLatency", () => {
  it("gives the median and the worst of the notches whose frame showed the new zoom", () => {
    const samples = [
      { ms: 30, zoomed: true },
      { ms: 10, zoomed: true },
      { ms: 500, zoomed: false },
      { ms: 20, zoomed: true },
    ];
    expect(wheelLatency(samples, 5)).toEqual({ notches: 5, zoomed: 3, medianMs: 20, worstMs: 30 });
  });

  it("has no times when no frame followed a notch", () => {
    expect(wheelLatency([], 10)).toEqual({ notches: 10, zoomed: 0, medianMs: null, worstMs: null });
  });
});

import { describe, expect, it } from "vitest";
import { toElements } from "./elements";
import { computeLayout, seededRandom, withSeededRandom } from "./layout";
import { createNetworkModel } from "./model";
import { sampleNetwork } from "./testNetwork";

describe("computeLayout", () => {
  const elements = toElements(createNetworkModel(sampleNetwork()));

  it("places every node, the same way on every run", () => {
    const first = computeLayout(elements);
    const second = computeLayout(elements);
    expect(Object.keys(first).sort()).toEqual(sampleNetwork().nodes.map((n) => n.id).sort());
    expect(second).toEqual(first);
  });

  it("keeps strong partners closer than the spread of the whole network", () => {
    const positions = computeLayout(elements);
    const distance = (a: string, b: string) => {
      const p = positions[a];
      const q = positions[b];
      if (!p || !q) throw new Error("position manquante");
      return Math.hypot(p.x - q.x, p.y - q.y);
    };
    expect(distance("s-ch-ales", "s-msp-st-ambroix")).toBeLessThan(distance("s-college", "s-mairie-st-christol"));
  });
});

describe("withSeededRandom", () => {
  it("restores Math.random after the run, even when it throws", () => {
    const original = Math.random;
    expect(() => withSeededRandom(1, () => { throw new Error("boom"); })).toThrow("boom");
    expect(Math.random).toBe(original);
    expect(withSeededRandom(42, () => Math.random())).toBe(seededRandom(42)());
  });
});

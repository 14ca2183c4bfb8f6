import { describe, expect, it } from "vitest";
import { createNetworkModel } from "../../graph/model";
import { sampleNetwork } from "../../graph/testNetwork";
import { fitSavedViewport, restorePlacement } from "./restore";

describe("restorePlacement", () => {
  const model = createNetworkModel(sampleNetwork());
  const [first, second, ...others] = model.nodes.map((n) => n.id);

  it("keeps every saved place and counts nothing when the network did not change", () => {
    const saved = Object.fromEntries(model.nodes.map((n, i): [string, [number, number]] => [n.id, [i, 2 * i]]));
    const placed = restorePlacement(saved, model);
    expect(placed.dropped).toBe(0);
    expect(placed.added).toBe(0);
    expect(placed.positions[second ?? ""]).toEqual({ x: 1, y: 2 });
  });

  it("drops nodes that are gone and puts a newcomer near its placed neighbours", () => {
    const neighbours = (model.adjacency.get(first ?? "") ?? []).map((n) => n.id);
    expect(neighbours.length).toBeGreaterThan(0);
    const saved: Record<string, [number, number]> = { ghost: [999, 999] };
    for (const id of [second, ...others]) if (id) saved[id] = neighbours.includes(id) ? [100, 100] : [-500, -500];
    const placed = restorePlacement(saved, model);
    expect(placed).toMatchObject({ dropped: 1, added: 1 });
    expect(placed.positions.ghost).toBeUndefined();
    const p = placed.positions[first ?? ""];
    expect(Math.hypot((p?.x ?? 0) - 100, (p?.y ?? 0) - 100)).toBeLessThanOrEqual(40.001);
  });
});

describe("fitSavedViewport", () => {
  it("keeps the zoom and the centre on a canvas of another size", () => {
    expect(fitSavedViewport({ zoom: 2, pan: { x: 10, y: 20 }, width: 800, height: 600 }, 1000, 500)).toEqual({ zoom: 2, pan: { x: 110, y: -30 } });
  });
});

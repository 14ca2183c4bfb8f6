import { describe, expect, it } from "vitest";
import type { Territory } from "../api/network";
import {
  initialState,
  networkViewReducer as reduce,
  selectSelectedNode,
  selectSelectedPartners,
  selectTerritory,
  type NetworkViewAction,
  type NetworkViewState,
} from "./store";
import { sampleNetwork } from "./testNetwork";

const territories: Territory[] = [
  { id: "pays-cevennes", name: "Pays Cévennes", isDemo: true },
  { id: "gorges-causses", name: "Gorges Causses Cévennes", isDemo: true },
];

function run(...actions: NetworkViewAction[]): NetworkViewState {
  return actions.reduce(reduce, initialState);
}

const loaded = (): NetworkViewState =>
  run(
    { type: "start" },
    { type: "territoriesLoaded", territories },
    { type: "networkLoaded", territoryId: "pays-cevennes", network: sampleNetwork() },
  );

describe("networkViewReducer", () => {
  it("starts loading once, from idle", () => {
    const started = run({ type: "start" });
    expect(started.status).toBe("loading");
    expect(reduce(started, { type: "start" })).toBe(started);
  });

  it("picks the first territory and keeps loading its network", () => {
    const state = run({ type: "start" }, { type: "territoriesLoaded", territories });
    expect(state.status).toBe("loading");
    expect(selectTerritory(state)?.name).toBe("Pays Cévennes");
  });

  it("is ready with nothing to draw when there is no territory", () => {
    const state = run({ type: "start" }, { type: "territoriesLoaded", territories: [] });
    expect(state).toMatchObject({ status: "ready", territoryId: null, model: null });
  });

  it("builds the model and the elements when the network arrives", () => {
    const state = loaded();
    expect(state.status).toBe("ready");
    expect(state.model?.nodes).toHaveLength(9);
    expect(state.elements).toHaveLength(19);
  });

  it("ignores a network that arrives for a territory no longer shown", () => {
    const state = run(
      { type: "start" },
      { type: "territoriesLoaded", territories },
      { type: "chooseTerritory", territoryId: "gorges-causses" },
    );
    const late = reduce(state, { type: "networkLoaded", territoryId: "pays-cevennes", network: sampleNetwork() });
    expect(late).toBe(state);
  });

  it("clears the network and the selection when another territory is chosen", () => {
    const selected = reduce(loaded(), { type: "selectNode", id: "s-ch-ales", source: "canvas" });
    const state = reduce(selected, { type: "chooseTerritory", territoryId: "gorges-causses" });
    expect(state).toMatchObject({ status: "loading", territoryId: "gorges-causses", model: null, selection: null });
    expect(state.elements).toEqual([]);
  });

  it("refuses a territory that is not in the list", () => {
    const state = loaded();
    expect(reduce(state, { type: "chooseTerritory", territoryId: "nowhere" })).toBe(state);
  });

  it("keeps the error, then retries with a new attempt", () => {
    const failed = run({ type: "start" }, { type: "fail", error: { kind: "unreachable", message: "fetch failed" } });
    expect(failed).toMatchObject({ status: "error", error: { kind: "unreachable" } });
    const retried = reduce(failed, { type: "retry" });
    expect(retried).toMatchObject({ status: "loading", error: null, attempt: 1 });
    expect(reduce(retried, { type: "retry" })).toBe(retried);
  });

  it("selects a known node with its partners and ignores unknown ids", () => {
    const state = reduce(loaded(), { type: "selectNode", id: "s-prev-jeunes", source: "panel" });
    expect(state.selection).toEqual({ id: "s-prev-jeunes", source: "panel" });
    expect(selectSelectedNode(state)?.name).toBe("Association Prévention Jeunes");
    expect(selectSelectedPartners(state).map((p) => p.node.id)).toEqual([
      "s-college", "s-ch-ales", "s-msp-st-ambroix", "s-ccas-ales",
    ]);
    expect(reduce(state, { type: "selectNode", id: "ghost", source: "canvas" })).toBe(state);
  });

  it("clears the selection", () => {
    const state = reduce(loaded(), { type: "selectNode", id: "i-ars", source: "canvas" });
    const cleared = reduce(state, { type: "clearSelection" });
    expect(cleared.selection).toBeNull();
    expect(selectSelectedPartners(cleared)).toEqual([]);
    expect(reduce(cleared, { type: "clearSelection" })).toBe(cleared);
  });
});

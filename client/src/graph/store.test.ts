import { describe, expect, it } from "vitest";
import type { Territory } from "../api/network";
import { NO_FILTERS, toggleCategory } from "../features/filters/filters";
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
  {
    id: "pays-cevennes", name: "Pays Cévennes", isDemo: true, epcis: [],
    contracts: [
      { id: "cls1", name: "CLS 1", generation: 1, signedOn: "2011-06-30", endsOn: "2013-06-30" },
      { id: "cls3", name: "CLS 3", generation: 3, signedOn: "2019-06-27", endsOn: "2025-12-31" },
    ],
  },
  { id: "gorges-causses", name: "Gorges Causses Cévennes", isDemo: true, epcis: [], contracts: [] },
];
const cls3 = { from: "2019-06-27", to: "2025-12-31" };
const allPeriod = { from: null, to: null };

function run(...actions: NetworkViewAction[]): NetworkViewState {
  return actions.reduce(reduce, initialState);
}

const loaded = (): NetworkViewState =>
  run(
    { type: "start" },
    { type: "territoriesLoaded", territories },
    { type: "networkLoaded", territoryId: "pays-cevennes", window: cls3, network: sampleNetwork() },
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

  it("opens on the current (latest) contract of the territory", () => {
    const state = run({ type: "start" }, { type: "territoriesLoaded", territories });
    expect(state.window).toEqual(cls3);
  });

  it("builds the model, the filtered elements and the layout backbone when the network arrives", () => {
    const state = loaded();
    expect(state.status).toBe("ready");
    expect(state.model?.nodes).toHaveLength(9);
    // Default filter: ties shared by a single work group are not drawn (3 of the 10).
    expect(state.visible?.ties).toHaveLength(7);
    expect(state.elements).toHaveLength(16);
    expect(state.layoutElements.filter((e) => e.group === "nodes")).toHaveLength(9);
  });

  it("loads the network again for another window, keeping the picture until it arrives", () => {
    const state = reduce(loaded(), { type: "setWindow", window: allPeriod });
    expect(state).toMatchObject({ status: "loading", window: allPeriod });
    expect(state.model?.nodes).toHaveLength(9);
    const stale = reduce(state, { type: "networkLoaded", territoryId: "pays-cevennes", window: cls3, network: sampleNetwork() });
    expect(stale).toBe(state);
    expect(reduce(state, { type: "setWindow", window: { from: "2020-01-01", to: "2019-01-01" } }).window).toEqual(allPeriod);
  });

  it("filters without reloading or laying out again, and drops a selection that got hidden", () => {
    const selected = reduce(loaded(), { type: "selectNode", id: "s-ch-ales", source: "search" });
    const all = reduce(selected, { type: "setFilters", filters: NO_FILTERS });
    expect(all.elements).toHaveLength(19);
    expect(all.layoutElements).toBe(selected.layoutElements);
    expect(all.selection?.id).toBe("s-ch-ales");
    const noCare = reduce(all, { type: "setFilters", filters: toggleCategory(NO_FILTERS, "CARE") });
    expect(noCare.visible?.nodesById.has("s-ch-ales")).toBe(false);
    expect(noCare.selection).toBeNull();
    expect(reduce(noCare, { type: "selectNode", id: "s-ch-ales", source: "search" })).toBe(noCare);
  });

  it("ignores a network that arrives for a territory no longer shown", () => {
    const state = run(
      { type: "start" },
      { type: "territoriesLoaded", territories },
      { type: "chooseTerritory", territoryId: "gorges-causses" },
    );
    const late = reduce(state, { type: "networkLoaded", territoryId: "pays-cevennes", window: cls3, network: sampleNetwork() });
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

  it("selects a known node with its partners as drawn and ignores unknown ids", () => {
    const state = reduce(loaded(), { type: "selectNode", id: "s-prev-jeunes", source: "panel" });
    expect(state.selection).toEqual({ id: "s-prev-jeunes", source: "panel" });
    expect(selectSelectedNode(state)?.name).toBe("Association Prévention Jeunes");
    expect(selectSelectedPartners(state).map((p) => p.node.id)).toEqual(["s-college", "s-ch-ales", "s-msp-st-ambroix"]);
    expect(selectSelectedPartners(reduce(state, { type: "setFilters", filters: NO_FILTERS })).map((p) => p.node.id)).toEqual([
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

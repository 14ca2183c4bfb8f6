import { describe, expect, it } from "vitest";
import type { TerritoryCatalog } from "../api/explorer";
import type { Territory } from "../api/network";
import { NO_FILTERS, toggleCategory } from "../features/filters/filters";
import type { ViewSnapshot } from "../features/savedViews/snapshot";
import {
  initialState,
  initialStateFrom,
  networkViewReducer as reduce,
  selectBeforeRequest,
  selectRequest,
  selectSelectedNode,
  selectSelectedPartners,
  selectTerritory,
  type NetworkViewAction,
  type NetworkViewState,
} from "./store";
import { sampleNetwork } from "../graph/testNetwork";

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

/** The answer to the request the state is waiting for. */
function answer(state: NetworkViewState): NetworkViewState {
  const request = selectRequest(state);
  if (!request) throw new Error("no request");
  return reduce(state, { type: "networkLoaded", key: request.key, network: sampleNetwork() });
}

const loaded = (): NetworkViewState => answer(run({ type: "start" }, { type: "territoriesLoaded", territories }));

describe("networkViewReducer", () => {
  it("starts loading once, from idle", () => {
    const started = run({ type: "start" });
    expect(started.status).toBe("loading");
    expect(reduce(started, { type: "start" })).toBe(started);
  });

  it("picks the territory with the most EPCI first", () => {
    const bigger = territories.map((t) => (t.id === "gorges-causses" ? { ...t, epcis: [{ code: "1", name: "A" }, { code: "2", name: "B" }] } : t));
    expect(run({ type: "start" }, { type: "territoriesLoaded", territories: bigger }).territoryId).toBe("gorges-causses");
  });

  it("picks the first territory when sizes are equal, and keeps loading its network", () => {
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

  it("keeps the force layout and the elements when the catalog arrives after the network, and lays out the axis layout again", () => {
    const state = loaded();
    const catalog = { axes: [{ id: "a1", name: "Santé mentale", kind: "PRIORITY" }], communes: [], workGroups: [], hasContours: false } as unknown as TerritoryCatalog;
    const withCatalog = reduce(state, { type: "catalogLoaded", territoryId: "pays-cevennes", catalog });
    expect(withCatalog.catalog).toBe(catalog);
    expect(withCatalog.layoutPlan).toBe(state.layoutPlan);
    expect(withCatalog.elements).toBe(state.elements);
    // The axis layout names the catalog's axes: it is planned again once the catalog is there.
    const byAxis = reduce(state, { type: "setLayout", layout: "axis" });
    const byAxisWithCatalog = reduce(byAxis, { type: "catalogLoaded", territoryId: "pays-cevennes", catalog });
    expect(byAxisWithCatalog.layoutPlan?.key).not.toBe(byAxis.layoutPlan?.key);
  });

  it("builds the model, the filtered elements and the layout plan when the network arrives", () => {
    const state = loaded();
    expect(state.status).toBe("ready");
    expect(state.model?.nodes).toHaveLength(9);
    // Default filter: ties shared by a single group or event are not drawn (3 of the 10).
    expect(state.visible?.ties).toHaveLength(7);
    // The two structures left without a tie by the threshold are hidden, and counted for the chip.
    expect(state.isolatedCount).toBe(2);
    expect(state.listed?.nodes).toHaveLength(9);
    expect(state.elements).toHaveLength(14);
    expect(state.layoutPlan?.kind).toBe("force");
    if (state.layoutPlan?.kind !== "force") throw new Error("force layout expected");
    expect(state.layoutPlan.elements.filter((e) => e.group === "nodes")).toHaveLength(7);
    expect(state.layoutPlan.initial).toBeNull();
  });

  it("shows the untied nodes when asked, without laying the network out again", () => {
    const state = loaded();
    const shown = reduce(state, { type: "setShowIsolated", show: true });
    expect(shown.elements).toHaveLength(16);
    expect(shown.layoutPlan).toBe(state.layoutPlan);
    // An untied node chosen from a list shows them too.
    const untied = state.listed?.nodes.find((n) => !state.visible?.nodesById.has(n.id));
    if (!untied) throw new Error("an untied node expected");
    const chosen = reduce(state, { type: "selectNode", id: untied.id, source: "panel" });
    expect(chosen).toMatchObject({ showIsolated: true, selection: { id: untied.id } });
  });

  it("asks the API for the structures network of the window with the tie threshold", () => {
    const state = run({ type: "start" }, { type: "territoriesLoaded", territories });
    expect(JSON.parse(selectRequest(state)?.key ?? "null")).toEqual(["pays-cevennes", "STRUCTURE", cls3, { minWeight: 2, backbone: { alpha: 0.05, listUpTo: 0.2 } }]);
    const actors = reduce(state, { type: "setView", view: "actors" });
    expect(JSON.parse(selectRequest(actors)?.key ?? "null")[1]).toBe("ACTOR");
    const pilots = reduce(actors, { type: "setFilters", filters: { ...actors.filters, role: "PILOTS", axisId: "axis-1" } });
    expect(JSON.parse(selectRequest(pilots)?.key ?? "null")[3]).toMatchObject({ roles: ["PILOT", "CO_PILOT"], axisIds: ["axis-1"] });
  });

  it("opens on the territory and view of the address", () => {
    const state = [{ type: "start" } as const, { type: "territoriesLoaded", territories } as const].reduce(
      reduce,
      initialStateFrom({ territoryId: "gorges-causses", view: "actors" }),
    );
    expect(state).toMatchObject({ territoryId: "gorges-causses", view: "actors" });
    // No weight threshold: the page opens on the backbone.
    expect(state.filters.minWeight).toBe(1);
    expect(state.filters.alpha).toBe(0.05);
  });

  it("keeps the picture in place when only the tie threshold changes, and lays out again for another axis", () => {
    const state = loaded();
    const plan = state.layoutPlan;
    const stronger = answer(reduce(state, { type: "setFilters", filters: { ...state.filters, minWeight: 3 } }));
    expect(stronger.layoutPlan).toBe(plan);
    expect(stronger.visible?.ties.every((t) => t.weight >= 3)).toBe(true);
    const onAxis = answer(reduce(state, { type: "setFilters", filters: { ...state.filters, axisId: "axis-1" } }));
    expect(onAxis.layoutPlan?.key).not.toBe(plan?.key);
  });

  it("compares two periods once both have arrived", () => {
    const comparing = reduce(loaded(), { type: "setCompareWindow", window: { from: "2011-06-30", to: "2013-06-30" } });
    expect(comparing.status).toBe("loading");
    const before = selectBeforeRequest(comparing);
    if (!before) throw new Error("no before request");
    const shrunk = { ...sampleNetwork(), ties: sampleNetwork().ties.slice(0, 4) };
    const state = reduce(comparing, { type: "networkLoaded", key: before.key, network: shrunk });
    expect(state.status).toBe("ready");
    expect(state.comparison?.counts).toMatchObject({ gained: 6, lost: 0 });
    // Drawn as gained: the gained ties that pass the default threshold.
    const gainedDrawn = sampleNetwork().ties.slice(4).filter((t) => t.weight >= 2).length;
    expect(state.elements.filter((e) => String(e.classes ?? "").includes("gained"))).toHaveLength(gainedDrawn);
  });

  it("hides a kind of tie of the comparison without touching the others, and compares significant ties only", () => {
    const comparing = reduce(loaded(), { type: "setCompareWindow", window: { from: "2011-06-30", to: "2013-06-30" } });
    const before = selectBeforeRequest(comparing);
    if (!before) throw new Error("no before request");
    // The earlier period lists its first four ties, the first one not significant at 0.05.
    const earlier = { ...sampleNetwork(), ties: sampleNetwork().ties.slice(0, 4).map((t, i) => ({ ...t, significance: i === 0 ? 0.1 : 0.001 })) };
    const state = reduce(comparing, { type: "networkLoaded", key: before.key, network: earlier });
    const edges = (s: NetworkViewState) => s.elements.filter((e) => e.group === "edges");
    const first = sampleNetwork().ties[0];
    if (!first) throw new Error("no tie");
    // Listed but not significant before: the tie is gained, not kept.
    const firstEdge = edges(state).find((e) => e.data.source === first.source && e.data.target === first.target);
    expect(String(firstEdge?.classes ?? "")).toContain("gained");
    const gained = edges(state).filter((e) => String(e.classes ?? "").includes("gained")).length;
    expect(gained).toBeGreaterThan(0);
    const hidden = reduce(state, { type: "setCompareTies", kinds: { gained: false, lost: true, kept: true } });
    expect(edges(hidden)).toHaveLength(edges(state).length - gained);
    expect(hidden.layoutPlan?.key).toBe(state.layoutPlan?.key);
  });

  it("focuses on an ego network, expands a node, and leaves the focus", () => {
    const state = loaded();
    const ego = reduce(state, { type: "focusEgo", id: "s-prev-jeunes", depth: 1 });
    expect(ego.visible?.nodes.map((n) => n.id).sort()).toEqual(["s-ch-ales", "s-college", "s-msp-st-ambroix", "s-prev-jeunes"]);
    expect(ego.selection?.id).toBe("s-prev-jeunes");
    const expanded = reduce(ego, { type: "expandNode", id: "s-ch-ales" });
    expect(expanded.visible?.nodes.length).toBeGreaterThan(4);
    expect(reduce(expanded, { type: "clearFocus" }).listed?.nodes).toHaveLength(9);
  });

  it("loads the network again for another window, keeping the picture until it arrives", () => {
    const state = reduce(loaded(), { type: "setWindow", window: allPeriod });
    expect(state).toMatchObject({ status: "loading", window: allPeriod });
    expect(state.model?.nodes).toHaveLength(9);
    const stale = reduce(state, { type: "networkLoaded", key: JSON.stringify(["pays-cevennes", "STRUCTURE", cls3, { minWeight: 2 }]), network: sampleNetwork() });
    expect(stale).toBe(state);
    expect(reduce(state, { type: "setWindow", window: { from: "2020-01-01", to: "2019-01-01" } }).window).toEqual(allPeriod);
  });

  it("filters sectors without reloading or laying out again, and drops a selection that got hidden", () => {
    const selected = reduce(loaded(), { type: "selectNode", id: "s-ch-ales", source: "search" });
    const all = answer(reduce(selected, { type: "setFilters", filters: NO_FILTERS }));
    expect(all.elements).toHaveLength(19 - all.isolatedCount);
    expect(all.layoutPlan).toBe(selected.layoutPlan);
    expect(all.selection?.id).toBe("s-ch-ales");
    const noCare = reduce(all, { type: "setFilters", filters: toggleCategory(NO_FILTERS, "CARE") });
    expect(noCare.status).toBe("ready");
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
    const late = reduce(state, { type: "networkLoaded", key: JSON.stringify(["pays-cevennes", "STRUCTURE", cls3, { minWeight: 2 }]), network: sampleNetwork() });
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

  it("draws no earlier network under an error, keeps the filters usable", () => {
    const state = loaded();
    expect(state.elements.length).toBeGreaterThan(0);
    const moved = reduce(state, { type: "setFilters", filters: { ...state.filters, minWeight: 1 } });
    const failed = reduce(moved, { type: "fail", error: { kind: "unreachable", message: "fetch failed" } });
    expect(failed).toMatchObject({ status: "error", visible: null, elements: [] });
    expect(failed.model).not.toBeNull();
  });

  const tooLarge = { kind: "graphql" as const, message: "too many", code: "BAD_USER_INPUT", extensions: { code: "BAD_USER_INPUT", reason: "TOO_MANY_TIES", tieCount: 313_331, maxTies: 150_000 } };

  it("raises the threshold itself when a network it chose (a view switch) is refused for its size, and says so", () => {
    const lowered = reduce(loaded(), { type: "setFilters", filters: { ...loaded().filters, minWeight: 1 } });
    const actors = reduce(lowered, { type: "setView", view: "actors" });
    expect(actors.filters.minWeight).toBe(1);
    const raised = reduce(actors, { type: "fail", error: tooLarge });
    expect(raised).toMatchObject({ status: "loading", error: null, thresholdRaised: { from: 1, to: 2, ties: 313_331 } });
    expect(selectRequest(raised)?.filters.minWeight).toBe(2);
  });

  it("stops on the error when the reader chose the request", () => {
    const actors = reduce(loaded(), { type: "setView", view: "actors" });
    const lowered = reduce(actors, { type: "setFilters", filters: { ...actors.filters, minWeight: 1 } });
    expect(reduce(lowered, { type: "fail", error: tooLarge })).toMatchObject({ status: "error", thresholdRaised: null, filters: { minWeight: 1 } });
  });

  it("keeps an ego focus across a view switch where its centre exists, ends it with a reason where it does not", () => {
    const ego = reduce(loaded(), { type: "focusEgo", id: "s-prev-jeunes", depth: 1 });
    const map = answer(reduce(ego, { type: "setView", view: "map" }));
    expect(map.focus).toMatchObject({ kind: "ego", centerId: "s-prev-jeunes" });
    const actors = reduce(ego, { type: "setView", view: "actors" });
    const request = selectRequest(actors);
    if (!request) throw new Error("no request");
    const ended = reduce(actors, { type: "networkLoaded", key: request.key, network: { nodes: [], ties: [] } });
    expect(ended.focus).toBeNull();
    expect(ended.focusEnded).toMatchObject({ view: "actors" });
    expect(ended.focusEnded?.name).not.toBe("");
  });

  it("moves the coverage mode's axis with the axis filter", () => {
    const map = reduce(reduce(loaded(), { type: "setView", view: "map" }), { type: "setCoverageMode", mode: { axisId: null, unit: "structures" } });
    const filtered = reduce(map, { type: "setFilters", filters: { ...map.filters, axisId: "axis-mental-health" } });
    expect(filtered.coverageMode).toEqual({ axisId: "axis-mental-health", unit: "structures" });
  });

  it("reloads after the data changed: asks the network again, keeps the picture meanwhile, lays out anew", () => {
    const state = loaded();
    const reloaded = reduce(state, { type: "reload" });
    expect(reloaded).toMatchObject({ status: "loading", loaded: null, catalogTerritoryId: null, dataVersion: 1 });
    expect(reloaded.model).toBe(state.model);
    expect(reloaded.elements).toBe(state.elements);
    const again = answer(reloaded);
    expect(again.status).toBe("ready");
    expect(again.layoutPlan?.key).not.toBe(state.layoutPlan?.key);
    expect(reduce(initialState, { type: "reload" })).toBe(initialState);
  });

  it("selects a known node with its partners as drawn and ignores unknown ids", () => {
    const state = reduce(loaded(), { type: "selectNode", id: "s-prev-jeunes", source: "panel" });
    expect(state.selection).toEqual({ id: "s-prev-jeunes", source: "panel" });
    expect(selectSelectedNode(state)?.name).toBe("Association Prévention Jeunes");
    expect(selectSelectedPartners(state).map((p) => p.node.id)).toEqual(["s-college", "s-ch-ales", "s-msp-st-ambroix"]);
    expect(selectSelectedPartners(answer(reduce(state, { type: "setFilters", filters: NO_FILTERS }))).map((p) => p.node.id)).toEqual([
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

describe("restoreView", () => {
  const viewport = { zoom: 1.5, pan: { x: 10, y: -20 }, width: 800, height: 600 };
  function snapshotOf(_state: NetworkViewState, positions: Record<string, [number, number]>): ViewSnapshot {
    return {
      version: 1,
      territoryId: "pays-cevennes",
      view: "structures",
      layout: "concentric",
      window: cls3,
      compareWindow: null,
      filters: { ...NO_FILTERS, minWeight: 1 },
      focus: null,
      draw: { sizeBy: "degree", colourBy: "community" },
      coverageMode: null,
      positions,
      viewport,
    };
  }

  it("applies the saved settings at once and places the nodes where they were saved once the network is there", () => {
    const state = loaded();
    const ids = state.listed?.nodes.map((n) => n.id) ?? [];
    expect(ids.length).toBeGreaterThan(2);
    const positions = Object.fromEntries(ids.map((id, i): [string, [number, number]] => [id, [i * 10, i * -5]]));
    const waiting = reduce(state, { type: "restoreView", snapshot: snapshotOf(state, positions) });
    expect(waiting).toMatchObject({ layout: "concentric", window: cls3, draw: { sizeBy: "degree", colourBy: "community" }, status: "loading" });
    expect(waiting.pendingRestore?.serial).toBe(1);
    const shown = answer(waiting);
    expect(shown.pendingRestore).toBeNull();
    expect(shown.layoutPlan).toMatchObject({ kind: "preset", viewport });
    const plan = shown.layoutPlan;
    if (plan?.kind !== "preset") throw new Error("expected a preset plan");
    expect(plan.positions[ids[1] ?? ""]).toEqual({ x: 10, y: -5 });
    expect(shown.restoreReport).toEqual({ serial: 1, dropped: 0, added: 0 });
  });

  it("keeps the saved places when a filter changes, and lays out anew when the layout changes", () => {
    const state = loaded();
    const ids = state.visible?.nodes.map((n) => n.id) ?? [];
    const positions = Object.fromEntries(ids.map((id, i): [string, [number, number]] => [id, [i, i]]));
    const shown = answer(reduce(state, { type: "restoreView", snapshot: snapshotOf(state, positions) }));
    const filtered = answer(reduce(shown, { type: "setFilters", filters: { ...shown.filters, minWeight: 2 } }));
    expect(filtered.layoutPlan).toBe(shown.layoutPlan);
    const relaid = reduce(filtered, { type: "setLayout", layout: "force" });
    expect(relaid.layoutPlan?.kind).toBe("force");
    expect(relaid.restoredLayoutKey).toBeNull();
  });

  it("drops saved nodes that no longer exist and places new ones, and says how many", () => {
    const state = loaded();
    const ids = state.listed?.nodes.map((n) => n.id) ?? [];
    const [first, ...rest] = ids;
    const positions = Object.fromEntries(rest.map((id, i): [string, [number, number]] => [id, [i * 10, 0]]));
    positions["gone-1"] = [1, 1];
    positions["gone-2"] = [2, 2];
    const shown = answer(reduce(state, { type: "restoreView", snapshot: snapshotOf(state, positions) }));
    expect(shown.restoreReport).toEqual({ serial: 1, dropped: 2, added: 1 });
    const plan = shown.layoutPlan;
    if (plan?.kind !== "preset") throw new Error("expected a preset plan");
    expect(plan.positions["gone-1"]).toBeUndefined();
    expect(plan.positions[first ?? ""]).toBeDefined();
  });

  it("places the nodes again when the same view is opened twice", () => {
    const state = loaded();
    const snapshot = snapshotOf(state, {});
    const once = answer(reduce(state, { type: "restoreView", snapshot }));
    const twice = reduce(once, { type: "restoreView", snapshot });
    expect(twice.layoutPlan?.key).not.toBe(once.layoutPlan?.key);
    expect(twice.restoreReport?.serial).toBe(2);
  });

  it("ignores a view of a territory the page does not know", () => {
    const state = loaded();
    expect(reduce(state, { type: "restoreView", snapshot: { ...snapshotOf(state, {}), territoryId: "elsewhere" } })).toBe(state);
  });
});

describe("territoryCreated", () => {
  it("asks for the territories again and opens on the new one, with its own period", () => {
    const waiting = reduce(loaded(), { type: "territoryCreated", territoryId: "vans" });
    expect(waiting).toMatchObject({ territories: null, territoryId: null, status: "loading", model: null, selection: null });
    expect(selectRequest(waiting)).toBeNull();
    const vans: Territory = {
      id: "vans", name: "Pays des Vans", isDemo: false, epcis: [],
      contracts: [{ id: "vans-cls1", name: "CLS 1", generation: 1, signedOn: "2020-03-02", endsOn: "2024-12-31" }],
    };
    const state = reduce(waiting, { type: "territoriesLoaded", territories: [...territories, vans] });
    expect(state.territoryId).toBe("vans");
    expect(selectRequest(state)?.territoryId).toBe("vans");
    expect(state.window).toEqual({ from: "2020-03-02", to: "2024-12-31" });
  });
});

import { describe, expect, it } from "vitest";
import { initialState, networkViewReducer } from "../../explorer/store";
import { fr } from "../../i18n/fr";
import { captureSnapshot, parseSnapshot } from "./snapshot";

const state = networkViewReducer(networkViewReducer(initialState, { type: "start" }), {
  type: "territoriesLoaded",
  territories: [{ id: "pays-cevennes", name: "Pays Cévennes", isDemo: true, epcis: [], contracts: [] }],
});
const canvas = { positions: { a: { x: 1.234, y: -5.678 }, b: { x: Number.NaN, y: 0 } }, viewport: { zoom: 0.8, pan: { x: 3, y: 4 }, width: 900, height: 700 } };

describe("captureSnapshot and parseSnapshot", () => {
  it("round-trip the state through JSON, with places rounded to a tenth and impossible ones left out", () => {
    const snapshot = captureSnapshot(state, canvas);
    expect(snapshot?.positions).toEqual({ a: [1.2, -5.7] });
    const parsed = parseSnapshot(JSON.parse(JSON.stringify(snapshot)));
    expect(parsed).toEqual({ ok: true, snapshot });
  });

  it("gives nothing without a territory", () => {
    expect(captureSnapshot(initialState, canvas)).toBeNull();
  });

  it("refuses another version with a French message", () => {
    const snapshot = { ...captureSnapshot(state, canvas), version: 7 };
    expect(parseSnapshot(snapshot)).toMatchObject({ ok: false, message: fr.savedViews.unsupportedVersion });
  });

  it.each([
    ["not an object", "texte"],
    ["an unknown view", { view: "galaxy" }],
    ["an impossible window", { window: { from: "2020-01-01", to: "2019-01-01" } }],
    ["an unknown sector in the filters", { filters: { ...state.filters, hiddenCategories: ["SPACE"] } }],
    ["a focus too deep", { focus: { kind: "ego", centerId: "a", depth: 9, expandedIds: [], collapsedIds: [] } }],
    ["a position that is not a pair", { positions: { a: [1] } }],
    ["a zero zoom", { viewport: { zoom: 0, pan: { x: 0, y: 0 }, width: 1, height: 1 } }],
  ])("says a damaged state (%s) cannot be opened, without throwing", (_what, change) => {
    const damaged = typeof change === "string" ? change : { ...captureSnapshot(state, canvas), ...change };
    expect(parseSnapshot(damaged)).toMatchObject({ ok: false, message: fr.savedViews.corrupted });
  });
});

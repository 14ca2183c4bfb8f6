import { describe, expect, it } from "vitest";
import { scrubSavedView, scrubState, type StoredView } from "./scrub.js";

const ID = "t-a-0042";
const person = { id: ID, fullName: "Nine Roux", territoryIds: ["t"] };

const snapshot = (focus: unknown) =>
  JSON.stringify({
    version: 1,
    territoryId: "t",
    view: "actors",
    filters: { workGroupId: null, actorCategories: ["VOLUNTEER"] },
    focus,
    positions: { [ID]: [1, 2], "t-a-0001": [3, 4] },
  });

describe("scrubState", () => {
  it("drops a focus centred on the person, and their position", () => {
    const out = JSON.parse(scrubState(snapshot({ kind: "ego", centerId: ID, depth: 2, expandedIds: [], collapsedIds: [] }), ID)) as Record<string, unknown>;
    expect(out.focus).toBeNull();
    expect(out.positions).toEqual({ "t-a-0001": [3, 4] });
    expect(out.filters).toEqual({ workGroupId: null, actorCategories: ["VOLUNTEER"] });
  });

  it("keeps a focus centred on someone else without the person in its lists", () => {
    const out = JSON.parse(scrubState(snapshot({ kind: "ego", centerId: "t-a-0001", depth: 1, expandedIds: [ID, "t-s-001"], collapsedIds: [ID] }), ID)) as Record<string, unknown>;
    expect(out.focus).toEqual({ kind: "ego", centerId: "t-a-0001", depth: 1, expandedIds: ["t-s-001"], collapsedIds: [] });
  });

  it("forgets the nodes of a path that went through the person", () => {
    const out = JSON.parse(scrubState(snapshot({ kind: "path", fromId: "t-a-0001", toId: "t-a-0002", pathIds: ["t-a-0001", ID, "t-a-0002"] }), ID)) as Record<string, unknown>;
    expect(out.focus).toEqual({ kind: "path", fromId: "t-a-0001", toId: "t-a-0002", pathIds: null });
  });

  it("leaves a state that does not name the person as it was, byte for byte", () => {
    const state = snapshot(null).replace(`"${ID}":[1,2],`, "");
    expect(scrubState(state, ID)).toBe(state);
  });

  it("does not take a longer id for the person's", () => {
    const state = JSON.stringify({ version: 1, positions: { [`${ID}7`]: [0, 0] }, focus: { kind: "ego", centerId: `${ID}7` } });
    expect(JSON.parse(scrubState(state, ID))).toEqual(JSON.parse(state));
  });

  it("removes the id from text that is not JSON", () => {
    expect(scrubState(`broken ${ID} state`, ID)).toBe("broken  state");
  });
});

describe("scrubSavedView", () => {
  const view = (overrides: Partial<StoredView>): StoredView => ({ view: "STRUCTURES", territoryId: "t", state: snapshot(null), subtitle: "Période : CLS 3", hasPicture: true, ...overrides });

  it("drops the picture of a people view of the person's territory, where their name may be drawn", () => {
    const other = { ...person, id: "t-a-9999" };
    expect(scrubSavedView(view({ view: "ACTORS", state: "{}" }), other)).toMatchObject({ dropPicture: true, isChanged: true });
    expect(scrubSavedView(view({ view: "ACTORS", state: "{}", territoryId: "u" }), other)).toMatchObject({ dropPicture: false, isChanged: false });
    expect(scrubSavedView(view({ view: "STRUCTURES", state: "{}" }), other)).toMatchObject({ dropPicture: false, isChanged: false });
  });

  it("replaces the person's name in the subtitle", () => {
    const out = scrubSavedView(view({ subtitle: "Période : CLS 3 · Focus : Nine Roux", hasPicture: false, state: "{}" }), person);
    expect(out).toEqual({ state: "{}", subtitle: "Période : CLS 3 · Focus : personne effacée", dropPicture: false, isChanged: true });
  });

  it("changes the state of any view kind that names the person", () => {
    const out = scrubSavedView(view({ hasPicture: false }), person);
    expect(out.isChanged).toBe(true);
    expect(out.state).not.toContain(ID);
  });
});

import { describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer.js";
import { forViewer, savedViewRow } from "./service.js";

const stored = {
  id: "v1",
  territoryId: "pays-cevennes",
  name: "Acteurs 2024",
  view: "ACTORS",
  stateVersion: 1,
  state: null,
  picture: "data:image/png;base64,iVBORw0KGgo=",
  legend: JSON.stringify([{ label: "Professionnel", colour: "#0072B2", shape: "ellipse" }]),
  subtitle: "Période : CLS 3",
  createdAt: "2025-03-01T10:00:00.123456789Z",
  updatedAt: "2025-03-02T10:00:00Z",
  authorId: "coordinator-1",
};

const analyst: Viewer = { subject: "a", role: "ANALYST", territories: ["pays-cevennes"] };
const coordinator: Viewer = { subject: "c", role: "COORDINATOR", territories: ["pays-cevennes"] };

describe("savedViewRow", () => {
  it("reads the legend JSON and normalises date-times to ISO milliseconds", () => {
    const row = savedViewRow(stored);
    expect(row.legend).toEqual([{ label: "Professionnel", colour: "#0072B2", shape: "ellipse" }]);
    expect(row.createdAt).toBe("2025-03-01T10:00:00.123Z");
    expect(row.state).toBeNull();
  });

  it("throws on an unknown kind (a bug between the query and the code)", () => {
    expect(() => savedViewRow({ ...stored, view: "GALAXY" })).toThrow("Unknown saved view kind");
  });
});

describe("forViewer", () => {
  it("withholds the picture of a people view and the author from analysts", () => {
    const out = forViewer(savedViewRow(stored), analyst);
    expect(out).toMatchObject({ picture: null, isPictureWithheld: true, authorId: null });
  });

  it("shows both to coordinators", () => {
    const out = forViewer(savedViewRow(stored), coordinator);
    expect(out).toMatchObject({ picture: stored.picture, isPictureWithheld: false, authorId: "coordinator-1" });
  });

  it("shows analysts the picture of a structures view, where no person is named", () => {
    const out = forViewer(savedViewRow({ ...stored, view: "STRUCTURES" }), analyst);
    expect(out).toMatchObject({ picture: stored.picture, isPictureWithheld: false });
  });
});

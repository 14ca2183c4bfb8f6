import { describe, expect, it } from "vitest";
import { exportVariables, parseExportFile } from "./exports";

describe("exportVariables", () => {
  it("maps the page's view, format, window and filter to the API's arguments", () => {
    expect(
      exportVariables({
        territoryId: "pays-cevennes",
        view: "participation",
        format: "csv-nodes",
        window: { from: "2019-01-01", to: null },
        filter: { axisIds: ["a"], workGroupIds: [], minWeight: 20 },
        positions: [{ id: "n1", x: 1.5, y: -2 }],
      }),
    ).toEqual({
      territoryId: "pays-cevennes",
      view: "PARTICIPATION",
      format: "CSV_NODES",
      window: { from: "2019-01-01" },
      filter: { axisIds: ["a"], minWeight: 20 },
      positions: [{ id: "n1", x: 1.5, y: -2 }],
    });
  });

  it("sends no positions and an open window as nulls", () => {
    const variables = exportVariables({ territoryId: "t", view: "structures", format: "gexf", window: { from: null, to: null }, filter: {} });
    expect(variables).toMatchObject({ view: "STRUCTURES", format: "GEXF", window: null, filter: {}, positions: null });
  });
});

describe("parseExportFile", () => {
  it("reads the file and rejects a malformed answer", () => {
    const file = { fileName: "maillage_t_structures_2025-06-30.gexf", mediaType: "application/gexf+xml", content: "<gexf/>" };
    expect(parseExportFile({ networkExport: file })).toEqual(file);
    expect(() => parseExportFile({ networkExport: { fileName: "x" } })).toThrow(/mediaType/);
  });
});

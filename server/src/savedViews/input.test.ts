import { describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { LIMITS, parseLegend, parseName, parsePicture, parseSaveViewInput, parseState } from "./input.js";

/** A 1×1 transparent PNG. */
const TINY_PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

function codeAndArgument(run: () => unknown): { code: string; argument: unknown } | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, argument: error.details.argument };
    throw error;
  }
  return undefined;
}

const valid = {
  territoryId: "pays-cevennes",
  name: "  Comité de pilotage  ",
  view: "STRUCTURES",
  state: JSON.stringify({ version: 1, positions: {} }),
  picture: TINY_PNG,
  legend: [{ label: "Soin", colour: "#0072B2", shape: "ellipse" }],
  subtitle: "Période : CLS 3",
};

describe("parseSaveViewInput", () => {
  it("trims the name and reads the state's version", () => {
    const input = parseSaveViewInput(valid);
    expect(input).toMatchObject({ id: null, name: "Comité de pilotage", view: "STRUCTURES", stateVersion: 1, picture: TINY_PNG });
    expect(input.legend).toEqual(valid.legend);
  });

  it("does not take the subtitle from the client (the server writes it from the state)", () => {
    expect(parseSaveViewInput({ ...valid, subtitle: "Focus : Marie Martin <marie@exemple.fr>" })).not.toHaveProperty("subtitle");
  });

  it("accepts the legend rows the page draws: sectors and communities", () => {
    const rows = ["Soin", "Groupe de travail", "Communauté 1", "Communauté 12", "Autres communautés"].map((label) => ({ label, colour: "#000000", shape: "ellipse" }));
    expect(parseSaveViewInput({ ...valid, legend: rows }).legend.map((row) => row.label)).toEqual(rows.map((row) => row.label));
  });

  it("accepts a view without picture", () => {
    expect(parseSaveViewInput({ ...valid, picture: null }).picture).toBeNull();
  });

  it.each([
    ["an empty name", { name: "   " }, "input.name"],
    ["a name too long", { name: "x".repeat(LIMITS.nameLength + 1) }, "input.name"],
    ["a name with a control character", { name: "a\u0000b" }, "input.name"],
    ["a state that is not JSON", { state: "{version: 1" }, "input.state"],
    ["a state that is a list", { state: "[1]" }, "input.state"],
    ["a state without version", { state: "{}" }, "input.state"],
    ["a state with a fractional version", { state: '{"version":1.5}' }, "input.state"],
    ["a state too big", { state: JSON.stringify({ version: 1, pad: "x".repeat(LIMITS.stateLength) }) }, "input.state"],
    ["a JPEG data URL", { picture: "data:image/jpeg;base64,/9j/4AAQSkZJRg==" }, "input.picture"],
    ["a PNG data URL of other bytes", { picture: "data:image/png;base64,R0lGODlhAQABAAAAACw=" }, "input.picture"],
    ["a PNG data URL that is not base64", { picture: "data:image/png;base64,iVBOR w0KGgo=" }, "input.picture"],
    ["a picture too big", { picture: TINY_PNG + "A".repeat(LIMITS.pictureLength) }, "input.picture"],
    ["a colour that is not #RRGGBB", { legend: [{ label: "Soin", colour: "red", shape: "ellipse" }] }, "input.legend[0].colour"],
    ["a shape with odd characters", { legend: [{ label: "Soin", colour: "#000000", shape: "<svg>" }] }, "input.legend[0].shape"],
    ["an empty legend label", { legend: [{ label: " ", colour: "#000000", shape: "ellipse" }] }, "input.legend[0].label"],
    ["too many legend rows", { legend: Array.from({ length: LIMITS.legendEntries + 1 }, () => valid.legend[0]) }, "input.legend"],
    ["a legend label that is not one the page draws", { legend: [{ label: "Focus : Marie Martin", colour: "#000000", shape: "ellipse" }] }, "input.legend[0].label"],
    ["an unknown view", { view: "GALAXY" }, "input.view"],
    ["an empty territory", { territoryId: "" }, "input.territoryId"],
  ])("refuses %s with BAD_USER_INPUT naming the argument", (_what, change, argument) => {
    expect(codeAndArgument(() => parseSaveViewInput({ ...valid, ...change }))).toEqual({ code: "BAD_USER_INPUT", argument });
  });
});

describe("the saved view's parts", () => {
  it("keep the state text as sent", () => {
    const text = '{ "version": 2, "a": [1, 2] }';
    expect(parseState(text)).toEqual({ state: text, version: 2 });
  });

  it("check the PNG signature, not only the prefix", () => {
    expect(parsePicture(TINY_PNG)).toBe(TINY_PNG);
    expect(parsePicture(undefined)).toBeNull();
  });

  it("trim legend labels and names", () => {
    expect(parseLegend([{ label: " Soin ", colour: "#ABCDEF", shape: "round-rectangle" }])).toEqual([{ label: "Soin", colour: "#ABCDEF", shape: "round-rectangle" }]);
    expect(parseName(" Vue ")).toBe("Vue");
  });
});

import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { KeyFigures } from "../../api/keyFigures";
import { writePptx } from "./pptx";
import { buildPresentation, currentViewSlide, keyFiguresLine, savedViewSlide } from "./slides";
import { testFrame } from "./testScene";

// A 1×1 PNG.
const PIXEL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

const figures: KeyFigures = {
  territoryName: "Pays Cévennes", year: 2025, actors: 1600, activeActors: 1321, structures: 277, institutions: 14, workGroups: 120,
  axes: 11, contractsInForce: ["CLS 3"], events: 975, volunteerHours: 8936.5, inhabitants: 156691, communes: 94, epcis: 2,
};

describe("keyFiguresLine", () => {
  it("states the territory's main figures in French", () => {
    expect(keyFiguresLine(figures)).toBe(
      "277 structures · 1\u202F321 acteurs actifs dans l'année · 120 groupes de travail · 975 événements dans l'année · 94 communes · 156\u202F691 habitants",
    );
  });
});

describe("writePptx", () => {
  it("writes a valid Office file: key figures, then one slide per view with its picture", async () => {
    const frame = testFrame();
    const saved = savedViewSlide(
      { id: "v1", territoryId: "pays-cevennes", name: "Santé mentale", view: "structures", picture: null, isPictureWithheld: true, legend: [{ label: "Soin", colour: "#0072B2", shape: "ellipse" }], subtitle: "CLS 3", createdAt: "", updatedAt: "", authorId: null },
      "Pays Cévennes",
      "Structures",
      null,
    );
    const presentation = buildPresentation(frame, figures, [currentViewSlide(frame, PIXEL, 1.5), saved]);
    const bytes = await writePptx(presentation, "Légende", "uint8array");
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files);
    expect(names).toContain("[Content_Types].xml");
    expect(names).toContain("ppt/presentation.xml");
    expect(names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort()).toEqual(["ppt/slides/slide1.xml", "ppt/slides/slide2.xml", "ppt/slides/slide3.xml"]);
    expect(names.some((n) => n.startsWith("ppt/media/") && n.endsWith(".png"))).toBe(true);
    for (const name of names.filter((n) => n.endsWith(".xml") || n.endsWith(".rels"))) {
      const errors: string[] = [];
      new DOMParser({ onError: (level, message) => { if (level !== "warning") errors.push(message); } }).parseFromString(await zip.file(name)!.async("string"), "text/xml");
      expect(errors, name).toEqual([]);
    }
    const first = await zip.file("ppt/slides/slide1.xml")!.async("string");
    expect(first).toContain("Pays Cévennes en quelques chiffres");
    expect(first).toContain("Données fictives");
    const second = await zip.file("ppt/slides/slide2.xml")!.async("string");
    expect(second).toContain("Pays Cévennes — Structures");
    expect(second).toContain("277 structures");
    const third = await zip.file("ppt/slides/slide3.xml")!.async("string");
    expect(third).toContain("Image non disponible pour votre rôle");
  });
});

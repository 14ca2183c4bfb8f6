import cytoscape from "cytoscape";
import { describe, expect, it } from "vitest";
import { CROWDED, crowdedLabels, declutterCanvas, declutterElements, estimateText, type LabelCandidate } from "./declutter";
import { applyElements } from "./sync";

const node = (id: string, x: number, y: number, size = 20, label = `Structure ${id}`): LabelCandidate => ({ id, label, x, y, size });

describe("crowdedLabels", () => {
  it("keeps the larger node's label where two would cover each other, and both when they are apart", () => {
    const big = node("a", 0, 0, 40);
    const small = node("b", 10, 8, 20);
    const far = node("c", 0, 300, 20);
    expect(crowdedLabels([small, big, far], 1)).toEqual(new Set(["b"]));
  });

  it("frees labels as the view zooms in (a smaller label scale) and crowds them as it zooms out", () => {
    // Labels side by side, 150 px apart between centres: "Structure a" is about 80 px wide at scale 1.
    const row = [node("a", 0, 0), node("b", 150, 0), node("c", 300, 0)];
    expect(crowdedLabels(row, 1)).toEqual(new Set());
    // At scale 2 each label is about 170 px wide: the middle one covers both neighbours.
    expect(crowdedLabels(row, 2)).toEqual(new Set(["b"]));
  });

  it("keeps the selected node's and its partners' names before the largest nodes' (the focus view's pile-ups)", () => {
    const hub = { ...node("hub", 0, 0, 44, "CPAM du Gard"), rank: 3 };
    const partner = { ...node("p", 12, 6, 16, "DSDEN du Gard"), rank: 2 };
    const selected = { ...node("s", -10, 10, 14, "MSA Languedoc"), rank: 0 };
    expect(crowdedLabels([hub, partner, selected], 1)).toEqual(new Set(["hub", "p"]));
  });

  it("compares a label with those taken only, larger nodes first, ties broken by id", () => {
    // b covers a and c; a and c are apart: with b dropped, both a and c are drawn.
    const row = [node("c", 100, 0, 30), node("b", 50, 0, 30), node("a", 0, 0, 30)];
    const wide = (text: string, size: number) => estimateText(text, size) * 0.8;
    expect(crowdedLabels(row, 1, wide)).toEqual(new Set(["b"]));
  });

  it("does not crowd a label that stacks under another's node without touching its text", () => {
    // Same x, 40 px lower: the upper label ends at about y = 10 + 3 + 14 + 5.
    expect(crowdedLabels([node("a", 0, 0), node("b", 0, 40)], 1)).toEqual(new Set());
    expect(crowdedLabels([node("a", 0, 0), node("b", 0, 12)], 1)).toEqual(new Set(["b"]));
  });
});

describe("declutter on elements and on a canvas", () => {
  const elements = [
    { group: "nodes" as const, data: { id: "a", label: "Centre hospitalier", size: 40 }, classes: "structure labelled" },
    { group: "nodes" as const, data: { id: "b", label: "Maison de santé", size: 20 }, classes: "structure labelled" },
    { group: "nodes" as const, data: { id: "c", label: "Pharmacie", size: 10 }, classes: "structure" },
  ];
  const together = { a: { x: 0, y: 0 }, b: { x: 5, y: 10 }, c: { x: 2, y: 4 } };

  it("marks the crowded labelled nodes before they are added, and leaves unlabelled nodes alone", () => {
    const out = declutterElements(elements, together, 1);
    expect(out.map((e) => e.classes)).toEqual(["structure labelled", `structure labelled ${CROWDED}`, "structure"]);
  });

  it("moves the mark when nodes move apart, and a filter's update does not drop it", () => {
    const cy = cytoscape({ headless: true, styleEnabled: false, elements: elements.map((e) => ({ ...e, position: together[e.data.id as "a"] })) });
    declutterCanvas(cy, 1);
    expect(cy.$(`.${CROWDED}`).map((n) => n.id())).toEqual(["b"]);
    applyElements(cy, elements);
    expect(cy.getElementById("b").hasClass(CROWDED)).toBe(true);
    cy.getElementById("b").position({ x: 400, y: 0 });
    declutterCanvas(cy, 1);
    expect(cy.$(`.${CROWDED}`)).toHaveLength(0);
  });
});

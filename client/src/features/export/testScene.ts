import type { NetworkNode } from "../../api/network";
import { buildFrame, type FrameInput } from "./frame";
import type { MeasureText } from "./layout";
import type { Scene } from "./scene";

/** A text measure close enough to a sans-serif font for layout tests. */
export const estimateText: MeasureText = (text, size, bold) => text.length * size * (bold ? 0.6 : 0.52);

export function testNode(id: string, sector: NetworkNode["sector"], kind: NetworkNode["kind"] = "STRUCTURE"): NetworkNode {
  return { id, kind, name: id, sector, type: null, category: null, communeCode: null, communeName: null, epciCode: null, memberCount: 3, activeMemberCount: null, axisIds: [], metrics: null };
}

export function testFrameInput(overrides: Partial<FrameInput> = {}): FrameInput {
  return {
    territoryName: "Pays Cévennes",
    viewName: "Structures",
    isDemo: true,
    windowText: "CLS 3 · du 27/06/2019 au 31/12/2025",
    filterLabels: ["Liens : au moins 20 groupes ou événements en commun", "Axe : Santé mentale"],
    focusText: null,
    date: new Date(2026, 11, 1),
    legend: {
      nodes: [testNode("a", "CARE"), testNode("b", "CARE"), testNode("c", "SOCIAL"), testNode("i", null, "INSTITUTION")],
      categories: ["CARE", "SOCIAL", "EDUCATION", "INSTITUTION"],
      hiddenCategories: [],
      colourBy: "category",
      sizeBy: "members",
      isComparing: false,
      hasPath: false,
      isParticipation: false,
      coverage: null,
    },
    ...overrides,
  };
}

export const testFrame = () => buildFrame(testFrameInput());

export function testScene(): Scene {
  return {
    width: 400,
    height: 300,
    areas: [{ rings: [[{ x: 10, y: 10 }, { x: 200, y: 10 }, { x: 200, y: 150 }]], fill: "#EEF1F4", stroke: "#8A96A3", strokeWidth: 0.75, hatch: "#6B7280" }],
    areaLabels: [{ text: "Alès", x: 100, y: 60, baseline: "middle", size: 12, bold: false, colour: "#1F2937", outline: { colour: "#EEF1F4", width: 1.5 } }],
    edges: [
      { x1: 50, y1: 50, x2: 150, y2: 80, width: 2, colour: "#7B8794", opacity: 0.5, dashed: false },
      { x1: 150, y1: 80, x2: 300, y2: 200, width: 2, colour: "#7B8794", opacity: 0.5, dashed: false },
      { x1: 50, y1: 50, x2: 300, y2: 200, width: 1, colour: "#D55E00", opacity: 0.8, dashed: true },
    ],
    nodes: [
      { id: "a", x: 50, y: 50, width: 20, height: 20, shape: "ellipse", fill: "#0072B2", fillOpacity: 1, stroke: "#004B6B", strokeWidth: 1.5, dashed: false, opacity: 1, isHelper: false, halo: null, label: { text: "Hôpital d’Alès & <CH>", x: 50, y: 63, baseline: "top", size: 12, bold: true, colour: "#1F2937", outline: { colour: "#FFFFFF", width: 2.5 } } },
      { id: "b", x: 150, y: 80, width: 14, height: 14, shape: "ellipse", fill: "#0072B2", fillOpacity: 1, stroke: "#004B6B", strokeWidth: 1.5, dashed: false, opacity: 1, isHelper: false, halo: { colour: "#1D4ED8", opacity: 0.22, padding: 7 }, label: null },
      { id: "c", x: 300, y: 200, width: 16, height: 16, shape: "ellipse", fill: "#E69F00", fillOpacity: 0.35, stroke: "#D55E00", strokeWidth: 3, dashed: true, opacity: 1, isHelper: false, halo: null, label: null },
      { id: "i", x: 250, y: 100, width: 18, height: 18, shape: "diamond", fill: "#1A1A1A", fillOpacity: 1, stroke: "#101010", strokeWidth: 1.5, dashed: false, opacity: 0.18, isHelper: false, halo: null, label: null },
    ],
    labels: [{ text: "Santé mentale", x: 200, y: 20, baseline: "middle", size: 22, bold: true, colour: "#111827", outline: null }],
  };
}

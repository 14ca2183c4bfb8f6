/**
 * Reads what Cytoscape draws in its viewport into a plain Scene (screen pixels): the only part of
 * the SVG export that touches `cy`. Elements wholly outside the viewport are left out, as on screen.
 */
import type { Core, EdgeSingular, NodeSingular } from "cytoscape";
import { CONTOUR_COLOUR, CONTOUR_WIDTH, drawMap, LABEL_FONT_SIZE, NEUTRAL_FILL, type MapContext } from "../map/drawMap";
import { isHatchedFill, ZONE_BLANCHE_HATCH } from "../map/coverage";
import { projectCommunes, type Projection } from "../map/projection";
import type { MapCommune } from "../map/types";
import type { Scene, SceneEdge, SceneLabel, SceneNode, ScenePolygon, SceneShape } from "./scene";
import { SVG_FONT } from "./svgWriter";

export interface SceneMap {
  communes: readonly MapCommune[];
  projection: Projection;
  fills: Readonly<Record<string, string>>;
  selectedCode: string | null;
}

const SHAPES: readonly SceneShape[] = ["ellipse", "diamond", "round-rectangle", "rectangle"];
const px = (value: unknown): number => {
  const parsed = Number.parseFloat(String(value));
  return Number.isFinite(parsed) ? parsed : 0;
};

/** Canvas colours come back as `rgb(r,g,b)`: SVG takes them as they are. */
const colour = (value: unknown, fallback: string): string => (typeof value === "string" && value !== "" ? value : fallback);

function truncate(context: CanvasRenderingContext2D | null, text: string, font: string, maxWidth: number): string {
  if (!context || !(maxWidth > 0)) return text;
  context.font = font;
  if (context.measureText(text).width <= maxWidth) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (context.measureText(`${text.slice(0, mid)}…`).width <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low)}…`;
}

function readLabel(node: NodeSingular, zoom: number, x: number, y: number, height: number, context: CanvasRenderingContext2D | null): SceneLabel | null {
  const text = String(node.style("label") ?? "");
  if (!text || px(node.style("text-opacity")) === 0 || node.style("display") === "none") return null;
  const size = px(node.style("font-size")) * zoom;
  const bold = px(node.style("font-weight")) >= 600 || node.style("font-weight") === "bold";
  const valign = String(node.style("text-valign"));
  const margin = px(node.style("text-margin-y")) * zoom;
  const outlineWidth = px(node.style("text-outline-width")) * zoom;
  const maxWidth = node.style("text-wrap") === "ellipsis" ? px(node.style("text-max-width")) * zoom : 0;
  const font = `${bold ? 700 : 400} ${size}px ${SVG_FONT}`;
  const placed =
    valign === "bottom"
      ? { y: y + height / 2 + margin, baseline: "top" as const }
      : valign === "top"
        ? { y: y - height / 2 + margin, baseline: "bottom" as const }
        : { y: y + margin, baseline: "middle" as const };
  return {
    text: truncate(context, text, font, maxWidth),
    x,
    ...placed,
    size,
    bold,
    colour: colour(node.style("color"), "#1F2937"),
    outline: outlineWidth > 0 ? { colour: colour(node.style("text-outline-color"), "#FFFFFF"), width: outlineWidth } : null,
  };
}

function readNode(node: NodeSingular, zoom: number, context: CanvasRenderingContext2D | null): SceneNode {
  const { x, y } = node.renderedPosition();
  const width = node.renderedWidth();
  const height = node.renderedHeight();
  const shape = String(node.style("shape"));
  const isHelper = node.hasClass("map-group");
  const underlay = px(node.style("underlay-opacity"));
  return {
    id: node.id(),
    x,
    y,
    width,
    height,
    shape: (SHAPES as readonly string[]).includes(shape) ? (shape as SceneShape) : "ellipse",
    fill: colour(node.style("background-color"), "#999999"),
    fillOpacity: px(node.style("background-opacity")),
    stroke: colour(node.style("border-color"), "#000000"),
    strokeWidth: px(node.style("border-width")) * zoom,
    dashed: node.style("border-style") === "dashed",
    opacity: node.effectiveOpacity(),
    isHelper,
    halo: underlay > 0 ? { colour: colour(node.style("underlay-color"), "#1D4ED8"), opacity: underlay, padding: px(node.style("underlay-padding")) * zoom } : null,
    label: readLabel(node, zoom, x, y, height, context),
  };
}

function readEdge(edge: EdgeSingular, zoom: number): SceneEdge {
  const source = edge.source().renderedPosition();
  const target = edge.target().renderedPosition();
  return {
    x1: source.x,
    y1: source.y,
    x2: target.x,
    y2: target.y,
    width: px(edge.style("width")) * zoom,
    colour: colour(edge.style("line-color"), "#7B8794"),
    opacity: edge.effectiveOpacity(),
    dashed: edge.style("line-style") === "dashed",
  };
}

function readAreas(cy: Core, map: SceneMap): ScenePolygon[] {
  const zoom = cy.zoom();
  const pan = cy.pan();
  const toScreen = (p: { x: number; y: number }) => ({ x: p.x * zoom + pan.x, y: p.y * zoom + pan.y });
  return projectCommunes(map.communes, map.projection).flatMap((commune) => {
    const fill = map.fills[commune.code] ?? NEUTRAL_FILL;
    const isZoneBlanche = isHatchedFill(fill);
    return commune.polygons.map((polygon) => ({
      rings: polygon.map((ring) => ring.map(toScreen)),
      fill,
      stroke: isZoneBlanche ? ZONE_BLANCHE_HATCH : CONTOUR_COLOUR,
      strokeWidth: isZoneBlanche ? 1 : CONTOUR_WIDTH,
      hatch: isZoneBlanche ? ZONE_BLANCHE_HATCH : null,
    }));
  });
}

/**
 * The commune names the page writes on the map: drawMap itself decides (which fit, at this zoom),
 * drawing into a context that only records the text.
 */
function readAreaLabels(cy: Core, map: SceneMap, measure: CanvasRenderingContext2D | null): SceneLabel[] {
  const labels: SceneLabel[] = [];
  const noop = () => undefined;
  const recorder: MapContext = {
    fillStyle: "#000000",
    strokeStyle: "#000000",
    lineWidth: 1,
    lineJoin: "round",
    font: "",
    textAlign: "center",
    textBaseline: "middle",
    save: noop,
    restore: noop,
    beginPath: noop,
    moveTo: noop,
    lineTo: noop,
    closePath: noop,
    fill: noop,
    stroke: noop,
    clip: noop,
    clearRect: noop,
    strokeText: noop,
    fillText: (text, x, y) => {
      labels.push({
        text, x, y, baseline: "middle", size: LABEL_FONT_SIZE, bold: false,
        colour: colour(recorder.fillStyle, "#1F2937"),
        outline: { colour: colour(recorder.strokeStyle, NEUTRAL_FILL), width: recorder.lineWidth / 2 },
      });
    },
    measureText: (text) => {
      if (!measure) return { width: text.length * LABEL_FONT_SIZE * 0.55 };
      measure.font = recorder.font;
      return measure.measureText(text);
    },
  };
  drawMap(recorder, { zoom: cy.zoom(), pan: cy.pan(), width: cy.width(), height: cy.height() }, projectCommunes(map.communes, map.projection), {
    fills: map.fills,
    selectedCode: map.selectedCode,
    showLabels: true,
  });
  return labels;
}

export function readScene(cy: Core, map: SceneMap | null): Scene {
  const zoom = cy.zoom();
  const width = cy.width();
  const height = cy.height();
  const context = document.createElement("canvas").getContext("2d");
  const onScreen = (x1: number, y1: number, x2: number, y2: number) =>
    Math.max(x1, x2) >= 0 && Math.max(y1, y2) >= 0 && Math.min(x1, x2) <= width && Math.min(y1, y2) <= height;

  const edges: SceneEdge[] = [];
  cy.edges().forEach((edge) => {
    if (!edge.visible()) return;
    const e = readEdge(edge, zoom);
    if (e.opacity > 0 && onScreen(e.x1, e.y1, e.x2, e.y2)) edges.push(e);
  });

  const groups: { depth: number; node: SceneNode }[] = [];
  const nodes: { z: number; index: number; node: SceneNode }[] = [];
  const labels: SceneLabel[] = [];
  cy.nodes().forEach((node, index) => {
    if (!node.visible()) return;
    if (node.hasClass("canvas-label")) {
      const { x, y } = node.renderedPosition();
      const label = readLabel(node, zoom, x, y, 0, context);
      if (label && onScreen(x, y, x, y)) labels.push(label);
      return;
    }
    const read = readNode(node, zoom, context);
    const r = Math.max(read.width, read.height) / 2 + (read.label ? read.label.size * 8 : 0);
    if (!onScreen(read.x - r, read.y - r, read.x + r, read.y + r)) return;
    if (read.isHelper) groups.push({ depth: node.ancestors().length, node: read });
    else nodes.push({ z: px(node.style("z-index")), index, node: read });
  });
  groups.sort((a, b) => a.depth - b.depth);
  nodes.sort((a, b) => a.z - b.z || a.index - b.index);
  return {
    width,
    height,
    areas: map ? readAreas(cy, map) : [],
    areaLabels: map ? readAreaLabels(cy, map, context) : [],
    edges,
    nodes: [...groups.map((g) => g.node), ...nodes.map((n) => n.node)],
    labels,
  };
}

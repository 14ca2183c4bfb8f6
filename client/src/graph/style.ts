import type { StylesheetJson } from "cytoscape";
import { groupStylesheet } from "./groupStyle";

export const TIE_COLOUR = "#7B8794";
/** Comparison colours: blue for what is new, vermillion (and dashes) for what was lost — safe for colour-blind readers. */
export const GAINED_COLOUR = "#0072B2";
export const LOST_COLOUR = "#D55E00";
export const PATH_COLOUR = "#CC3311";
const TEXT_COLOUR = "#1F2937";
const FOCUS_COLOUR = "#1D4ED8";

/** Cytoscape accepts `data(field)` for every property, but its typings omit it for a few (shape, opacity). */
function fromData<T>(field: string): T {
  return `data(${field})` as unknown as T;
}

/** Node labels at label scale 1, in pixels; declutter.ts measures labels with the same figures. */
export const LABEL_FONT = { family: "Inter, system-ui, sans-serif", size: 12, weight: 600, marginY: 3, outline: 2.5, maxWidth: 170 } as const;

/**
 * Labels keep about the same size on screen whatever the zoom (within these bounds). The scale moves
 * in steps of a tenth so that small zoom changes reuse the same stylesheet.
 */
export function labelScale(zoom: number): number {
  return Math.round(Math.min(4, Math.max(0.75, 1 / zoom)) * 10) / 10;
}

const stylesheets = new Map<number, StylesheetJson>();

/**
 * The stylesheet for a zoom, built once per label scale. Restyling thousands of ties is the costly
 * part of a zoom: the canvas only applies a stylesheet when this returns a different object.
 */
export function stylesheetForZoom(zoom: number): StylesheetJson {
  const k = labelScale(zoom);
  let sheet = stylesheets.get(k);
  if (!sheet) {
    sheet = networkStylesheet(zoom);
    stylesheets.set(k, sheet);
  }
  return sheet;
}

/**
 * Classes set by the canvas: `labelled` (largest nodes, label always shown),
 * `focus` (the selected node), `neighbour` (its partners and their ties), `named` (its strongest
 * partners, whose names are drawn), `faded` (everything else
 * while something is selected).
 */
export function networkStylesheet(zoom = 1): StylesheetJson {
  const k = labelScale(zoom);
  return [
    {
      selector: "node",
      style: {
        width: "data(size)",
        height: "data(size)",
        shape: fromData<"ellipse">("shape"),
        "background-color": "data(colour)",
        "border-width": 1.5,
        "border-color": "data(borderColour)",
        "overlay-opacity": 0,
      },
    },
    // Text properties only where a label is drawn: each property an element gets costs a step of
    // Cytoscape's style pass, and most nodes of a large network show no label.
    {
      selector: "node.labelled, node.named, node.focus, node.on-path, node.canvas-label, node.map-group",
      style: {
        "font-family": LABEL_FONT.family,
        "font-size": LABEL_FONT.size * k,
        "font-weight": LABEL_FONT.weight,
        color: TEXT_COLOUR,
        "text-valign": "bottom",
        "text-halign": "center",
        "text-margin-y": LABEL_FONT.marginY * k,
        "text-outline-color": "#FFFFFF",
        "text-outline-width": LABEL_FONT.outline * k,
        "text-outline-opacity": 0.9,
        "text-wrap": "ellipsis",
        "text-max-width": `${LABEL_FONT.maxWidth * k}px`,
      },
    },
    { selector: "node.labelled", style: { label: "data(label)", "z-index": 20 } },
    // A permanent label that would cover a larger node's (declutter.ts); a selection names it again below.
    { selector: "node.labelled.crowded", style: { label: "" } },
    { selector: "node.neighbour", style: { "z-index": 30 } },
    { selector: "node.named", style: { label: "data(label)", "z-index": 35 } },
    {
      selector: "node.focus",
      style: {
        label: "data(label)",
        "border-width": 3.5,
        "border-color": "#111827",
        "underlay-color": FOCUS_COLOUR,
        "underlay-padding": 7,
        "underlay-opacity": 0.22,
        "underlay-shape": "ellipse",
        "font-size": 14 * k,
        "text-max-width": `${320 * k}px`,
        "z-index": 50,
      },
    },
    { selector: "node.faded", style: { opacity: 0.18, "text-opacity": 0 } },
    // Cytoscape's defaults already draw ties as straight haystack lines without an overlay; ties
    // take no events (nothing is done on a tie), so the pointer is only tested against nodes.
    {
      selector: "edge",
      style: {
        width: "data(width)",
        "line-color": TIE_COLOUR,
        opacity: fromData<number>("opacity"),
        events: "no",
      },
    },
    { selector: "edge.neighbour", style: { "line-color": "#374151", opacity: 0.75, "z-index": 10 } },
    { selector: "edge.faded", style: { opacity: 0.04 } },
    { selector: "node.actor", style: { "border-width": 1 } },
    { selector: "edge.pilot", style: { width: 2.6, "line-color": "#4B5563", opacity: 0.7 } },
    // Comparison of two periods.
    { selector: "node.joined", style: { "border-width": 4, "border-color": GAINED_COLOUR } },
    { selector: "node.left", style: { "border-width": 3, "border-style": "dashed", "border-color": LOST_COLOUR, "background-opacity": 0.35 } },
    // Each kind of tie reads on its own: kept ones thin and grey behind, gained ones solid blue,
    // lost ones dashed vermillion and on top (they are the fewest and the easiest to miss).
    { selector: "edge.kept", style: { "line-color": TIE_COLOUR, width: 1, opacity: 0.35, "z-index": 1 } },
    { selector: "edge.gained", style: { "line-color": GAINED_COLOUR, width: 2, opacity: 0.75, "z-index": 2 } },
    { selector: "edge.lost", style: { "line-color": LOST_COLOUR, width: 2.5, opacity: 0.95, "curve-style": "straight", "line-style": "dashed", "line-dash-pattern": [7, 4], "z-index": 3 } },
    // Shortest path.
    { selector: "node.on-path", style: { label: "data(label)", "border-width": 4, "border-color": PATH_COLOUR, "z-index": 60 } },
    { selector: "edge.on-path", style: { "line-color": PATH_COLOUR, width: 5, opacity: 1, "z-index": 60 } },
    { selector: "node.off-path", style: { opacity: 0.25, "text-opacity": 0 } },
    // A commune's structures chosen from the search.
    { selector: "node.grouped", style: { "border-width": 3.5, "border-color": "#111827", "z-index": 40 } },
    { selector: "node.group-faded", style: { opacity: 0.2, "text-opacity": 0 } },
    { selector: "edge.group-faded", style: { opacity: 0.04 } },
    // A name that would cover another one kept first (declutter.ts); hovering the node shows it.
    { selector: "node.crowded", style: { label: "" } },
    { selector: "edge.off-path", style: { opacity: 0.05 } },
    // Group titles of grouped layouts: text only, not interactive.
    {
      selector: "node.canvas-label",
      style: {
        label: "data(label)",
        width: 1,
        height: 1,
        "background-opacity": 0,
        "border-width": 0,
        "font-size": 22 * k,
        "font-weight": 700,
        color: "#111827",
        "text-valign": "center",
        "text-max-width": `${420 * k}px`,
        "text-wrap": "wrap",
        events: "no",
      },
    },
    ...groupStylesheet,
  ];
}

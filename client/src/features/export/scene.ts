/**
 * The network as drawn on screen, as plain data in CSS pixels of the canvas (what `readScene` reads
 * from Cytoscape): enough to write it again as SVG without Cytoscape.
 */

export type SceneShape = "ellipse" | "diamond" | "round-rectangle" | "rectangle";

export interface SceneLabel {
  /** Already cut with an ellipsis where Cytoscape cuts it (`text-max-width`). */
  text: string;
  x: number;
  /** Top of the text for labels under a node, middle for centred ones. */
  y: number;
  baseline: "top" | "middle" | "bottom";
  size: number;
  bold: boolean;
  colour: string;
  /** Halo behind the text, as Cytoscape's text outline. */
  outline: { colour: string; width: number } | null;
}

export interface SceneNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  shape: SceneShape;
  fill: string;
  fillOpacity: number;
  stroke: string;
  strokeWidth: number;
  dashed: boolean;
  opacity: number;
  /** Map groups and the like: drawn, but not nodes of the network. */
  isHelper: boolean;
  /** A translucent halo around the node (the selected node's underlay). */
  halo: { colour: string; opacity: number; padding: number } | null;
  label: SceneLabel | null;
}

export interface SceneEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  colour: string;
  opacity: number;
  dashed: boolean;
}

export interface ScenePolygon {
  /** Rings in screen pixels: the outer one first, then holes. */
  rings: readonly (readonly { x: number; y: number }[])[];
  fill: string;
  stroke: string;
  strokeWidth: number;
  hatch: string | null;
}

export interface Scene {
  width: number;
  height: number;
  /** Commune contours under the network (map view), in drawing order. */
  areas: ScenePolygon[];
  /** Commune names written on the map, under the network. */
  areaLabels: SceneLabel[];
  edges: SceneEdge[];
  /** In drawing order: compound groups first, then by z-index. */
  nodes: SceneNode[];
  /** Text drawn on its own (group titles of grouped layouts). */
  labels: SceneLabel[];
}

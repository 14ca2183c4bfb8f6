import type { Core, ElementDefinition, NodeSingular } from "cytoscape";
import { largestFirst, type Positions } from "./layout";
import { LABEL_FONT } from "./style";

/**
 * Permanent labels that would cover one another are not drawn. The largest nodes of a network
 * sit together at its centre, and their names made a block of text nobody could read. Labels
 * are taken largest node first; one that overlaps a label already taken gets the class `crowded`,
 * and the stylesheet draws no label for it. Hovering over it still shows its name, and so do
 * selecting it and zooming in.
 *
 * Labels keep their size on screen while the nodes move apart as the view zooms in (style.ts
 * scales the font by `labelScale`). So the choice depends only on the positions and on that
 * scale: it is made again when either changes, in the same batch as the change, so that no
 * extra frame is drawn.
 */
export const CROWDED = "crowded";

/** A node whose label may be drawn, in model coordinates. */
export interface LabelCandidate {
  readonly id: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  /** The node's diameter: the label sits under it. */
  readonly size: number;
  /** Labels of a lower rank are taken first (the selected node's, a path's, its partners'); 0 by default. */
  readonly rank?: number;
}

/** Room kept around each label box, in pixels at label scale 1: outlines that touch read as one word. */
const LABEL_PADDING = 2;

/** Classes whose nodes draw their name (style.ts), in the order their names are kept. */
const LABEL_RANKS: readonly (readonly [string, number])[] = [
  ["focus", 0],
  ["on-path", 1],
  ["named", 2],
  ["labelled", 3],
];
const LABEL_SELECTOR = LABEL_RANKS.map(([name]) => `node.${name}`).join(", ");

/** Width of a text in pixels at a font size; by default the page's canvas measures it. */
export type MeasureText = (text: string, fontSize: number) => number;

interface Box {
  readonly x1: number;
  readonly x2: number;
  readonly y1: number;
  readonly y2: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** A rough width when no canvas is at hand (tests): bold sans-serif glyphs average 0.6 em. */
export const estimateText: MeasureText = (text, fontSize) => text.length * fontSize * 0.6;

let context: CanvasRenderingContext2D | null | undefined;

/** The canvas's own measure, as Cytoscape draws the text; the estimate where there is no canvas. */
export const measureOnCanvas: MeasureText = (text, fontSize) => {
  if (context === undefined) context = typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
  if (!context) return estimateText(text, fontSize);
  context.font = `${LABEL_FONT.weight} ${fontSize}px ${LABEL_FONT.family}`;
  return context.measureText(text).width;
};

/** Where a node's label is drawn (style.ts: under the node, centred, outlined, cut at a width). */
function labelBox(candidate: LabelCandidate, k: number, measure: MeasureText): Box {
  const fontSize = LABEL_FONT.size * k;
  const outline = LABEL_FONT.outline * k;
  const padding = LABEL_PADDING * k;
  const width = Math.min(measure(candidate.label, fontSize), LABEL_FONT.maxWidth * k) + 2 * outline + 2 * padding;
  const top = candidate.y + candidate.size / 2 + LABEL_FONT.marginY * k - outline - padding;
  const height = fontSize * 1.2 + 2 * outline + 2 * padding;
  return { x1: candidate.x - width / 2, x2: candidate.x + width / 2, y1: top, y2: top + height };
}

/**
 * Ids of the candidates whose label would overlap the label of a larger node (ties broken by id),
 * at label scale `k`.
 */
export function crowdedLabels(candidates: readonly LabelCandidate[], k: number, measure: MeasureText = estimateText): Set<string> {
  const ordered = [...candidates].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || largestFirst(a, b));
  const taken: Box[] = [];
  const crowded = new Set<string>();
  for (const candidate of ordered) {
    if (candidate.label === "") continue;
    const box = labelBox(candidate, k, measure);
    if (taken.some((other) => overlaps(box, other))) crowded.add(candidate.id);
    else taken.push(box);
  }
  return crowded;
}

const hasClass = (classes: ElementDefinition["classes"], name: string): boolean =>
  typeof classes === "string" ? classes.split(" ").includes(name) : Array.isArray(classes) && classes.includes(name);

/**
 * Elements about to be added at known positions, with `crowded` on the labels that would cover
 * others at label scale `k`: the first picture is drawn decluttered, without a second frame.
 */
export function declutterElements(elements: readonly ElementDefinition[], positions: Positions, k: number): ElementDefinition[] {
  const candidates: LabelCandidate[] = [];
  for (const element of elements) {
    const id = element.data.id;
    const position = id === undefined ? undefined : positions[id];
    if (element.group !== "nodes" || id === undefined || !position || !hasClass(element.classes, "labelled")) continue;
    candidates.push({ id, label: String(element.data.label ?? ""), x: position.x, y: position.y, size: Number(element.data.size ?? 0) });
  }
  const crowded = crowdedLabels(candidates, k, measureOnCanvas);
  if (crowded.size === 0) return [...elements];
  return elements.map((element) =>
    element.data.id !== undefined && crowded.has(element.data.id) ? { ...element, classes: `${String(element.classes ?? "")} ${CROWDED}`.trim() } : element,
  );
}

const rankOf = (node: NodeSingular): number => LABEL_RANKS.find(([name]) => node.hasClass(name))?.[1] ?? LABEL_RANKS.length;

/**
 * Sets `crowded` on the canvas's nodes that draw a name (the largest, the selected one's partners,
 * a path's) for their current places at label scale `k`: the selected node's name is kept first,
 * then a path's, its partners', the largest nodes'. Touches only the nodes that change; the
 * stylesheet draws no name for a crowded node (hovering it still shows the name).
 */
export function declutterCanvas(cy: Core, k: number): void {
  const labelled = cy.nodes(LABEL_SELECTOR).not(".faded, .off-path");
  const stale = cy.nodes(`.${CROWDED}`).difference(labelled);
  if (labelled.empty() && stale.empty()) return;
  const candidates: LabelCandidate[] = labelled.map((node: NodeSingular) => {
    const { x, y } = node.position();
    return { id: node.id(), label: String(node.data("label") ?? ""), x, y, size: Number(node.data("size") ?? 0), rank: rankOf(node) };
  });
  const crowded = crowdedLabels(candidates, k, measureOnCanvas);
  const changing = labelled.filter((node: NodeSingular) => node.hasClass(CROWDED) !== crowded.has(node.id()));
  if (changing.empty() && stale.empty()) return;
  cy.batch(() => {
    stale.removeClass(CROWDED);
    changing.forEach((node: NodeSingular) => {
      node.toggleClass(CROWDED, crowded.has(node.id()));
    });
  });
}

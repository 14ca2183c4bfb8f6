import cytoscape, { type EdgeSingular, type ElementDefinition, type Position } from "cytoscape";
import fcose, { type FcoseLayoutOptions } from "cytoscape-fcose";

cytoscape.use(fcose);

/** Seed of the layout: the same network always gets the same picture. */
export const LAYOUT_SEED = 20_190_301;

/** Mulberry32: a tiny, good-enough seeded generator in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * fcose draws its starting positions and samples from `Math.random` with no seed option, so the
 * (synchronous, non-animated) run is wrapped with a seeded generator, then the real one is restored.
 */
export function withSeededRandom<T>(seed: number, run: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return run();
  } finally {
    Math.random = original;
  }
}

const weightOf = (edge: EdgeSingular): number => {
  const weight: unknown = edge.data("weight");
  return typeof weight === "number" && weight > 0 ? weight : 1;
};

export function fcoseOptions(): FcoseLayoutOptions {
  return {
    name: "fcose",
    quality: "default",
    randomize: true,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: false,
    uniformNodeDimensions: false,
    packComponents: true,
    samplingType: true,
    sampleSize: 25,
    nodeSeparation: 90,
    // Strong ties pull partners closer: the picture shows groups that really work together.
    idealEdgeLength: (edge: EdgeSingular) => 40 + 80 / Math.sqrt(weightOf(edge)),
    edgeElasticity: (edge: EdgeSingular) => 0.45 * Math.min(2, Math.sqrt(weightOf(edge))),
    nodeRepulsion: () => 9000,
    gravity: 0.3,
    gravityRange: 3.8,
    numIter: 2500,
    tile: true,
    tilingPaddingVertical: 14,
    tilingPaddingHorizontal: 14,
  };
}

export type Positions = Record<string, Position>;

/** Larger nodes first, then by id: the order in which nodes claim room (labels, grid cells). */
export const largestFirst = (a: { readonly id: string; readonly size: number }, b: { readonly id: string; readonly size: number }): number =>
  b.size - a.size || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A node where the layout put it, with its drawn diameter. */
export interface PlacedNode {
  readonly id: string;
  x: number;
  y: number;
  readonly size: number;
}

/**
 * Lays the nodes without ties out in a grid to the right of the others, as tall as they are,
 * largest first (as fcose's tiling does after its force phase), in place.
 */
export function tileUntied(nodes: readonly PlacedNode[], untied: ReadonlySet<string>, gap = 10): void {
  const loose = nodes.filter((node) => untied.has(node.id)).sort(largestFirst);
  if (loose.length === 0) return;
  const tied = nodes.filter((node) => !untied.has(node.id));
  const cell = Math.max(...loose.map((node) => node.size)) + gap;
  let [minY, maxY, maxX] = [0, 0, 0];
  if (tied.length > 0) {
    minY = Math.min(...tied.map((node) => node.y - node.size / 2));
    maxY = Math.max(...tied.map((node) => node.y + node.size / 2));
    maxX = Math.max(...tied.map((node) => node.x + node.size / 2)) + 4 * cell;
  }
  const rows = Math.max(1, Math.min(loose.length, Math.floor((maxY - minY) / cell) || Math.ceil(Math.sqrt(loose.length))));
  loose.forEach((node, index) => {
    node.x = maxX + Math.floor(index / rows) * cell + cell / 2;
    node.y = minY + (index % rows) * cell + cell / 2;
  });
}

/**
 * Nodes on the same spot (within half a unit) are set around it on a ring just wide enough for
 * them, in the order of their ids, in place.
 */
export function spreadStacked(nodes: readonly PlacedNode[]): void {
  const bySpot = new Map<string, PlacedNode[]>();
  for (const node of nodes) {
    const key = `${Math.round(node.x)},${Math.round(node.y)}`;
    const stack = bySpot.get(key);
    if (stack) stack.push(node);
    else bySpot.set(key, [node]);
  }
  for (const stack of bySpot.values()) {
    if (stack.length < 2) continue;
    stack.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const first = stack[0];
    if (!first) continue;
    const { x, y } = first;
    const size = Math.max(...stack.map((node) => node.size));
    // Neighbours on the ring a node's width apart.
    const radius = Math.max(size, (stack.length * (size + 2)) / (2 * Math.PI));
    stack.forEach((node, index) => {
      const angle = (2 * Math.PI * index) / stack.length;
      node.x = x + radius * Math.cos(angle);
      node.y = y + radius * Math.sin(angle);
    });
  }
}

/** Nodes at least this large are kept apart after the layout (work groups, hubs). */
export const SEPARATED_SIZE = 24;
const SEPARATION_GAP = 6;
const SEPARATION_ROUNDS = 80;

/**
 * Moves the largest nodes apart where they overlap, in place. The spectral draft that places large
 * networks ignores node sizes: in the two-mode view it stacked the work groups, the biggest shapes
 * of the picture, on top of one another and of their names. Each round pushes every overlapping
 * pair apart along the line between them, half each; nodes on the same spot part in a direction
 * taken from their order, so that the result is the same on every run.
 */
export function separateLargeNodes(nodes: readonly PlacedNode[], minSize = SEPARATED_SIZE, gap = SEPARATION_GAP, rounds = SEPARATION_ROUNDS): void {
  const large = nodes.filter((node) => node.size >= minSize);
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < large.length; i++) {
      const a = large[i];
      if (!a) continue;
      for (let j = i + 1; j < large.length; j++) {
        const b = large[j];
        if (!b) continue;
        const needed = (a.size + b.size) / 2 + gap;
        const distance = Math.hypot(b.x - a.x, b.y - a.y);
        if (distance >= needed) continue;
        const angle = (i * 7 + j * 13) * 0.618;
        const dx = distance < 1e-6 ? Math.cos(angle) : (b.x - a.x) / distance;
        const dy = distance < 1e-6 ? Math.sin(angle) : (b.y - a.y) / distance;
        const push = (needed - distance) / 2;
        a.x -= dx * push;
        a.y -= dy * push;
        b.x += dx * push;
        b.y += dy * push;
        moved = true;
      }
    }
    if (!moved) return;
  }
}

/**
 * A spectral draft, then a short, low-energy force polish from it. fcose's own "default" quality
 * runs the force phase from a hot start for at least 5 iterations per node: on the demo's
 * backbone (291 nodes) that was three times slower for the same picture.
 */
export const LAYOUT_STEPS: readonly Partial<FcoseLayoutOptions>[] = [
  { quality: "draft", randomize: true },
  { quality: "default", randomize: false, initialEnergyOnIncremental: 0.1 },
];

/** `full`: draft then polish; `draft`: the spectral draft alone (large networks). */
export type LayoutQuality = "full" | "draft";

const STEPS: Readonly<Record<LayoutQuality, readonly Partial<FcoseLayoutOptions>[]>> = {
  full: LAYOUT_STEPS,
  draft: LAYOUT_STEPS.slice(0, 1),
};

/** Below this share of nodes on a place of their own (to the pixel), a layout has collapsed. */
export const MIN_DISTINCT_SHARE = 0.95;

/** The share of positions that no other position shares, rounded to the pixel. */
export function distinctShare(positions: readonly Position[]): number {
  if (positions.length === 0) return 1;
  const seen = new Set(positions.map(({ x, y }) => `${Math.round(x)},${Math.round(y)}`));
  return seen.size / positions.length;
}

/**
 * Runs the force layout on a headless copy of the elements and returns node positions. Pure and
 * deterministic; the page runs it in a worker so that the interface stays responsive.
 */
export function computeLayout(elements: readonly ElementDefinition[], quality: LayoutQuality = "full"): Positions {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: elements.map((e) => ({ group: e.group, data: { ...e.data } }) as ElementDefinition),
    style: [{ selector: "node", style: { width: "data(size)", height: "data(size)" } }],
  });
  try {
    let fromDraft = quality === "draft";
    if (cy.nodes().nonempty()) {
      withSeededRandom(LAYOUT_SEED, () => {
        const [draft, ...polish] = STEPS[quality];
        if (draft) cy.layout({ ...fcoseOptions(), ...draft }).run();
        const drafted = cy.nodes().map((node) => ({ id: node.id(), ...node.position() }));
        for (const step of polish) cy.layout({ ...fcoseOptions(), ...step }).run();
        // fcose's polish sometimes implodes: the union of two periods (277 structures) ended on
        // 11 points. The draft is kept then, spread like a draft.
        if (polish.length > 0 && distinctShare(cy.nodes().map((node) => node.position())) < MIN_DISTINCT_SHARE) {
          cy.batch(() => drafted.forEach(({ id, x, y }) => cy.getElementById(id).position({ x, y })));
          fromDraft = true;
        }
      });
    }
    const placed: PlacedNode[] = cy.nodes().map((node) => ({ id: node.id(), ...node.position(), size: Number(node.data("size") ?? 0) }));
    separateLargeNodes(placed);
    if (fromDraft) {
      // The spectral draft gives people with the same partners the same place: 144 of the demo's
      // actors sat exactly on another one.
      spreadStacked(placed);
      // fcose tiles the nodes without ties only in its force phase: the draft alone put the 533
      // untied people of the demo's actors view on two points, where nobody could see or click them.
      const untied = new Set(cy.nodes().filter((node) => node.degree(false) === 0).map((node) => node.id()));
      tileUntied(placed, untied);
    }
    const positions: Positions = {};
    for (const { id, x, y } of placed) positions[id] = { x, y };
    return positions;
  } finally {
    cy.destroy();
  }
}

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
    if (cy.nodes().nonempty()) {
      withSeededRandom(LAYOUT_SEED, () => {
        for (const step of STEPS[quality]) cy.layout({ ...fcoseOptions(), ...step }).run();
      });
    }
    const positions: Positions = {};
    cy.nodes().forEach((node) => {
      const { x, y } = node.position();
      positions[node.id()] = { x, y };
    });
    return positions;
  } finally {
    cy.destroy();
  }
}

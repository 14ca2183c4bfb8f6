import type { Page } from "playwright-core";

/**
 * What a reader sees at a glance, measured on the page's Cytoscape instance (`?bench=1` exposes
 * it): the browser tests and bench/explorer.ts use the same measures.
 */

/** The share of drawn nodes on a place of their own, to the pixel (1 when nothing is drawn). */
export function distinctPositionShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const cy = window.__maillageCy;
    if (!cy) throw new Error("no Cytoscape instance (open the page with ?bench=1)");
    const nodes = cy.nodes().not(".canvas-label, .map-group").nodes();
    if (nodes.empty()) return 1;
    const seen = new Set(nodes.map((n) => { const p = n.position(); return `${Math.round(p.x)},${Math.round(p.y)}`; }));
    return seen.size / nodes.length;
  });
}

/** Pairs of drawn labels whose boxes overlap on screen (names over names), with the names. */
export function overlappingLabels(page: Page): Promise<{ count: number; drawn: number; pairs: string[] }> {
  return page.evaluate(() => {
    const cy = window.__maillageCy;
    if (!cy) throw new Error("no Cytoscape instance (open the page with ?bench=1)");
    const boxes: { name: string; x1: number; x2: number; y1: number; y2: number }[] = [];
    cy.nodes().forEach((node) => {
      if (node.style("display") === "none" || node.style("label") === "" || Number(node.style("text-opacity")) === 0) return;
      if (Number(node.style("opacity")) === 0) return;
      const name = String(node.data("label") ?? "");
      if (name === "") return;
      // Cytoscape's own box of the label as drawn (model coordinates); a group's title only.
      const box = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
      if (!(box.w > 0 && box.h > 0)) return;
      boxes.push({ name, x1: box.x1, x2: box.x2, y1: box.y1, y2: box.y2 });
    });
    const pairs: string[] = [];
    // A pixel of tolerance: outlines touching are not names over names.
    const slack = 1 / cy.zoom();
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i];
        const b = boxes[j];
        if (!a || !b) continue;
        if (a.x1 + slack < b.x2 && b.x1 + slack < a.x2 && a.y1 + slack < b.y2 && b.y1 + slack < a.y2) pairs.push(`${a.name} / ${b.name}`);
      }
    }
    return { count: pairs.length, drawn: boxes.length, pairs: pairs.slice(0, 10) };
  });
}

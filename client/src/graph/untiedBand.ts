import { largestFirst, type Positions } from "./layout";

/** A node to place in the band: its id and diameter. */
export interface BandNode {
  readonly id: string;
  readonly size: number;
}

/** Room between the network and the band, and between two nodes of the band. */
const BAND_MARGIN = 70;
const BAND_GAP = 8;

/**
 * Places nodes that have no place yet (the untied nodes a reader chose to show) in a compact band
 * under what is placed, largest first, in rows as wide as the network: a strip, not a grid as
 * large as the network itself (227 untied structures took half the canvas).
 */
export function bandPositions(nodes: readonly BandNode[], placed: Positions): Positions {
  const result: Positions = {};
  if (nodes.length === 0) return result;
  let [minX, maxX, maxY] = [Infinity, -Infinity, -Infinity];
  for (const { x, y } of Object.values(placed)) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  if (!Number.isFinite(minX)) [minX, maxX, maxY] = [0, 0, -BAND_MARGIN];
  const ordered = [...nodes].sort(largestFirst);
  const step = Math.max(...ordered.map((n) => n.size)) + BAND_GAP;
  const width = Math.max(maxX - minX, step * Math.ceil(Math.sqrt(ordered.length * 4)));
  const perRow = Math.max(1, Math.floor(width / step) + 1);
  const left = (minX + maxX) / 2 - ((Math.min(perRow, ordered.length) - 1) * step) / 2;
  ordered.forEach((node, i) => {
    result[node.id] = { x: left + (i % perRow) * step, y: maxY + BAND_MARGIN + Math.floor(i / perRow) * step };
  });
  return result;
}

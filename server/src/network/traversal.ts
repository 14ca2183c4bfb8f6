import type { NetworkGraph } from "./types.js";

/**
 * Hop distances from `source` (unweighted BFS), stopping at `maxDepth` when given. The map's
 * iteration order is the visiting order.
 */
export function bfsDistances(graph: NetworkGraph, source: string, maxDepth = Infinity): Map<string, number> {
  const distances = new Map<string, number>([[source, 0]]);
  let frontier = [source];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachNeighbor(node, (neighbor) => {
        if (distances.has(neighbor)) return;
        distances.set(neighbor, depth);
        next.push(neighbor);
      });
    }
    frontier = next;
  }
  return distances;
}

/** Connected components, each sorted by id, largest first (ties by smallest id). */
export function connectedComponents(graph: NetworkGraph): string[][] {
  const seen = new Set<string>();
  const components: string[][] = [];
  graph.forEachNode((node) => {
    if (seen.has(node)) return;
    const component = [...bfsDistances(graph, node).keys()];
    for (const member of component) seen.add(member);
    components.push(component.sort());
  });
  return components.sort((a, b) => b.length - a.length || ((a[0] ?? "") < (b[0] ?? "") ? -1 : 1));
}

import type { Core, ElementDefinition, Position } from "cytoscape";
import { CROWDED } from "./declutter";

/**
 * Brings `cy` to the given elements: removes what disappeared, adds what is new (at its known
 * position, if any), updates data and classes of what stays. Returns true when the set changed.
 */
export function applyElements(
  cy: Core,
  elements: readonly ElementDefinition[],
  positions: Readonly<Record<string, Position>> | null = null,
): boolean {
  const wanted = new Map<string, ElementDefinition>();
  for (const element of elements) {
    const id = element.data.id;
    if (id !== undefined) wanted.set(id, element);
  }

  let changed = false;
  cy.batch(() => {
    const stale = cy.elements().filter((ele) => !wanted.has(ele.id()));
    if (stale.nonempty()) {
      cy.remove(stale);
      changed = true;
    }
    const added: ElementDefinition[] = [];
    for (const [id, element] of wanted) {
      const existing = cy.getElementById(id);
      if (existing.empty()) {
        const position = element.group === "nodes" ? positions?.[id] : undefined;
        added.push(position ? { ...element, position: { ...position } } : element);
        continue;
      }
      // Data is compared first: setting it, even to equal values, makes Cytoscape restyle the element.
      if (!sameData(existing.data() as Record<string, unknown>, element.data)) existing.data(element.data);
      const classes = typeof element.classes === "string" ? element.classes.split(" ").filter(Boolean) : (element.classes ?? []);
      const current = (existing.classes() as string[]).filter((c) => !CANVAS_CLASSES.has(c));
      if (current.length !== classes.length || current.some((c) => !classes.includes(c))) {
        existing.classes([...classes, ...(existing.classes() as string[]).filter((c) => CANVAS_CLASSES.has(c))]);
      }
    }
    if (added.length > 0) {
      cy.add(added);
      changed = true;
    }
  });
  return changed;
}

function sameData(current: Record<string, unknown>, wanted: Record<string, unknown>): boolean {
  for (const key of Object.keys(wanted)) if (current[key] !== wanted[key]) return false;
  return true;
}

/**
 * Marks a group of nodes chosen outside the canvas (a commune's structures from the search): ringed
 * and named, the rest faded. An empty list clears the mark. Returns the marked nodes.
 */
export function applyGroupHighlight(cy: Core, ids: readonly string[]): void {
  cy.batch(() => {
    cy.elements(".grouped, .group-faded").removeClass("grouped group-faded");
    if (ids.length === 0) return;
    const wanted = new Set(ids);
    const group = cy.nodes().filter((node) => wanted.has(node.id()));
    if (group.empty()) return;
    group.addClass("grouped");
    cy.elements().difference(group.union(group.edgesWith(group))).not(".canvas-label, .map-group").addClass("group-faded");
  });
}

const HIGHLIGHT_CLASSES = "focus neighbour named faded";
/** Partners of the selected node whose names are drawn. */
export const MAX_NAMED_PARTNERS = 15;
const HIGHLIGHT = new Set(HIGHLIGHT_CLASSES.split(" "));
/** Classes the canvas sets itself, which the elements from the store do not carry: the selection's and the crowded labels'. */
const CANVAS_CLASSES = new Set([...HIGHLIGHT, CROWDED, "grouped", "group-faded"]);

/** The canvases whose elements may carry a highlight: clearing one that has none looks through every element for nothing. */
const highlighted = new WeakSet<Core>();

/** Shows the selected node, its partners and their ties; fades the rest. */
export function applySelection(cy: Core, selectedId: string | null): void {
  if (selectedId === null && !highlighted.has(cy)) return;
  highlighted.delete(cy);
  cy.batch(() => {
    // Only what carries a highlight: touching every element restyles thousands of ties.
    cy.elements(".focus, .neighbour, .named, .faded").removeClass(HIGHLIGHT_CLASSES);
    if (selectedId === null) return;
    const node = cy.getElementById(selectedId);
    if (node.empty() || !node.isNode()) return;
    const neighbourhood = node.closedNeighborhood();
    cy.elements().difference(neighbourhood).addClass("faded");
    neighbourhood.difference(node).addClass("neighbour");
    node.addClass("focus");
    highlighted.add(cy);
    // A hub has a hundred partners: only the strongest get their name, the others stay readable dots.
    const strongest = node
      .connectedEdges()
      .sort((a, b) => Number(b.data("weight")) - Number(a.data("weight")))
      .slice(0, MAX_NAMED_PARTNERS);
    strongest.connectedNodes().difference(node).addClass("named");
  });
}

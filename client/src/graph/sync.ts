import type { Core, ElementDefinition } from "cytoscape";

/**
 * Brings `cy` to the given elements: removes what disappeared, adds what is new, updates data and
 * classes of what stays. Returns true when the set of elements changed (the layout must run again).
 */
export function applyElements(cy: Core, elements: readonly ElementDefinition[]): boolean {
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
        added.push(element);
        continue;
      }
      existing.data(element.data);
      existing.classes(typeof element.classes === "string" ? element.classes : (element.classes ?? []));
    }
    if (added.length > 0) {
      cy.add(added);
      changed = true;
    }
  });
  return changed;
}

const HIGHLIGHT_CLASSES = "focus neighbour faded";

/** Shows the selected node, its partners and their ties; fades the rest. */
export function applySelection(cy: Core, selectedId: string | null): void {
  cy.batch(() => {
    cy.elements().removeClass(HIGHLIGHT_CLASSES);
    if (selectedId === null) return;
    const node = cy.getElementById(selectedId);
    if (node.empty() || !node.isNode()) return;
    const neighbourhood = node.closedNeighborhood();
    cy.elements().difference(neighbourhood).addClass("faded");
    neighbourhood.difference(node).addClass("neighbour");
    node.addClass("focus");
  });
}

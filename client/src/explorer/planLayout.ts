import type { ElementDefinition } from "cytoscape";
import type { TerritoryCatalog } from "../api/explorer";
import { placeInCommunes } from "../features/map/placement";
import { createProjection, hasContours } from "../features/map/projection";
import type { LayoutKind } from "../features/views/views";
import { sizeValue, type SizeMetric } from "../graph/elements";
import { forcePlan, type LayoutPlan } from "../graph/layoutPlan";
import type { NetworkModel } from "../graph/model";
import { axisGroups, concentricPositions } from "../graph/presetLayouts";
import { fr } from "../i18n/fr";

/** How the canvas places the nodes of a layout kind (see LayoutPlan). */
export function planLayout(
  key: string,
  kind: LayoutKind,
  model: NetworkModel,
  drawn: readonly ElementDefinition[],
  sizeBy: SizeMetric,
  catalog: TerritoryCatalog | null,
): LayoutPlan {
  switch (kind) {
    case "concentric": {
      const byId = model.nodesById;
      return { key, kind: "preset", positions: concentricPositions(model, (id) => { const n = byId.get(id); return n ? sizeValue(n, sizeBy) : 0; }), labels: [] };
    }
    case "axis": {
      const { positions, groups } = axisGroups(model, catalog?.axes ?? [], fr.layouts.noAxis);
      const labels = groups.map((g) => ({ id: `axis-label:${g.axisId ?? "none"}`, label: g.label, position: g.labelPosition }));
      return { key, kind: "preset", positions, labels };
    }
    case "geographic":
      if (catalog && hasContours(catalog.communes)) {
        const projection = createProjection(catalog.communes);
        return { key, kind: "preset", positions: placeInCommunes(model.nodes, catalog.communes, projection), labels: [] };
      }
      return forcePlan(key, model, drawn, sizeBy);
    case "force":
      return forcePlan(key, model, drawn, sizeBy);
  }
}

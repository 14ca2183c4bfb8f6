import type { Core } from "cytoscape";
import { useCallback, useEffect, useRef, type RefObject } from "react";
import type { Territory } from "../../api/network";
import type { NetworkModel } from "../../graph/model";
import type { NodeCategory } from "../../graph/palette";
import type { NetworkViewState } from "../../explorer/store";
import { fr } from "../../i18n/fr";
import type { CoverageLegendRow } from "../map/coverage";
import { toQueryFilter } from "../filters/filters";
import type { Focus } from "../focus/focus";
import { VIEWS } from "../views/views";
import { buildFrame } from "./frame";
import type { PictureMap } from "./picture";
import type { ExportSource } from "./runExport";

export interface ExportInputs {
  cyRef: RefObject<Core | null>;
  state: NetworkViewState;
  territory: Territory | null;
  windowText: string;
  filterLabels: readonly string[];
  categories: readonly NodeCategory[];
  coverage: { title: string; rows: readonly CoverageLegendRow[] } | null;
  map: PictureMap | null;
}

/** The focus banner's words, for the subtitle. */
export function describeFocus(focus: Focus | null, model: NetworkModel | null): string | null {
  if (!focus || !model) return null;
  const name = (id: string) => model.nodesById.get(id)?.name ?? id;
  if (focus.kind === "ego") return fr.focus.active(name(focus.centerId), focus.depth);
  return focus.pathIds ? fr.focus.pathActive(name(focus.fromId), name(focus.toId), focus.pathIds.length - 1) : fr.focus.noPath(name(focus.fromId), name(focus.toId));
}

/** A stable function that reads, at the click, the live canvas and what the page shows. */
export function useExportSource(inputs: ExportInputs): () => ExportSource | null {
  const latest = useRef(inputs);
  useEffect(() => {
    latest.current = inputs;
  });
  return useCallback(() => {
    const { cyRef, state, territory, windowText, filterLabels, categories, coverage, map } = latest.current;
    const cy = cyRef.current;
    if (!cy || cy.destroyed() || !territory || !state.visible || state.status !== "ready") return null;
    const definition = VIEWS[state.view];
    const frame = buildFrame({
      territoryName: territory.name,
      viewName: fr.views.names[state.view],
      isDemo: territory.isDemo,
      windowText,
      filterLabels,
      focusText: describeFocus(state.focus, state.model),
      date: new Date(),
      legend: {
        nodes: state.visible.nodes,
        categories,
        hiddenCategories: state.filters.hiddenCategories,
        colourBy: definition.level === null ? "category" : state.draw.colourBy,
        sizeBy: state.draw.sizeBy,
        isComparing: state.comparison !== null,
        hasPath: state.focus?.kind === "path" && state.focus.pathIds !== null,
        isParticipation: state.view === "participation",
        coverage,
      },
    });
    return {
      cy,
      territory: { id: territory.id, name: territory.name, isDemo: territory.isDemo, epcis: territory.epcis },
      view: state.view,
      windowText,
      axisId: state.filters.axisId,
      frame,
      map,
      window: state.window,
      filter: toQueryFilter(state.filters, definition.hasWeights),
    };
  }, []);
}

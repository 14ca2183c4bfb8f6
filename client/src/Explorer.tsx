import { useCallback, useEffect, useMemo } from "react";
import type { Role } from "./api/auth";
import { FilterChips } from "./features/filters/FilterChips";
import { FilterPanel } from "./features/filters/FilterPanel";
import { DEFAULT_FILTERS, filterChips, presentCategories, removeFilter, toggleCategory } from "./features/filters/filters";
import { DetailsPanel } from "./features/details/DetailsPanel";
import { AppHeader } from "./features/header/AppHeader";
import { Legend } from "./features/legend/Legend";
import { SearchBox } from "./features/search/SearchBox";
import { EmptyMessage, ErrorMessage, LoadingMessage } from "./features/status/StatusMessage";
import { TimeWindowControl } from "./features/timeWindow/TimeWindowControl";
import { describeWindow, windowPresets } from "./features/timeWindow/timeWindow";
import { prepareLayoutWorker } from "./graph/backgroundLayout";
import { NetworkCanvas } from "./graph/NetworkCanvas";
import type { NodeCategory } from "./graph/palette";
import { selectSelectedNode, selectSelectedPartners, selectTerritory } from "./graph/store";
import { useNetworkView } from "./graph/useNetworkView";
import { fr } from "./i18n/fr";

interface ExplorerProps {
  role: Role;
  onSignOut: () => void;
  onSessionExpired: () => void;
}

/** The network explorer of a signed-in user: header, tools on the left, canvas, details on the right. */
export function Explorer({ role, onSignOut, onSessionExpired }: ExplorerProps) {
  const { state, actions } = useNetworkView(onSessionExpired);
  const { selectNode, setFilters } = actions;
  const territory = selectTerritory(state);
  const selectedNode = selectSelectedNode(state);
  const { model, visible, filters } = state;

  const presets = useMemo(() => windowPresets(territory?.contracts ?? []), [territory]);
  const categories = useMemo(() => (model ? presentCategories(model) : []), [model]);
  const maxWeight = useMemo(() => (model ? Math.max(1, ...model.ties.map((t) => t.weight)) : 1), [model]);
  const chips = filterChips(filters, categories, territory?.epcis ?? []);

  const onCanvasSelect = useCallback((id: string) => selectNode(id, "canvas"), [selectNode]);
  const onPanelSelect = useCallback((id: string) => selectNode(id, "panel"), [selectNode]);
  const onSearchSelect = useCallback((id: string) => selectNode(id, "search"), [selectNode]);
  const onToggleCategory = useCallback(
    (category: NodeCategory) => setFilters(toggleCategory(filters, category)),
    [filters, setFilters],
  );

  // The layout worker loads while territories and the network are fetched.
  useEffect(prepareLayoutWorker, []);

  const noTerritory = state.status === "ready" && state.territories?.length === 0;

  return (
    <div className="app">
      <AppHeader
        territories={state.territories ?? []}
        territory={territory}
        windowText={territory ? describeWindow(presets, state.window) : null}
        role={role}
        onChooseTerritory={actions.chooseTerritory}
        onSignOut={onSignOut}
      />
      <div className="workspace">
        {territory && (
          <div className="sidebar">
            {visible && <SearchBox nodes={visible.nodes} onSelect={onSearchSelect} />}
            <TimeWindowControl presets={presets} window={state.window} onChange={actions.setWindow} />
            {model && (
              <FilterPanel filters={filters} maxWeight={maxWeight} epcis={territory.epcis} onChange={setFilters} />
            )}
            {model && visible && (
              <Legend nodes={visible.nodes} categories={categories} hiddenCategories={filters.hiddenCategories}
                onToggleCategory={onToggleCategory} />
            )}
          </div>
        )}
        <main className="stage">
          {model && (
            <FilterChips chips={chips}
              countsText={visible ? fr.app.counts(visible.nodes.length, visible.ties.length) : ""}
              onRemove={(key) => setFilters(removeFilter(filters, key))}
              onClearAll={() => setFilters({ ...DEFAULT_FILTERS, minWeight: 1 })} />
          )}
          <div className="stage-canvas">
            {territory && model && (
              <NetworkCanvas
                elements={state.elements}
                layoutElements={state.layoutElements}
                selection={state.selection}
                ariaLabel={fr.app.canvasLabel(territory.name)}
                onSelectNode={onCanvasSelect}
                onClearSelection={actions.clearSelection}
              />
            )}
            {state.status === "loading" && (
              <LoadingMessage text={state.territories ? fr.app.loading : fr.app.loadingTerritories} />
            )}
            {state.status === "error" && state.error && <ErrorMessage error={state.error} onRetry={actions.retry} />}
            {noTerritory && <EmptyMessage title={fr.app.noTerritory} help={fr.app.noTerritoryHelp} />}
            {state.status === "ready" && model && model.nodes.length === 0 && <EmptyMessage title={fr.app.emptyNetwork} />}
            {state.status === "ready" && model && model.nodes.length > 0 && visible?.nodes.length === 0 && (
              <EmptyMessage title={fr.filters.nothingShown} />
            )}
          </div>
        </main>
        {selectedNode && (
          <DetailsPanel
            node={selectedNode}
            partners={selectSelectedPartners(state)}
            shouldFocusTitle={state.selection?.source === "panel"}
            onSelectPartner={onPanelSelect}
            onClose={actions.clearSelection}
          />
        )}
      </div>
    </div>
  );
}

import { useCallback } from "react";
import { AppHeader } from "./features/header/AppHeader";
import { DetailsPanel } from "./features/details/DetailsPanel";
import { Legend } from "./features/legend/Legend";
import { NodePicker } from "./features/picker/NodePicker";
import { EmptyMessage, ErrorMessage, LoadingMessage } from "./features/status/StatusMessage";
import { NetworkCanvas } from "./graph/NetworkCanvas";
import { selectSelectedNode, selectSelectedPartners, selectTerritory } from "./graph/store";
import { useNetworkView } from "./graph/useNetworkView";
import { fr } from "./i18n/fr";

export function App() {
  const { state, actions } = useNetworkView();
  const { selectNode } = actions;
  const territory = selectTerritory(state);
  const selectedNode = selectSelectedNode(state);
  const model = state.model;

  const onCanvasSelect = useCallback((id: string) => selectNode(id, "canvas"), [selectNode]);
  const onPanelSelect = useCallback((id: string) => selectNode(id, "panel"), [selectNode]);
  const onPickerSelect = useCallback((id: string) => selectNode(id, "picker"), [selectNode]);

  const noTerritory = state.status === "ready" && state.territories?.length === 0;

  return (
    <div className="app">
      <AppHeader
        territories={state.territories ?? []}
        territory={territory}
        counts={model ? { nodes: model.nodes.length, ties: model.ties.length } : null}
        onChooseTerritory={actions.chooseTerritory}
      />
      <div className="workspace">
        {model && (
          <div className="sidebar">
            <NodePicker nodes={model.nodes} selectedId={state.selection?.id ?? null} onPick={onPickerSelect} />
            <Legend nodes={model.nodes} />
          </div>
        )}
        <main className="stage">
          {territory && model && (
            <NetworkCanvas
              elements={state.elements}
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
          {model && model.nodes.length === 0 && <EmptyMessage title={fr.app.emptyNetwork} />}
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

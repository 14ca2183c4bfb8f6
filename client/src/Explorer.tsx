import type { Core, Position } from "cytoscape";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Role } from "./api/auth";
import { SAVED_VIEW_LIMITS } from "./api/savedViews";
import { CompareControl } from "./features/compare/CompareControl";
import { DashboardView } from "./features/dashboard/DashboardView";
import { dashboardTexts } from "./features/dashboard/texts";
import { DetailsPanel } from "./features/details/DetailsPanel";
import { ExportMenu } from "./features/export/ExportMenu";
import { useExportSource } from "./features/export/useExportSource";
import { useDetails } from "./features/details/useDetails";
import { DuplicatesPanel } from "./features/duplicates/DuplicatesPanel";
import { AuditDialog } from "./features/audit/AuditDialog";
import { BackupDialog } from "./features/backup/BackupDialog";
import { backupTexts } from "./features/backup/texts";
import { EditingDialogs } from "./features/editing/EditingDialogs";
import { EditToolbar } from "./features/editing/EditToolbar";
import { lineActionsFor } from "./features/editing/lineActions";
import { NewRecordMenu } from "./features/editing/NewRecordMenu";
import { useEditing } from "./features/editing/useEditing";
import { FilterChips } from "./features/filters/FilterChips";
import { FilterPanel } from "./features/filters/FilterPanel";
import { filterChips, NO_FILTERS, presentCategories, removeFilter, toggleCategory } from "./features/filters/filters";
import { FocusBanner } from "./features/focus/FocusBanner";
import { CanvasTitle } from "./features/canvasTitle/CanvasTitle";
import { GdprDialog } from "./features/gdpr/GdprDialog";
import type { GdprPerson } from "./features/gdpr/person";
import { PersonGdprAction } from "./features/gdpr/PersonGdprAction";
import { gdprTexts } from "./features/gdpr/texts";
import { AppHeader } from "./features/header/AppHeader";
import { toolsMenuTexts } from "./features/header/texts";
import { ToolsMenu, type ToolsMenuItem } from "./features/header/ToolsMenu";
import { useModal } from "./features/header/useModal";
import { ImportEntry } from "./features/import/ImportEntry";
import { Legend } from "./features/legend/Legend";
import { CoverageControl } from "./features/map/CoverageControl";
import { MapUnderlay } from "./features/map/MapUnderlay";
import type { MapCommune } from "./features/map/types";
import type { Projection } from "./features/map/projection";
import { coverageFills, coverageLegend, maxCountOf } from "./features/map/coverage";
import { communeAt } from "./features/map/hitTest";
import { createProjection, projectCommunes } from "./features/map/projection";
import { CoordinatorListsPanel } from "./features/metrics/CoordinatorListsPanel";
import { captureCanvas, capturePicture, isCanvasSettled } from "./features/savedViews/capture";
import { savedLegend } from "./features/savedViews/describe";
import { RestoreNotice } from "./features/savedViews/RestoreNotice";
import { SavedViewsPanel } from "./features/savedViews/SavedViewsPanel";
import { captureSnapshot, type ViewSnapshot } from "./features/savedViews/snapshot";
import { useSavedViews, type SaveContent } from "./features/savedViews/useSavedViews";
import { coordinatorLists } from "./features/metrics/lists";
import { MetricsPanel } from "./features/metrics/MetricsPanel";
import type { SearchEntry } from "./features/search/match";
import { SearchBox } from "./features/search/SearchBox";
import { NewTerritoryEntry } from "./features/territories/NewTerritoryEntry";
import { EmptyMessage, ErrorMessage, LoadingMessage } from "./features/status/StatusMessage";
import { TimeWindowControl } from "./features/timeWindow/TimeWindowControl";
import { defaultWindow, describeWindow, windowPresets } from "./features/timeWindow/timeWindow";
import { ViewSwitcher } from "./features/views/ViewSwitcher";
import { viewFromAddress } from "./features/views/address";
import { VIEWS } from "./features/views/views";
import { prepareLayoutWorker } from "./graph/backgroundLayout";
import { NetworkCanvas, type CanvasUnderlay } from "./graph/NetworkCanvas";
import type { NodeCategory } from "./graph/palette";
import { raisedThreshold, selectSelectedNode, selectSelectedPartners, selectTerritory } from "./explorer/store";
import type { ErrorAction } from "./features/status/viewError";
import { useNetworkView } from "./explorer/useNetworkView";
import { fr } from "./i18n/fr";

/** The map under the network (map view with contours). */
interface CanvasMap {
  communes: readonly MapCommune[];
  projection: Projection;
  fills: Readonly<Record<string, string>>;
  selectedCode: string | null;
}

interface ExplorerProps {
  role: Role;
  onSignOut: () => void;
  onSessionExpired: () => void;
}


/** Shows a progress message only when loading lasts longer than half a second. */
function useSlow(isLoading: boolean, delayMs = 500): boolean {
  const [isSlow, setIsSlow] = useState(false);
  useEffect(() => {
    if (!isLoading) {
      setIsSlow(false);
      return undefined;
    }
    const timer = setTimeout(() => setIsSlow(true), delayMs);
    return () => clearTimeout(timer);
  }, [isLoading, delayMs]);
  return isSlow;
}

/** The network explorer of a signed-in user: header, tools on the left, canvas, details on the right. */
export function Explorer({ role, onSignOut, onSessionExpired }: ExplorerProps) {
  const [initial] = useState(() => viewFromAddress(window.location.search));
  const { state, actions } = useNetworkView(onSessionExpired, initial);
  const { selectNode, setFilters } = actions;
  const territory = selectTerritory(state);
  const selectedNode = selectSelectedNode(state);
  const { model, visible, filters, catalog, view } = state;
  const definition = VIEWS[view];
  const catalogReady = catalog !== null && state.catalogTerritoryId === state.territoryId;
  const withContacts = role !== "ANALYST";
  const [isDashboardOpen, setDashboardOpen] = useState(false);

  const presets = useMemo(() => windowPresets(territory?.contracts ?? []), [territory]);
  const categories = useMemo(() => (model ? presentCategories(model) : []), [model]);
  const maxWeight = useMemo(() => (model ? Math.max(1, ...model.ties.map((t) => t.weight)) : 1), [model]);
  const listed = state.listed;
  const lists = useMemo(() => (listed ? coordinatorLists(listed) : null), [listed]);
  const chips = filterChips(filters, {
    categories,
    epcis: territory?.epcis ?? [],
    communes: catalogReady ? catalog.communes : [],
    axes: catalogReady ? catalog.axes : [],
    workGroups: catalogReady ? catalog.workGroups : [],
    tieCounts: visible && state.loaded?.network.totalTieCount != null ? { shown: visible.ties.length, total: state.loaded.network.totalTieCount } : null,
  });
  const searchEntries = useMemo((): SearchEntry[] => {
    if (!catalogReady) return [];
    return [
      ...catalog.workGroups.map((w) => ({ id: w.id, kind: "WORK_GROUP" as const, name: w.name })),
      ...catalog.communes.map((c) => ({ id: c.code, kind: "COMMUNE" as const, name: c.name })),
    ];
  }, [catalog, catalogReady]);

  const map = useMemo(() => {
    if (view !== "map" || !catalogReady || !catalog.hasContours) return null;
    const projection = createProjection(catalog.communes);
    return { projection, projected: projectCommunes(catalog.communes, projection) };
  }, [view, catalog, catalogReady]);
  const coverageCounts = useMemo(() => {
    if (!state.coverage || !state.coverageMode) return null;
    const actors = state.coverageMode.unit === "actors";
    const working: Record<string, number> = {};
    const attending: Record<string, number> = {};
    for (const [code, cell] of state.coverage.cells) {
      working[code] = actors ? cell.workingActors : cell.workingStructures;
      attending[code] = actors ? cell.attendingActors : cell.attendingStructures;
    }
    return { working, attending };
  }, [state.coverage, state.coverageMode]);
  const selectedCommune = state.panel?.kind === "commune" ? state.panel.code : filters.communeCode;
  const canvasMap = useMemo((): CanvasMap | null => {
    if (!map || !catalog) return null;
    const codes = catalog.communes.map((c) => c.code);
    const fills = coverageCounts ? coverageFills(coverageCounts.working, codes, coverageCounts.attending) : {};
    return { communes: catalog.communes, projection: map.projection, fills, selectedCode: selectedCommune };
  }, [map, catalog, coverageCounts, selectedCommune]);
  const underlay = useMemo((): CanvasUnderlay | null => {
    if (!canvasMap) return null;
    const { communes, projection, fills, selectedCode } = canvasMap;
    return (cy) => <MapUnderlay cy={cy} communes={communes} projection={projection} fills={fills} selectedCode={selectedCode} />;
  }, [canvasMap]);
  const coverageLegendRows =
    coverageCounts && state.coverageMode
      ? { title: fr.map.coverageTitle[state.coverageMode.unit], rows: coverageLegend(maxCountOf(coverageCounts.working), state.coverageMode.unit) }
      : null;

  const cyRef = useRef<Core | null>(null);
  const onCanvasReady = useCallback((cy: Core | null) => {
    cyRef.current = cy;
  }, []);
  const getExportSource = useExportSource({
    cyRef,
    state,
    territory,
    windowText: territory ? describeWindow(presets, state.window) : "",
    filterLabels: chips.map((chip) => chip.label),
    categories,
    coverage: coverageLegendRows,
    map: canvasMap,
  });

  const editing = useEditing({ selectedNodeId: selectedNode?.id ?? null, onChanged: actions.reload, onDeselect: actions.clearSelection });
  const details = useDetails(selectedNode, state.panel, state.territoryId, state.window, withContacts, editing.revision);
  const canEdit = role !== "ANALYST";
  const editableNode = selectedNode
    ? { id: selectedNode.id, kind: selectedNode.kind, name: selectedNode.name }
    : state.panel?.kind === "workGroup" && details?.status === "ready"
      ? { id: state.panel.id, kind: "WORK_GROUP" as const, name: details.details.title }
      : null;
  const lineActions = canEdit && editableNode ? lineActionsFor(editableNode, editing.open) : undefined;
  const gdpr = useModal<GdprPerson | null>(null);
  const backup = useModal(null);
  const gdprPerson = canEdit && selectedNode?.kind === "ACTOR" ? { id: selectedNode.id, name: selectedNode.name } : null;
  const { clearSelection, reload } = actions;
  const tools: ToolsMenuItem[] = [
    ...(territory && role !== "ANALYST"
      ? [{ id: "gdpr", label: gdprTexts.open, help: gdprTexts.openHint, testId: "gdpr-open", onSelect: () => gdpr.open(null) }]
      : []),
    ...(role === "ADMIN" ? [{ id: "backup", label: backupTexts.open, help: backupTexts.openHint, testId: "backup-open", onSelect: () => backup.open(null) }] : []),
  ];
  const onErased = useCallback(
    (actorId: string) => {
      if (selectedNode?.id === actorId) clearSelection();
      reload();
    },
    [selectedNode, clearSelection, reload],
  );

  const onRestore = useCallback(
    (snapshot: ViewSnapshot) => {
      if (!state.territories?.some((t) => t.id === snapshot.territoryId)) return false;
      actions.restoreView(snapshot);
      return true;
    },
    [state.territories, actions],
  );
  const savedViews = useSavedViews({ territoryId: state.territoryId, onRestore, onUnauthenticated: onSessionExpired });
  const openSavedView = savedViews.open;
  const hasTerritories = state.territories !== null;
  useEffect(() => {
    if (hasTerritories && initial.savedViewId) void openSavedView(initial.savedViewId);
  }, [hasTerritories, initial.savedViewId, openSavedView]);

  const saveContent = async (): Promise<SaveContent> => {
    const cy = cyRef.current;
    const canvas = cy && state.status === "ready" && isCanvasSettled(cy) ? captureCanvas(cy) : null;
    const snapshot = canvas && visible ? captureSnapshot(state, canvas) : null;
    if (!cy || !snapshot || !visible || !territory) return { error: fr.savedViews.notReady };
    if (JSON.stringify(snapshot).length > SAVED_VIEW_LIMITS.stateLength) return { error: fr.savedViews.tooLarge };
    return {
      territoryId: territory.id,
      view,
      state: snapshot,
      picture: await capturePicture(cy, canvasMap),
      legend: savedLegend(visible.nodes, categories, definition.level === null ? "category" : state.draw.colourBy),
    };
  };

  const onCanvasSelect = useCallback((id: string) => selectNode(id, "canvas"), [selectNode]);
  const onPanelSelect = useCallback((id: string) => selectNode(id, "panel"), [selectNode]);
  const onSearchSelect = useCallback((id: string) => selectNode(id, "search"), [selectNode]);
  const onSearchEntry = useCallback(
    (entry: SearchEntry) => actions.showPanel(entry.kind === "COMMUNE" ? { kind: "commune", code: entry.id } : { kind: "workGroup", id: entry.id }),
    [actions],
  );
  const onOpenWorkGroup = useCallback(
    (id: string) => (listed?.nodesById.has(id) ? selectNode(id, "panel") : actions.showPanel({ kind: "workGroup", id })),
    [listed, selectNode, actions],
  );
  const onTapBackground = useCallback(
    (point: Position) => {
      if (!map) return;
      const code = communeAt(point, map.projected);
      if (code) actions.showPanel({ kind: "commune", code });
    },
    [map, actions],
  );
  const onToggleCategory = useCallback(
    (category: NodeCategory) => setFilters(toggleCategory(filters, category)),
    [filters, setFilters],
  );

  const tieRule = definition.hasWeights ? fr.compare.tieRule(filters.alpha, filters.minWeight) : fr.compare.thresholdRule(1);
  const titleParts = territory
    ? [
        territory.name,
        fr.canvasTitle.viewNames[view],
        describeWindow(presets, state.window) + (state.compareWindow ? ` (${fr.canvasTitle.comparedWith(describeWindow(presets, state.compareWindow).split(" · ")[0] ?? "")})` : ""),
        tieRule,
      ]
    : [];
  const titleLegendExtra = state.comparison
    ? (["gained", "lost", "kept"] as const)
        .filter((kind) => state.compareTies[kind])
        .map((kind) => ({ key: kind, label: fr.canvasTitle[kind], className: `canvas-legend-line canvas-legend-line--${kind}` }))
    : [];
  // A commune chosen from the search (or on the map): its structures are marked and brought into view.
  const communeCode = state.panel?.kind === "commune" ? state.panel.code : null;
  const communeNodes = useMemo(
    () => (communeCode && visible ? visible.nodes.filter((n) => n.communeCode === communeCode).map((n) => n.id) : []),
    [communeCode, visible],
  );
  // A path is brought into view as a whole (its ends may sit on both sides of the network).
  const pathNodes = state.focus?.kind === "path" ? state.focus.pathIds : null;
  const onErrorAction = useCallback(
    (action: ErrorAction) => {
      if (action === "retry") actions.retry();
      else if (action === "raiseThreshold") setFilters({ ...filters, minWeight: raisedThreshold(filters.minWeight, definition.defaultMinWeight) });
      else if (action === "clearFilters") setFilters({ ...NO_FILTERS, minWeight: definition.defaultMinWeight });
      else if (action === "resetWindow") actions.setWindow(defaultWindow(territory?.contracts ?? []));
      else window.location.reload();
    },
    [actions, filters, setFilters, definition, territory],
  );

  // The layout worker loads while territories and the network are fetched.
  useEffect(prepareLayoutWorker, []);

  const isLoading = state.status === "loading";
  const isSlow = useSlow(isLoading);
  const noTerritory = state.status === "ready" && state.territories?.length === 0;
  const focusNode = state.focus?.kind === "ego" ? model?.nodesById.get(state.focus.centerId) : null;
  const hasPanel = selectedNode !== null || state.panel !== null;

  return (
    <div className="app" data-current-view={view}>
      <AppHeader
        territories={state.territories ?? []}
        territory={territory}
        windowText={territory ? describeWindow(presets, state.window) : null}
        role={role}
        onChooseTerritory={actions.chooseTerritory}
        onSignOut={onSignOut}
      >
        {territory && role !== "ANALYST" && (
          <ImportEntry territoryId={territory.id} territoryName={territory.name} onImported={actions.reload} onSessionExpired={onSessionExpired} />
        )}
        {role === "ADMIN" && <NewTerritoryEntry onCreated={actions.territoryCreated} onSessionExpired={onSessionExpired} />}
        {tools.length > 0 && <ToolsMenu label={toolsMenuTexts.label} hint={toolsMenuTexts.hint} testId="tools-menu" items={tools} />}
      </AppHeader>
      <div className="workspace">
        {territory && (
          <div className="sidebar">
            <ViewSwitcher view={view} onChange={(next) => { setDashboardOpen(false); actions.setView(next); }}
              extra={{ label: dashboardTexts.open, hint: dashboardTexts.openHint, isOpen: isDashboardOpen, onOpen: () => setDashboardOpen(true) }} />
            {listed && (
              <SearchBox nodes={listed.nodes}
                elsewhere={view === "structures" || view === "map" ? { label: fr.search.inActors, onSelect: () => actions.setView("actors") } : null} entries={searchEntries} onSelect={onSearchSelect} onSelectEntry={onSearchEntry} />
            )}
            <TimeWindowControl presets={presets} window={state.window} onChange={actions.setWindow} />
            <CompareControl presets={presets} window={state.window} compareWindow={state.compareWindow}
              comparison={state.comparison} tieRule={tieRule}
              tieKinds={state.compareTies} onChange={actions.setCompareWindow} onTieKinds={actions.setCompareTies} />
            {view === "map" && catalogReady && catalog.hasContours && (
              <CoverageControl mode={state.coverageMode} axes={catalog.axes} filterAxisId={filters.axisId} onChange={actions.setCoverageMode} />
            )}
            {model && (
              <FilterPanel filters={filters} maxWeight={definition.hasWeights ? maxWeight : null} epcis={territory.epcis}
                communes={catalogReady ? catalog.communes : []} axes={catalogReady ? catalog.axes : []}
                workGroups={catalogReady ? catalog.workGroups : []} showsActors={view === "actors" || view === "participation"}
                defaultMinWeight={definition.defaultMinWeight}
                onChange={setFilters} />
            )}
            <MetricsPanel sizeBy={state.draw.sizeBy} colourBy={state.draw.colourBy} layout={state.layout}
              layouts={definition.layouts} hasMetrics={definition.level !== null} onDraw={actions.setDraw} onLayout={actions.setLayout} />
            {model && visible && (
              <Legend nodes={visible.nodes} categories={categories} hiddenCategories={filters.hiddenCategories}
                colourBy={definition.level === null ? "category" : state.draw.colourBy} sizeBy={state.draw.sizeBy}
                isComparing={state.comparison !== null} hasPath={state.focus?.kind === "path" && state.focus.pathIds !== null}
                isParticipation={view === "participation"} coverage={coverageLegendRows} onToggleCategory={onToggleCategory} />
            )}
            {canEdit && <NewRecordMenu onEdit={editing.open} onOpenAudit={role === "ADMIN" ? editing.openAudit : null} />}
            <SavedViewsPanel views={savedViews.views} canWrite={role !== "ANALYST"} isBusy={savedViews.isBusy}
              message={savedViews.message} onSave={(name) => savedViews.save(name, saveContent)} onOpen={savedViews.open}
              onRename={savedViews.rename} onRemove={savedViews.remove} onCopyLink={savedViews.copyLink} onDismiss={savedViews.dismiss} />
            {role !== "ANALYST" && (
              <DuplicatesPanel territoryId={territory.id} territoryName={territory.name} onMerged={actions.reload} onSessionExpired={onSessionExpired} />
            )}
            {lists && definition.level !== null && (
              <CoordinatorListsPanel lists={lists} showsOrganisations={definition.level === "STRUCTURE"} onSelect={onPanelSelect} />
            )}
          </div>
        )}
        <main className="stage">
          {model && (
            <FilterChips chips={chips}
              countsText={visible ? fr.app.countsByView[view](visible.nodes.length, visible.ties.length) : ""}
              onRemove={(key) => setFilters(removeFilter(filters, key))}
              onClearAll={() => setFilters({ ...NO_FILTERS })}
              isolated={{ count: state.isolatedCount, noun: fr.isolated.nouns[view], shown: state.showIsolated, onToggle: () => actions.setShowIsolated(!state.showIsolated) }} />
          )}
          {state.focus && model && (
            <FocusBanner focus={state.focus} model={model} centreName={focusNode?.name ?? null} onClear={actions.clearFocus} />
          )}
          <RestoreNotice report={state.restoreReport} />
          {state.focusEnded && !state.focus && (
            <p className="notice" role="status" data-testid="focus-ended">
              {fr.canvasTitle.focusEnded(state.focusEnded.name, fr.canvasTitle.viewNames[state.focusEnded.view])}
            </p>
          )}
          {state.thresholdRaised && (
            <p className="notice" role="status" data-testid="threshold-raised">
              {fr.errors.thresholdRaised(state.thresholdRaised.from, state.thresholdRaised.to, state.thresholdRaised.ties)}
            </p>
          )}
          {view === "map" && catalogReady && !catalog.hasContours && (
            <p className="notice" role="note" data-testid="map-no-contours">
              {fr.map.noContours} {fr.map.noContoursHelp}
            </p>
          )}
          <div className="stage-canvas">
            {territory && (
              <NetworkCanvas
                elements={state.elements}
                layoutPlan={state.layoutPlan}
                selection={state.selection}
                highlighted={pathNodes ?? communeNodes}
                ariaLabel={fr.app.canvasLabel(territory.name)}
                underlay={underlay}
                onSelectNode={onCanvasSelect}
                onClearSelection={actions.clearSelection}
                onTapBackground={onTapBackground}
                onReady={onCanvasReady}
              />
            )}
            {territory && visible && state.status !== "error" && (
              <CanvasTitle parts={titleParts} nodes={visible.nodes} categories={categories} extra={titleLegendExtra} />
            )}
            {territory && <ExportMenu getSource={getExportSource} disabled={state.status !== "ready" || !visible || visible.nodes.length === 0} />}
            {isLoading && (isSlow || !model) && (
              <LoadingMessage text={state.territories ? fr.app.loading : fr.app.loadingTerritories} />
            )}
            {state.status === "error" && state.error && (
              <ErrorMessage error={state.error} raisedThreshold={definition.hasWeights ? raisedThreshold(filters.minWeight, definition.defaultMinWeight) : null}
                onAction={onErrorAction} />
            )}
            {territory && isDashboardOpen && (
              <DashboardView role={role} territory={territory} territories={state.territories ?? []} window={state.window}
                windowText={describeWindow(presets, state.window)} filters={filters} onSessionExpired={onSessionExpired} />
            )}
            {noTerritory && <EmptyMessage title={fr.app.noTerritory} help={fr.app.noTerritoryHelp} />}
            {state.status === "ready" && model && model.nodes.length === 0 && <EmptyMessage title={fr.app.emptyByView[view]} />}
            {state.status === "ready" && model && model.nodes.length > 0 && visible?.nodes.length === 0 && (
              <EmptyMessage title={fr.filters.nothingShown} />
            )}
          </div>
        </main>
        {hasPanel && (
          <DetailsPanel
            node={selectedNode}
            partners={selectSelectedPartners(state)}
            details={details}
            focus={state.focus}
            candidates={visible?.nodes ?? []}
            shouldFocusTitle={state.selection?.source === "panel" || state.panel !== null}
            onSelectPartner={onPanelSelect}
            onOpenWorkGroup={onOpenWorkGroup}
            onFocusEgo={actions.focusEgo}
            onExpand={actions.expandNode}
            onCollapse={actions.collapseNode}
            onPath={actions.focusPath}
            onClose={actions.clearSelection}
            toolbar={
              <>
                {editing.notice && <p className="edit-notice" role="status" data-testid="edit-notice">{editing.notice}</p>}
                {canEdit && editableNode && <EditToolbar node={editableNode} onEdit={editing.open} />}
                {gdprPerson && <PersonGdprAction name={gdprPerson.name} onOpen={() => gdpr.open(gdprPerson)} />}
              </>
            }
            lineActions={lineActions}
          />
        )}
      </div>
      {territory && editing.target && (
        <EditingDialogs territoryId={territory.id} target={editing.target} onSaved={editing.onSaved} onClose={editing.close} onSessionExpired={onSessionExpired}
          catalog={{ communes: catalogReady ? catalog.communes : [], axes: catalogReady ? catalog.axes : [], workGroups: catalogReady ? catalog.workGroups : [] }} />
      )}
      {territory && gdpr.isOpen && (
        <GdprDialog territoryId={territory.id} territoryName={territory.name} person={gdpr.value} onChoose={gdpr.setValue}
          onErased={onErased} onClose={gdpr.close} onSessionExpired={onSessionExpired} />
      )}
      {role === "ADMIN" && backup.isOpen && (
        <BackupDialog territory={territory} territories={state.territories ?? []} onClose={backup.close} onSessionExpired={onSessionExpired}
          onRestored={(report) => actions.territoryCreated(report.territoryId)} />
      )}
      {territory && editing.isAuditOpen && (
        <AuditDialog territoryId={territory.id} territoryName={territory.name} onClose={editing.closeAudit} onSessionExpired={onSessionExpired} />
      )}
    </div>
  );
}

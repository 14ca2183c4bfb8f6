import { useCallback, useEffect, useReducer, useRef } from "react";
import { isAbortError } from "../../api/graphql";
import { ImportRequestError, previewImport, runImport, type ImportKind, type ImportProgress } from "../../api/import";
import { importFlowReducer, initialImportFlow, type ImportAction } from "./importFlow";

/**
 * Runs the import dialog's requests: one at a time, with upload progress, cancellable; a
 * successful apply calls `onImported` so that the page reloads its network.
 */
export function useImport(territoryId: string, onImported: () => void) {
  const [state, dispatch] = useReducer(importFlowReducer, initialImportFlow);
  const controllerRef = useRef<AbortController | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const importedRef = useRef(onImported);
  importedRef.current = onImported;

  const abort = useCallback(() => {
    controllerRef.current?.abort();
    controllerRef.current = null;
  }, []);
  useEffect(() => abort, [abort]);

  const start = useCallback(
    async (action: ImportAction) => {
      const current = stateRef.current;
      const { file, kind } = current;
      if (!file || !kind || current.busy) return;
      abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      dispatch({ type: "start", action });
      // The reducer bumps the serial on start: this request is the next one.
      const serial = current.serial + 1;
      const target = { territoryId, kind, file };
      const options = { signal: controller.signal, onProgress: (progress: ImportProgress) => dispatch({ type: "progress", serial, progress }) };
      try {
        if (action === "preview") {
          dispatch({ type: "previewLoaded", serial, preview: await previewImport(target, options) });
        } else {
          const report = await runImport(target, current.mapping, action, options);
          dispatch({ type: "reportLoaded", serial, report });
          if (report.applied) importedRef.current();
        }
      } catch (error) {
        if (isAbortError(error)) dispatch({ type: "cancelled", serial });
        else dispatch({ type: "failed", serial, error, report: error instanceof ImportRequestError ? error.details.report : null });
      } finally {
        if (controllerRef.current === controller) controllerRef.current = null;
      }
    },
    [territoryId, abort],
  );

  // A chosen file (or a new kind for it) is read at once: the preview is the next step.
  const needsPreview = state.file !== null && state.kind !== null && state.preview === null && state.busy === null && state.failure === null && !state.wasCancelled;
  useEffect(() => {
    if (needsPreview) void start("preview");
  }, [needsPreview, state.serial, start]);

  const actions = {
    chooseKind: useCallback((kind: ImportKind) => {
      abort();
      dispatch({ type: "chooseKind", kind });
    }, [abort]),
    chooseFile: useCallback((file: File) => {
      abort();
      dispatch({ type: "chooseFile", file });
    }, [abort]),
    setColumn: useCallback((field: string, column: number | null) => dispatch({ type: "setColumn", field, column }), []),
    preview: useCallback(() => void start("preview"), [start]),
    verify: useCallback(() => void start("dry-run"), [start]),
    apply: useCallback(() => void start("apply"), [start]),
    cancel: abort,
    dismissFailure: useCallback(() => dispatch({ type: "dismissFailure" }), []),
    reset: useCallback(() => {
      abort();
      dispatch({ type: "reset" });
    }, [abort]),
  };
  return { state, actions };
}

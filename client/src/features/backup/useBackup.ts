import { useCallback, useEffect, useRef, useState } from "react";
import { downloadBackup, restoreBackup, type BackupProgress, type RestoreReport } from "../../api/backup";
import { isAbortError } from "../../api/graphql";
import { saveBlob } from "../export/download";

/** One of the dialog's two requests: idle, running with its progress, done, cancelled or failed. */
export type RequestState<T> =
  | { kind: "idle" }
  | { kind: "busy"; progress: BackupProgress }
  | { kind: "done"; result: T }
  | { kind: "cancelled" }
  | { kind: "failed"; error: unknown };

export interface DownloadResult {
  fileName: string;
  size: number;
}

/**
 * The backup dialog's requests, one of each at a time, cancellable: a downloaded backup goes to the
 * browser's downloads; a restored territory is announced through `onRestored`.
 */
export function useBackup(onRestored: (report: RestoreReport) => void) {
  const [download, setDownload] = useState<RequestState<DownloadResult>>({ kind: "idle" });
  const [restore, setRestore] = useState<RequestState<RestoreReport>>({ kind: "idle" });
  const downloadController = useRef<AbortController | null>(null);
  const restoreController = useRef<AbortController | null>(null);
  const restored = useRef(onRestored);
  restored.current = onRestored;
  // Leaving the dialog cancels what runs.
  useEffect(() => () => {
    downloadController.current?.abort();
    restoreController.current?.abort();
  }, []);

  const startDownload = useCallback(async (territoryId: string) => {
    downloadController.current?.abort();
    const controller = new AbortController();
    downloadController.current = controller;
    setDownload({ kind: "busy", progress: { phase: "waiting" } });
    try {
      const { blob, fileName } = await downloadBackup(territoryId, {
        signal: controller.signal,
        onProgress: (progress) => setDownload({ kind: "busy", progress }),
      });
      saveBlob(blob, fileName);
      setDownload({ kind: "done", result: { fileName, size: blob.size } });
    } catch (error) {
      setDownload(isAbortError(error) ? { kind: "cancelled" } : { kind: "failed", error });
    } finally {
      if (downloadController.current === controller) downloadController.current = null;
    }
  }, []);

  const startRestore = useCallback(async (file: File) => {
    restoreController.current?.abort();
    const controller = new AbortController();
    restoreController.current = controller;
    setRestore({ kind: "busy", progress: { phase: "sending", loaded: 0, total: file.size } });
    try {
      const report = await restoreBackup(file, { signal: controller.signal, onProgress: (progress) => setRestore({ kind: "busy", progress }) });
      setRestore({ kind: "done", result: report });
      restored.current(report);
    } catch (error) {
      setRestore(isAbortError(error) ? { kind: "cancelled" } : { kind: "failed", error });
    } finally {
      if (restoreController.current === controller) restoreController.current = null;
    }
  }, []);

  return {
    download,
    restore,
    startDownload,
    cancelDownload: useCallback(() => downloadController.current?.abort(), []),
    startRestore,
    cancelRestore: useCallback(() => restoreController.current?.abort(), []),
    resetRestore: useCallback(() => setRestore({ kind: "idle" }), []),
  };
}

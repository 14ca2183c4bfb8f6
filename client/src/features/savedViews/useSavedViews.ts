import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, isUnauthenticated } from "../../api/graphql";
import {
  deleteSavedView,
  fetchSavedView,
  listSavedViews,
  renameSavedView,
  saveView,
  SAVED_VIEW_LIMITS,
  type SaveViewInput,
  type SavedViewSummary,
} from "../../api/savedViews";
import { fr } from "../../i18n/fr";
import { parseSnapshot, type ViewSnapshot } from "./snapshot";

export interface SavedViewsMessage {
  kind: "success" | "error";
  text: string;
  /** `extensions.code` of a refused request, shown as a detail. */
  code?: string | undefined;
}

/** What the page hands over when saving: the content, or why there is none yet. */
export type SaveContent = Omit<SaveViewInput, "name" | "id"> | { error: string };

function errorText(error: unknown): SavedViewsMessage {
  const code = error instanceof ApiError ? error.code : undefined;
  return { kind: "error", text: (code ? fr.savedViews.errorsByCode[code] : undefined) ?? fr.savedViews.failed, code };
}

/** The link that opens a saved view. */
export function savedViewLink(id: string, location: Pick<Location, "origin" | "pathname"> = window.location): string {
  return `${location.origin}${location.pathname}?savedView=${encodeURIComponent(id)}`;
}

/** Checks a name as the server will, to say what is wrong in French before asking. */
export function nameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return fr.savedViews.nameRequired;
  if (trimmed.length > SAVED_VIEW_LIMITS.nameLength) return fr.savedViews.nameTooLong(SAVED_VIEW_LIMITS.nameLength);
  return null;
}

interface Options {
  territoryId: string | null;
  /** Applies a validated snapshot; false when the page cannot show its territory. */
  onRestore: (snapshot: ViewSnapshot) => boolean;
  onUnauthenticated: () => void;
}

/** The territory's saved views and the actions on them; every answer ends in a French message. */
export function useSavedViews({ territoryId, onRestore, onUnauthenticated }: Options) {
  const [views, setViews] = useState<SavedViewSummary[] | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState<SavedViewsMessage | null>(null);
  const handlers = useRef({ onRestore, onUnauthenticated });
  handlers.current = { onRestore, onUnauthenticated };

  const fail = useCallback((error: unknown) => {
    if (isUnauthenticated(error)) handlers.current.onUnauthenticated();
    else setMessage(errorText(error));
  }, []);

  const reload = useCallback(async (id: string | null, signal?: AbortSignal) => {
    if (id === null) return;
    try {
      const list = await listSavedViews(id, signal ? { signal } : undefined);
      if (!signal?.aborted) setViews(list);
    } catch (error) {
      if (!signal?.aborted) fail(error);
    }
  }, [fail]);

  useEffect(() => {
    setViews(null);
    const controller = new AbortController();
    void reload(territoryId, controller.signal);
    return () => controller.abort();
  }, [territoryId, reload]);

  const run = useCallback(async (task: () => Promise<void>) => {
    setIsBusy(true);
    try {
      await task();
    } catch (error) {
      fail(error);
    } finally {
      setIsBusy(false);
    }
  }, [fail]);

  const save = useCallback(
    (name: string, content: () => Promise<SaveContent>) =>
      run(async () => {
        const problem = nameProblem(name);
        if (problem) return setMessage({ kind: "error", text: problem });
        const input = await content();
        if ("error" in input) return setMessage({ kind: "error", text: input.error });
        const saved = await saveView({ ...input, name: name.trim() });
        setMessage({ kind: "success", text: fr.savedViews.saved(saved.name) });
        await reload(saved.territoryId);
      }),
    [run, reload],
  );

  const open = useCallback(
    (id: string) =>
      run(async () => {
        const view = await fetchSavedView(id);
        const parsed = parseSnapshot(view.state);
        if (!parsed.ok) return setMessage({ kind: "error", text: parsed.message, code: parsed.detail });
        if (!handlers.current.onRestore(parsed.snapshot)) return setMessage({ kind: "error", text: fr.savedViews.otherTerritory });
        setMessage({ kind: "success", text: fr.savedViews.opened(view.name) });
      }),
    [run],
  );

  const rename = useCallback(
    (id: string, name: string) =>
      run(async () => {
        const problem = nameProblem(name);
        if (problem) return setMessage({ kind: "error", text: problem });
        const renamed = await renameSavedView(id, name.trim());
        setMessage({ kind: "success", text: fr.savedViews.renamed(renamed.name) });
        await reload(renamed.territoryId);
      }),
    [run, reload],
  );

  const remove = useCallback(
    (view: SavedViewSummary) =>
      run(async () => {
        await deleteSavedView(view.id);
        setMessage({ kind: "success", text: fr.savedViews.removed(view.name) });
        await reload(view.territoryId);
      }),
    [run, reload],
  );

  const copyLink = useCallback(async (id: string): Promise<boolean> => {
    try {
      await navigator.clipboard.writeText(savedViewLink(id));
      setMessage({ kind: "success", text: fr.savedViews.linkCopied });
      return true;
    } catch {
      // No clipboard (permissions, insecure page): the panel shows the link to copy by hand.
      return false;
    }
  }, []);

  return { views, isBusy, message, dismiss: () => setMessage(null), save, open, rename, remove, copyLink };
}

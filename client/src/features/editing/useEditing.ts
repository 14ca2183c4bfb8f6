import { useCallback, useState } from "react";
import type { EditResult, EntityKind } from "../../api/editing";
import { fr } from "../../i18n/fr";
import type { EditTarget } from "./target";

interface UseEditingOptions {
  selectedNodeId: string | null;
  /** The data changed: the network is asked again (the store's `reload`). */
  onChanged: () => void;
  /** The selected record was deleted. */
  onDeselect: () => void;
}

/** Records shown in a panel of their own: deleting one closes it (not so a membership, a participation, an event). */
const PANEL_KINDS: ReadonlySet<EntityKind> = new Set(["STRUCTURE", "ACTOR", "WORK_GROUP"]);

/** Which editing dialog is open, and what follows a save: the network and the panel ask again. */
export function useEditing({ selectedNodeId, onChanged, onDeselect }: UseEditingOptions) {
  const [target, setTarget] = useState<EditTarget | null>(null);
  const [revision, setRevision] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [isAuditOpen, setIsAuditOpen] = useState(false);

  const open = useCallback((next: EditTarget) => {
    setNotice(null);
    setTarget(next);
  }, []);
  const close = useCallback(() => setTarget(null), []);

  const onSaved = useCallback(
    (_target: EditTarget, result: EditResult) => {
      setTarget(null);
      const said = result.entityKind === "PARTICIPATION" ? fr.editing.savedParticipation : fr.editing.saved;
      setNotice(result.auditEntryId === null ? fr.editing.saved.unchanged : said[result.operation]);
      if (result.auditEntryId === null) return;
      if (result.operation === "DELETE" && (result.entityId === selectedNodeId || PANEL_KINDS.has(result.entityKind))) onDeselect();
      setRevision((value) => value + 1);
      onChanged();
    },
    [selectedNodeId, onChanged, onDeselect],
  );

  return {
    target,
    revision,
    notice,
    isAuditOpen,
    open,
    close,
    onSaved,
    openAudit: useCallback(() => setIsAuditOpen(true), []),
    closeAudit: useCallback(() => setIsAuditOpen(false), []),
  };
}

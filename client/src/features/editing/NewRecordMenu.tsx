import { fr } from "../../i18n/fr";
import type { EditTarget } from "./target";

interface NewRecordMenuProps {
  onEdit: (target: EditTarget) => void;
  /** Administrators: opens the "Journal des modifications". */
  onOpenAudit: (() => void) | null;
}

/** "Nouvelle structure", "Nouvel acteur"... in the sidebar, for coordinators and administrators. */
export function NewRecordMenu({ onEdit, onOpenAudit }: NewRecordMenuProps) {
  const entries: { label: string; target: EditTarget; testId: string }[] = [
    { label: fr.editing.newStructure, target: { kind: "structure", id: null }, testId: "new-structure" },
    { label: fr.editing.newActor, target: { kind: "actor", id: null }, testId: "new-actor" },
    { label: fr.editing.newWorkGroup, target: { kind: "workGroup", id: null }, testId: "new-work-group" },
    { label: fr.editing.newEvent, target: { kind: "event", id: null }, testId: "new-event" },
  ];
  return (
    <section className="panel edit-new" aria-labelledby="edit-new-title">
      <h2 id="edit-new-title" className="panel-title">{fr.editing.tools}</h2>
      <div className="edit-new-buttons">
        {entries.map((entry) => (
          <button key={entry.testId} type="button" className="button button--small button--ghost" data-testid={entry.testId} onClick={() => onEdit(entry.target)}>
            {entry.label}
          </button>
        ))}
      </div>
      {onOpenAudit && (
        <button type="button" className="button button--small edit-audit-open" data-testid="open-audit" onClick={onOpenAudit}>
          {fr.audit.open}
        </button>
      )}
    </section>
  );
}

import { fr } from "../../i18n/fr";
import { nodeTargets, type EditableNode, type EditTarget } from "./target";

interface EditToolbarProps {
  node: EditableNode;
  onEdit: (target: EditTarget) => void;
}

/** The details panel's editing buttons for coordinators and administrators. */
export function EditToolbar({ node, onEdit }: EditToolbarProps) {
  const targets = nodeTargets(node);
  if (targets === null) return null;
  const { add } = targets;
  return (
    <div className="edit-toolbar" role="group" aria-label={fr.editing.tools} data-testid="edit-toolbar">
      <button type="button" className="button button--small" data-testid="edit-record" onClick={() => onEdit(targets.edit)}>
        {fr.editing.edit}
      </button>
      {add && (
        <button type="button" className="button button--small button--ghost" data-testid={add.testId} onClick={() => onEdit(add.target)}>
          {add.label}
        </button>
      )}
      <button type="button" className="button button--small button--danger" data-testid="delete-record" onClick={() => onEdit(targets.remove)}>
        {fr.editing.delete}
      </button>
    </div>
  );
}

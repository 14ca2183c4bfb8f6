import { fr } from "../../i18n/fr";
import { conflictRows, type EditConflict } from "./conflict";

const t = fr.editing.conflict;

interface ConflictPanelProps<T> {
  values: T;
  conflict: EditConflict;
  /** The form's fields, in its order, with their French labels. */
  labels: Readonly<Record<string, string>>;
  /** A value as the form shows it (a sector's French name...); text as is by default. */
  describe?: (field: string, value: string) => string;
  isBusy: boolean;
  onKeepMine: () => void;
  onTakeCurrent: () => void;
}

/**
 * Someone else saved the record while this form was open: both versions side by side, field by
 * field, and the choice (save mine over theirs, or take theirs into the form).
 */
export function ConflictPanel<T extends object>({ values, conflict, labels, describe = (_field, value) => value, isBusy, onKeepMine, onTakeCurrent }: ConflictPanelProps<T>) {
  const rows = conflictRows(values as Readonly<Record<string, unknown>>, conflict, Object.keys(labels));
  const show = (field: string, value: string | string[]): string => {
    const parts = (Array.isArray(value) ? value : [value]).filter((part) => part !== "").map((part) => describe(field, part));
    return parts.length === 0 ? t.empty : parts.join(", ");
  };
  return (
    <div className="edit-conflict" data-testid="edit-conflict">
      <table>
        <caption>{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.field}</th>
            <th scope="col">{t.mine}</th>
            <th scope="col">{t.current}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} data-field={row.field}>
              <th scope="row">{labels[row.field]}</th>
              <td data-testid="conflict-mine">{show(row.field, row.mine)}</td>
              <td data-testid="conflict-current">{show(row.field, row.current)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="edit-actions">
        <button type="button" className="button" disabled={isBusy} onClick={onKeepMine} data-testid="conflict-keep-mine">{t.keepMine}</button>
        <button type="button" className="button button--ghost" disabled={isBusy} onClick={onTakeCurrent} data-testid="conflict-take-current">{t.takeCurrent}</button>
      </div>
    </div>
  );
}

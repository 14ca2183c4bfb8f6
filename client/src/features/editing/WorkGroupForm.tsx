import type { FormEvent } from "react";
import { EDIT_LIMITS, loadWorkGroup, saveWorkGroup, WORK_GROUP_KINDS, type EditResult, type WorkGroupValues } from "../../api/editing";
import { fr } from "../../i18n/fr";
import { Dialog } from "./Dialog";
import { AxesField, SelectField, TextField } from "./Field";
import { takeCurrent } from "./conflict";
import { ConflictPanel } from "./ConflictPanel";
import { FormActions } from "./FormActions";
import { useRecord } from "./useRecord";
import { useSave } from "./useSave";

const f = fr.editing.fields;
/** The fields compared when someone else saved the record meanwhile. */
const CONFLICT_LABELS = { name: f.name, kind: f.kind, startedOn: f.startedOn, endedOn: f.endedOn, axisIds: f.axes };
const FIELDS = ["name", "kind", "startedOn", "endedOn", "axisIds"] as const;
const blank = (): WorkGroupValues => ({ id: null, version: null, name: "", kind: "", startedOn: "", endedOn: "", axisIds: [] });

interface WorkGroupFormProps {
  territoryId: string;
  id: string | null;
  axes: readonly { id: string; name: string }[];
  onSaved: (result: EditResult) => void;
  onClose: () => void;
  onSessionExpired: () => void;
}

/** Create or change a work group: name, kind, dates, priority axes. */
export function WorkGroupForm({ territoryId, id, axes, onSaved, onClose, onSessionExpired }: WorkGroupFormProps) {
  const [record, setValues] = useRecord(id, blank, (recordId, signal) => loadWorkGroup(recordId, { signal }), onSessionExpired);
  const save = useSave(FIELDS, onSaved, onSessionExpired);
  return (
    <Dialog title={fr.editing.titles.workGroup(id === null)} testId="work-group-form" isBusy={save.isBusy} onClose={onClose}>
      {() => {
        if (record.status === "loading") return <p role="status">{fr.editing.loading}</p>;
        if (record.status === "error") return <p className="field-error" role="alert">{fr.editing.loadFailed}</p>;
        const values = record.values;
        const set = (patch: Partial<WorkGroupValues>) => setValues({ ...values, ...patch });
        const conflict = save.problem?.conflict;
        const onSubmit = (event: FormEvent) => {
          event.preventDefault();
          void save.run(() => saveWorkGroup(territoryId, values));
        };
        return (
          <form className="edit-form" noValidate onSubmit={onSubmit} aria-busy={save.isBusy}>
            <TextField name="name" label={f.name} value={values.name} maxLength={EDIT_LIMITS.nameLength} isRequired error={save.errorOf("name")} onChange={(name) => set({ name })} />
            <SelectField name="kind" label={f.kind} value={values.kind} error={save.errorOf("kind")}
              options={WORK_GROUP_KINDS.map((kind) => ({ value: kind, label: fr.editing.workGroupKinds[kind] }))} onChange={(kind) => set({ kind })} />
            <div className="edit-row">
              <TextField name="startedOn" label={f.startedOn} type="date" value={values.startedOn} isRequired error={save.errorOf("startedOn")} onChange={(startedOn) => set({ startedOn })} />
              <TextField name="endedOn" label={f.endedOn} type="date" value={values.endedOn} error={save.errorOf("endedOn")} onChange={(endedOn) => set({ endedOn })} />
            </div>
            <AxesField axes={axes} value={values.axisIds} error={save.errorOf("axisIds")} onChange={(axisIds) => set({ axisIds })} />
            {conflict && (
              <ConflictPanel values={values} conflict={conflict} labels={CONFLICT_LABELS} isBusy={save.isBusy}
                describe={(field, value) => (field === "kind" ? ((fr.editing.workGroupKinds as Readonly<Record<string, string>>)[value] ?? value) : value)}
                onKeepMine={() => {
                  const kept = { ...values, version: conflict.currentVersion };
                  setValues(kept);
                  void save.run(() => saveWorkGroup(territoryId, kept));
                }}
                onTakeCurrent={() => {
                  setValues(takeCurrent(values, conflict));
                  save.dismiss();
                }} />
            )}
            <FormActions isBusy={save.isBusy} formError={save.formError} onCancel={onClose} />
          </form>
        );
      }}
    </Dialog>
  );
}

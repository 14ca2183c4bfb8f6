import { useEffect, useState, type FormEvent } from "react";
import { EDIT_LIMITS, EVENT_KINDS, loadEvent, loadStructureChoices, saveEvent, type EditResult, type EventValues } from "../../api/editing";
import { fr } from "../../i18n/fr";
import { Dialog } from "./Dialog";
import { AxesField, Field, SelectField, TextField } from "./Field";
import { takeCurrent } from "./conflict";
import { ConflictPanel } from "./ConflictPanel";
import { FormActions } from "./FormActions";
import { useRecord } from "./useRecord";
import { useSave } from "./useSave";

const f = fr.editing.fields;
/** The fields compared when someone else saved the record meanwhile. */
const CONFLICT_LABELS = { title: f.title, kind: f.kind, date: f.date, durationHours: f.durationHours, communeCode: f.commune, organiserId: f.organiser, axisIds: f.axes };
const FIELDS = ["title", "kind", "date", "durationHours", "communeCode", "organiserId", "axisIds"] as const;
const blank = (): EventValues => ({ id: null, version: null, title: "", kind: "", date: "", durationHours: "", communeCode: "", organiserId: "", axisIds: [] });

interface EventFormProps {
  territoryId: string;
  /** The event to change; null to create one. */
  id: string | null;
  communes: readonly { code: string; name: string }[];
  axes: readonly { id: string; name: string }[];
  workGroups: readonly { id: string; name: string }[];
  onSaved: (result: EditResult) => void;
  onClose: () => void;
  onSessionExpired: () => void;
}

/** Create or change an event: title, kind, date and duration, commune, organiser (work group or structure), axes. */
export function EventForm({ territoryId, id, communes, axes, workGroups, onSaved, onClose, onSessionExpired }: EventFormProps) {
  const [record, setValues] = useRecord(id, blank, (recordId, signal) => loadEvent(recordId, { signal }), onSessionExpired);
  const [structures, setStructures] = useState<{ id: string; name: string }[]>([]);
  const save = useSave(FIELDS, onSaved, onSessionExpired);
  useEffect(() => {
    const controller = new AbortController();
    loadStructureChoices(territoryId, { signal: controller.signal }).then(setStructures, () => undefined);
    return () => controller.abort();
  }, [territoryId]);
  return (
    <Dialog title={fr.editing.titles.event(id === null)} testId="event-form" isBusy={save.isBusy} onClose={onClose}>
      {() => {
        if (record.status === "loading") return <p role="status">{fr.editing.loading}</p>;
        if (record.status === "error") return <p className="field-error" role="alert">{fr.editing.loadFailed}</p>;
        const values = record.values;
        const set = (patch: Partial<EventValues>) => setValues({ ...values, ...patch });
        const conflict = save.problem?.conflict;
        const onSubmit = (event: FormEvent) => {
          event.preventDefault();
          void save.run(() => saveEvent(territoryId, values));
        };
        return (
          <form className="edit-form" noValidate onSubmit={onSubmit} aria-busy={save.isBusy}>
            <TextField name="title" label={f.title} value={values.title} maxLength={EDIT_LIMITS.nameLength} isRequired error={save.errorOf("title")} onChange={(title) => set({ title })} />
            <SelectField name="kind" label={f.kind} value={values.kind} error={save.errorOf("kind")}
              options={EVENT_KINDS.map((kind) => ({ value: kind, label: fr.editing.eventKinds[kind] }))} onChange={(kind) => set({ kind })} />
            <div className="edit-row">
              <TextField name="date" label={f.date} type="date" value={values.date} isRequired error={save.errorOf("date")} onChange={(date) => set({ date })} />
              <TextField name="durationHours" label={f.durationHours} type="number" value={values.durationHours} isRequired error={save.errorOf("durationHours")} onChange={(durationHours) => set({ durationHours })} />
            </div>
            <SelectField name="communeCode" label={f.commune} value={values.communeCode} error={save.errorOf("communeCode")}
              options={communes.map((commune) => ({ value: commune.code, label: `${commune.name} (${commune.code})` }))} onChange={(communeCode) => set({ communeCode })} />
            <Field name="organiserId" label={f.organiser} error={save.errorOf("organiserId")} isRequired>
              {(props) => (
                <select {...props} className="select" value={values.organiserId} onChange={(event) => set({ organiserId: event.target.value })}>
                  <option value="">{fr.editing.choose}</option>
                  <optgroup label={fr.panel.workGroups}>
                    {workGroups.map((group) => <option key={group.id} value={group.id}>{group.name}</option>)}
                  </optgroup>
                  <optgroup label={fr.panel.structures}>
                    {structures.map((structure) => <option key={structure.id} value={structure.id}>{structure.name}</option>)}
                  </optgroup>
                </select>
              )}
            </Field>
            <AxesField axes={axes} value={values.axisIds} error={save.errorOf("axisIds")} onChange={(axisIds) => set({ axisIds })} />
            {conflict && (
              <ConflictPanel values={values} conflict={conflict} labels={CONFLICT_LABELS} isBusy={save.isBusy}
                describe={(field, value) => (field === "kind" ? ((fr.editing.eventKinds as Readonly<Record<string, string>>)[value] ?? value) : value)}
                onKeepMine={() => {
                  const kept = { ...values, version: conflict.currentVersion };
                  setValues(kept);
                  void save.run(() => saveEvent(territoryId, kept));
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

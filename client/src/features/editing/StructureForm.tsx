import type { FormEvent } from "react";
import { EDIT_LIMITS, loadStructure, saveStructure, SECTORS, type EditResult, type StructureValues } from "../../api/editing";
import { CATEGORY_LABELS, fr } from "../../i18n/fr";
import { Dialog } from "./Dialog";
import { SelectField, TextField } from "./Field";
import { takeCurrent } from "./conflict";
import { ConflictPanel } from "./ConflictPanel";
import { FormActions } from "./FormActions";
import { useRecord } from "./useRecord";
import { useSave } from "./useSave";

const f = fr.editing.fields;
/** The fields compared when someone else saved the record meanwhile. */
const CONFLICT_LABELS = { name: f.name, sector: f.sector, kind: f.kind, communeCode: f.commune };
const FIELDS = ["name", "sector", "kind", "communeCode"] as const;
const blank = (): StructureValues => ({ id: null, version: null, name: "", sector: "", kind: "", communeCode: "" });

interface StructureFormProps {
  territoryId: string;
  id: string | null;
  communes: readonly { code: string; name: string }[];
  onSaved: (result: EditResult) => void;
  onClose: () => void;
  onSessionExpired: () => void;
}

/** Create or change a structure: name, sector, kind, commune of the territory. */
export function StructureForm({ territoryId, id, communes, onSaved, onClose, onSessionExpired }: StructureFormProps) {
  const [record, setValues] = useRecord(id, blank, (recordId, signal) => loadStructure(recordId, { signal }), onSessionExpired);
  const save = useSave(FIELDS, onSaved, onSessionExpired);
  const title = fr.editing.titles.structure(id === null);
  return (
    <Dialog title={title} testId="structure-form" isBusy={save.isBusy} onClose={onClose}>
      {() => {
        if (record.status === "loading") return <p role="status">{fr.editing.loading}</p>;
        if (record.status === "error") return <p className="field-error" role="alert">{fr.editing.loadFailed}</p>;
        const values = record.values;
        const set = (patch: Partial<StructureValues>) => setValues({ ...values, ...patch });
        const conflict = save.problem?.conflict;
        const onSubmit = (event: FormEvent) => {
          event.preventDefault();
          void save.run(() => saveStructure(territoryId, values));
        };
        return (
          <form className="edit-form" noValidate onSubmit={onSubmit} aria-busy={save.isBusy}>
            <TextField name="name" label={f.name} value={values.name} maxLength={EDIT_LIMITS.nameLength} isRequired error={save.errorOf("name")} onChange={(name) => set({ name })} />
            <SelectField name="sector" label={f.sector} value={values.sector} error={save.errorOf("sector")}
              options={SECTORS.map((sector) => ({ value: sector, label: CATEGORY_LABELS[sector] }))} onChange={(sector) => set({ sector })} />
            <TextField name="kind" label={f.kind} value={values.kind} maxLength={EDIT_LIMITS.kindLength} isRequired error={save.errorOf("kind")} onChange={(kind) => set({ kind })} />
            <SelectField name="communeCode" label={f.commune} value={values.communeCode} error={save.errorOf("communeCode")}
              options={communes.map((commune) => ({ value: commune.code, label: `${commune.name} (${commune.code})` }))} onChange={(communeCode) => set({ communeCode })} />
            {conflict && (
              <ConflictPanel values={values} conflict={conflict} labels={CONFLICT_LABELS} isBusy={save.isBusy}
                describe={(field, value) => (field === "sector" ? ((CATEGORY_LABELS as Readonly<Record<string, string>>)[value] ?? value) : field === "communeCode" ? (communes.find((commune) => commune.code === value)?.name ?? value) : value)}
                onKeepMine={() => {
                  const kept = { ...values, version: conflict.currentVersion };
                  setValues(kept);
                  void save.run(() => saveStructure(territoryId, kept));
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

import { useEffect, useState, type FormEvent } from "react";
import { ACTOR_CATEGORIES, EDIT_LIMITS, loadActor, loadStructureChoices, saveActor, type ActorValues, type EditResult } from "../../api/editing";
import { ACTOR_CATEGORY_LABELS, fr } from "../../i18n/fr";
import { Dialog } from "./Dialog";
import { SelectField, TextField } from "./Field";
import { takeCurrent } from "./conflict";
import { ConflictPanel } from "./ConflictPanel";
import { FormActions } from "./FormActions";
import { useRecord } from "./useRecord";
import { useSave } from "./useSave";

const f = fr.editing.fields;
/** The fields compared when someone else saved the record meanwhile. */
const CONFLICT_LABELS = { firstName: f.firstName, lastName: f.lastName, category: f.category, profession: f.profession, email: f.email, phone: f.phone };
const FIELDS = ["firstName", "lastName", "email", "phone", "category", "profession", "organisationId", "role"] as const;

interface ActorFormProps {
  territoryId: string;
  id: string | null;
  /** A new person joins this structure unless another is chosen. */
  organisationId?: string;
  onSaved: (result: EditResult) => void;
  onClose: () => void;
  onSessionExpired: () => void;
}

/** Create (with the structure they join) or change a person: names, contacts, category, profession. */
export function ActorForm({ territoryId, id, organisationId = "", onSaved, onClose, onSessionExpired }: ActorFormProps) {
  const blank = (): ActorValues => ({ id: null, version: null, firstName: "", lastName: "", email: "", phone: "", category: "", profession: "", organisationId, role: "" });
  const [record, setValues] = useRecord(id, blank, (recordId, signal) => loadActor(recordId, { signal }), onSessionExpired);
  const save = useSave(FIELDS, onSaved, onSessionExpired);
  const [structures, setStructures] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    if (id !== null) return undefined;
    const controller = new AbortController();
    loadStructureChoices(territoryId, { signal: controller.signal }).then(setStructures, () => undefined);
    return () => controller.abort();
  }, [id, territoryId]);

  return (
    <Dialog title={fr.editing.titles.actor(id === null)} testId="actor-form" isBusy={save.isBusy} onClose={onClose}>
      {() => {
        if (record.status === "loading") return <p role="status">{fr.editing.loading}</p>;
        if (record.status === "error") return <p className="field-error" role="alert">{fr.editing.loadFailed}</p>;
        const values = record.values;
        const set = (patch: Partial<ActorValues>) => setValues({ ...values, ...patch });
        const conflict = save.problem?.conflict;
        const onSubmit = (event: FormEvent) => {
          event.preventDefault();
          void save.run(() => saveActor(territoryId, values));
        };
        return (
          <form className="edit-form" noValidate onSubmit={onSubmit} aria-busy={save.isBusy}>
            <TextField name="firstName" label={f.firstName} value={values.firstName} maxLength={EDIT_LIMITS.personNameLength} isRequired error={save.errorOf("firstName")} onChange={(firstName) => set({ firstName })} />
            <TextField name="lastName" label={f.lastName} value={values.lastName} maxLength={EDIT_LIMITS.personNameLength} isRequired error={save.errorOf("lastName")} onChange={(lastName) => set({ lastName })} />
            <SelectField name="category" label={f.category} value={values.category} error={save.errorOf("category")}
              options={ACTOR_CATEGORIES.map((category) => ({ value: category, label: ACTOR_CATEGORY_LABELS[category] }))} onChange={(category) => set({ category })} />
            <TextField name="profession" label={f.profession} value={values.profession} maxLength={EDIT_LIMITS.professionLength} error={save.errorOf("profession")} onChange={(profession) => set({ profession })} />
            <TextField name="email" label={f.email} type="email" value={values.email} maxLength={EDIT_LIMITS.emailLength} hint={fr.editing.hints.email} error={save.errorOf("email")} onChange={(email) => set({ email })} />
            <TextField name="phone" label={f.phone} type="tel" value={values.phone} hint={fr.editing.hints.phone} error={save.errorOf("phone")} onChange={(phone) => set({ phone })} />
            {id === null && (
              <>
                <SelectField name="organisationId" label={f.organisation} value={values.organisationId} error={save.errorOf("organisationId")}
                  options={structures.map((structure) => ({ value: structure.id, label: structure.name }))} onChange={(value) => set({ organisationId: value })} />
                <TextField name="role" label={f.role} value={values.role} maxLength={EDIT_LIMITS.roleLength} error={save.errorOf("role")} onChange={(role) => set({ role })} />
              </>
            )}
            {conflict && (
              <ConflictPanel values={values} conflict={conflict} labels={CONFLICT_LABELS} isBusy={save.isBusy}
                describe={(field, value) => (field === "category" ? ((ACTOR_CATEGORY_LABELS as Readonly<Record<string, string>>)[value] ?? value) : value)}
                onKeepMine={() => {
                  const kept = { ...values, version: conflict.currentVersion };
                  setValues(kept);
                  void save.run(() => saveActor(territoryId, kept));
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

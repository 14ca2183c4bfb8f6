import { useState, type FormEvent } from "react";
import { EDIT_LIMITS, saveMembership, type EditResult, type MembershipValues } from "../../api/editing";
import { fr } from "../../i18n/fr";
import { ActorPicker } from "./ActorPicker";
import { takeCurrent } from "./conflict";
import { ConflictPanel } from "./ConflictPanel";
import { Dialog } from "./Dialog";
import { TextField } from "./Field";
import { FormActions } from "./FormActions";
import { useSave } from "./useSave";

const f = fr.editing.fields;
const FIELDS = ["actorId", "role", "since", "until"] as const;
/** The fields compared when someone else saved the membership meanwhile. */
const CONFLICT_LABELS = { role: f.role, since: f.since, until: f.until };

interface MemberFormProps {
  territoryId: string;
  organisationId: string;
  organisationName: string;
  onSaved: (result: EditResult) => void;
  onClose: () => void;
  onSessionExpired: () => void;
}

/**
 * Add a person of the territory to a structure: search by name, then role and dates. The form
 * expects no membership yet (version 0): one saved meanwhile by someone else is shown side by side.
 */
export function MemberForm({ territoryId, organisationId, organisationName, onSaved, onClose, onSessionExpired }: MemberFormProps) {
  const [values, setValues] = useState<MembershipValues>({ version: 0, actorId: "", organisationId, role: "", since: "", until: "" });
  const save = useSave(FIELDS, onSaved, onSessionExpired);
  const set = (patch: Partial<MembershipValues>) => setValues({ ...values, ...patch });
  const conflict = save.problem?.conflict;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save.run(() => saveMembership(territoryId, values));
  };
  return (
    <Dialog title={`${fr.editing.titles.membership} · ${organisationName}`} testId="member-form" isBusy={save.isBusy} onClose={onClose}>
      {() => (
        <form className="edit-form" noValidate onSubmit={onSubmit} aria-busy={save.isBusy}>
          <ActorPicker territoryId={territoryId} value={values.actorId} error={save.errorOf("actorId")} onChange={(actorId) => set({ actorId, version: 0 })} />
          <TextField name="role" label={f.role} value={values.role} maxLength={EDIT_LIMITS.roleLength} error={save.errorOf("role")} onChange={(role) => set({ role })} />
          <div className="edit-row">
            <TextField name="since" label={f.since} type="date" value={values.since} error={save.errorOf("since")} onChange={(since) => set({ since })} />
            <TextField name="until" label={f.until} type="date" value={values.until} error={save.errorOf("until")} onChange={(until) => set({ until })} />
          </div>
          {conflict && (
            <ConflictPanel values={values} conflict={conflict} labels={CONFLICT_LABELS} isBusy={save.isBusy}
              onKeepMine={() => {
                const kept = { ...values, version: conflict.currentVersion };
                setValues(kept);
                void save.run(() => saveMembership(territoryId, kept));
              }}
              onTakeCurrent={() => {
                setValues(takeCurrent(values, conflict));
                save.dismiss();
              }} />
          )}
          <FormActions isBusy={save.isBusy} formError={save.formError} onCancel={onClose} />
        </form>
      )}
    </Dialog>
  );
}

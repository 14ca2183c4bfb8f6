import { useEffect, useState, type FormEvent } from "react";
import { EDIT_LIMITS, saveMembership, searchActors, type EditResult, type MembershipValues } from "../../api/editing";
import { fr } from "../../i18n/fr";
import { Dialog } from "./Dialog";
import { Field, TextField } from "./Field";
import { FormActions } from "./FormActions";
import { useSave } from "./useSave";

const f = fr.editing.fields;
const FIELDS = ["actorId", "role", "since", "until"] as const;

interface MemberFormProps {
  territoryId: string;
  organisationId: string;
  organisationName: string;
  onSaved: (result: EditResult) => void;
  onClose: () => void;
  onSessionExpired: () => void;
}

/** Add a person of the territory to a structure: search by name, then role and dates. */
export function MemberForm({ territoryId, organisationId, organisationName, onSaved, onClose, onSessionExpired }: MemberFormProps) {
  const [values, setValues] = useState<MembershipValues>({ actorId: "", organisationId, role: "", since: "", until: "" });
  const [query, setQuery] = useState("");
  const [choices, setChoices] = useState<{ id: string; name: string }[]>([]);
  const save = useSave(FIELDS, onSaved, onSessionExpired);
  useEffect(() => {
    if (query.trim().length < 2) {
      setChoices([]);
      return undefined;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchActors(territoryId, query.trim(), { signal: controller.signal }).then(setChoices, () => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, territoryId]);
  const set = (patch: Partial<MembershipValues>) => setValues({ ...values, ...patch });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save.run(() => saveMembership(territoryId, values));
  };
  return (
    <Dialog title={`${fr.editing.titles.membership} · ${organisationName}`} testId="member-form" isBusy={save.isBusy} onClose={onClose}>
      {() => (
        <form className="edit-form" noValidate onSubmit={onSubmit} aria-busy={save.isBusy}>
          <TextField name="actorSearch" label={f.actorSearch} type="text" value={query} error={undefined} onChange={setQuery} isRequired />
          <Field name="actorId" label={f.actor} error={save.errorOf("actorId")} isRequired>
            {(props) => (
              <select {...props} className="select" value={values.actorId} onChange={(event) => set({ actorId: event.target.value })}>
                <option value="">{fr.editing.choose}</option>
                {choices.map((choice) => <option key={choice.id} value={choice.id}>{choice.name}</option>)}
              </select>
            )}
          </Field>
          <TextField name="role" label={f.role} value={values.role} maxLength={EDIT_LIMITS.roleLength} error={save.errorOf("role")} onChange={(role) => set({ role })} />
          <div className="edit-row">
            <TextField name="since" label={f.since} type="date" value={values.since} error={save.errorOf("since")} onChange={(since) => set({ since })} />
            <TextField name="until" label={f.until} type="date" value={values.until} error={save.errorOf("until")} onChange={(until) => set({ until })} />
          </div>
          <FormActions isBusy={save.isBusy} formError={save.formError} onCancel={onClose} />
        </form>
      )}
    </Dialog>
  );
}

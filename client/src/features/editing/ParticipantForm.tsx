import type { FormEvent } from "react";
import { loadParticipation, saveParticipation, type EditResult, type ParticipationValues } from "../../api/editing";
import { PARTICIPATION_ROLES } from "../../api/network";
import { fr, ROLE_LABELS } from "../../i18n/fr";
import { ActorPicker } from "./ActorPicker";
import { takeCurrent } from "./conflict";
import { ConflictPanel } from "./ConflictPanel";
import { Dialog } from "./Dialog";
import { SelectField, TextField } from "./Field";
import { FormActions } from "./FormActions";
import type { Named } from "./target";
import { useRecord } from "./useRecord";
import { useSave } from "./useSave";

const f = fr.editing.fields;
const FIELDS = ["actorId", "workGroupId", "role", "since", "until"] as const;
/** The fields compared when someone else saved the participation meanwhile. */
const CONFLICT_LABELS = { role: f.participationRole, since: f.since, until: f.until };

interface ParticipantFormProps {
  territoryId: string;
  /** The person, or null to choose one (adding a participant to `workGroup`). */
  actor: Named | null;
  /** The work group, or null to choose one (adding `actor` to a group). */
  workGroup: Named | null;
  /** Work groups of the territory to choose from. */
  workGroups: readonly Named[];
  onSaved: (result: EditResult) => void;
  onClose: () => void;
  onSessionExpired: () => void;
}

/** A fixed end of the participation, said in the form. */
function Known({ label, name }: { label: string; name: string }) {
  return (
    <p className="edit-known">
      <span className="edit-label">{label}</span> {name}
    </p>
  );
}

/**
 * Add a participant to a work group (a person found by name), add a person to a group, or change
 * a participation's role and dates. Both ends known means the participation exists: it is loaded,
 * with its version; a change saved meanwhile by someone else is shown side by side (CONFLICT).
 */
export function ParticipantForm({ territoryId, actor, workGroup, workGroups, onSaved, onClose, onSessionExpired }: ParticipantFormProps) {
  const isNew = actor === null || workGroup === null;
  const blank = (): ParticipationValues => ({ version: 0, actorId: actor?.id ?? "", workGroupId: workGroup?.id ?? "", role: "MEMBER", since: "", until: "" });
  const [record, setValues] = useRecord(
    isNew ? null : `${actor.id}>${workGroup.id}`,
    blank,
    (_key, signal) => (actor && workGroup ? loadParticipation(actor.id, workGroup.id, { signal }) : Promise.resolve(null)),
    onSessionExpired,
  );
  const save = useSave(FIELDS, onSaved, onSessionExpired);
  // The work group, when known, is named in the title.
  const title = [fr.editing.titles.participation(isNew), workGroup?.name].filter(Boolean).join(" · ");
  return (
    <Dialog title={title} testId="participant-form" isBusy={save.isBusy} onClose={onClose}>
      {() => {
        if (record.status === "loading") return <p role="status">{fr.editing.loading}</p>;
        if (record.status === "error") return <p className="field-error" role="alert">{fr.editing.loadFailed}</p>;
        const values = record.values;
        const set = (patch: Partial<ParticipationValues>) => setValues({ ...values, ...patch });
        const conflict = save.problem?.conflict;
        const onSubmit = (event: FormEvent) => {
          event.preventDefault();
          void save.run(() => saveParticipation(territoryId, values));
        };
        return (
          <form className="edit-form" noValidate onSubmit={onSubmit} aria-busy={save.isBusy}>
            {actor ? (
              <Known label={f.actor} name={actor.name} />
            ) : (
              <ActorPicker territoryId={territoryId} value={values.actorId} error={save.errorOf("actorId")} onChange={(actorId) => set({ actorId })} />
            )}
            {workGroup === null && (
              <SelectField name="workGroupId" label={f.workGroup} value={values.workGroupId} error={save.errorOf("workGroupId")}
                options={workGroups.map((group) => ({ value: group.id, label: group.name }))} onChange={(workGroupId) => set({ workGroupId })} />
            )}
            <SelectField name="role" label={f.participationRole} value={values.role} error={save.errorOf("role")}
              options={PARTICIPATION_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))} onChange={(role) => set({ role })} />
            <div className="edit-row">
              <TextField name="since" label={f.since} type="date" value={values.since} isRequired hint={fr.editing.hints.participationSince} error={save.errorOf("since")} onChange={(since) => set({ since })} />
              <TextField name="until" label={f.until} type="date" value={values.until} error={save.errorOf("until")} onChange={(until) => set({ until })} />
            </div>
            {conflict && (
              <ConflictPanel values={values} conflict={conflict} labels={CONFLICT_LABELS} isBusy={save.isBusy}
                describe={(field, value) => (field === "role" ? ((ROLE_LABELS as Readonly<Record<string, string>>)[value] ?? value) : value)}
                onKeepMine={() => {
                  const kept = { ...values, version: conflict.currentVersion };
                  setValues(kept);
                  void save.run(() => saveParticipation(territoryId, kept));
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

import { deleteMembership, deleteParticipation, deleteRecord, type EditResult } from "../../api/editing";
import { fr } from "../../i18n/fr";
import { ActorForm } from "./ActorForm";
import { ConfirmDialog } from "./ConfirmDialog";
import { EventForm } from "./EventForm";
import { MemberForm } from "./MemberForm";
import { ParticipantForm } from "./ParticipantForm";
import { StructureForm } from "./StructureForm";
import type { EditTarget } from "./target";
import { WorkGroupForm } from "./WorkGroupForm";

export interface EditingCatalog {
  communes: readonly { code: string; name: string }[];
  axes: readonly { id: string; name: string }[];
  workGroups: readonly { id: string; name: string }[];
}

interface EditingDialogsProps {
  territoryId: string;
  target: EditTarget;
  catalog: EditingCatalog;
  onSaved: (target: EditTarget, result: EditResult) => void;
  onClose: () => void;
  onSessionExpired: () => void;
}

const CONFIRM = { STRUCTURE: fr.editing.confirmDelete.structure, ACTOR: fr.editing.confirmDelete.actor, WORK_GROUP: fr.editing.confirmDelete.workGroup, EVENT: fr.editing.confirmDelete.event } as const;

/** The one editing dialog open on `target`. */
export function EditingDialogs({ territoryId, target, catalog, onSaved, onClose, onSessionExpired }: EditingDialogsProps) {
  const common = { territoryId, onClose, onSessionExpired, onSaved: (result: EditResult) => onSaved(target, result) };
  switch (target.kind) {
    case "structure":
      return <StructureForm {...common} id={target.id} communes={catalog.communes} />;
    case "actor":
      return <ActorForm {...common} id={target.id} {...(target.organisationId ? { organisationId: target.organisationId } : {})} />;
    case "workGroup":
      return <WorkGroupForm {...common} id={target.id} axes={catalog.axes} />;
    case "event":
      return <EventForm {...common} id={target.id} communes={catalog.communes} axes={catalog.axes} workGroups={catalog.workGroups} />;
    case "member":
      return <MemberForm {...common} organisationId={target.organisationId} organisationName={target.organisationName} />;
    case "participation":
      return <ParticipantForm {...common} actor={target.actor} workGroup={target.workGroup} workGroups={catalog.workGroups} />;
    case "delete":
      return (
        <ConfirmDialog message={CONFIRM[target.record](target.name)} onConfirm={() => deleteRecord(target.record, territoryId, target.id)}
          onDone={common.onSaved} onClose={onClose} onSessionExpired={onSessionExpired} />
      );
    case "removeMember":
      return (
        <ConfirmDialog message={fr.editing.confirmDelete.membership(target.actorName, target.organisationName)}
          onConfirm={() => deleteMembership(territoryId, target.actorId, target.organisationId)}
          onDone={common.onSaved} onClose={onClose} onSessionExpired={onSessionExpired} />
      );
    case "removeParticipation":
      return (
        <ConfirmDialog message={fr.editing.confirmDelete.participation(target.actor.name, target.workGroup.name)}
          onConfirm={() => deleteParticipation(territoryId, target.actor.id, target.workGroup.id)}
          onDone={common.onSaved} onClose={onClose} onSessionExpired={onSessionExpired} />
      );
  }
}

import { fr } from "../../i18n/fr";
import type { LineAction, LineActions } from "../details/LineActions";
import type { EditableNode, EditTarget } from "./target";

const NONE: readonly LineAction[] = [];

/**
 * The editing buttons on the lines of a record's details panel: a structure's members can be
 * removed; a work group's participants changed or removed, its events changed or deleted; a
 * person's work groups changed or left. None for institutions.
 */
export function lineActionsFor(node: EditableNode, open: (target: EditTarget) => void): LineActions | undefined {
  const self = { id: node.id, name: node.name };
  const t = fr.editing;
  switch (node.kind) {
    case "STRUCTURE":
      return {
        kind: "ORGANISATION",
        people: [{ label: t.remove, describe: t.removeMember, testId: "remove-member",
          run: (person) => open({ kind: "removeMember", actorId: person.id, actorName: person.name, organisationId: node.id, organisationName: node.name }) }],
        workGroups: NONE,
        events: NONE,
      };
    case "WORK_GROUP":
      return {
        kind: "WORK_GROUP",
        people: [
          { label: t.edit, describe: t.editParticipant, testId: "edit-participation", run: (person) => open({ kind: "participation", actor: person, workGroup: self }) },
          { label: t.remove, describe: t.removeParticipant, testId: "remove-participant", run: (person) => open({ kind: "removeParticipation", actor: person, workGroup: self }) },
        ],
        workGroups: NONE,
        events: [
          { label: t.edit, describe: t.editEvent, testId: "edit-event", run: (event) => open({ kind: "event", id: event.id }) },
          { label: t.delete, describe: t.deleteEvent, testId: "delete-event", run: (event) => open({ kind: "delete", record: "EVENT", id: event.id, name: event.name }) },
        ],
      };
    case "ACTOR":
      return {
        kind: "ACTOR",
        people: NONE,
        workGroups: [
          { label: t.edit, describe: t.editOwnParticipation, testId: "edit-participation", run: (group) => open({ kind: "participation", actor: self, workGroup: group }) },
          { label: t.remove, describe: t.leaveWorkGroup, testId: "leave-work-group", run: (group) => open({ kind: "removeParticipation", actor: self, workGroup: group }) },
        ],
        events: NONE,
      };
    case "INSTITUTION":
      return undefined;
  }
}

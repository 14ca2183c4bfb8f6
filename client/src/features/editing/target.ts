import type { DeletableKind } from "../../api/editing";
import { fr } from "../../i18n/fr";

/** A record named as the dialogs show it. */
export interface Named {
  id: string;
  name: string;
}

/** What the editing dialogs are open on (one at a time). */
export type EditTarget =
  | { kind: "structure"; id: string | null }
  | { kind: "actor"; id: string | null; organisationId?: string }
  | { kind: "workGroup"; id: string | null }
  | { kind: "event"; id: string | null }
  | { kind: "member"; organisationId: string; organisationName: string }
  /** A participation: both ends known to change one, one end known to add one from that side. */
  | { kind: "participation"; actor: Named | null; workGroup: Named | null }
  | { kind: "delete"; record: DeletableKind; id: string; name: string }
  | { kind: "removeMember"; actorId: string; actorName: string; organisationId: string; organisationName: string }
  | { kind: "removeParticipation"; actor: Named; workGroup: Named };

/** A node of the drawn network the panel shows, as far as editing goes. */
export interface EditableNode {
  id: string;
  kind: "STRUCTURE" | "INSTITUTION" | "ACTOR" | "WORK_GROUP";
  name: string;
}

/** The toolbar's third button: add a member, a participant, or the person to a group. */
export interface AddTarget {
  target: EditTarget;
  label: string;
  testId: string;
}

/** The edit and delete targets the details panel offers for a node (none for institutions). */
export function nodeTargets(node: EditableNode): { edit: EditTarget; remove: EditTarget; add: AddTarget | null } | null {
  const self = { id: node.id, name: node.name };
  switch (node.kind) {
    case "STRUCTURE":
      return {
        edit: { kind: "structure", id: node.id },
        remove: { kind: "delete", record: "STRUCTURE", id: node.id, name: node.name },
        add: { target: { kind: "member", organisationId: node.id, organisationName: node.name }, label: fr.editing.addMember, testId: "add-member" },
      };
    case "ACTOR":
      return {
        edit: { kind: "actor", id: node.id },
        remove: { kind: "delete", record: "ACTOR", id: node.id, name: node.name },
        add: { target: { kind: "participation", actor: self, workGroup: null }, label: fr.editing.addToWorkGroup, testId: "add-to-work-group" },
      };
    case "WORK_GROUP":
      return {
        edit: { kind: "workGroup", id: node.id },
        remove: { kind: "delete", record: "WORK_GROUP", id: node.id, name: node.name },
        add: { target: { kind: "participation", actor: null, workGroup: self }, label: fr.editing.addParticipant, testId: "add-participant" },
      };
    case "INSTITUTION":
      return null;
  }
}

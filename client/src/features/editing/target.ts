import type { DeletableKind } from "../../api/editing";

/** What the editing dialogs are open on (one at a time). */
export type EditTarget =
  | { kind: "structure"; id: string | null }
  | { kind: "actor"; id: string | null; organisationId?: string }
  | { kind: "workGroup"; id: string | null }
  | { kind: "event" }
  | { kind: "member"; organisationId: string; organisationName: string }
  | { kind: "delete"; record: DeletableKind; id: string; name: string }
  | { kind: "removeMember"; actorId: string; actorName: string; organisationId: string; organisationName: string };

/** A node of the drawn network the panel shows, as far as editing goes. */
export interface EditableNode {
  id: string;
  kind: "STRUCTURE" | "INSTITUTION" | "ACTOR" | "WORK_GROUP";
  name: string;
}

/** The edit and delete targets the details panel offers for a node (none for institutions). */
export function nodeTargets(node: EditableNode): { edit: EditTarget; remove: EditTarget; addMember: EditTarget | null } | null {
  switch (node.kind) {
    case "STRUCTURE":
      return {
        edit: { kind: "structure", id: node.id },
        remove: { kind: "delete", record: "STRUCTURE", id: node.id, name: node.name },
        addMember: { kind: "member", organisationId: node.id, organisationName: node.name },
      };
    case "ACTOR":
      return { edit: { kind: "actor", id: node.id }, remove: { kind: "delete", record: "ACTOR", id: node.id, name: node.name }, addMember: null };
    case "WORK_GROUP":
      return { edit: { kind: "workGroup", id: node.id }, remove: { kind: "delete", record: "WORK_GROUP", id: node.id, name: node.name }, addMember: null };
    case "INSTITUTION":
      return null;
  }
}

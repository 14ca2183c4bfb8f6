import { describe, expect, it } from "vitest";
import type { LineAction, LineActions } from "../details/LineActions";
import { lineActionsFor } from "./lineActions";
import { nodeTargets, type EditTarget } from "./target";

/** What the buttons open: `open` keeps the last target. */
let last: EditTarget | null = null;
const open = (target: EditTarget) => {
  last = target;
};

/** What each button of each list opens, for a line named `line`. */
function opened(actions: LineActions, line = { id: "x1", name: "Ligne" }) {
  const run = (list: readonly LineAction[]) =>
    list.map((action) => {
      last = null;
      action.run(line);
      return last;
    });
  return { people: run(actions.people), workGroups: run(actions.workGroups), events: run(actions.events) };
}

describe("lineActionsFor", () => {
  it("lets a structure's members be removed from it, and nothing else", () => {
    const actions = lineActionsFor({ id: "s1", kind: "STRUCTURE", name: "Maison de santé" }, open)!;
    expect(actions.kind).toBe("ORGANISATION");
    expect(actions.people.map((a) => a.describe("Zoé Durand"))).toEqual(["Retirer Zoé Durand de la structure"]);
    expect(opened(actions, { id: "a1", name: "Zoé Durand" })).toEqual({
      people: [{ kind: "removeMember", actorId: "a1", actorName: "Zoé Durand", organisationId: "s1", organisationName: "Maison de santé" }],
      workGroups: [],
      events: [],
    });
  });

  it("offers to change or remove a work group's participants and to change or delete its events", () => {
    const group = { id: "g1", name: "Réseau santé mentale" };
    const actions = lineActionsFor({ ...group, kind: "WORK_GROUP" }, open)!;
    expect(actions.kind).toBe("WORK_GROUP");
    expect(actions.people.map((a) => a.testId)).toEqual(["edit-participation", "remove-participant"]);
    expect(actions.events.map((a) => a.describe("Forum"))).toEqual(["Modifier l'événement « Forum »", "Supprimer l'événement « Forum »"]);
    const person = { id: "a1", name: "Zoé Durand" };
    expect(opened(actions, person).people).toEqual([
      { kind: "participation", actor: person, workGroup: group },
      { kind: "removeParticipation", actor: person, workGroup: group },
    ]);
    expect(opened(actions, { id: "e1", name: "Forum" }).events).toEqual([
      { kind: "event", id: "e1" },
      { kind: "delete", record: "EVENT", id: "e1", name: "Forum" },
    ]);
  });

  it("offers to change or leave a person's work groups from their panel", () => {
    const person = { id: "a1", name: "Zoé Durand" };
    const actions = lineActionsFor({ ...person, kind: "ACTOR" }, open)!;
    expect(actions.kind).toBe("ACTOR");
    const group = { id: "g1", name: "Réseau" };
    expect(opened(actions, group)).toEqual({
      people: [],
      workGroups: [
        { kind: "participation", actor: person, workGroup: group },
        { kind: "removeParticipation", actor: person, workGroup: group },
      ],
      events: [],
    });
  });

  it("offers nothing on an institution's lines", () => {
    expect(lineActionsFor({ id: "i1", kind: "INSTITUTION", name: "ARS" }, open)).toBeUndefined();
  });
});

describe("nodeTargets", () => {
  it("adds a member to a structure, a participant to a work group, a person to a group", () => {
    expect(nodeTargets({ id: "s1", kind: "STRUCTURE", name: "S" })?.add).toMatchObject({ testId: "add-member", target: { kind: "member", organisationId: "s1" } });
    expect(nodeTargets({ id: "g1", kind: "WORK_GROUP", name: "G" })?.add).toEqual({
      label: "Ajouter un participant",
      testId: "add-participant",
      target: { kind: "participation", actor: null, workGroup: { id: "g1", name: "G" } },
    });
    expect(nodeTargets({ id: "a1", kind: "ACTOR", name: "A" })?.add).toMatchObject({ label: "Ajouter à un groupe", target: { kind: "participation", actor: { id: "a1", name: "A" }, workGroup: null } });
    expect(nodeTargets({ id: "i1", kind: "INSTITUTION", name: "I" })).toBeNull();
  });
});

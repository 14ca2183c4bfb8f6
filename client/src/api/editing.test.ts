import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { describeSaveError } from "../features/editing/errors";
import { ApiError } from "./graphql";
import {
  saveActor,
  saveEvent,
  saveMembership,
  saveParticipation,
  saveStructure,
  saveWorkGroup,
  type ActorValues,
  type EventValues,
  type StructureValues,
  type WorkGroupValues,
} from "./editing";

const structure: StructureValues = { id: null, version: null, name: "Maison de santé", sector: "CARE", kind: "MSP", communeCode: "48009" };
const actor: ActorValues = { id: null, version: null, firstName: "Zoé", lastName: "Durand", email: "", phone: "", category: "VOLUNTEER", profession: "", organisationId: "s1", role: "" };
const workGroup: WorkGroupValues = { id: null, version: null, name: "Réseau santé mentale", kind: "NETWORK", startedOn: "2024-01-01", endedOn: "", axisIds: [] };
const event: EventValues = { id: null, version: null, title: "Réunion", kind: "MEETING", date: "2024-03-12", durationHours: "2,5", communeCode: "48009", organiserId: "g1", axisIds: [] };

const RESULT = { entityKind: "STRUCTURE", entityId: "s1", operation: "CREATE", auditEntryId: null, changes: [] };

/** What the API was sent; every save answers a creation. */
let sent: { query: string; variables: { input: Record<string, unknown> } }[] = [];

beforeEach(() => {
  sent = [];
  vi.stubGlobal("fetch", async (_url: string, init: { body: string }) => {
    const body = JSON.parse(init.body) as { query: string; variables: { input: Record<string, unknown> } };
    sent.push(body);
    const field = /\{ (save\w+)\(/.exec(body.query)?.[1] ?? "save";
    return new Response(JSON.stringify({ data: { [field]: RESULT } }), { headers: { "content-type": "application/json" } });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The refusal a save threw, as the form shows it, after checking nothing was sent. */
async function refusal(save: Promise<unknown>): Promise<{ argument: unknown; reason: unknown; field: string | null; message: string }> {
  const error: unknown = await save.then(() => null, (thrown: unknown) => thrown);
  if (!(error instanceof ApiError)) throw new Error(`expected a refusal, got ${String(error)}`);
  expect(sent).toHaveLength(0);
  expect(error.code).toBe("BAD_USER_INPUT");
  return { argument: error.extensions.argument, reason: error.extensions.reason, ...describeSaveError(error) };
}

const REQUIRED = "Ce champ est obligatoire.";

describe("saving a form with a required field left empty", () => {
  it("refuses an empty sector or work group start before asking the server, next to the field", async () => {
    expect(await refusal(saveStructure("t", { ...structure, sector: "" }))).toEqual({ argument: "input.sector", reason: "REQUIRED", field: "sector", message: REQUIRED });
    expect(await refusal(saveWorkGroup("t", { ...workGroup, startedOn: "" }))).toEqual({ argument: "input.startedOn", reason: "REQUIRED", field: "startedOn", message: REQUIRED });
  });

  it("names the first empty field in the form's order", async () => {
    expect((await refusal(saveStructure("t", { id: null, version: null, name: " ", sector: "", kind: "", communeCode: "" }))).field).toBe("name");
    expect((await refusal(saveStructure("t", { ...structure, kind: "", communeCode: "" }))).field).toBe("kind");
    expect((await refusal(saveActor("t", { ...actor, category: "", organisationId: "" }))).field).toBe("category");
    expect((await refusal(saveWorkGroup("t", { ...workGroup, name: "", kind: "" }))).field).toBe("name");
    expect((await refusal(saveEvent("t", { ...event, kind: "", date: "" }))).field).toBe("kind");
  });

  it("covers every required field of the person, work group, event, member and participant forms", async () => {
    expect((await refusal(saveActor("t", { ...actor, lastName: "" }))).field).toBe("lastName");
    expect((await refusal(saveActor("t", { ...actor, organisationId: "" }))).field).toBe("organisationId");
    expect((await refusal(saveWorkGroup("t", { ...workGroup, kind: "" }))).field).toBe("kind");
    for (const field of ["title", "kind", "date", "durationHours", "communeCode", "organiserId"] as const) {
      expect((await refusal(saveEvent("t", { ...event, [field]: "" }))).field, field).toBe(field);
    }
    expect((await refusal(saveMembership("t", { version: null, actorId: "", organisationId: "s1", role: "", since: "", until: "" }))).field).toBe("actorId");
    expect((await refusal(saveParticipation("t", { version: null, actorId: "a1", workGroupId: "g1", role: "MEMBER", since: "", until: "" }))).field).toBe("since");
  });

  it("says a duration that is not a number of hours like the server does", async () => {
    expect(await refusal(saveEvent("t", { ...event, durationHours: "deux" }))).toMatchObject({ field: "durationHours", reason: "OUT_OF_RANGE", message: "Une durée de plus de 0 et d'au plus 24 heures." });
  });
});

describe("saving a membership or a participation", () => {
  it("sends the version the form expects as expectedVersion, and none when it has none", async () => {
    await saveMembership("t", { version: 0, actorId: "a1", organisationId: "s1", role: "", since: "", until: "" });
    await saveParticipation("t", { version: 3, actorId: "a1", workGroupId: "g1", role: "MEMBER", since: "2024-01-01", until: "" });
    await saveParticipation("t", { version: null, actorId: "a1", workGroupId: "g1", role: "MEMBER", since: "2024-01-01", until: "" });
    expect(sent.map((body) => (body.variables.input as Record<string, unknown>).expectedVersion)).toEqual([0, 3, undefined]);
  });
});

describe("saving a complete form", () => {
  it("sends the values, blanks as null, a decimal comma as a number", async () => {
    await saveStructure("t", structure);
    await saveEvent("t", event);
    await saveWorkGroup("t", workGroup);
    expect(sent.map((body) => body.variables.input)).toEqual([
      { territoryId: "t", name: "Maison de santé", sector: "CARE", kind: "MSP", communeCode: "48009" },
      { territoryId: "t", title: "Réunion", kind: "MEETING", date: "2024-03-12", durationHours: 2.5, communeCode: "48009", organiserId: "g1", axisIds: [] },
      { territoryId: "t", name: "Réseau santé mentale", kind: "NETWORK", startedOn: "2024-01-01", endedOn: null, axisIds: [] },
    ]);
  });

  it("needs no structure to change an existing person", async () => {
    await saveActor("t", { ...actor, id: "a1", organisationId: "" });
    expect(sent[0]?.variables.input).toMatchObject({ id: "a1", category: "VOLUNTEER" });
    expect(sent[0]?.variables.input).not.toHaveProperty("membership");
  });
});

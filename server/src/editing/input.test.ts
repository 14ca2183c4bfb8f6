import { describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { email, parseActorInput, parseEventInput, parseMembershipInput, parseParticipationInput, parseStructureInput, parseWorkGroupInput, phone } from "./input.js";

/** The `argument` and `reason` of the BAD_USER_INPUT that `run` throws. */
function refusal(run: () => unknown): { code: string; argument: unknown; reason: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, argument: error.details.argument, reason: error.details.reason };
    throw error;
  }
  throw new Error("expected a refusal");
}

const structure = { territoryId: "t", name: "  Maison de santé  ", sector: "CARE", kind: "Maison de santé", communeCode: "48094" };
const actor = {
  territoryId: "t",
  firstName: "Léa",
  lastName: "Martin",
  email: "lea.martin@exemple.test",
  phone: "+33 6 39 98 12 34",
  category: "PROFESSIONAL",
  profession: "Infirmière",
  membership: { organisationId: "s1", role: "Infirmière", since: "2020-01-01" },
};
const workGroup = { territoryId: "t", name: "Santé mentale", kind: "NETWORK", startedOn: "2019-01-01", endedOn: "2023-12-31", axisIds: ["b", "a", "a"] };
const event = { territoryId: "t", title: "Forum", kind: "PUBLIC_ACTION", date: "2024-05-02", durationHours: 3, communeCode: "48094", organiserId: "g1", axisIds: [] };

describe("parseStructureInput", () => {
  it("trims the name and keeps a missing id as a creation", () => {
    expect(parseStructureInput(structure)).toEqual({ id: null, expectedVersion: null, territoryId: "t", name: "Maison de santé", sector: "CARE", kind: "Maison de santé", communeCode: "48094" });
  });

  it("refuses an empty name, a name over 200 characters and a name with control characters, naming the field", () => {
    expect(refusal(() => parseStructureInput({ ...structure, name: "   " }))).toEqual({ code: "BAD_USER_INPUT", argument: "input.name", reason: "REQUIRED" });
    expect(refusal(() => parseStructureInput({ ...structure, name: "x".repeat(201) }))).toMatchObject({ argument: "input.name", reason: "TOO_LONG" });
    expect(parseStructureInput({ ...structure, name: "x".repeat(200) }).name).toHaveLength(200);
    expect(refusal(() => parseStructureInput({ ...structure, name: "a\u0007b" }))).toMatchObject({ argument: "input.name", reason: "INVALID_FORMAT" });
  });

  it("refuses a sector outside the enum", () => {
    expect(refusal(() => parseStructureInput({ ...structure, sector: "HEALTH" }))).toMatchObject({ argument: "input.sector", reason: "UNKNOWN_VALUE" });
    expect(refusal(() => parseStructureInput({ ...structure, sector: null }))).toMatchObject({ argument: "input.sector", reason: "REQUIRED" });
  });
});

describe("email", () => {
  it("accepts ordinary addresses and refuses malformed ones", () => {
    expect(email(" a.b@exemple.test ", "e")).toBe("a.b@exemple.test");
    expect(email("", "e")).toBeNull();
    for (const bad of ["ab", "a@b", "a @b.fr", "a@@b.fr", "@b.fr", "a@b..fr"]) expect(refusal(() => email(bad, "e")).reason).toBe("INVALID_FORMAT");
  });
});

describe("phone", () => {
  it("stores French numbers in pairs, from national or +33 form", () => {
    expect(phone("0466123456", "p")).toBe("04 66 12 34 56");
    expect(phone("+33 4 66 12 34 56", "p")).toBe("04 66 12 34 56");
    expect(phone("06.39.98.12.34", "p")).toBe("06 39 98 12 34");
    expect(phone("  ", "p")).toBeNull();
  });

  it("refuses numbers that are not French phone numbers", () => {
    for (const bad of ["12345", "0066123456", "+44 20 7946 0958", "04 66 12 34 5", "04 66 12 34 56 7", "abc"]) {
      expect(refusal(() => phone(bad, "p")).reason).toBe("INVALID_FORMAT");
    }
  });
});

describe("parseActorInput", () => {
  it("normalises contacts and keeps a new actor's first membership", () => {
    expect(parseActorInput(actor)).toMatchObject({ id: null, phone: "06 39 98 12 34", membership: { organisationId: "s1", role: "Infirmière", since: "2020-01-01", until: null } });
  });

  it("requires a structure for a new actor but not for a change, and drops the membership on a change", () => {
    expect(refusal(() => parseActorInput({ ...actor, membership: null }))).toMatchObject({ argument: "input.membership.organisationId", reason: "REQUIRED" });
    expect(parseActorInput({ ...actor, id: "a1", membership: null }).membership).toBeNull();
    expect(parseActorInput({ ...actor, id: "a1" }).membership).toBeNull();
  });

  it("refuses a bad e-mail, a bad phone, an unknown category and a membership ending before it starts", () => {
    expect(refusal(() => parseActorInput({ ...actor, email: "lea" }))).toMatchObject({ argument: "input.email", reason: "INVALID_FORMAT" });
    expect(refusal(() => parseActorInput({ ...actor, phone: "123" }))).toMatchObject({ argument: "input.phone", reason: "INVALID_FORMAT" });
    expect(refusal(() => parseActorInput({ ...actor, category: "DOCTOR" }))).toMatchObject({ argument: "input.category", reason: "UNKNOWN_VALUE" });
    expect(refusal(() => parseActorInput({ ...actor, membership: { organisationId: "s1", since: "2020-01-02", until: "2020-01-01" } }))).toMatchObject({
      argument: "input.membership.until",
      reason: "DATE_ORDER",
    });
  });

  it("limits names to 100 characters", () => {
    expect(refusal(() => parseActorInput({ ...actor, lastName: "x".repeat(101) }))).toMatchObject({ argument: "input.lastName", reason: "TOO_LONG" });
    expect(refusal(() => parseActorInput({ ...actor, firstName: "" }))).toMatchObject({ argument: "input.firstName", reason: "REQUIRED" });
  });
});

describe("parseMembershipInput", () => {
  it("keeps role and dates, and accepts the same day as start and end", () => {
    expect(parseMembershipInput({ territoryId: "t", actorId: "a1", organisationId: "s1", role: " Directrice ", since: "2020-01-01", until: "2020-01-01" })).toEqual({
      expectedVersion: null,
      territoryId: "t",
      actorId: "a1",
      organisationId: "s1",
      role: "Directrice",
      since: "2020-01-01",
      until: "2020-01-01",
    });
  });

  it("refuses dates that do not exist", () => {
    expect(refusal(() => parseMembershipInput({ territoryId: "t", actorId: "a1", organisationId: "s1", since: "2023-02-29" }))).toMatchObject({ argument: "input.since", reason: "INVALID_FORMAT" });
  });
});

describe("expectedVersion", () => {
  it("keeps the version the page showed, null when absent, and refuses anything but a whole number from 0", () => {
    expect(parseStructureInput({ ...structure, id: "s1", expectedVersion: 3 }).expectedVersion).toBe(3);
    expect(parseStructureInput({ ...structure, id: "s1", expectedVersion: null }).expectedVersion).toBeNull();
    expect(refusal(() => parseStructureInput({ ...structure, expectedVersion: -1 }))).toEqual({ code: "BAD_USER_INPUT", argument: "input.expectedVersion", reason: "OUT_OF_RANGE" });
    expect(refusal(() => parseStructureInput({ ...structure, expectedVersion: 1.5 }))).toMatchObject({ argument: "input.expectedVersion" });
  });
});

describe("parseParticipationInput", () => {
  const participation = { territoryId: "t", actorId: "a1", workGroupId: "g1", role: "CO_PILOT", since: "2021-09-01" };

  it("keeps the role and dates, an open end as null", () => {
    expect(parseParticipationInput(participation)).toEqual({ expectedVersion: null, territoryId: "t", actorId: "a1", workGroupId: "g1", role: "CO_PILOT", since: "2021-09-01", until: null });
    expect(parseParticipationInput({ ...participation, until: "2021-09-01" }).until).toBe("2021-09-01");
  });

  it("refuses a role outside the enum, a missing role or start, a bad date and an end before the start", () => {
    expect(refusal(() => parseParticipationInput({ ...participation, role: "LEADER" }))).toEqual({ code: "BAD_USER_INPUT", argument: "input.role", reason: "UNKNOWN_VALUE" });
    expect(refusal(() => parseParticipationInput({ ...participation, role: null }))).toMatchObject({ argument: "input.role", reason: "REQUIRED" });
    expect(refusal(() => parseParticipationInput({ ...participation, since: null }))).toMatchObject({ argument: "input.since", reason: "REQUIRED" });
    expect(refusal(() => parseParticipationInput({ ...participation, since: "2021-02-30" }))).toMatchObject({ argument: "input.since", reason: "INVALID_FORMAT" });
    expect(refusal(() => parseParticipationInput({ ...participation, until: "2021-08-31" }))).toMatchObject({ argument: "input.until", reason: "DATE_ORDER" });
    expect(refusal(() => parseParticipationInput({ ...participation, workGroupId: " " }))).toMatchObject({ argument: "input.workGroupId", reason: "REQUIRED" });
  });
});

describe("parseWorkGroupInput", () => {
  it("sorts and deduplicates axes", () => {
    expect(parseWorkGroupInput(workGroup).axisIds).toEqual(["a", "b"]);
  });

  it("refuses an end before the start, a missing start and an unknown kind", () => {
    expect(refusal(() => parseWorkGroupInput({ ...workGroup, endedOn: "2018-12-31" }))).toMatchObject({ argument: "input.endedOn", reason: "DATE_ORDER" });
    expect(refusal(() => parseWorkGroupInput({ ...workGroup, startedOn: null }))).toMatchObject({ argument: "input.startedOn", reason: "REQUIRED" });
    expect(refusal(() => parseWorkGroupInput({ ...workGroup, kind: "CLUB" }))).toMatchObject({ argument: "input.kind", reason: "UNKNOWN_VALUE" });
  });
});

describe("parseEventInput", () => {
  it("accepts an event of the day", () => {
    expect(parseEventInput(event)).toMatchObject({ title: "Forum", date: "2024-05-02", durationHours: 3 });
  });

  it("refuses a duration of 0 or over 24 hours and a missing organiser", () => {
    expect(refusal(() => parseEventInput({ ...event, durationHours: 0 }))).toMatchObject({ argument: "input.durationHours", reason: "OUT_OF_RANGE" });
    expect(refusal(() => parseEventInput({ ...event, durationHours: 24.5 }))).toMatchObject({ argument: "input.durationHours", reason: "OUT_OF_RANGE" });
    expect(refusal(() => parseEventInput({ ...event, organiserId: "" }))).toMatchObject({ argument: "input.organiserId", reason: "REQUIRED" });
  });
});

import { describe, expect, it } from "vitest";
import type { DuplicateRecord } from "../../api/duplicates";
import { describeLink, describeMerge, formatDate, recordFacts } from "./describe";

const person: DuplicateRecord = {
  id: "a1", kind: "ACTOR", name: "Hélène Lefèvre", email: null, phone: "04 66 00 00 01", category: "PROFESSIONAL", profession: "Infirmière",
  structureKind: null, sector: null, communeName: null, links: [], eventCount: 2,
};

describe("formatDate", () => {
  it("writes ISO dates the French way", () => {
    expect(formatDate("2012-09-01")).toBe("01/09/2012");
  });
});

describe("describeLink", () => {
  it("names a person's structure and work group with roles and dates", () => {
    expect(describeLink({ relation: "MEMBER_OF", targetId: "s1", targetName: "CCAS d'Alès", role: "Infirmière", since: "2012-09-01", until: "2016-06-30" }, "ACTOR")).toBe(
      "Membre de CCAS d'Alès (Infirmière) · depuis le 01/09/2012 · jusqu'au 30/06/2016",
    );
    expect(describeLink({ relation: "PARTICIPATES_IN", targetId: "w1", targetName: "Santé mentale", role: "PILOT", since: "2013-01-01", until: null }, "ACTOR")).toBe(
      "Groupe Santé mentale (pilote) · depuis le 01/01/2013",
    );
  });

  it("names a structure's members and partners", () => {
    expect(describeLink({ relation: "MEMBER_OF", targetId: "a1", targetName: "Hélène Lefèvre", role: null, since: null, until: null }, "STRUCTURE")).toBe("Membre : Hélène Lefèvre");
    expect(describeLink({ relation: "PARTNERS_WITH", targetId: "s2", targetName: "Clinique du Gardon", role: "Convention", since: "2017-03-01", until: null }, "STRUCTURE")).toBe(
      "Partenaire : Clinique du Gardon (Convention) · depuis le 01/03/2017",
    );
  });
});

describe("recordFacts", () => {
  it("lists a person's contact details and category in French, a dash when empty", () => {
    expect(recordFacts(person)).toEqual([
      ["Courriel", "—"],
      ["Téléphone", "04 66 00 00 01"],
      ["Catégorie", "Professionnel·le"],
      ["Profession", "Infirmière"],
      ["Identifiant", "a1"],
    ]);
  });
});

describe("describeMerge", () => {
  it("says what moved, what was joined or kept apart, and which fields were filled", () => {
    expect(describeMerge({ kind: "ACTOR", keptId: "a1", mergedId: "a2", moved: 1, joined: 2, keptApart: 1, dropped: 0, filledProperties: ["email", "profession"] })).toBe(
      "1 lien déplacé, 2 réunis avec un lien existant, 1 gardé à part (autres dates ou autre rôle). Champs complétés : courriel, profession.",
    );
    expect(describeMerge({ kind: "STRUCTURE", keptId: "s1", mergedId: "s2", moved: 0, joined: 3, keptApart: 0, dropped: 1, filledProperties: [] })).toBe(
      "3 réunis avec un lien existant, 1 lien entre les deux fiches supprimé.",
    );
    expect(describeMerge({ kind: "ACTOR", keptId: "a1", mergedId: "a2", moved: 0, joined: 0, keptApart: 0, dropped: 0, filledProperties: [] })).toBe("Aucun lien à reprendre.");
  });
});

import { describe, expect, it } from "vitest";
import { normaliseName, normalisePersonName, parseFrenchDate, parseFrenchNumber, refusedText } from "./values.js";

describe("normaliseName", () => {
  it("ignores accents, case, punctuation and spacing", () => {
    expect(normaliseName("  Centre Hospitalier d'Alès-Cévennes ")).toBe("centre hospitalier d ales cevennes");
    expect(normaliseName("ŒUVRE")).toBe("oeuvre");
    expect(normalisePersonName("Dr Élodie  FABRE")).toBe("elodie fabre");
    expect(normalisePersonName("Mme. Fabre")).toBe("fabre");
  });
});

describe("parseFrenchDate", () => {
  it.each([
    ["12/03/2023", "2023-03-12"],
    ["12-03-2023", "2023-03-12"],
    ["12.03.23", "2023-03-12"],
    ["2023-03-12", "2023-03-12"],
    ["12 mars 2023", "2023-03-12"],
    ["1er avril 2023", "2023-04-01"],
    ["mardi 14 février 2023", "2023-02-14"],
    ["5 déc. 2023", "2023-12-05"],
    ["45000", "2023-03-15"],
    ["12/03/2023 14:30", "2023-03-12"],
  ])("reads %s as %s", (raw, iso) => {
    expect(parseFrenchDate(raw)).toEqual({ ok: true, value: iso });
  });

  it.each(["31/02/2023", "03/13/2023", "demain", "12/2023", ""])("refuses %s with a reason", (raw) => {
    const parsed = parseFrenchDate(raw);
    expect(parsed.ok).toBe(false);
  });
});

describe("parseFrenchNumber", () => {
  it("reads decimal commas, hours and spaces", () => {
    expect(parseFrenchNumber("1,5")).toEqual({ ok: true, value: 1.5 });
    expect(parseFrenchNumber("2 h")).toEqual({ ok: true, value: 2 });
    expect(parseFrenchNumber("1 234,5")).toEqual({ ok: true, value: 1234.5 });
    expect(parseFrenchNumber("-3").ok).toBe(false);
    expect(parseFrenchNumber("deux").ok).toBe(false);
  });
});

describe("refusedText", () => {
  it("refuses formulas, HTML, query text and control characters", () => {
    expect(refusedText("=HYPERLINK(\"http://x\")")).toMatch(/formule/);
    expect(refusedText("+33 fois")).toMatch(/formule/);
    expect(refusedText("-2+3")).toMatch(/formule/);
    expect(refusedText("+33 6 39 98 12 34")).toBeNull();
    expect(refusedText("@SUM(A1)")).toMatch(/formule/);
    expect(refusedText("<script>alert(1)</script>")).toMatch(/HTML/);
    expect(refusedText("<img src=x onerror=alert(1)>")).toMatch(/HTML/);
    expect(refusedText("x') MATCH (n) DETACH DELETE n //")).toMatch(/Cypher/);
    expect(refusedText("Alès\u0007")).toMatch(/contrôle/);
    expect(refusedText("a".repeat(201))).toMatch(/trop long/);
  });

  it("accepts ordinary French names with apostrophes, quotes, parentheses and dashes", () => {
    for (const name of ["Centre d'accueil (CCAS)", "Association « Le Lien »", "Match & Sport Alès", "-12 ans ? non : Maison-Dieu", "Jean-Pierre O'Neil"]) {
      expect(refusedText(name.startsWith("-") ? name.slice(1) : name)).toBeNull();
    }
    expect(refusedText("-5")).toBeNull();
  });
});

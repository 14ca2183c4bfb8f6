import { describe, expect, it } from "vitest";
import { isErasureConfirmed, parseYears, personExportFileName } from "./person";

describe("personExportFileName", () => {
  it("names the person's id and the local day", () => {
    expect(personExportFileName("gorges-a-12", new Date(2026, 0, 5, 23, 30))).toBe("maillage_personne_gorges-a-12_2026-01-05.json");
  });

  it("keeps only file-safe characters of the id", () => {
    expect(personExportFileName("a/b c", new Date(2026, 11, 2))).toBe("maillage_personne_a_b_c_2026-12-02.json");
  });
});

describe("isErasureConfirmed", () => {
  it("accepts the person's name, whatever the case and the spaces", () => {
    expect(isErasureConfirmed("  zoé   DURAND ", "Zoé Durand")).toBe(true);
  });

  it("accepts the word EFFACER", () => {
    expect(isErasureConfirmed("EFFACER", "Zoé Durand")).toBe(true);
    expect(isErasureConfirmed("effacer", "Zoé Durand")).toBe(true);
  });

  it("refuses anything else, an empty field and a name without its accents", () => {
    expect(isErasureConfirmed("", "Zoé Durand")).toBe(false);
    expect(isErasureConfirmed("Zoe Durand", "Zoé Durand")).toBe(false);
    expect(isErasureConfirmed("Durand", "Zoé Durand")).toBe(false);
    expect(isErasureConfirmed("", "")).toBe(false);
  });
});

describe("parseYears", () => {
  it("reads a whole number of years from 1 to 100", () => {
    expect(parseYears("3")).toBe(3);
    expect(parseYears(" 100 ")).toBe(100);
  });

  it("refuses 0, more than 100, decimals and words", () => {
    for (const text of ["0", "101", "2.5", "2,5", "", "trois", "-1"]) expect(parseYears(text)).toBeNull();
  });
});

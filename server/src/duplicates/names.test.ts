import { describe, expect, it } from "vitest";
import { emailKey, initialsOf, phoneKey, structureName } from "./names.js";

describe("structureName", () => {
  it("drops accents, case, articles and legal words", () => {
    const name = structureName("Association « Les Amis de l'Hôpital »");
    expect(name.canonical).toBe("amis hopital");
    expect(name.dropped).toEqual(["association", "les", "de", "l"]);
  });

  it("expands the sector's acronyms so that both spellings meet", () => {
    expect(structureName("CCAS d'Alès").canonical).toBe(structureName("Centre communal d'action sociale d'Alès").canonical);
    expect(structureName("CCAS d'Alès").expanded).toEqual(["ccas"]);
    expect(structureName("MSP de St-Ambroix").canonical).toBe("maison sante pluriprofessionnelle saint ambroix");
  });

  it("keeps the words that tell structures apart", () => {
    expect(structureName("Pharmacie des Halles (Alès)").canonical).not.toBe(structureName("Pharmacie du Pont (Alès)").canonical);
  });
});

describe("initialsOf", () => {
  it("takes the first letter of each word", () => {
    expect(initialsOf(structureName("Cévennes Santé Réseaux").tokens)).toBe("csr");
  });
});

describe("emailKey and phoneKey", () => {
  it("ignore case and spaces in e-mails", () => {
    expect(emailKey(" Marie.Durand@Exemple.fr ")).toBe("marie.durand@exemple.fr");
    expect(emailKey("")).toBeNull();
    expect(emailKey(null)).toBeNull();
  });

  it("read French numbers written in several ways as one", () => {
    expect(phoneKey("06 12 34 56 78")).toBe("612345678");
    expect(phoneKey("+33 6 12 34 56 78")).toBe("612345678");
    expect(phoneKey("0033612345678")).toBe("612345678");
    expect(phoneKey("06.12.34.56.78")).toBe("612345678");
    expect(phoneKey("12")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { personalDataScrub } from "./scrub.js";

const scrub = personalDataScrub([
  { firstName: "Marie", lastName: "Martin-Durand", email: "marie.martin@exemple.fr", phone: "04 66 12 34 56", formerEmails: ["m.md@old.fr"], pseudonym: "Acteur AAAA1111" },
  { firstName: "Luc", lastName: "Li", email: null, phone: null, formerEmails: [], pseudonym: "Acteur BBBB2222" },
]);

describe("personalDataScrub", () => {
  it("replaces full names in either order, last names, e-mails and phones by the pseudonym", () => {
    expect(scrub("Focus : Marie Martin-Durand <marie.martin@exemple.fr>")).toBe("Focus : Acteur AAAA1111 <Acteur AAAA1111>");
    expect(scrub("martin durand marie, tél. 04.66.12.34.56 ou 0466123456")).toBe("Acteur AAAA1111, tél. Acteur AAAA1111 ou Acteur AAAA1111");
    expect(scrub("ancien : m.md@old.fr ; Mme MARTIN-DURAND")).toBe("ancien : Acteur AAAA1111 ; Mme Acteur AAAA1111");
    expect(scrub("Luc Li et l'équipe")).toBe("Acteur BBBB2222 et l'équipe");
  });

  it("leaves other words, parts of words and first names alone", () => {
    expect(scrub("Marie et les Martiniquais, Santé mentale")).toBe("Marie et les Martiniquais, Santé mentale");
    expect(scrub("Li Wen, Ligue")).toBe("Li Wen, Ligue");
  });
});

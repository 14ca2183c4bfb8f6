import { describe, expect, it } from "vitest";
import { isCommonFrenchWord } from "./commonWords.js";
import { MASKED_NAME, personalDataScrub, scrubJsonStrings } from "./scrub.js";

const scrub = personalDataScrub([
  { firstName: "Marie", lastName: "Martin-Durand", email: "marie.martin@exemple.fr", phone: "04 66 12 34 56", formerEmails: ["m.md@old.fr"], pseudonym: "Acteur AAAA1111" },
  { firstName: "Luc", lastName: "Li", email: null, phone: null, formerEmails: [], pseudonym: "Acteur BBBB2222" },
]);

/** First names of the case, names that are ordinary words, a name two people bear. */
const firstNames = personalDataScrub([
  { firstName: "Camille", lastName: "Vidal", email: null, phone: null, formerEmails: [], pseudonym: "Acteur CCCC3333" },
  { firstName: "Hélène", lastName: "Roux", email: null, phone: null, formerEmails: [], pseudonym: "Acteur DDDD4444" },
  { firstName: "Rose", lastName: "Fabre", email: null, phone: null, formerEmails: [], pseudonym: "Acteur EEEE5555" },
  { firstName: "Claire", lastName: "Blanc", email: null, phone: null, formerEmails: [], pseudonym: "Acteur FFFF6666" },
  { firstName: "Jean", lastName: "Bonnet", email: null, phone: null, formerEmails: [], pseudonym: "Acteur GGGG7777" },
  { firstName: "Jean-Pierre", lastName: "Gros", email: null, phone: null, formerEmails: [], pseudonym: "Acteur HHHH8888" },
  { firstName: "Léa", lastName: "Noël", email: null, phone: null, formerEmails: [], pseudonym: "Acteur IIII9999" },
  { firstName: "Léa", lastName: "Garnier", email: null, phone: null, formerEmails: [], pseudonym: "Acteur JJJJ0000" },
  { firstName: "Martin", lastName: "Brun", email: null, phone: null, formerEmails: [], pseudonym: "Acteur KKKK1111" },
]);

describe("personalDataScrub", () => {
  it("replaces full names in either order, last names, e-mails and phones by the pseudonym", () => {
    expect(scrub("Focus : Marie Martin-Durand <marie.martin@exemple.fr>")).toBe("Focus : Acteur AAAA1111 <Acteur AAAA1111>");
    expect(scrub("martin durand marie, tél. 04.66.12.34.56 ou 0466123456")).toBe("Acteur AAAA1111, tél. Acteur AAAA1111 ou Acteur AAAA1111");
    expect(scrub("ancien : m.md@old.fr ; Mme MARTIN-DURAND")).toBe("ancien : Acteur AAAA1111 ; Mme Acteur AAAA1111");
    expect(scrub("Luc Li et l'équipe")).toBe("Acteur BBBB2222 et l'équipe");
  });

  it("leaves other words and parts of words alone", () => {
    expect(scrub("Les Martiniquais, Santé mentale")).toBe("Les Martiniquais, Santé mentale");
    expect(scrub("Li Wen, Ligue")).toBe("Li Wen, Ligue");
  });

  it("replaces a first name alone, whatever its case and accents", () => {
    expect(firstNames("Réunion avec Camille")).toBe("Réunion avec Acteur CCCC3333");
    expect(firstNames("Réunion avec camille")).toBe("Réunion avec Acteur CCCC3333");
    expect(firstNames("CAMILLE : suivi")).toBe("Acteur CCCC3333 : suivi");
    expect(firstNames("Point d'étape d'Helene et HÉLÈNE")).toBe("Point d'étape d'Acteur DDDD4444 et Acteur DDDD4444");
    expect(firstNames("Marie et les Martiniquais")).toBe("Marie et les Martiniquais");
    expect(scrub("Bilan : Marie et les Martiniquais")).toBe("Bilan : Acteur AAAA1111 et les Martiniquais");
    expect(firstNames("Suivi de Jean-Pierre")).toBe("Suivi de Acteur HHHH8888");
  });

  it("replaces a first name several people bear by a mask, not by one of their pseudonyms", () => {
    expect(firstNames("Atelier de Léa")).toBe(`Atelier de ${MASKED_NAME}`);
    expect(firstNames("Atelier de Léa Garnier")).toBe("Atelier de Acteur JJJJ0000");
  });

  it("replaces a first name that is also a French word only where it stands as a name", () => {
    expect(isCommonFrenchWord("rose") && isCommonFrenchWord("Claire") && isCommonFrenchWord("JEAN")).toBe(true);
    expect(isCommonFrenchWord("Camille")).toBe(false);
    expect(firstNames("Bilan avec Rose et Claire")).toBe("Bilan avec Acteur EEEE5555 et Acteur FFFF6666");
    expect(firstNames("Focus : Jean")).toBe("Focus : Acteur GGGG7777");
    expect(firstNames("Rendez-vous. Mme Rose et Dr. Claire")).toBe("Rendez-vous. Mme Acteur EEEE5555 et Dr. Acteur FFFF6666");
    expect(firstNames("« Claire » au comité")).toBe("« Claire » au comité");
    expect(firstNames("Une rose, une vision claire, un jean")).toBe("Une rose, une vision claire, un jean");
    expect(firstNames("Claire vision du réseau. Rose des vents")).toBe("Claire vision du réseau. Rose des vents");
    // « marie » is a form of « marier »: where a sentence starts, such a name is as likely a word (and common).
    expect(scrub("Marie et les Martiniquais")).toBe("Marie et les Martiniquais");
  });

  it("leaves a first name that is part of a compound word, such as a commune's name", () => {
    expect(firstNames("Réunion à Saint-Jean-du-Gard")).toBe("Réunion à Saint-Jean-du-Gard");
    expect(firstNames("Saint-Martin-de-Valgalgues et Camille-sur-Mer")).toBe("Saint-Martin-de-Valgalgues et Camille-sur-Mer");
    expect(firstNames("Réunion à Saint-Jean-du-Gard avec Jean")).toBe("Réunion à Saint-Jean-du-Gard avec Acteur GGGG7777");
    const martin = personalDataScrub([{ firstName: "Paul", lastName: "Martin", email: null, phone: null, formerEmails: [], pseudonym: "Acteur LLLL2222" }]);
    expect(martin("Saint-Martin-de-Valgalgues, avec M. Martin")).toBe("Saint-Martin-de-Valgalgues, avec M. Acteur LLLL2222");
  });
});

describe("scrubJsonStrings", () => {
  it("scrubs every string of a JSON state, keys included, and keeps ids, numbers and the shape", () => {
    const state = JSON.stringify({ version: 1, note: "Suivi de Camille Vidal", "Léa Garnier": true, positions: { "pays-cevennes-a-0001": [1.5, 2] }, ids: ["pays-cevennes-s-0007"] });
    expect(JSON.parse(scrubJsonStrings(state, firstNames))).toEqual({
      version: 1,
      note: "Suivi de Acteur CCCC3333",
      "Acteur JJJJ0000": true,
      positions: { "pays-cevennes-a-0001": [1.5, 2] },
      ids: ["pays-cevennes-s-0007"],
    });
    expect(scrubJsonStrings("not json: Camille", firstNames)).toBe("not json: Acteur CCCC3333");
  });
});

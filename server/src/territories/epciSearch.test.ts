import { describe, expect, it } from "vitest";
import { officialEpcis } from "../../../seed/src/territory.js";
import { foldText, searchEpcis } from "./epciSearch.js";

const SAMPLE = [
  { code: "200066918", name: "CA Alès Agglomération", communeCount: 71, population: 137_470 },
  { code: "200035129", name: "CC de Cèze Cévennes", communeCount: 23, population: 19_221 },
  { code: "200039832", name: "CC Pays des Vans en Cévennes", communeCount: 15, population: 9_569 },
  { code: "200069151", name: "CC Gorges Causses Cévennes", communeCount: 17, population: 6_908 },
];

describe("foldText", () => {
  it("drops accents, case, apostrophes and dashes", () => {
    expect(foldText("  CC Pays d'Uzès — Cèze-Cévennes ")).toBe("cc pays d uzes ceze cevennes");
  });
});

describe("searchEpcis", () => {
  it("finds names whatever the accents and case", () => {
    expect(searchEpcis(SAMPLE, "ALES").map((epci) => epci.code)).toEqual(["200066918"]);
    expect(searchEpcis(SAMPLE, "cèze cev").map((epci) => epci.code)).toEqual(["200035129"]);
  });

  it("needs every typed word to start a word of the name", () => {
    expect(searchEpcis(SAMPLE, "cevennes vans").map((epci) => epci.code)).toEqual(["200039832"]);
    expect(searchEpcis(SAMPLE, "evennes")).toEqual([]);
  });

  it("puts names holding the words in a row first, then the most populated", () => {
    expect(searchEpcis(SAMPLE, "cevennes").map((epci) => epci.code)).toEqual(["200035129", "200039832", "200069151"]);
    expect(searchEpcis(SAMPLE, "causses cevennes").map((epci) => epci.code)).toEqual(["200069151"]);
  });

  it("finds SIREN codes by their beginning", () => {
    expect(searchEpcis(SAMPLE, "2000").map((epci) => epci.code)).toEqual(["200035129", "200039832", "200066918", "200069151"]);
    expect(searchEpcis(SAMPLE, "200039832").map((epci) => epci.name)).toEqual(["CC Pays des Vans en Cévennes"]);
  });

  it("finds nothing for fewer than two characters, and at most the limit", () => {
    expect(searchEpcis(SAMPLE, " a ")).toEqual([]);
    expect(searchEpcis(SAMPLE, "cc", 2)).toHaveLength(2);
  });

  it("reads the official data: Pays Cévennes' two EPCI hold 94 communes and 156,691 inhabitants", () => {
    const all = officialEpcis();
    const ales = searchEpcis(all, "Alès Agglomération")[0];
    const ceze = searchEpcis(all, "200035129")[0];
    expect(ales?.code).toBe("200066918");
    expect((ales?.communeCount ?? 0) + (ceze?.communeCount ?? 0)).toBe(94);
    expect((ales?.population ?? 0) + (ceze?.population ?? 0)).toBe(156_691);
  });
});

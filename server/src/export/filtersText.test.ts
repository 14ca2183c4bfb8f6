import { describe, expect, it } from "vitest";
import { filtersText, type FilterDescription } from "./filtersText.js";

const NONE: FilterDescription = {
  axes: [],
  workGroups: [],
  sectors: [],
  categories: [],
  epcis: [],
  communes: [],
  through: ["EVENT", "WORK_GROUP"],
  roles: [],
  minWeight: 1,
  selectedNodes: null,
};

describe("filtersText", () => {
  it("states the weighting and the backbone chosen", () => {
    expect(filtersText({ ...NONE, weighting: "NEWMAN", backboneAlpha: 0.05 })).toBe(
      "pondération : Newman (1/(n − 1) par activité de n participants) ; liens significatifs (modèle SDSM, α = 0,05)",
    );
    expect(filtersText({ ...NONE, weighting: "COUNT", minWeight: 0.5 })).toBe("pondération : nombre d'activités partagées ; poids minimal des liens : 0,5");
  });

  it("is empty without filters", () => {
    expect(filtersText(NONE)).toBe("");
  });

  it("states every filter in French with names, singular or plural", () => {
    expect(
      filtersText({
        ...NONE,
        axes: ["Santé mentale"],
        sectors: ["CARE", "SOCIAL"],
        categories: ["ELECTED"],
        communes: ["Alès"],
        through: ["WORK_GROUP"],
        roles: ["PILOT", "CO_PILOT"],
        minWeight: 20,
        selectedNodes: 120,
      }),
    ).toBe(
      "axe : Santé mentale ; secteurs : Soin, Social ; catégorie : Élu·e ; commune : Alès ; liens par : groupes de travail seulement ; rôles : Pilote, Co-pilote ; poids minimal des liens : 20 ; nœuds affichés à l'écran : 120",
    );
  });
});

import { describe, expect, it } from "vitest";
import type { Territory } from "../api/network";
import { VIEWS } from "../features/views/views";
import { firstRequest } from "./firstNetwork";

const contract = (generation: number, signedOn: string, endsOn: string) => ({ id: `cls-${generation}`, generation, name: `CLS ${generation}`, signedOn, endsOn });
const territories: Territory[] = [
  { id: "small", name: "Petit", isDemo: true, contracts: [contract(1, "2019-01-01", "2021-12-31")], epcis: [] },
  { id: "pays-cevennes", name: "Pays Cévennes", isDemo: true, contracts: [contract(1, "2012-01-01", "2016-12-31"), contract(2, "2017-01-01", "2021-12-31")], epcis: [] },
];

describe("the page's first network request", () => {
  it("is the address's territory and view over the latest contract, with the view's tie threshold", () => {
    const request = firstRequest({ territoryId: "pays-cevennes", view: "actors", savedViewId: null }, territories);
    expect(request).toMatchObject({ territoryId: "pays-cevennes", view: "actors", window: { from: "2017-01-01", to: "2021-12-31" } });
    expect(request?.filters.minWeight).toBe(VIEWS.actors.defaultMinWeight);
  });

  it("falls back on the page's default view, and asks for nothing without a territory", () => {
    const request = firstRequest({ territoryId: "pays-cevennes", view: null, savedViewId: null }, territories);
    expect(request?.view).toBe("structures");
    expect(firstRequest({ territoryId: null, view: null, savedViewId: null }, [])).toBeNull();
  });
});

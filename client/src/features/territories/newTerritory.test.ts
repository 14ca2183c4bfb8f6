import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/graphql";
import type { EpciCandidate } from "../../api/territories";
import { addAxis, addContract, addEpci, checkDraft, describeCreateError, emptyDraft, fieldIds, removeEpci, totals, updateAxis, updateContract, type TerritoryDraft } from "./newTerritory";

const VANS: EpciCandidate = { code: "200039832", name: "CC Pays des Vans en Cévennes", communeCount: 15, population: 9_569, territoryId: null, territoryName: null };
const ALES: EpciCandidate = { code: "200066918", name: "CA Alès Agglomération", communeCount: 71, population: 137_470, territoryId: "pays-cevennes", territoryName: "Pays Cévennes" };
const GORGES: EpciCandidate = { code: "200069151", name: "CC Gorges Causses Cévennes", communeCount: 17, population: 6_908, territoryId: null, territoryName: null };

function filled(): TerritoryDraft {
  let draft = addEpci(emptyDraft(), VANS);
  draft = { ...draft, name: "  Pays des Vans " };
  const [contract] = draft.contracts;
  const [axis] = draft.axes;
  draft = updateContract(draft, contract!.key, { signedOn: "2020-03-02", endsOn: "2024-12-31" });
  return updateAxis(draft, axis!.key, { name: "Santé mentale" });
}

describe("the EPCI choice", () => {
  it("adds an EPCI once, never one that belongs to a territory, and sums communes and inhabitants", () => {
    let draft = addEpci(addEpci(addEpci(emptyDraft(), VANS), VANS), ALES);
    draft = addEpci(draft, GORGES);
    expect(draft.epcis.map((e) => e.code)).toEqual([VANS.code, GORGES.code]);
    expect(totals(draft.epcis)).toEqual({ communes: 32, population: 16_477 });
    expect(removeEpci(draft, VANS.code).epcis).toEqual([GORGES]);
  });
});

describe("checkDraft", () => {
  it("gives the API input of a complete draft, contracts by generation", () => {
    let draft = addContract(filled());
    const second = draft.contracts[1]!;
    expect(second.generation).toBe("2");
    draft = updateContract(draft, second.key, { signedOn: "2025-01-01" });
    draft = updateContract(draft, draft.contracts[0]!.key, { generation: "3" });
    draft = updateContract(draft, second.key, { generation: "4" });
    const { problems, input } = checkDraft(draft);
    expect(problems).toEqual([]);
    expect(input).toEqual({
      name: "Pays des Vans",
      epciCodes: [VANS.code],
      contracts: [
        { generation: 3, signedOn: "2020-03-02", endsOn: "2024-12-31" },
        { generation: 4, signedOn: "2025-01-01", endsOn: null },
      ],
      axes: [{ name: "Santé mentale", kind: "POPULATION" }],
    });
  });

  it("names in French every missing piece of an empty form, tied to its field", () => {
    const draft = emptyDraft();
    const { problems, input } = checkDraft(draft);
    expect(input).toBeNull();
    expect(problems.map((p) => p.field)).toEqual([
      fieldIds.search,
      fieldIds.name,
      fieldIds.contract(draft.contracts[0]!.key, "signedOn"),
      fieldIds.axis(draft.axes[0]!.key, "name"),
    ]);
    expect(problems[0]?.message).toBe("Choisissez au moins une intercommunalité.");
  });

  it("refuses an end before the signing, a generation twice and a contract signed before the previous one ends", () => {
    const base = filled();
    const first = base.contracts[0]!;
    expect(checkDraft(updateContract(base, first.key, { endsOn: "2020-03-01" })).problems.map((p) => p.message)).toEqual([
      "Contrat 1 : la fin doit venir après la signature.",
    ]);
    let two = addContract(base);
    const second = two.contracts[1]!;
    two = updateContract(two, second.key, { generation: "1", signedOn: "2026-01-01" });
    expect(checkDraft(two).problems.map((p) => p.message)).toEqual(["Deux contrats portent la génération 1."]);
    two = updateContract(two, second.key, { generation: "2", signedOn: "2023-01-01" });
    expect(checkDraft(two).problems).toEqual([
      { field: fieldIds.contract(second.key, "signedOn"), message: "Le CLS 2 doit être signé après le CLS 1, et pas avant la fin de celui-ci." },
    ]);
    expect(checkDraft(updateContract(base, first.key, { generation: "0" })).problems[0]?.field).toBe(fieldIds.contract(first.key, "generation"));
  });

  it("refuses two axes whose names differ only by accents or case", () => {
    let draft = addAxis(filled());
    draft = updateAxis(draft, draft.axes[1]!.key, { name: "SANTE MENTALE", kind: "TRANSVERSAL" });
    expect(checkDraft(draft).problems.map((p) => p.field)).toEqual([fieldIds.axis(draft.axes[1]!.key, "name")]);
  });
});

describe("describeCreateError", () => {
  it("turns the server's codes into French advice", () => {
    expect(describeCreateError(new ApiError("graphql", "A territory with id x already exists", "CONFLICT"))).toMatch(/^Un territoire porte déjà ce nom/);
    expect(describeCreateError(new ApiError("unreachable", "fetch failed"))).toMatch(/ne répond pas/);
    expect(describeCreateError(new Error("boom"))).toMatch(/^La création a échoué/);
  });
});

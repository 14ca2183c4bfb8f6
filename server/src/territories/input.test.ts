import { describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { axisId, checkContractSequence, contractId, parseAxis, parseContract, parseEpciCodes, parseNewTerritory, parseTerritoryId } from "./input.js";

const VANS = "200039832";
const HAUT_LANGUEDOC = "200066553";

function valid(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "  Pays des Vans en Cévennes ",
    epciCodes: [VANS],
    contracts: [{ generation: 1, signedOn: "2020-03-02", endsOn: "2024-12-31" }],
    axes: [{ name: "Santé mentale", kind: "POPULATION" }, { name: "Accès aux soins", kind: "TRANSVERSAL" }],
    ...overrides,
  };
}

/** The AppError `run` throws (the test fails when it throws nothing). */
function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("parseNewTerritory", () => {
  it("trims the name and derives the id from it as a slug", () => {
    const territory = parseNewTerritory(valid());
    expect(territory.name).toBe("Pays des Vans en Cévennes");
    expect(territory.id).toBe("pays-des-vans-en-cevennes");
    expect(territory.epciCodes).toEqual([VANS]);
    expect(territory.axes.map((axis) => axis.name)).toEqual(["Santé mentale", "Accès aux soins"]);
  });

  it("keeps a given slug id and refuses one that is not a slug", () => {
    expect(parseNewTerritory(valid({ id: "vans-2020" })).id).toBe("vans-2020");
    for (const id of ["Vans", "vans--2020", "-vans", "vans cévennes", "a".repeat(61)]) {
      expect(refusal(() => parseNewTerritory(valid({ id }))).details.argument).toBe("input.id");
    }
  });

  it("refuses an empty name or one without letters or digits", () => {
    expect(refusal(() => parseNewTerritory(valid({ name: "   " }))).details.argument).toBe("input.name");
    expect(refusal(() => parseNewTerritory(valid({ name: "---" }))).details.argument).toBe("input.name");
  });

  it("sorts contracts by generation", () => {
    const territory = parseNewTerritory(
      valid({
        contracts: [
          { generation: 2, signedOn: "2019-01-01", endsOn: null },
          { generation: 1, signedOn: "2013-07-01", endsOn: "2018-12-31" },
        ],
      }),
    );
    expect(territory.contracts.map((contract) => contract.generation)).toEqual([1, 2]);
    expect(territory.contracts[1]?.endsOn).toBeNull();
  });

  it("needs at least one contract and one axis", () => {
    expect(refusal(() => parseNewTerritory(valid({ contracts: [] }))).details.argument).toBe("input.contracts");
    expect(refusal(() => parseNewTerritory(valid({ axes: [] }))).details.argument).toBe("input.axes");
  });

  it("refuses two axes whose names differ only by accents or case", () => {
    const error = refusal(() => parseNewTerritory(valid({ axes: [{ name: "Santé mentale", kind: "POPULATION" }, { name: "SANTE MENTALE", kind: "TRANSVERSAL" }] })));
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.details.argument).toBe("input.axes");
  });

  it("refuses an unknown axis kind", () => {
    expect(refusal(() => parseNewTerritory(valid({ axes: [{ name: "Jeunesse", kind: "OTHER" }] }))).details.argument).toBe("input.axes[0].kind");
  });
});

describe("parseEpciCodes", () => {
  it("keeps known SIREN codes once each, in the order given", () => {
    expect(parseEpciCodes([HAUT_LANGUEDOC, VANS, HAUT_LANGUEDOC])).toEqual([HAUT_LANGUEDOC, VANS]);
  });

  it("lists every unknown code, malformed ones included", () => {
    const error = refusal(() => parseEpciCodes([VANS, "200042802", "12345", "999999999"]));
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.details.unknownEpciCodes).toEqual(["12345", "200042802", "999999999"]);
    expect(error.message).toContain("200042802");
  });

  it("needs at least one code", () => {
    expect(refusal(() => parseEpciCodes([])).details.argument).toBe("input.epciCodes");
  });
});

describe("parseContract and checkContractSequence", () => {
  it("refuses an impossible date and an end before the signing", () => {
    expect(refusal(() => parseContract({ generation: 1, signedOn: "2021-02-30" }, "c")).details.argument).toBe("c.signedOn");
    expect(refusal(() => parseContract({ generation: 1, signedOn: "2021-06-01", endsOn: "2021-06-01" }, "c")).details.argument).toBe("c.endsOn");
    expect(refusal(() => parseContract({ generation: 0, signedOn: "2021-06-01" }, "c")).details.argument).toBe("c.generation");
    expect(refusal(() => parseContract({ generation: 1, signedOn: "0219-06-01" }, "c")).details.argument).toBe("c.signedOn");
    expect(parseContract({ generation: 1, signedOn: "2021-06-01", endsOn: "" }, "c").endsOn).toBeNull();
  });

  it("accepts a contract signed the day its predecessor ends", () => {
    const sequence = checkContractSequence(
      [
        { generation: 1, signedOn: "2011-06-30", endsOn: "2013-06-30" },
        { generation: 2, signedOn: "2013-06-30", endsOn: null },
      ],
      "contracts",
    );
    expect(sequence).toHaveLength(2);
  });

  it("refuses a later generation signed before the earlier one, or before it ends, and a generation twice", () => {
    const first = { generation: 1, signedOn: "2015-01-01", endsOn: "2019-12-31" };
    expect(() => checkContractSequence([first, { generation: 2, signedOn: "2014-01-01", endsOn: null }], "contracts")).toThrow(/signed after/);
    expect(() => checkContractSequence([first, { generation: 2, signedOn: "2019-06-01", endsOn: null }], "contracts")).toThrow(/before CLS 1 ends/);
    expect(() => checkContractSequence([first, { ...first, signedOn: "2020-01-01" }], "contracts")).toThrow(/generation 1/);
  });
});

describe("ids", () => {
  it("follow the demo seed's scheme", () => {
    expect(contractId("vans", 2)).toBe("vans-cls2");
    expect(axisId("vans", "Accès aux droits, à la prévention")).toBe("vans-acces-aux-droits-a-la-prevention");
    expect(parseTerritoryId(undefined, "Pays d'Uzès")).toBe("pays-d-uzes");
    expect(parseAxis({ name: " Jeunesse ", kind: "POPULATION" }, "a")).toEqual({ name: "Jeunesse", kind: "POPULATION" });
  });
});

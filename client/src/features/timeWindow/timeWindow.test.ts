import { describe, expect, it } from "vitest";
import type { Contract } from "../../api/network";
import { defaultWindow, describeWindow, formatDate, isValidWindow, presetOf, windowPresets } from "./timeWindow";

const contracts: Contract[] = [
  { id: "cls3", name: "CLS 3", generation: 3, signedOn: "2019-06-27", endsOn: "2025-12-31" },
  { id: "cls1", name: "CLS 1", generation: 1, signedOn: "2011-06-30", endsOn: "2013-06-30" },
  { id: "cls2", name: "CLS 2", generation: 2, signedOn: "2013-07-01", endsOn: "2018-12-31" },
];

describe("windowPresets", () => {
  it("offers each contract oldest first with its years, then the whole period", () => {
    expect(windowPresets(contracts).map((p) => p.label)).toEqual([
      "CLS 1 (2011–2013)",
      "CLS 2 (2013–2018)",
      "CLS 3 (2019–2025)",
      "Toute la période",
    ]);
  });

  it("says 'depuis' for a contract without an end", () => {
    const [preset] = windowPresets([{ id: "c", name: "CLS 4", generation: 4, signedOn: "2026-01-01", endsOn: null }]);
    expect(preset?.label).toBe("CLS 4 (depuis 2026)");
    expect(preset?.window).toEqual({ from: "2026-01-01", to: null });
  });
});

describe("defaultWindow", () => {
  it("is the latest contract", () => {
    expect(defaultWindow(contracts)).toEqual({ from: "2019-06-27", to: "2025-12-31" });
  });

  it("is the whole period when the territory has no contract", () => {
    expect(defaultWindow([])).toEqual({ from: null, to: null });
  });
});

describe("describeWindow", () => {
  const presets = windowPresets(contracts);

  it("names the contract and its dates", () => {
    expect(describeWindow(presets, { from: "2019-06-27", to: "2025-12-31" })).toBe("CLS 3 · du 27/06/2019 au 31/12/2025");
  });

  it("says 'Toute la période' without bounds and 'Période personnalisée' for other dates", () => {
    expect(describeWindow(presets, { from: null, to: null })).toBe("Toute la période");
    expect(describeWindow(presets, { from: "2015-01-01", to: null })).toBe("Période personnalisée · depuis le 01/01/2015");
    expect(presetOf(presets, { from: "2015-01-01", to: null })).toBeNull();
  });
});

describe("formatDate and isValidWindow", () => {
  it("formats ISO dates the French way", () => {
    expect(formatDate("2011-06-30")).toBe("30/06/2011");
  });

  it("refuses a window that ends before it starts or a malformed date", () => {
    expect(isValidWindow({ from: "2020-01-01", to: "2019-01-01" })).toBe(false);
    expect(isValidWindow({ from: "2020-1-1", to: null })).toBe(false);
    expect(isValidWindow({ from: "2019-01-01", to: "2019-01-01" })).toBe(true);
  });
});

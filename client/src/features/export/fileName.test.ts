import { describe, expect, it } from "vitest";
import { exportFileName, isoDay, slugify } from "./fileName";

describe("slugify", () => {
  it("drops accents, case and punctuation", () => {
    expect(slugify("Pays Cévennes")).toBe("pays-cevennes");
    expect(slugify("CC Gorges Causses Cévennes")).toBe("cc-gorges-causses-cevennes");
    expect(slugify("  Œuvre d’Alès — Saint-Jean ")).toBe("oeuvre-d-ales-saint-jean");
  });

  it("never gives an empty slug", () => {
    expect(slugify("—")).toBe("territoire");
  });
});

describe("exportFileName", () => {
  const date = new Date(2026, 0, 5, 23, 30);

  it("says the territory, the view and the local day", () => {
    expect(isoDay(date)).toBe("2026-01-05");
    expect(exportFileName("Pays Cévennes", "structures", date, "png")).toBe("maillage_pays-cevennes_structures_2026-01-05.png");
    expect(exportFileName("Pays Cévennes", "actors", date, "svg")).toBe("maillage_pays-cevennes_acteurs_2026-01-05.svg");
    expect(exportFileName("Pays Cévennes", "map", date, "pdf", "A4")).toBe("maillage_pays-cevennes_carte_2026-01-05_a4.pdf");
    expect(exportFileName("Pays Cévennes", "participation", date, "png", "4x")).toBe("maillage_pays-cevennes_participation_2026-01-05_4x.png");
    expect(exportFileName("Pays Cévennes", "presentation", date, "pptx")).toBe("maillage_pays-cevennes_presentation_2026-01-05.pptx");
  });
});

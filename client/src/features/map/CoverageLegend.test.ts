import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ATTENDING_ONLY_FILL, COVERAGE_RAMP } from "./coverage";
import { CoverageLegend, NoContoursNotice } from "./CoverageLegend";

const texts = (html: string) => [...html.matchAll(/<span>([^<]*)<\/span>/g)].map((m) => m[1]);

describe("CoverageLegend", () => {
  it("lists the white zone, then each class with the colour the map uses", () => {
    const html = renderToStaticMarkup(createElement(CoverageLegend, { maxCount: 30, unit: "structures" }));
    expect(html).toContain("Structures qui y travaillent, par commune");
    expect(texts(html)).toEqual(["Aucune structure (zone blanche)", "Venues à des événements seulement (zone blanche)", "1 à 2", "3 à 4", "5 à 8", "9 à 16", "17 à 30"]);
    expect(html).toContain("map-legend-swatch--zone-blanche");
    expect(html).toContain(`background-color:${ATTENDING_ONLY_FILL}`);
    for (const fill of COVERAGE_RAMP) expect(html).toContain(`background-color:${fill}`);
  });

  it("speaks of actors in the actors' coverage", () => {
    const html = renderToStaticMarkup(createElement(CoverageLegend, { maxCount: 0, unit: "actors" }));
    expect(texts(html)).toEqual(["Aucun acteur (zone blanche)", "Venus à des événements seulement (zone blanche)"]);
    expect(html).toContain("Acteurs qui y travaillent, par commune");
  });
});

describe("NoContoursNotice", () => {
  it("says in French that contours are missing and what to do", () => {
    const html = renderToStaticMarkup(createElement(NoContoursNotice));
    expect(html).toContain('role="status"');
    expect(html).toContain("contours des communes ne sont pas disponibles");
    expect(html).toContain("GEO_SOURCE");
  });
});

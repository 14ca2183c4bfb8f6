import { describe, expect, it } from "vitest";
import { csvCell, toNodesCsv, toTiesCsv } from "./csv.js";
import { FORMULA_NAME, TEST_GRAPH } from "./testGraph.js";

/** Splits a CSV the way RFC 4180 reads it (quoted fields may hold separators and line breaks). */
function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < content.length; i += 1) {
    const c = content[i];
    if (quoted) {
      if (c === '"' && content[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") {
      row.push(field);
      field = "";
    } else if (c === "\r" && content[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 1;
    } else field += c;
  }
  return rows;
}

describe("csvCell", () => {
  it("quotes per RFC 4180 only when needed", () => {
    expect(csvCell({ text: "Alès" })).toBe("Alès");
    expect(csvCell({ text: 'a;b "c"' })).toBe('"a;b ""c"""');
    expect(csvCell({ text: "a\nb" })).toBe('"a\nb"');
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell({ text: `${start}1+1` }).startsWith(`'${start}`) || csvCell({ text: `${start}1+1` }).startsWith(`"'${start}`)).toBe(true);
    expect(csvCell({ text: "1+1" })).toBe("1+1");
  });

  it("writes numbers with a decimal comma, negative numbers untouched", () => {
    expect(csvCell({ number: 0.125, type: "double" })).toBe("0,125");
    expect(csvCell({ number: -12.5, type: "double" })).toBe("-12,5");
    expect(csvCell({ number: 0.000001, type: "double" })).toBe("0,000001");
    expect(csvCell({ number: 7, type: "integer" })).toBe("7");
    expect(csvCell(null)).toBe("");
  });
});

describe("toNodesCsv", () => {
  const content = toNodesCsv(TEST_GRAPH);
  const rows = parseCsv(content.slice(1));

  it("starts with a byte-order mark and ends every line with CRLF", () => {
    expect(content.charCodeAt(0)).toBe(0xfeff);
    expect(content.endsWith("\r\n")).toBe(true);
    expect(content.replace(/"[^"]*"/g, "").split("\n").every((line, i, all) => i === all.length - 1 || line.endsWith("\r"))).toBe(true);
  });

  it("has French headers and one row per node", () => {
    expect(rows[0]).toEqual([
      "Identifiant", "Nom", "Type", "Nature ou profession", "Catégorie", "Secteur", "Commune", "Code commune", "EPCI", "Code EPCI",
      "Degré", "Degré pondéré", "Intermédiarité", "Proximité", "Communauté", "X", "Y",
    ]);
    expect(rows).toHaveLength(1 + TEST_GRAPH.nodes.length);
    expect(rows.every((row) => row.length === 17)).toBe(true);
  });

  it("writes names safely and numbers the French way", () => {
    const [first, second, , fourth] = rows.slice(1);
    expect(first?.[1]).toBe('Association "Les <Amis> & Cie"; Alès\u0001\nsite');
    expect(first?.slice(10)).toEqual(["2", "5", "0,12345679", "0,5", "0", "12,5", "-40,25"]);
    expect(second?.[1]).toBe(`'${FORMULA_NAME}`);
    expect(second?.[7]).toBe("07294");
    expect(fourth?.[1]).toBe("'-Collectif isolé");
    expect(fourth?.slice(15)).toEqual(["", ""]);
  });
});

describe("toTiesCsv", () => {
  it("lists ties with both ends' names, weight and what they go through", () => {
    const rows = parseCsv(toTiesCsv(TEST_GRAPH).slice(1));
    expect(rows[0]).toEqual(["Source", "Cible", "Nom de la source", "Nom de la cible", "Poids", "Groupes de travail partagés", "Événements partagés", "Rôle"]);
    expect(rows[1]).toEqual(["i-ars", "s-1", "ARS Occitanie", 'Association "Les <Amis> & Cie"; Alès\u0001\nsite', "2", "2", "0", ""]);
    expect(rows[2]?.[3]).toBe(`'${FORMULA_NAME}`);
  });
});

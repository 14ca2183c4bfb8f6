import { describe, expect, it } from "vitest";
import { detectDelimiter, parseCsv } from "./csv.js";

describe("parseCsv", () => {
  it("finds the separator from the header, outside quotes", () => {
    expect(detectDelimiter("Nom;Prénom;Courriel\n")).toBe(";");
    expect(detectDelimiter('"Nom; complet",Prénom,Courriel\n')).toBe(",");
    expect(detectDelimiter("Nom\tPrénom\n")).toBe("\t");
  });

  it("reads quoted fields with doubled quotes, separators and line breaks inside, CRLF or LF", async () => {
    const table = await parseCsv('Nom;Commentaire\r\n"Centre ""Les Mûriers""";"deux\r\nlignes; ici"\r\nCCAS;simple\n');
    expect(table.header).toEqual(["Nom", "Commentaire"]);
    expect(table.rows).toEqual([
      { line: 2, cells: ['Centre "Les Mûriers"', "deux\r\nlignes; ici"] },
      { line: 4, cells: ["CCAS", "simple"] },
    ]);
  });

  it("leaves out blank lines, including Excel's lines of empty cells, and keeps line numbers", async () => {
    const table = await parseCsv("A;B\n\n1;2\n;;\n3;4");
    expect(table.rows).toEqual([
      { line: 3, cells: ["1", "2"] },
      { line: 5, cells: ["3", "4"] },
    ]);
  });

  it("reports an unterminated quote with its line, and a file without header", async () => {
    await expect(parseCsv('A;B\n1;"ouvert\n2;3')).rejects.toThrow(expect.objectContaining({ code: "UNTERMINATED_QUOTE", line: 2 }));
    await expect(parseCsv("\n\n")).rejects.toThrow(expect.objectContaining({ code: "NO_HEADER" }));
  });

  it("stops at the row and cell limits while reading, naming the line", async () => {
    await expect(parseCsv("A;B\n1;2\n3;4\n5;6\n", ";", { rows: 2, cells: 100 })).rejects.toThrow(expect.objectContaining({ code: "TOO_MANY_ROWS", line: 4 }));
    await expect(parseCsv("A;B\n1;2\n3;4\n", ";", { rows: 100, cells: 5 })).rejects.toThrow(/plus de 5 cellules \(ligne 3\)/);
  });
});

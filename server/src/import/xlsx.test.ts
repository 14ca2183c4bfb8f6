import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { parseFrenchDate } from "./values.js";
import { zipBombWorkbook } from "./testdata/zipBomb.js";
import { readXlsx, XLSX_LIMITS } from "./xlsx.js";

const fixture = (name: string) => readFile(new URL(`./testdata/${name}`, import.meta.url));

/** A workbook the way Excel writes one: shared strings, a sheet that is not named sheet1.xml. */
async function excelLikeWorkbook(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("xl/workbook.xml", '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Annuaire" sheetId="1" r:id="rId3"/></sheets></workbook>');
  zip.file("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId3" Type="worksheet" Target="worksheets/sheet3.xml"/></Relationships>');
  zip.file("xl/sharedStrings.xml", '<sst><si><t>Nom</t></si><si><r><t>Com</t></r><r><t>mune</t></r></si><si><t>CCAS &amp; Cie &lt;1&gt;</t></si><si><t>Alès</t></si></sst>');
  zip.file("xl/worksheets/sheet3.xml", '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row><row r="2"/><row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4"><v>12.5</v></c><c r="C4" t="s"><v>3</v></c></row></sheetData></worksheet>');
  return zip.generateAsync({ type: "uint8array" });
}

describe("readXlsx", () => {
  it("reads a workbook written by openpyxl: inline strings, a date cell as Excel's day number", async () => {
    const rows = await readXlsx(await fixture("good/attendance.xlsx"));
    expect(rows[0]).toEqual({ line: 1, cells: ["Nom", "Prénom", "Événement", "Date", "Commune", "Heures bénévoles"] });
    expect(rows[1]?.cells.slice(0, 3)).toEqual(["Fabre", "Élodie", "Atelier « Bien vieillir »"]);
    expect(parseFrenchDate(rows[1]?.cells[3] ?? "")).toEqual({ ok: true, value: "2024-03-12" });
    expect(rows[2]?.cells).toEqual(["O'Neil", "Jean-Pierre", "Café santé", "14/03/2024", "48061", "2,5"]);
  });

  it("reads shared strings (rich text runs, entities), skips empty rows and keeps gaps between cells", async () => {
    const rows = await readXlsx(await excelLikeWorkbook());
    expect(rows).toEqual([
      { line: 1, cells: ["Nom", "", "Commune"] },
      { line: 4, cells: ["CCAS & Cie <1>", "12.5", "Alès"] },
    ]);
  });

  it("reads a formula as =formula, so the import refuses it", async () => {
    const rows = await readXlsx(await fixture("bad/formula.xlsx"));
    expect(rows[2]?.cells[0]).toBe("=1+1");
  });

  it("refuses a damaged archive in French", async () => {
    await expect(readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow(/illisible/);
  });

  it("refuses a zip bomb (a sheet inflating to 1.2 GB) in French, in under 2 s and 200 MB of extra memory", async () => {
    const bomb = zipBombWorkbook(1.2e9);
    expect(bomb.length).toBeLessThan(20 * 1024 * 1024);
    const rss = process.memoryUsage().rss;
    let peak = rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const started = performance.now();
    await expect(readXlsx(bomb)).rejects.toThrow(/se décompresse en plus de 200 Mo/);
    const elapsed = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(elapsed).toBeLessThan(2000);
    expect(peak - rss).toBeLessThan(200 * 1024 * 1024);
  }, 60_000);

  it("counts the inflated bytes while reading, whatever the archive declares, and limits rows and cells", async () => {
    // 30 MB of sheet against a 10 MB limit.
    await expect(readXlsx(zipBombWorkbook(30e6), { ...XLSX_LIMITS, uncompressedBytes: 10 * 1024 * 1024 })).rejects.toThrow(/plus de 10 Mo/);
    const workbook = await excelLikeWorkbook();
    await expect(readXlsx(workbook, { ...XLSX_LIMITS, rows: 2 })).rejects.toThrow(/plus de 2 lignes \(ligne 4\)/);
    await expect(readXlsx(workbook, { ...XLSX_LIMITS, cells: 3 })).rejects.toThrow(/plus de 3 cellules remplies/);
  });
});

import { describe, expect, it } from "vitest";
import { decodeText } from "./decode.js";

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

describe("decodeText", () => {
  it("reads UTF-8 with and without Excel's BOM", () => {
    const utf8 = new TextEncoder().encode("Nom;Prénom\nAlès;Zoé");
    expect(decodeText(utf8)).toEqual({ text: "Nom;Prénom\nAlès;Zoé", encoding: "UTF-8", hadBom: false, strayBytes: [] });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toMatchObject({ text: "Nom;Prénom\nAlès;Zoé", hadBom: true });
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8 (é = 0xE9, œ = 0x9C, ’ = 0x92)", () => {
    const decoded = decodeText(bytes(0x41, 0x6c, 0xe8, 0x73, 0x3b, 0x9c, 0x75, 0x76, 0x72, 0x65, 0x92));
    expect(decoded).toEqual({ text: "Alès;œuvre’", encoding: "Windows-1252", hadBom: false, strayBytes: [] });
  });

  it("keeps a UTF-8 file with a stray Windows-1252 byte as UTF-8, and lists the byte with its line", () => {
    const utf8 = new TextEncoder().encode("Nom;Prénom;Fonction\nMartin;Hélène;Médiatrice santé\nDurand;Zoé;Infirmière\nLefèvre;H");
    const decoded = decodeText(new Uint8Array([...utf8, 0xe9, ...new TextEncoder().encode("lo;Aidante\n")]));
    expect(decoded.encoding).toBe("UTF-8");
    expect(decoded.text).toContain("Hélène;Médiatrice santé");
    expect(decoded.text).toContain("Lefèvre;H\uFFFDlo");
    expect(decoded.strayBytes).toEqual([{ line: 4, bytes: [0xe9] }]);
  });

  it("still reads a genuine Windows-1252 file as such", () => {
    const text = "Nom;Prénom\nMartin;Hélène\nGarçon;Léo\n";
    const bytes = Uint8Array.from([...text].map((char) => ({ "é": 0xe9, "è": 0xe8, "ç": 0xe7 })[char] ?? char.charCodeAt(0)));
    expect(decodeText(bytes)).toEqual({ text, encoding: "Windows-1252", hadBom: false, strayBytes: [] });
  });

  it("refuses empty, UTF-16 and binary files with a code", () => {
    expect(() => decodeText(bytes())).toThrow(expect.objectContaining({ code: "EMPTY_FILE" }));
    expect(() => decodeText(bytes(0xff, 0xfe, 0x41, 0x00))).toThrow(expect.objectContaining({ code: "UTF16_FILE" }));
    expect(() => decodeText(bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00))).toThrow(expect.objectContaining({ code: "BINARY_FILE" }));
  });
});

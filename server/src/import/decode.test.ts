import { describe, expect, it } from "vitest";
import { decodeText } from "./decode.js";

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

describe("decodeText", () => {
  it("reads UTF-8 with and without Excel's BOM", () => {
    const utf8 = new TextEncoder().encode("Nom;Prénom\nAlès;Zoé");
    expect(decodeText(utf8)).toEqual({ text: "Nom;Prénom\nAlès;Zoé", encoding: "UTF-8", hadBom: false });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toMatchObject({ text: "Nom;Prénom\nAlès;Zoé", hadBom: true });
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8 (é = 0xE9, œ = 0x9C, ’ = 0x92)", () => {
    const decoded = decodeText(bytes(0x41, 0x6c, 0xe8, 0x73, 0x3b, 0x9c, 0x75, 0x76, 0x72, 0x65, 0x92));
    expect(decoded).toEqual({ text: "Alès;œuvre’", encoding: "Windows-1252", hadBom: false });
  });

  it("refuses empty, UTF-16 and binary files with a code", () => {
    expect(() => decodeText(bytes())).toThrow(expect.objectContaining({ code: "EMPTY_FILE" }));
    expect(() => decodeText(bytes(0xff, 0xfe, 0x41, 0x00))).toThrow(expect.objectContaining({ code: "UTF16_FILE" }));
    expect(() => decodeText(bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00))).toThrow(expect.objectContaining({ code: "BINARY_FILE" }));
  });
});

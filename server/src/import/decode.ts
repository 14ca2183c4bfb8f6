/**
 * Bytes of an uploaded file → text. Coordinators' files come from Excel ("CSV UTF-8" with a BOM,
 * or plain "CSV" in Windows-1252), LibreOffice (UTF-8) and older tools (Windows-1252). A file that
 * is valid UTF-8 is UTF-8. A file that is mostly UTF-8 with a few stray bytes (a name pasted from
 * another program) stays UTF-8: the stray bytes are listed with their line, so that their rows are
 * refused, never the whole file read as Windows-1252 ("HÃ©lÃ¨ne"). A file without a single UTF-8
 * multi-byte sequence is Windows-1252; between the two, the chardet detector decides.
 */
import chardet from "chardet";

export type TextEncoding = "UTF-8" | "Windows-1252";

/** Bytes that are not UTF-8 in a file read as UTF-8: the line they are on, and their values. */
export interface StrayBytes {
  line: number;
  bytes: number[];
}

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  hadBom: boolean;
  /** Empty unless a UTF-8 file holds bytes that are not UTF-8 (each shows as U+FFFD in `text`). */
  strayBytes: StrayBytes[];
}

export class DecodeError extends Error {
  constructor(
    readonly code: "EMPTY_FILE" | "BINARY_FILE" | "UTF16_FILE",
    message: string,
  ) {
    super(message);
    this.name = "DecodeError";
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Windows-1252's characters at 0x80–0x9F (€, ’, œ, …), where Latin-1 has control codes. Node's
 * TextDecoder("windows-1252") decodes as Latin-1, so this range is mapped here.
 */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...Array.from(chunk, (byte) => (byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte)));
  }
  return text;
}

/** The length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] as number;
  const cont = (k: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[i + k];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return cont(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, low, high) && cont(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const [low, high] = lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, low, high) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** How many multi-byte UTF-8 sequences the bytes hold, and the bytes that are not UTF-8 (grouped when adjacent), by line. */
function scanUtf8(bytes: Uint8Array): { multiByte: number; stray: StrayBytes[] } {
  let multiByte = 0;
  let line = 1;
  const stray: StrayBytes[] = [];
  let lastStrayEnd = -1;
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i] as number;
    if (byte < 0x80) {
      if (byte === 0x0a) line += 1;
      i += 1;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      multiByte += 1;
      i += length;
      continue;
    }
    const previous = stray.at(-1);
    if (previous !== undefined && lastStrayEnd === i) previous.bytes.push(byte);
    else stray.push({ line, bytes: [byte] });
    lastStrayEnd = i + 1;
    i += 1;
  }
  return { multiByte, stray };
}

/** Mostly UTF-8: more UTF-8 sequences than stray bytes, or the detector says so. */
function isMostlyUtf8(body: Uint8Array, multiByte: number, strayCount: number): boolean {
  if (multiByte === 0) return false;
  if (multiByte >= strayCount) return true;
  return chardet.detect(body) === "UTF-8";
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new DecodeError("EMPTY_FILE", "Le fichier est vide.");
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new DecodeError("UTF16_FILE", "Le fichier est en UTF-16 : enregistrez-le en « CSV UTF-8 » ou en CSV Windows.");
  }
  const hadBom = UTF8_BOM.every((byte, i) => bytes[i] === byte);
  const body = hadBom ? bytes.subarray(3) : bytes;
  // NUL bytes never occur in text files: a spreadsheet saved in its own format, an image, a zip.
  if (body.subarray(0, 8192).includes(0)) {
    throw new DecodeError("BINARY_FILE", "Ce fichier n'est pas un fichier texte CSV : choisissez un fichier .csv ou .xlsx.");
  }
  const { multiByte, stray } = scanUtf8(body);
  if (stray.length === 0 || isMostlyUtf8(body, multiByte, stray.reduce((sum, group) => sum + group.bytes.length, 0))) {
    return { text: new TextDecoder("utf-8").decode(body), encoding: "UTF-8", hadBom, strayBytes: stray };
  }
  return { text: decodeWindows1252(body), encoding: "Windows-1252", hadBom, strayBytes: [] };
}

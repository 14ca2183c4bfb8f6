/**
 * Bytes of an uploaded file → text. Coordinators' files come from Excel ("CSV UTF-8" with a BOM,
 * or plain "CSV" in Windows-1252), LibreOffice (UTF-8) and older tools (Windows-1252): UTF-8 is
 * tried strictly first, and any byte sequence that is not UTF-8 means Windows-1252.
 */
export type TextEncoding = "UTF-8" | "Windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  hadBom: boolean;
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
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "UTF-8", hadBom };
  } catch {
    return { text: decodeWindows1252(body), encoding: "Windows-1252", hadBom };
  }
}

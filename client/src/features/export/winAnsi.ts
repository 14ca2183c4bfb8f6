/**
 * jsPDF's standard fonts (Helvetica) write text in WinAnsi: Latin-1 plus a few signs (’ “ ” – — …
 * œ Œ €). French needs nothing more, but Intl's French numbers use a narrow no-break space and a few
 * of our labels use arrows or ≥; those are replaced by their closest WinAnsi equivalent.
 */
const WIN_ANSI_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

const REPLACEMENTS: Readonly<Record<string, string>> = {
  "\u202F": "\u00A0",
  "\u2009": " ",
  "\u2007": "\u00A0",
  "≥": ">=",
  "≤": "<=",
  "→": "->",
  "←": "<-",
  "↑": "^",
  "↓": "v",
  "−": "-",
  "‐": "-",
  "‑": "-",
};

export function toWinAnsi(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char)) out += char;
    else if (REPLACEMENTS[char] !== undefined) out += REPLACEMENTS[char];
    else if (char === "\n" || char === "\t") out += " ";
    else out += char.normalize("NFD").replace(/\p{Diacritic}/gu, "").replace(/[^\x20-\x7e]/g, "?");
  }
  return out;
}

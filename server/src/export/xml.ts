/**
 * Characters XML 1.0 forbids anywhere, even escaped: C0 controls other than tab, line feed and
 * carriage return, lone surrogates, U+FFFE and U+FFFF. Names typed by people may hold them.
 */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripInvalidXml(value: string): string {
  return value.replace(INVALID_XML, "");
}

/** Text content: `&` and `<` escaped (and `>`, for `]]>`). */
export function xmlText(value: string): string {
  return stripInvalidXml(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * An attribute value, for double quotes. Tabs and line breaks become character references: a
 * parser would otherwise normalise them to spaces.
 */
export function xmlAttribute(value: string): string {
  return xmlText(value)
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

/** `name="value"` pairs, values escaped; null values are left out. */
export function attributes(pairs: Readonly<Record<string, string | null>>): string {
  return Object.entries(pairs)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => ` ${name}="${xmlAttribute(value)}"`)
    .join("");
}

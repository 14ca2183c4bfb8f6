import { describe, expect, it } from "vitest";
import { attributes, stripInvalidXml, xmlAttribute, xmlText } from "./xml.js";

describe("stripInvalidXml", () => {
  it("drops the control characters XML 1.0 forbids and keeps tab, line feed and carriage return", () => {
    expect(stripInvalidXml("a\u0000b\u0001c\u0008d\u000Be\u001Ff\tg\nh\ri")).toBe("abcdef\tg\nh\ri");
  });

  it("drops lone surrogates and U+FFFE/U+FFFF but keeps pairs", () => {
    expect(stripInvalidXml("x\uD800y\uDC00z\uFFFE\uFFFF")).toBe("xyz");
    expect(stripInvalidXml("santé 🩺")).toBe("santé 🩺");
  });
});

describe("xml escaping", () => {
  it("escapes markup in text", () => {
    expect(xmlText('<a href="x">&</a>')).toBe('&lt;a href="x"&gt;&amp;&lt;/a&gt;');
  });

  it("escapes quotes and keeps line breaks as references in attributes", () => {
    expect(xmlAttribute('"Les <Amis>"\n&\tCie')).toBe("&quot;Les &lt;Amis&gt;&quot;&#10;&amp;&#9;Cie");
  });

  it("leaves out null attributes", () => {
    expect(attributes({ id: "a", label: null, title: "b&c" })).toBe(' id="a" title="b&amp;c"');
  });
});

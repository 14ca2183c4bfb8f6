import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { layoutAroundPicture } from "./layout";
import { documentSvg, escapeXml } from "./svgWriter";
import { estimateText, testFrame, testScene } from "./testScene";

function parse(svg: string) {
  const errors: string[] = [];
  const document = new DOMParser({ onError: (level, message) => { if (level !== "warning") errors.push(message); } }).parseFromString(svg, "image/svg+xml");
  return { document, errors };
}

describe("documentSvg", () => {
  const scene = testScene();
  const frame = testFrame();
  const layout = layoutAroundPicture(frame, { width: scene.width * 2, height: scene.height * 2 }, estimateText);
  const svg = documentSvg(scene, frame, layout, { background: "#FFFFFF", withPicture: true });
  const { document, errors } = parse(svg);
  const elements = (name: string) => Array.from(document.getElementsByTagName(name));
  const texts = elements("text").map((t) => t.textContent ?? "");

  it("is well-formed SVG of the page's size", () => {
    expect(errors).toEqual([]);
    const root = document.documentElement;
    expect(root?.nodeName).toBe("svg");
    expect(Number(root?.getAttribute("width"))).toBeCloseTo(layout.page.width, 1);
    expect(Number(root?.getAttribute("height"))).toBeCloseTo(layout.page.height, 1);
  });

  it("holds the title, subtitle, legend labels, source and demo notice as text", () => {
    expect(elements("title")[0]?.textContent).toBe("Pays Cévennes — Structures");
    for (const expected of ["Légende", "Soin", "Social", "Institution", "Données fictives"]) expect(texts).toContain(expected);
    expect(texts.some((t) => t.startsWith("Source : Maillage — 1 décembre 2026"))).toBe(true);
    expect(texts.some((t) => t.includes("CLS 3"))).toBe(true);
    // Empty categories are not in the picture's legend.
    expect(texts).not.toContain("Éducation");
  });

  it("draws one shape per node, one line per tie, labels escaped", () => {
    const nodes = Array.from(document.getElementsByTagName("*")).filter((e) => e.getAttribute("class") === "node");
    expect(nodes.map((e) => e.getAttribute("data-id"))).toEqual(["a", "b", "c", "i"]);
    expect(nodes.map((e) => e.nodeName)).toEqual(["ellipse", "ellipse", "ellipse", "polygon"]);
    const ties = elements("g").filter((g) => g.getAttribute("class") === "ties").flatMap((g) => Array.from(g.getElementsByTagName("line")));
    expect(ties).toHaveLength(3);
    expect(texts).toContain("Hôpital d’Alès & <CH>");
    expect(texts).toContain("Santé mentale");
    expect(texts).toContain("Alès");
    // The halo is a stroked copy drawn first, never over the letters.
    const label = elements("text").filter((t) => (t.textContent ?? "") === "Hôpital d’Alès & <CH>");
    expect(label.map((t) => t.getAttribute("class"))).toEqual(["node-label-halo", "node-label"]);
    expect(label[0]?.getAttribute("fill")).toBe("none");
    expect(svg).toContain('stroke-dasharray');
  });

  it("scales the picture into its box and clips it", () => {
    const picture = elements("g").find((g) => g.getAttribute("class") === "picture");
    expect(picture?.getAttribute("transform")).toBe(`translate(${layout.picture.x} ${layout.picture.y}) scale(2)`);
    expect(svg).toContain('clip-path="url(#picture-clip)"');
    expect(elements("pattern")).toHaveLength(1);
  });

  it("leaves the picture out and the background transparent when asked", () => {
    const frameOnly = documentSvg(scene, frame, layout, { background: null, withPicture: false });
    expect(parse(frameOnly).errors).toEqual([]);
    expect(frameOnly).not.toContain('class="node"');
    expect(frameOnly).toContain("Légende");
  });
});

describe("escapeXml", () => {
  it("escapes markup and drops characters XML cannot hold", () => {
    expect(escapeXml(`a<b>&"c'\u0001`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
  });
});

/**
 * Writes an export as SVG from plain data: the scene read from the canvas, the frame (title,
 * legend, source) and its layout. No DOM: the same string is downloaded as `.svg`, drawn into the
 * PDF by svg2pdf.js, and checked by unit tests.
 */
import type { ExportFrame } from "./frame";
import type { FrameLayout, PlacedSymbol, TextLine } from "./layout";
import type { Scene, SceneEdge, SceneLabel, SceneNode, ScenePolygon } from "./scene";

export const SVG_FONT = "Inter, system-ui, Arial, Helvetica, sans-serif";

export interface SvgOptions {
  /** Page background; null leaves it transparent. */
  background: string | null;
  /** Leave the picture out (a PDF draws it as an image under the frame). */
  withPicture: boolean;
}

const n = (value: number): string => {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? "0" : String(rounded);
};

// Characters XML 1.0 forbids, even escaped.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

function shapeElement(node: SceneNode, extra: string): string {
  const { x, y, width: w, height: h } = node;
  switch (node.shape) {
    case "ellipse":
      return `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(w / 2)}" ry="${n(h / 2)}"${extra}/>`;
    case "diamond":
      return `<polygon points="${n(x)},${n(y - h / 2)} ${n(x + w / 2)},${n(y)} ${n(x)},${n(y + h / 2)} ${n(x - w / 2)},${n(y)}"${extra}/>`;
    case "round-rectangle": {
      const radius = Math.min(8, w / 4, h / 4);
      return `<rect x="${n(x - w / 2)}" y="${n(y - h / 2)}" width="${n(w)}" height="${n(h)}" rx="${n(radius)}"${extra}/>`;
    }
    case "rectangle":
      return `<rect x="${n(x - w / 2)}" y="${n(y - h / 2)}" width="${n(w)}" height="${n(h)}"${extra}/>`;
  }
}

const BASELINES: Readonly<Record<SceneLabel["baseline"], string>> = { top: "hanging", middle: "central", bottom: "alphabetic" };

/**
 * A label, and its halo as a stroked copy underneath: `paint-order` would be one element, but
 * svg2pdf.js ignores it and would draw the halo over the letters.
 */
function labelElement(label: SceneLabel, className: string): string {
  const common = `x="${n(label.x)}" y="${n(label.y)}" font-size="${n(label.size)}" font-weight="${label.bold ? 700 : 400}" text-anchor="middle" dominant-baseline="${BASELINES[label.baseline]}"`;
  const text = escapeXml(label.text);
  const halo = label.outline
    ? `<text class="${className}-halo" ${common} fill="none" stroke="${label.outline.colour}" stroke-width="${n(label.outline.width * 2)}" stroke-linejoin="round" aria-hidden="true">${text}</text>`
    : "";
  return `${halo}<text class="${className}" ${common} fill="${label.colour}">${text}</text>`;
}

function nodeElements(node: SceneNode): string {
  const parts: string[] = [];
  const opacity = node.opacity < 1 ? ` opacity="${n(node.opacity)}"` : "";
  if (node.halo) {
    const haloNode = { ...node, width: node.width + 2 * node.halo.padding, height: node.height + 2 * node.halo.padding, shape: "ellipse" as const };
    parts.push(shapeElement(haloNode, ` fill="${node.halo.colour}" fill-opacity="${n(node.halo.opacity)}"${opacity}`));
  }
  const fillOpacity = node.fillOpacity < 1 ? ` fill-opacity="${n(node.fillOpacity)}"` : "";
  const stroke = node.strokeWidth > 0 ? ` stroke="${node.stroke}" stroke-width="${n(node.strokeWidth)}"${node.dashed ? ` stroke-dasharray="${n(node.strokeWidth * 2)} ${n(node.strokeWidth * 1.5)}"` : ""}` : "";
  const id = node.isHelper ? "" : ` data-id="${escapeXml(node.id)}"`;
  parts.push(shapeElement(node, ` class="${node.isHelper ? "group" : "node"}"${id} fill="${node.fill}"${fillOpacity}${stroke}${opacity}`));
  if (node.label) parts.push(labelElement(node.label, node.isHelper ? "group-label" : "node-label"));
  return parts.join("");
}

/** Ties grouped by their look: one `<g>` per look keeps a 30,000-tie file small. */
function edgeElements(edges: readonly SceneEdge[]): string {
  const groups = new Map<string, SceneEdge[]>();
  for (const edge of edges) {
    const key = `${edge.colour}|${n(edge.width)}|${n(edge.opacity)}|${edge.dashed ? 1 : 0}`;
    const list = groups.get(key);
    if (list) list.push(edge);
    else groups.set(key, [edge]);
  }
  const parts: string[] = [];
  for (const list of groups.values()) {
    const first = list[0];
    if (!first) continue;
    const dash = first.dashed ? ` stroke-dasharray="${n(first.width * 3)} ${n(first.width * 2)}"` : "";
    parts.push(`<g class="ties" stroke="${first.colour}" stroke-width="${n(first.width)}" stroke-opacity="${n(first.opacity)}" stroke-linecap="round"${dash}>`);
    for (const e of list) parts.push(`<line x1="${n(e.x1)}" y1="${n(e.y1)}" x2="${n(e.x2)}" y2="${n(e.y2)}"/>`);
    parts.push("</g>");
  }
  return parts.join("");
}

function ringsPath(rings: ScenePolygon["rings"]): string {
  return rings
    .filter((ring) => ring.length > 2)
    .map((ring) => `M${ring.map((p) => `${n(p.x)} ${n(p.y)}`).join("L")}Z`)
    .join("");
}

function areaElements(areas: readonly ScenePolygon[], hatchIds: Map<string, string>): string {
  return areas
    .map((area) => {
      const d = ringsPath(area.rings);
      if (!d) return "";
      const hatch = area.hatch ? `<path d="${d}" fill="url(#${hatchIds.get(area.hatch) ?? ""})" fill-rule="evenodd" stroke="none"/>` : "";
      return `<path class="commune" d="${d}" fill="${area.fill}" fill-rule="evenodd" stroke="none"/>${hatch}<path d="${d}" fill="none" stroke="${area.stroke}" stroke-width="${n(area.strokeWidth)}" stroke-linejoin="round"/>`;
    })
    .join("");
}

function hatchPattern(id: string, colour: string): string {
  return `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="${colour}" stroke-width="1"/></pattern>`;
}

/** The network alone, in the scene's own pixels: areas, then ties, then nodes and their labels. */
export function sceneSvgContent(scene: Scene, hatchIds: Map<string, string>): string {
  return [areaElements(scene.areas, hatchIds), scene.areaLabels.map((l) => labelElement(l, "commune-label")).join(""), edgeElements(scene.edges), scene.nodes.map(nodeElements).join(""), scene.labels.map((l) => labelElement(l, "group-title")).join("")].join("");
}

function textElement(line: TextLine): string {
  return (
    `<text x="${n(line.x)}" y="${n(line.y)}" font-size="${n(line.size)}" font-weight="${line.bold ? 700 : 400}" ` +
    `text-anchor="${line.anchor}" fill="${line.colour}">${escapeXml(line.text)}</text>`
  );
}

function symbolElement({ symbol, box }: PlacedSymbol, hatchIds: Map<string, string>): string {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  switch (symbol.kind) {
    case "node":
      return shapeElement(
        { id: "", x: cx, y: cy, width: box.height, height: box.height, shape: symbol.shape, fill: symbol.fill, fillOpacity: 1, stroke: symbol.stroke, strokeWidth: 1.5, dashed: false, opacity: 1, isHelper: true, halo: null, label: null },
        ` class="legend-symbol" fill="${symbol.fill}" stroke="${symbol.stroke}" stroke-width="1.5"`,
      );
    case "line":
      return `<line class="legend-symbol" x1="${n(box.x)}" y1="${n(cy)}" x2="${n(box.x + box.width)}" y2="${n(cy)}" stroke="${symbol.colour}" stroke-width="3"${symbol.dashed ? ' stroke-dasharray="5 3"' : ""}/>`;
    case "ring":
      return `<circle class="legend-symbol" cx="${n(cx)}" cy="${n(cy)}" r="${n(box.height / 2 - 1.5)}" fill="#FFFFFF" stroke="${symbol.colour}" stroke-width="3"${symbol.dashed ? ' stroke-dasharray="3 2"' : ""}/>`;
    case "area": {
      const rect = `x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}"`;
      const hatch = symbol.hatch ? `<rect ${rect} fill="url(#${hatchIds.get(symbol.hatch) ?? ""})"/>` : "";
      return `<rect class="legend-symbol" ${rect} fill="${symbol.fill}" stroke="#8A96A3" stroke-width="0.75"/>${hatch}`;
    }
    case "ramp": {
      const step = box.width / symbol.colours.length;
      return symbol.colours
        .map((colour, i) => `<rect class="legend-symbol" x="${n(box.x + i * step)}" y="${n(box.y)}" width="${n(step)}" height="${n(box.height)}" fill="${colour}"/>`)
        .join("");
    }
  }
}

function hatchColours(scene: Scene | null, layout: FrameLayout): Map<string, string> {
  const colours = new Set<string>();
  for (const area of scene?.areas ?? []) if (area.hatch) colours.add(area.hatch);
  for (const { symbol } of layout.symbols) if (symbol.kind === "area" && symbol.hatch) colours.add(symbol.hatch);
  return new Map([...colours].map((colour, i) => [colour, `hatch-${i}`]));
}

/** A whole export page: background, the picture scaled into its box and clipped to it, the frame. */
export function documentSvg(scene: Scene, frame: ExportFrame, layout: FrameLayout, options: SvgOptions): string {
  const { page, picture } = layout;
  const hatchIds = hatchColours(options.withPicture ? scene : null, layout);
  const scale = picture.width / Math.max(1, scene.width);
  const defs = [...hatchIds].map(([colour, id]) => hatchPattern(id, colour)).join("");
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>\n`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(page.width)}" height="${n(page.height)}" viewBox="0 0 ${n(page.width)} ${n(page.height)}" font-family="${SVG_FONT}">`,
    `<title>${escapeXml(frame.title)}</title>`,
    `<desc>${escapeXml([frame.subtitle, frame.source, frame.demo ?? ""].filter(Boolean).join(" — "))}</desc>`,
    `<defs><clipPath id="picture-clip"><rect x="0" y="0" width="${n(scene.width)}" height="${n(scene.height)}"/></clipPath>${defs}</defs>`,
  ];
  if (options.background) parts.push(`<rect width="${n(page.width)}" height="${n(page.height)}" fill="${options.background}"/>`);
  if (options.withPicture) {
    parts.push(
      `<g class="picture" transform="translate(${n(picture.x)} ${n(picture.y)}) scale(${Math.round(scale * 10_000) / 10_000})"><g clip-path="url(#picture-clip)">`,
      sceneSvgContent(scene, hatchIds),
      "</g></g>",
    );
  }
  parts.push(`<g class="frame">`, layout.symbols.map((s) => symbolElement(s, hatchIds)).join(""), layout.texts.map(textElement).join(""), "</g></svg>\n");
  return parts.join("");
}

import type { MeasureText } from "./layout";
import { SVG_FONT } from "./svgWriter";

/** Text widths as the browser draws the SVG's font, for the PNG and SVG layouts. */
export function canvasMeasure(): MeasureText {
  const context = document.createElement("canvas").getContext("2d");
  return (text, size, bold) => {
    if (!context) return text.length * size * 0.55;
    context.font = `${bold ? 700 : 400} ${size}px ${SVG_FONT}`;
    return context.measureText(text).width;
  };
}

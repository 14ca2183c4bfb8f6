/** Why an export failed, told to the user in French by the menu. */
export type ExportErrorKind = "not-ready" | "too-large" | "failed";

export class ExportError extends Error {
  readonly kind: ExportErrorKind;

  constructor(kind: ExportErrorKind, message: string) {
    super(message);
    this.name = "ExportError";
    this.kind = kind;
  }
}

/** Chromium refuses canvases above about 268 million pixels; stay well below. */
export const MAX_CANVAS_PIXELS = 120_000_000;
export const MAX_CANVAS_SIDE = 16_000;

export function checkCanvasSize(width: number, height: number): void {
  if (width * height > MAX_CANVAS_PIXELS || width > MAX_CANVAS_SIDE || height > MAX_CANVAS_SIDE) {
    throw new ExportError("too-large", `canvas ${width}×${height}`);
  }
}

/**
 * Debian's Chromium through playwright-core, with the flags that work on these machines
 * (client/e2e); playwright gives each launch a fresh profile of its own. Every host name but 127.0.0.1 resolves to nothing: the bench talks to no one else.
 */
import { chromium, type Browser } from "playwright-core";

export type Renderer = "canvas" | "webgl";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const COMMON = [
  "--headless",
  "--no-sandbox",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
];

/**
 * The canvas renderer runs with the browser tests' flags (`--disable-gpu`: software 2D canvas).
 * WebGL needs a GL implementation: without a GPU, ANGLE over SwiftShader (CPU), which Chromium
 * only offers to WebGL when told that it is acceptable.
 */
export const LAUNCH_FLAGS: Readonly<Record<Renderer, readonly string[]>> = {
  canvas: [...COMMON, "--disable-gpu"],
  webgl: [...COMMON, "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"],
};

export async function launchChromium(renderer: Renderer): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: [...LAUNCH_FLAGS[renderer]], timeout: 60_000 });
}

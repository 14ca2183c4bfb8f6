import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { forbiddenImports, importCycles, importGraph } from "./importGraph";

const CLIENT_SOURCES = join(dirname(fileURLToPath(import.meta.url)), "..");

function sources(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "maillage-imports-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("client layers", () => {
  const graph = importGraph(CLIENT_SOURCES);

  it("reads the client's sources", () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get("graph/NetworkCanvas.tsx")).toContain("graph/viewport.ts");
  });

  it("graph/ (the canvas layer) imports nothing from features/", () => {
    expect(forbiddenImports(graph, "graph", "features")).toEqual([]);
  });

  it("has no import circle", () => {
    expect(importCycles(graph)).toEqual([]);
  });
});

describe("importGraph", () => {
  it("finds a forbidden import, type-only and re-exports included", () => {
    const root = sources({
      "graph/a.ts": 'import type { F } from "../features/f";\nexport type A = F;\n',
      "graph/b.ts": 'export { g } from "../features/g";\n',
      "features/f.ts": "export type F = number;\n",
      "features/g.ts": "export const g = 1;\n",
    });
    expect(forbiddenImports(importGraph(root), "graph", "features")).toEqual(["graph/a.ts → features/f.ts", "graph/b.ts → features/g.ts"]);
  });

  it("finds a circle through a folder's index and a .tsx module", () => {
    const root = sources({
      "a.ts": 'import { b } from "./b";\nexport const a = b;\n',
      "b/index.ts": 'export { c as b } from "../c";\n',
      "c.tsx": 'import { a } from "./a";\nexport const c = a;\n',
      "d.ts": 'import { a } from "./a";\nexport const d = a;\n',
    });
    expect(importCycles(importGraph(root))).toEqual([["a.ts", "b/index.ts", "c.tsx"]]);
  });
});

import { describe, expect, it } from "vitest";
import { jsonDepth } from "./variableDepth.js";

function nested(levels: number): unknown {
  let value: unknown = "leaf";
  for (let level = 0; level < levels; level += 1) value = level % 2 === 0 ? [value] : { a: value };
  return value;
}

describe("jsonDepth", () => {
  it("counts the nesting of objects and lists", () => {
    expect(jsonDepth("x", 10)).toBe(0);
    expect(jsonDepth(null, 10)).toBe(0);
    expect(jsonDepth({}, 10)).toBe(1);
    expect(jsonDepth({ a: [1, { b: 2 }], c: 3 }, 10)).toBe(3);
    expect(jsonDepth(nested(7), 10)).toBe(7);
  });

  it("stops past the limit, even 100,000 levels deep, without overflowing the stack", () => {
    expect(jsonDepth(nested(100_000), 32)).toBe(33);
  });
});

import { describe, expect, it } from "vitest";
import { editDistance, jaroWinkler } from "./similarity.js";

describe("editDistance", () => {
  it("counts substitutions, insertions and deletions", () => {
    expect(editDistance("dupont", "dupond")).toBe(1);
    expect(editDistance("martin", "martine")).toBe(1);
    expect(editDistance("bernard", "benard")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "abc")).toBe(0);
  });

  it("counts a swap of two neighbouring letters as one edit", () => {
    expect(editDistance("matrin", "martin")).toBe(1);
  });

  it("stops past the bound", () => {
    expect(editDistance("lefebvre", "rousseau", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });
});

describe("jaroWinkler", () => {
  it("gives the textbook values", () => {
    expect(jaroWinkler("martha", "marhta")).toBeCloseTo(0.961, 3);
    expect(jaroWinkler("dixon", "dicksonx")).toBeCloseTo(0.813, 3);
  });

  it("is 1 for equal strings and 0 for nothing in common", () => {
    expect(jaroWinkler("alès", "alès")).toBe(1);
    expect(jaroWinkler("abc", "xyz")).toBe(0);
    expect(jaroWinkler("", "xyz")).toBe(0);
  });
});

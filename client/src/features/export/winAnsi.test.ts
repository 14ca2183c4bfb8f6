import { describe, expect, it } from "vitest";
import { toWinAnsi } from "./winAnsi";

describe("toWinAnsi", () => {
  it("keeps French letters and typography that WinAnsi holds", () => {
    const text = "Élu·e, œuvre, l’été « Alès » — 1 600 € …";
    expect(toWinAnsi(text)).toBe(text);
  });

  it("replaces what Helvetica cannot write by its nearest sign", () => {
    expect(toWinAnsi("1\u202F600 ≥ 20 → fin")).toBe("1\u00A0600 >= 20 -> fin");
    expect(toWinAnsi("Łódź 中")).toBe("?ódz ?");
  });
});

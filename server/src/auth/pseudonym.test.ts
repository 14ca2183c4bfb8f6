import { describe, expect, it } from "vitest";
import { pseudonymFor } from "./pseudonym.js";

const secret = "a-pseudonym-secret-for-unit-tests-only";

describe("pseudonymFor", () => {
  it("is readable and stable for the same actor and key", () => {
    const first = pseudonymFor("pays-cevennes-a-0001", secret);
    expect(first).toMatch(/^Acteur [0-9A-HJKMNP-TV-Z]{8}$/);
    expect(pseudonymFor("pays-cevennes-a-0001", secret)).toBe(first);
  });

  it("differs between actors, with no collision over a territory's worth of ids", () => {
    const ids = Array.from({ length: 5000 }, (_, index) => `pays-cevennes-a-${String(index).padStart(4, "0")}`);
    expect(new Set(ids.map((id) => pseudonymFor(id, secret))).size).toBe(ids.length);
  });

  it("depends on the key, so that it cannot be recomputed from a guessed id without it", () => {
    expect(pseudonymFor("pays-cevennes-a-0001", "another-key-another-key-another-key")).not.toBe(pseudonymFor("pays-cevennes-a-0001", secret));
  });

  it("does not contain the id or any part of it", () => {
    const pseudonym = pseudonymFor("dupont", secret);
    expect(pseudonym.toLowerCase()).not.toContain("dupont");
    expect(pseudonymFor("pays-cevennes-a-0002", secret)).not.toMatch(/0002|cevennes/i);
  });
});

import { describe, expect, it } from "vitest";
import { describeViewError } from "./viewError";

describe("describeViewError", () => {
  it("says a network too large in figures, with what to do", () => {
    const advice = describeViewError({
      kind: "graphql",
      message: "This network has 313331 ties",
      code: "BAD_USER_INPUT",
      extensions: { code: "BAD_USER_INPUT", reason: "TOO_MANY_TIES", tieCount: 313_331, maxTies: 150_000 },
    });
    expect(advice.action).toBe("raiseThreshold");
    expect(advice.sentence.replace(/\s/g, " ")).toBe("Réseau trop grand : 313 331 liens (au plus 150 000). Relevez le seuil ou affichez les liens significatifs.");
  });

  it("tells a bad window, a refusal of the role, a lost connection and a server fault apart, never by their code", () => {
    const cases = [
      [{ kind: "graphql", message: "window.from must not be after window.to", code: "BAD_USER_INPUT", extensions: { argument: "window" } }, "resetWindow", /^Période invalide/],
      [{ kind: "graphql", message: "Forbidden", code: "FORBIDDEN" }, "reload", /^Accès refusé/],
      [{ kind: "unreachable", message: "fetch failed" }, "retry", /^Serveur injoignable/],
      [{ kind: "http", message: "502", code: "502" }, "retry", /^Le serveur Maillage a rencontré une erreur/],
    ] as const;
    for (const [error, action, sentence] of cases) {
      const advice = describeViewError(error);
      expect(advice.action).toBe(action);
      expect(advice.sentence).toMatch(sentence);
      expect(advice.sentence).not.toMatch(/BAD_USER_INPUT|FORBIDDEN|502/);
    }
  });
});

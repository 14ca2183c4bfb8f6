import { describe, expect, it } from "vitest";
import type { AnalysedNode } from "./collaboration.js";
import { isReleasedAmongPeers, releaseActors } from "./kAnonymity.js";

const midwife = (id: string, organisationIds: string[]): Pick<AnalysedNode, "id" | "kind" | "type" | "category" | "communeCode" | "communeName" | "sector" | "organisationIds"> => ({
  id,
  kind: "ACTOR",
  type: "Sage-femme",
  category: "PROFESSIONAL",
  communeCode: "30007",
  communeName: "Alès",
  sector: "HEALTH",
  organisationIds,
});

describe("releaseActors", () => {
  it("gives a profession shared by k people of the commune and of their organisations", () => {
    const released = releaseActors(["a", "b", "c", "d", "e"].map((id) => midwife(id, ["msp-1"])), 5);
    expect([...released.values()].every((actor) => actor.type === "Sage-femme" && actor.communeCode === "30007")).toBe(true);
  });

  it("generalises a profession shared in the commune but by one person of their organisation (analysts read memberships)", () => {
    const released = releaseActors([midwife("a", ["msp-1"]), ...["b", "c", "d", "e"].map((id) => midwife(id, ["msp-2"]))], 5);
    expect(released.get("a")).toEqual({ type: "Professionnel·le", communeCode: null, communeName: null, isGeneralised: true });
    expect(released.get("b")?.isGeneralised).toBe(true);
  });
});

describe("isReleasedAmongPeers", () => {
  it("releases only where every membership has k peers, and never without a membership", () => {
    expect(isReleasedAmongPeers([5, 7], 5)).toBe(true);
    expect(isReleasedAmongPeers([5, 4], 5)).toBe(false);
    expect(isReleasedAmongPeers([], 5)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/graphql";
import { describeGdprError } from "./errors";

const graphql = (code: string) => new ApiError("graphql", "x", code);

describe("describeGdprError", () => {
  it("says who may use the tools when the role does not allow it", () => {
    expect(describeGdprError(graphql("FORBIDDEN"), "person").text).toContain("coordinateurs");
  });

  it("tells a person who is gone from a territory that is gone", () => {
    expect(describeGdprError(graphql("NOT_FOUND"), "person").text).toContain("effacée entre-temps");
    expect(describeGdprError(graphql("NOT_FOUND"), "territory").text).toContain("Ce territoire n'existe plus");
  });

  it("asks to sign in again when the session is over", () => {
    expect(describeGdprError(graphql("UNAUTHENTICATED"), "person").needsSignIn).toBe(true);
    expect(describeGdprError(new ApiError("http", "x", "401"), "person").needsSignIn).toBe(true);
  });

  it("has French advice for the rest", () => {
    expect(describeGdprError(new ApiError("unreachable", "x"), "territory").text).toMatch(/joindre le serveur/);
    expect(describeGdprError(graphql("INTERNAL_SERVER_ERROR"), "territory").text).toMatch(/journal du serveur/);
    expect(describeGdprError(new Error("boom"), "territory").code).toBe("UNKNOWN");
  });
});

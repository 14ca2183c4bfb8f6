import { describe, expect, it } from "vitest";
import { parseAuthConfig, parseDevLogin } from "./auth";

describe("parseDevLogin", () => {
  it("reads the token, its expiry and the viewer's role and territories", () => {
    const result = parseDevLogin({
      token: "t", expiresAt: "2030-01-01T00:00:00Z",
      viewer: { subject: "dev-analyst", role: "ANALYST", territories: ["pays-cevennes"] },
    });
    expect(result).toEqual({ token: "t", expiresAt: "2030-01-01T00:00:00Z", viewer: { role: "ANALYST", territories: ["pays-cevennes"] } });
  });

  it("accepts 'ALL' as an administrator's scope", () => {
    const result = parseDevLogin({ token: "t", expiresAt: "x", viewer: { role: "ADMIN", territories: "ALL" } });
    expect(result.viewer.territories).toBe("ALL");
  });

  it("rejects an unknown role or a missing token", () => {
    expect(() => parseDevLogin({ token: "t", expiresAt: "x", viewer: { role: "ROOT" } })).toThrow(/role/);
    expect(() => parseDevLogin({ expiresAt: "x", viewer: { role: "ADMIN" } })).toThrow(/token/);
  });
});

describe("parseAuthConfig", () => {
  it("reads whether the development login is offered", () => {
    expect(parseAuthConfig({ devLogin: true })).toEqual({ devLogin: true });
    expect(() => parseAuthConfig({})).toThrow();
  });
});

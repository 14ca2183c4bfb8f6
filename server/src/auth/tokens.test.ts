import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { createTokenVerifier, jwtClaimsFor, mintToken, viewerFromClaims } from "./tokens.js";

const secret = "a-jwt-secret-for-unit-tests-only-0123456789";
const verify = createTokenVerifier({ jwtSecret: secret, jwksUrl: undefined, issuer: undefined, audience: undefined });
const key = new TextEncoder().encode(secret);

async function failure(token: Promise<string> | string): Promise<string> {
  try {
    await verify(await token);
    return "accepted";
  } catch (error) {
    return error instanceof AppError ? `${error.code}: ${error.message}` : `not an AppError: ${String(error)}`;
  }
}

const sign = (claims: Record<string, unknown>, expiresIn: string | number = "1h", signingKey: Uint8Array = key): Promise<string> =>
  new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setSubject("someone").setIssuedAt().setExpirationTime(expiresIn).sign(signingKey);

describe("mintToken and the verifier", () => {
  it("round-trip a coordinator's role and territories", async () => {
    const { token, expiresAt } = await mintToken(secret, {
      subject: "camille",
      role: "COORDINATOR",
      territories: ["pays-cevennes"],
      expiresInSeconds: 3600,
    });
    const { viewer, jwt } = await verify(token);
    expect(viewer).toEqual({ subject: "camille", role: "COORDINATOR", territories: ["pays-cevennes"] });
    expect(jwt).toEqual({ sub: "camille", role: "COORDINATOR", territories: ["pays-cevennes"] });
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(3500_000);
  });

  it("give administrators every territory", async () => {
    const { token } = await mintToken(secret, { subject: "root", role: "ADMIN", territories: [], expiresInSeconds: 60 });
    const { viewer, jwt } = await verify(token);
    expect(viewer.territories).toBe("ALL");
    expect(jwt.territories).toEqual(["*"]);
  });

  it("refuse an expired token", async () => {
    expect(await failure(sign({ role: "ANALYST", territories: ["pays-cevennes"] }, Math.floor(Date.now() / 1000) - 10))).toBe(
      "UNAUTHENTICATED: The token has expired.",
    );
  });

  it("refuse a token signed with another secret", async () => {
    const forged = sign({ role: "ADMIN", territories: ["*"] }, "1h", new TextEncoder().encode("another-secret-another-secret-another"));
    expect(await failure(forged)).toBe("UNAUTHENTICATED: The token is invalid.");
  });

  it("refuse an unsigned token and garbage", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const payload = Buffer.from(JSON.stringify({ sub: "x", role: "ADMIN", territories: ["*"] })).toString("base64url");
    expect(await failure(`${header}.${payload}.`)).toMatch(/^UNAUTHENTICATED/);
    expect(await failure("not-a-token")).toMatch(/^UNAUTHENTICATED/);
  });

  it("refuse missing or malformed claims", async () => {
    expect(await failure(sign({ territories: ["pays-cevennes"] }))).toMatch(/role claim/);
    expect(await failure(sign({ role: "SUPERUSER", territories: ["pays-cevennes"] }))).toMatch(/role claim/);
    expect(await failure(sign({ role: "ANALYST" }))).toMatch(/territories claim/);
    expect(await failure(sign({ role: "ANALYST", territories: [] }))).toMatch(/territories claim/);
    expect(await failure(sign({ role: "ANALYST", territories: [42] }))).toMatch(/territories claim/);
  });

  it("check the issuer and audience when configured", async () => {
    const strict = createTokenVerifier({ jwtSecret: secret, jwksUrl: undefined, issuer: "https://id.example", audience: "maillage" });
    const { token: plain } = await mintToken(secret, { subject: "x", role: "ANALYST", territories: ["t"], expiresInSeconds: 60 });
    await expect(strict(plain)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const { token } = await mintToken(secret, {
      subject: "x",
      role: "ANALYST",
      territories: ["t"],
      expiresInSeconds: 60,
      issuer: "https://id.example",
      audience: "maillage",
    });
    await expect(strict(token)).resolves.toMatchObject({ viewer: { role: "ANALYST" } });
  });
});

describe("viewerFromClaims", () => {
  it("reads `*` as every territory for any role and removes duplicates", () => {
    expect(viewerFromClaims({ sub: "o", role: "ANALYST", territories: ["*"] }).territories).toBe("ALL");
    expect(viewerFromClaims({ sub: "o", role: "ANALYST", territories: ["a", "a", "b"] }).territories).toEqual(["a", "b"]);
  });

  it("normalises what the SDL rules read", () => {
    expect(jwtClaimsFor({ subject: "s", role: "ADMIN", territories: "ALL" })).toEqual({ sub: "s", role: "ADMIN", territories: ["*"] });
  });
});

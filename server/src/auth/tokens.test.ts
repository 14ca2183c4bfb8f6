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
    // Beyond the minute of clock skew tolerated.
    expect(await failure(sign({ role: "ANALYST", territories: ["pays-cevennes"] }, Math.floor(Date.now() / 1000) - 90))).toBe(
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

describe("the verifier's lifetime and clock checks", () => {
  const now = (): number => Math.floor(Date.now() / 1000);
  const DAY = 24 * 60 * 60;
  /** A token with exactly the time claims given (undefined: left out). */
  const timed = (times: { iat?: number; nbf?: number; exp?: number }, signingKey: Uint8Array = key): Promise<string> =>
    new SignJWT({ role: "ANALYST", territories: ["pays-cevennes"], ...times }).setProtectedHeader({ alg: "HS256" }).setSubject("someone").sign(signingKey);

  it("refuse a token without exp or without iat", async () => {
    expect(await failure(timed({ iat: now() }))).toBe('UNAUTHENTICATED: The token was refused: its "exp" claim is missing.');
    expect(await failure(timed({ exp: now() + 600 }))).toBe('UNAUTHENTICATED: The token was refused: its "iat" claim is missing.');
  });

  it("refuse a token living longer than 30 days, and accept one of exactly 30 days", async () => {
    expect(await failure(timed({ iat: now(), exp: Date.UTC(2500, 0, 1) / 1000 }))).toBe(
      "UNAUTHENTICATED: The token was refused: it is valid for more than 30 days (exp − iat).",
    );
    expect(await failure(timed({ iat: now(), exp: now() + 30 * DAY + 1 }))).toMatch(/more than 30 days/);
    expect(await failure(timed({ iat: now(), exp: now() + 30 * DAY }))).toBe("accepted");
  });

  it("refuse a token issued more than 30 days ago even when exp is later", async () => {
    expect(await failure(timed({ iat: now() - 31 * DAY, exp: now() + 600 }))).toMatch(/^UNAUTHENTICATED/);
  });

  it("refuse iat or nbf in the future beyond a minute of clock skew", async () => {
    expect(await failure(timed({ iat: now() + 365 * DAY, exp: now() + 366 * DAY }))).toBe(
      'UNAUTHENTICATED: The token was refused: its "iat" claim is invalid.',
    );
    expect(await failure(timed({ iat: now() + 120, exp: now() + 3600 }))).toMatch(/"iat" claim is invalid/);
    expect(await failure(timed({ iat: now(), nbf: now() + 120, exp: now() + 3600 }))).toMatch(/"nbf" claim is invalid/);
    // A clock a little ahead of ours is tolerated.
    expect(await failure(timed({ iat: now() + 30, nbf: now() + 30, exp: now() + 3600 }))).toBe("accepted");
  });

  it("take the longest lifetime from the settings", async () => {
    const strict = createTokenVerifier({ jwtSecret: secret, jwksUrl: undefined, issuer: undefined, audience: undefined, maxLifetimeDays: 1 });
    const twoDays = await timed({ iat: now(), exp: now() + 2 * DAY });
    await expect(strict(twoDays)).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringMatching(/more than 1 days/) });
    await expect(verify(twoDays)).resolves.toMatchObject({ viewer: { role: "ANALYST" } });
  });
});

describe("the territories claim `*`", () => {
  it("is accepted for an administrator only", async () => {
    await expect(verify(await sign({ role: "ADMIN", territories: ["*"] }))).resolves.toMatchObject({ viewer: { territories: "ALL" } });
    expect(await failure(sign({ role: "COORDINATOR", territories: ["*"] }))).toBe(
      'UNAUTHENTICATED: The token\'s territories claim may hold "*" (every territory) for ADMIN only.',
    );
    expect(await failure(sign({ role: "ANALYST", territories: ["pays-cevennes", "*"] }))).toMatch(/for ADMIN only/);
  });

  it("cannot be minted for a coordinator or an analyst", async () => {
    await expect(mintToken(secret, { subject: "x", role: "COORDINATOR", territories: ["*"], expiresInSeconds: 60 })).rejects.toThrow(/ADMIN only/);
  });
});

describe("viewerFromClaims", () => {
  it("removes duplicate territories", () => {
    expect(viewerFromClaims({ sub: "o", role: "ANALYST", territories: ["a", "a", "b"] }).territories).toEqual(["a", "b"]);
  });

  it("normalises what the SDL rules read", () => {
    expect(jwtClaimsFor({ subject: "s", role: "ADMIN", territories: "ALL" })).toEqual({ sub: "s", role: "ADMIN", territories: ["*"] });
  });
});

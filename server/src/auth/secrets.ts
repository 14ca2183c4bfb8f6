import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AuthConfig } from "../config.js";

export interface AuthSecrets {
  /** Verifies HS256 tokens and signs the ones this app mints; undefined with a JWKS alone. */
  readonly jwtSecret: string | undefined;
  readonly pseudonymSecret: string;
}

/** Reads the generated secret, or creates it (mode 0600) on the first local start. */
function localSecret(file: string): string {
  try {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** A separate key for pseudonyms, so that a pseudonym reveals nothing about the token secret. */
export const derivePseudonymSecret = (jwtSecret: string): string =>
  createHmac("sha256", jwtSecret).update("maillage/pseudonym/v1").digest("base64url");

/** Settles the secrets once at start: from the environment, or generated for a local run. */
export function resolveAuthSecrets(auth: AuthConfig): AuthSecrets {
  const jwtSecret = auth.jwtSecret ?? (auth.secretFile === undefined ? undefined : localSecret(auth.secretFile));
  const pseudonymSecret = auth.pseudonymSecret ?? (jwtSecret === undefined ? undefined : derivePseudonymSecret(jwtSecret));
  if (pseudonymSecret === undefined) throw new Error("PSEUDONYM_SECRET or JWT_SECRET must be set");
  return { jwtSecret, pseudonymSecret };
}

/**
 * Mints a token for local use: `npm run token -- --role ANALYST --territory pays-cevennes [--days 7]`.
 * Signs with the same secret as the app (JWT_SECRET, or the one generated in `.data/jwt-secret`).
 */
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.js";
import { resolveAuthSecrets } from "./secrets.js";
import { mintToken } from "./tokens.js";
import { isRole, ROLES } from "./viewer.js";

const USAGE = `Usage: npm run token -- --role ${ROLES.join("|")} [--territory <id>]... [--days <n>] [--subject <name>]
  --territory  a territory the bearer may see (repeat for several; ignored for ADMIN)
  --days       validity in days (default 7, at most JWT_MAX_LIFETIME_DAYS, 30 unless set)
  --subject    who the token is for (default: local-<role>)`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: "string" },
        territory: { type: "string", multiple: true },
        days: { type: "string", default: "7" },
        subject: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const role = values.role?.toUpperCase();
  if (!isRole(role)) fail(`--role must be one of ${ROLES.join(", ")}`);
  const territories = values.territory ?? [];
  if (role !== "ADMIN" && territories.length === 0) fail("--territory is required for COORDINATOR and ANALYST");
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const days = Number(values.days);
  const maxDays = config.auth.maxTokenLifetimeDays;
  if (!Number.isFinite(days) || days <= 0 || days > maxDays) {
    fail(`--days must be a number of days above 0 and at most ${maxDays} (JWT_MAX_LIFETIME_DAYS): the app refuses longer tokens`);
  }
  const { jwtSecret } = resolveAuthSecrets(config.auth);
  if (jwtSecret === undefined) fail("No JWT_SECRET to sign with: tokens come from the identity provider (JWT_JWKS_URL).");
  const { token, expiresAt } = await mintToken(jwtSecret, {
    subject: values.subject ?? `local-${role.toLowerCase()}`,
    role,
    territories,
    expiresInSeconds: Math.round(days * 24 * 60 * 60),
    issuer: config.auth.issuer,
    audience: config.auth.audience,
  });
  process.stdout.write(`${token}\n`);
  process.stderr.write(`${role} on ${role === "ADMIN" ? "every territory" : territories.join(", ")}, valid until ${expiresAt}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import { ApiError } from "./graphql";

/** Small validators for data coming from the server: it enters as `unknown` and is checked once. */
export type Json = Record<string, unknown>;

function fail(path: string, expected: string): never {
  throw new ApiError("invalid-response", `${path} : ${expected} attendu`);
}

export function record(value: unknown, path: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "objet");
  return value as Json;
}

export function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, "liste");
  return value;
}

export function string(value: unknown, path: string): string {
  if (typeof value !== "string") fail(path, "texte");
  return value;
}

export function optionalString(value: unknown, path: string): string | null {
  return value === null || value === undefined ? null : string(value, path);
}

export function integer(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isInteger(value)) fail(path, "entier");
  return value;
}

export function number(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(path, "nombre");
  return value;
}

export function boolean(value: unknown, path: string): boolean {
  if (typeof value !== "boolean") fail(path, "booléen");
  return value;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    fail(path, allowed.join(" | "));
  }
  return value as T;
}

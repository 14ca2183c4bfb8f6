/**
 * The graphology plugins are CommonJS packages whose typings say `export default`. Under NodeNext
 * TypeScript types a default import of them as `{ default: T }`, while Node hands over `T` itself.
 * This unwraps whichever shape arrives, so the rest of the folder stays free of casts.
 */
export function cjsDefault<T>(imported: { default: T }): T {
  const value: unknown = imported;
  if ((typeof value === "object" || typeof value === "function") && value !== null && "default" in value) {
    return (value as { default: T }).default;
  }
  return value as T;
}

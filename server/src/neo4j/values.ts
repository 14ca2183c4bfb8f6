import neo4j from "neo4j-driver";

/**
 * Converts what the driver returns (Integer, temporal and spatial values, nested lists and maps)
 * into plain JSON-friendly TypeScript values, once, at the boundary.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) return value.toString();
  if (neo4j.isPoint(value)) return { x: value.x, y: value.y, srid: neo4j.int(value.srid).toNumber() };
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toPlain(inner)]));
  }
  return value;
}

/**
 * Code-unit order (not locale order) so results are identical on every machine and Node version.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareTies(a: { source: string; target: string }, b: { source: string; target: string }): number {
  return compareIds(a.source, b.source) || compareIds(a.target, b.target);
}

export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

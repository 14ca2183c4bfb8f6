import type { Tie } from "./types.js";

/**
 * The disparity filter (M. Á. Serrano, M. Boguñá, A. Vespignani, "Extracting the multiscale
 * backbone of complex weighted networks", PNAS 106(16), 2009). Under the null hypothesis that a
 * node of degree k spreads its strength s uniformly at random over its k ties, the probability
 * that one of them gets a share at least w/s is p = (1 − w/s)^(k − 1). A tie's significance is the
 * smaller of the p-values at its two ends: it is kept at level alpha when significance < alpha,
 * i.e. when it stands out for at least one of its ends. A node with a single tie cannot judge it
 * (p = 1 at that end, (1 − 1)^0): the tie is kept when the other end keeps it, and a pair tied only
 * to each other is never significant.
 */
export function disparitySignificance(ties: readonly Tie[]): number[] {
  const degree = new Map<string, number>();
  const strength = new Map<string, number>();
  for (const { source, target, weight } of ties) {
    for (const end of [source, target]) {
      degree.set(end, (degree.get(end) ?? 0) + 1);
      strength.set(end, (strength.get(end) ?? 0) + weight);
    }
  }
  const pAt = (node: string, weight: number): number => {
    const k = degree.get(node) as number;
    if (k <= 1) return 1;
    const share = Math.min(1, weight / (strength.get(node) as number));
    return Math.pow(1 - share, k - 1);
  };
  return ties.map(({ source, target, weight }) => Math.min(pAt(source, weight), pAt(target, weight)));
}

/** The ties with significance below alpha, each with its significance, in the input order. */
export function disparityBackbone(ties: readonly Tie[], alpha: number): { tie: Tie; significance: number }[] {
  const significance = disparitySignificance(ties);
  const kept: { tie: Tie; significance: number }[] = [];
  ties.forEach((tie, index) => {
    const p = significance[index] as number;
    if (p < alpha) kept.push({ tie, significance: p });
  });
  return kept;
}

/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the generator needs.
 * Math.random is never used: the same seed gives the same demo data on every machine.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Index drawn with probability proportional to its weight (weights >= 0, at least one > 0). */
  weightedIndex(weights: readonly number[]): number;
  weightedPick<T>(items: readonly T[], weight: (item: T) => number): T;
  /** Up to `count` distinct items drawn without replacement, proportionally to their weights. */
  weightedSample<T>(items: readonly T[], count: number, weight: (item: T) => number): T[];
  shuffle<T>(items: readonly T[]): T[];
  /** Fresh generator derived from this one and a label, so that adding draws in one place does not shift another. */
  fork(label: string): Random;
}

function hashString(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const weightedIndex = (weights: readonly number[]): number => {
    let total = 0;
    for (const weight of weights) total += weight;
    if (!(total > 0)) throw new Error("weightedIndex needs at least one positive weight");
    let target = next() * total;
    for (let index = 0; index < weights.length; index += 1) {
      target -= weights[index] ?? 0;
      if (target < 0) return index;
    }
    // Rounding can leave target at ~0 after the loop: take the last positive weight.
    for (let index = weights.length - 1; index >= 0; index -= 1) if ((weights[index] ?? 0) > 0) return index;
    return weights.length - 1;
  };
  const at = <T>(items: readonly T[], index: number): T => {
    const item = items[index];
    if (item === undefined) throw new Error(`No item at index ${index}`);
    return item;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => at(items, Math.floor(next() * items.length)),
    weightedIndex,
    weightedPick: (items, weight) => at(items, weightedIndex(items.map(weight))),
    weightedSample: (items, count, weight) => {
      // Efraimidis–Spirakis: key = log(u) / w, keep the `count` largest keys (kept sorted, largest first).
      const keys: number[] = [];
      const kept: (typeof items)[number][] = [];
      if (count <= 0) return kept;
      for (const item of items) {
        const w = weight(item);
        if (!(w > 0)) continue;
        const key = Math.log(next() || Number.MIN_VALUE) / w;
        if (keys.length === count && key <= (keys[count - 1] ?? Number.NEGATIVE_INFINITY)) continue;
        let position = keys.length;
        while (position > 0 && (keys[position - 1] ?? Number.NEGATIVE_INFINITY) < key) position -= 1;
        keys.splice(position, 0, key);
        kept.splice(position, 0, item);
        if (keys.length > count) {
          keys.pop();
          kept.pop();
        }
      }
      return kept;
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let index = copy.length - 1; index > 0; index -= 1) {
        const other = Math.floor(next() * (index + 1));
        const held = at(copy, index);
        copy[index] = at(copy, other);
        copy[other] = held;
      }
      return copy;
    },
    fork: (label) => createRandom((hashString(label) ^ Math.floor(next() * 4294967296)) >>> 0),
  };
  return random;
}

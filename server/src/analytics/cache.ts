/**
 * A small in-process cache of promises with a time to live, a version, and bounds on the number of
 * entries and on their total weight (least recently used evicted first). Analyses are deterministic
 * functions of the database, so the only staleness is a write since they were computed: each entry
 * carries the data version it was computed from (the territory's, changed by every write in any
 * app process: see neo4j/queries.ts) and is computed again when asked with another; entries also
 * expire after `ttlMs`, and `invalidate()` drops them at once (this process's write path calls it).
 * A rejected promise is dropped so that errors are not cached. A pinned entry (what the page opens
 * on, computed at start-up) does not expire and is never evicted for room; a new version or
 * `invalidate()` replaces it like any other.
 */
export interface CacheBounds<V> {
  /** The weight of a computed value (e.g. nodes + ties of a network); 1 by default. */
  readonly weigh?: (value: V) => number;
  /** The most total weight kept (pinned entries may exceed it); unbounded by default. */
  readonly maxWeight?: number;
}

interface Entry<V> {
  readonly value: Promise<V>;
  readonly expiresAt: number;
  readonly version: string | undefined;
  pinned: boolean;
  /** Known once the value has resolved. */
  weight: number;
}

export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private totalWeight = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
    private readonly bounds: CacheBounds<V> = {},
  ) {}

  /** The cached value for `key` if it is live and of `version` (when given), else what `compute` resolves to. */
  get(key: string, compute: () => Promise<V>, options: { pin?: boolean; version?: string } = {}): Promise<V> {
    const pin = options.pin === true;
    const hit = this.entries.get(key);
    if (hit !== undefined && (hit.pinned || hit.expiresAt > this.now()) && (options.version === undefined || hit.version === options.version)) {
      if (pin) hit.pinned = true;
      // Most recently used last: eviction starts from the front.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    if (hit !== undefined) this.remove(key);
    const value = compute();
    const entry: Entry<V> = { value, expiresAt: this.now() + this.ttlMs, version: options.version, pinned: pin, weight: 0 };
    this.entries.set(key, entry);
    value.then(
      (resolved) => {
        if (this.entries.get(key) !== entry) return;
        entry.weight = this.bounds.weigh?.(resolved) ?? 1;
        this.totalWeight += entry.weight;
        this.evict(key);
      },
      () => {
        if (this.entries.get(key) === entry) this.remove(key);
      },
    );
    this.evict(key);
    return value;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.totalWeight -= entry.weight;
    this.entries.delete(key);
  }

  private overBounds(): boolean {
    return this.entries.size > this.maxEntries || (this.bounds.maxWeight !== undefined && this.totalWeight > this.bounds.maxWeight);
  }

  /** Least recently used unpinned entries first, until the cache is within its bounds (pinned ones may exceed them); never `kept`. */
  private evict(kept: string): void {
    for (const [key, entry] of this.entries) {
      if (!this.overBounds()) return;
      if (!entry.pinned && key !== kept) this.remove(key);
    }
  }

  /** Drops every entry whose key starts with `prefix`, or every entry without one. */
  invalidate(prefix?: string): void {
    for (const key of [...this.entries.keys()]) if (prefix === undefined || key.startsWith(prefix)) this.remove(key);
  }

  /** Whether `key` holds a live entry (pinned, or within its time to live), whatever its version. */
  has(key: string): boolean {
    const hit = this.entries.get(key);
    return hit !== undefined && (hit.pinned || hit.expiresAt > this.now());
  }

  /** Unpins every entry (they stay, as ordinary least-recently-used entries); `get(…, { pin: true })` pins one again. */
  unpin(): void {
    for (const entry of this.entries.values()) entry.pinned = false;
  }

  /** The total weight of the pinned, resolved entries. */
  get pinnedWeight(): number {
    let weight = 0;
    for (const entry of this.entries.values()) if (entry.pinned) weight += entry.weight;
    return weight;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The total weight of the resolved entries. */
  get weight(): number {
    return this.totalWeight;
  }
}

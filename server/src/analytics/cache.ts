/**
 * A small in-process cache of promises with a time to live and a size bound (oldest entry evicted
 * first). Analyses are deterministic functions of the database, so the only staleness is a write
 * since they were computed: entries expire after `ttlMs`, and `invalidate()` drops them at once
 * (the write path calls it after a mutation). A rejected promise is dropped so that errors are
 * not cached. A pinned entry (what the page opens on, computed at start-up) does not expire and
 * is never evicted for room; `invalidate()` drops it like any other.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; expiresAt: number; pinned: boolean }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, compute: () => Promise<V>, options: { pin?: boolean } = {}): Promise<V> {
    const pin = options.pin === true;
    const hit = this.entries.get(key);
    if (hit !== undefined && (hit.pinned || hit.expiresAt > this.now())) {
      if (pin) hit.pinned = true;
      return hit.value;
    }
    if (hit !== undefined) this.entries.delete(key);
    const value = compute();
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs, pinned: pin });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    this.evict(key);
    return value;
  }

  /** Oldest unpinned entries first, until the cache is within its bound (pinned ones may exceed it); never `kept`. */
  private evict(kept: string): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries) return;
      if (!entry.pinned && key !== kept) this.entries.delete(key);
    }
  }

  /** Drops every entry whose key starts with `prefix`, or every entry without one. */
  invalidate(prefix?: string): void {
    if (prefix === undefined) {
      this.entries.clear();
      return;
    }
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  /** Whether `key` holds a live entry (pinned, or within its time to live). */
  has(key: string): boolean {
    const hit = this.entries.get(key);
    return hit !== undefined && (hit.pinned || hit.expiresAt > this.now());
  }

  get size(): number {
    return this.entries.size;
  }
}

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * A map whose entries vanish `ttlMs` after they were set, holding at most `maxEntries`: past that,
 * the entry set longest ago goes first, so memory stays bounded whatever the callers send.
 * Time is passed in, which keeps it deterministic under test.
 */
export class ExpiringMap<V> {
  // A Map iterates in insertion order: its first key is always the oldest entry.
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {
    if (ttlMs <= 0 || maxEntries < 1) throw new RangeError('ExpiringMap needs a positive TTL and room for one entry');
  }

  get(key: string, now: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** `expiresAt`, when given, ends the entry earlier than the TTL would (never later). */
  set(key: string, value: V, now: number, expiresAt = Infinity): void {
    // Deleting first moves a refreshed key to the back, behind entries that are really older.
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: Math.min(now + this.ttlMs, expiresAt) });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * A least-recently-used cache bounded twice: by entries and by weight (the characters its keys
 * and values hold), so a few huge entries cannot hold more memory than many small ones.
 * A Map keeps insertion order; reading an entry moves it to the end, and eviction takes from
 * the front. Every operation is O(1) apart from the evictions it causes, and those are O(1)
 * amortised: see `oldest`.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
  /**
   * One iterator over the keys, kept from eviction to eviction. Taking the oldest key with a new
   * `keys().next()` each time is not O(1): the Map keeps the slots of deleted entries until it
   * is rehashed, and a new iterator steps over every one of them from the front. At a full
   * cache of 60,000 entries that made each eviction cost thousands of steps (a 20,000-row page
   * spent half of its detection time here). An iterator that stays steps over each slot once:
   * every key before it has been evicted (entries read again are moved behind it), so its next
   * key is the oldest.
   */
  private keys: Iterator<string> | undefined;
  private totalWeight = 0;
  private readonly maxEntries: number;
  private readonly maxWeight: number;

  constructor(maxEntries: number, maxWeight: number) {
    this.maxEntries = maxEntries;
    this.maxWeight = maxWeight;
  }

  get size(): number {
    return this.entries.size;
  }

  get weight(): number {
    return this.totalWeight;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value`; `weight` counts besides the key's length. Too heavy an entry is not kept. */
  set(key: string, value: V, weight = 0): void {
    const total = key.length + weight;
    const known = this.entries.get(key);
    if (known) {
      this.entries.delete(key);
      this.totalWeight -= known.weight;
    }
    if (total > this.maxWeight) return;
    this.entries.set(key, { value, weight: total });
    this.totalWeight += total;
    while (this.entries.size > this.maxEntries || this.totalWeight > this.maxWeight) {
      const oldest = this.oldest();
      this.totalWeight -= this.entries.get(oldest)!.weight;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    this.totalWeight = 0;
    this.keys = undefined;
  }

  /** The least recently used key (the cache is not empty). */
  private oldest(): string {
    let next = this.keys?.next();
    if (!next || next.done) {
      // A finished iterator sees no key added later: start again from the front.
      this.keys = this.entries.keys();
      next = this.keys.next();
    }
    return next.value as string;
  }
}

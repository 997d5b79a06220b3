/**
 * A least-recently-used cache bounded twice: by entries and by weight (the characters its keys
 * and values hold), so a few huge entries cannot hold more memory than many small ones.
 * A Map keeps insertion order; reading an entry moves it to the end, and eviction takes from
 * the front. Every operation is O(1) apart from the evictions it causes.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
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
      const oldest = this.entries.keys().next().value as string;
      this.totalWeight -= this.entries.get(oldest)!.weight;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    this.totalWeight = 0;
  }
}

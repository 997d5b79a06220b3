/** A fixed-capacity buffer that keeps the newest entries; memory stays flat however long it runs. */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private next = 0;
  private count = 0;
  private dropped = 0;

  readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be ≥ 1');
    this.items = new Array<T | undefined>(capacity);
  }

  push(item: T): void {
    if (this.count === this.capacity) this.dropped++;
    else this.count++;
    this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    const start = (this.next - this.count + this.capacity) % this.capacity;
    for (let i = 0; i < this.count; i++) out.push(this.items[(start + i) % this.capacity] as T);
    return out;
  }

  get size(): number {
    return this.count;
  }

  /** How many entries were pushed out to keep the buffer bounded. */
  get droppedCount(): number {
    return this.dropped;
  }
}

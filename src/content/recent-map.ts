/**
 * A map that keeps only its `limit` most recently set or read entries: the content script's small memories. With a
 * byte budget and a size estimate, it also drops the least recently used entries while their estimated bytes
 * exceed the budget.
 */
export class RecentMap<K, V> {
  private readonly map = new Map<K, V>();
  private readonly sizes = new Map<K, number>();
  private total = 0;

  constructor(
    private readonly limit: number,
    private readonly maxBytes = Infinity,
    private readonly sizeOf: (key: K, value: V) => number = () => 0,
  ) {}

  /** Estimated bytes held (0 without a size estimate). */
  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.map.size;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** The value, now counted as most recently used. */
  get(key: K): V | undefined {
    if (!this.map.has(key)) return undefined;
    const value = this.map.get(key) as V;
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const size = this.sizeOf(key, value);
    // An entry bigger than the whole budget is not kept at all.
    if (size > this.maxBytes) return;
    this.map.set(key, value);
    this.sizes.set(key, size);
    this.total += size;
    while (this.map.size > this.limit || this.total > this.maxBytes) this.delete(this.map.keys().next().value as K);
  }

  private delete(key: K): void {
    if (!this.map.delete(key)) return;
    this.total -= this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
  }
}

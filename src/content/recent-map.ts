/** A map that keeps only its `limit` most recently set or read entries: the content script's small memories. */
export class RecentMap<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit: number) {}

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
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as K);
  }
}

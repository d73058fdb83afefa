// An in-memory Web Storage for tests of browser-storage code running under Node (which has no localStorage).

/** Behaves like `localStorage`; `failing` makes every call throw, as some privacy modes do. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();

  constructor(private readonly failing = false) {}

  get length(): number {
    this.check();
    return this.items.size;
  }

  clear(): void {
    this.check();
    this.items.clear();
  }

  getItem(key: string): string | null {
    this.check();
    return this.items.get(key) ?? null;
  }

  key(index: number): string | null {
    this.check();
    return [...this.items.keys()][index] ?? null;
  }

  removeItem(key: string): void {
    this.check();
    this.items.delete(key);
  }

  setItem(key: string, value: string): void {
    this.check();
    this.items.set(key, String(value));
  }

  private check(): void {
    if (this.failing) throw new DOMException('The operation is insecure.', 'SecurityError');
  }
}

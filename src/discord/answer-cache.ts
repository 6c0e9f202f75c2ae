import { randomBytes } from 'node:crypto';

/**
 * Short-lived state behind buttons whose data cannot fit a 100-character custom_id (a whole
 * question and its results). It lives in memory: after a restart or an hour the buttons
 * answer "expired" instead of guessing.
 */
export class ExpiringCache<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();

  constructor(
    private readonly maxEntries = 5000,
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly now = () => Date.now(),
  ) {}

  put(value: T): string {
    const key = randomBytes(6).toString('base64url');
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return key;
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires < this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }
}

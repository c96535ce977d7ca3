/**
 * One Redis database: keys with typed values and expiry times on the simulated clock. Expired keys
 * vanish lazily on access and actively through `sweep()` (called on a timer by the server), as
 * Redis does. Every write bumps a key's version so WATCH can tell it changed.
 */
import { RedisError } from './resp';
import { SortedSet } from './sorted-set';
import { Deque } from './deque';

export type Value =
  | { type: 'string'; v: string }
  | { type: 'list'; v: Deque }
  | { type: 'hash'; v: Map<string, string> }
  | { type: 'set'; v: Set<string> }
  | { type: 'zset'; v: SortedSet };

export type TypeName = Value['type'];

export const WRONGTYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';

export class Keyspace {
  readonly data = new Map<string, Value>();
  readonly expires = new Map<string, number>();
  /** key → version; only kept for keys someone WATCHes. */
  readonly watched = new Map<string, number>();
  expiredCount = 0;

  constructor(private readonly now: () => number) {}

  private expireIfDue(key: string): void {
    const at = this.expires.get(key);
    if (at !== undefined && at <= this.now()) {
      this.data.delete(key);
      this.expires.delete(key);
      this.expiredCount++;
      this.touch(key);
    }
  }

  get(key: string): Value | undefined {
    this.expireIfDue(key);
    return this.data.get(key);
  }

  /** The value when it is of `type`, undefined when absent; WRONGTYPE otherwise. */
  getTyped<T extends TypeName>(key: string, type: T): Extract<Value, { type: T }> | undefined {
    const v = this.get(key);
    if (v && v.type !== type) throw new RedisError(WRONGTYPE);
    return v as Extract<Value, { type: T }> | undefined;
  }

  /** The value of `type`, created empty when absent. */
  getOrCreate<T extends TypeName>(key: string, type: T): Extract<Value, { type: T }> {
    const v = this.getTyped(key, type);
    if (v) return v;
    const created = (
      type === 'list' ? { type, v: new Deque() } : type === 'hash' ? { type, v: new Map() } : type === 'set' ? { type, v: new Set() } : type === 'zset' ? { type, v: new SortedSet() } : { type, v: '' }
    ) as Extract<Value, { type: T }>;
    this.data.set(key, created);
    return created;
  }

  /** Sets a value; keeps the TTL only when asked (SET drops it unless KEEPTTL). */
  set(key: string, value: Value, keepTtl = false): void {
    this.expireIfDue(key);
    this.data.set(key, value);
    if (!keepTtl) this.expires.delete(key);
    this.touch(key);
  }

  delete(key: string): boolean {
    this.expireIfDue(key);
    const had = this.data.delete(key);
    this.expires.delete(key);
    if (had) this.touch(key);
    return had;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Empty aggregates are removed, as Redis never keeps an empty list, hash, set or zset. */
  dropIfEmpty(key: string): void {
    const v = this.data.get(key);
    if (!v) return;
    const size = v.type === 'list' ? v.v.length : v.type === 'string' ? 1 : v.type === 'zset' ? v.v.size : v.v.size;
    if (size === 0) {
      this.data.delete(key);
      this.expires.delete(key);
    }
  }

  /** Marks a key modified (for WATCH). */
  touch(key: string): void {
    const v = this.watched.get(key);
    if (v !== undefined) this.watched.set(key, v + 1);
  }

  ttlMs(key: string): number | undefined {
    this.expireIfDue(key);
    const at = this.expires.get(key);
    return at === undefined ? undefined : Math.max(0, at - this.now());
  }

  setExpireAt(key: string, at: number): void {
    this.expires.set(key, at);
    this.touch(key);
    this.expireIfDue(key);
  }

  persist(key: string): boolean {
    this.expireIfDue(key);
    const had = this.expires.delete(key);
    if (had) this.touch(key);
    return had;
  }

  size(): number {
    this.sweep(Infinity);
    return this.data.size;
  }

  keys(): string[] {
    this.sweep(Infinity);
    return [...this.data.keys()];
  }

  /** Active expiry: removes up to `budget` due keys. */
  sweep(budget = 200): void {
    const now = this.now();
    let n = 0;
    for (const [key, at] of this.expires) {
      if (at <= now) {
        this.data.delete(key);
        this.expires.delete(key);
        this.expiredCount++;
        this.touch(key);
        if (++n >= budget) return;
      }
    }
  }

  flush(): void {
    for (const key of this.data.keys()) this.touch(key);
    this.data.clear();
    this.expires.clear();
  }
}

// Token buckets per key (a client address, a username): `capacity` requests at once, then `refillPerSecond`.
import { AuthError } from './errors.js';

export interface RateLimiterOptions {
  /** Largest burst; a new or long-idle key starts with this many tokens. */
  capacity: number;
  refillPerSecond: number;
  /** Milliseconds, like Date.now (the default); tests pass a fake clock. */
  now?: () => number;
  /** Most keys remembered at once, so a flood of distinct keys cannot exhaust memory (default 10 000). */
  maxKeys?: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const DEFAULT_MAX_KEYS = 10_000;
// Refill is fractional; without slack, waiting exactly the advertised retry time could fall short by a rounding error.
const EPSILON = 1e-9;

export class RateLimiter {
  private readonly capacity: number;
  private readonly refillPerMs: number;
  private readonly now: () => number;
  private readonly maxKeys: number;
  /** Map order is least recently used first: every take moves its key to the end. */
  private readonly buckets = new Map<string, Bucket>();
  /** No bucket can be full before this time, so a sweep for full buckets before then would find none. */
  private nextFullAt = Infinity;

  constructor(options: RateLimiterOptions) {
    const { capacity, refillPerSecond, now = Date.now, maxKeys = DEFAULT_MAX_KEYS } = options;
    if (!(Number.isFinite(capacity) && capacity > 0)) {
      throw new AuthError('BAD_RATE_LIMIT', 'capacity must be a positive number');
    }
    if (!(Number.isFinite(refillPerSecond) && refillPerSecond > 0)) {
      throw new AuthError('BAD_RATE_LIMIT', 'refillPerSecond must be a positive number');
    }
    if (!(Number.isSafeInteger(maxKeys) && maxKeys > 0)) {
      throw new AuthError('BAD_RATE_LIMIT', 'maxKeys must be a positive whole number');
    }
    this.capacity = capacity;
    this.refillPerMs = refillPerSecond / 1000;
    this.now = now;
    this.maxKeys = maxKeys;
  }

  /** Keys currently remembered (never more than maxKeys). */
  get size(): number {
    return this.buckets.size;
  }

  take(key: string, cost = 1): RateDecision {
    if (!(Number.isFinite(cost) && cost > 0 && cost <= this.capacity)) {
      throw new AuthError(
        'BAD_RATE_LIMIT',
        `cost must be above 0 and at most the capacity (${this.capacity})`,
      );
    }
    const now = this.now();
    const bucket = this.buckets.get(key);
    const tokens = bucket ? this.tokensAt(bucket, now) : this.capacity;
    if (bucket) this.buckets.delete(key);
    else this.makeRoom(now);

    const allowed = tokens + EPSILON >= cost;
    const left = allowed ? Math.max(0, tokens - cost) : tokens;
    // Never move a bucket's time backwards, or a clock that steps back would refill the same interval twice.
    const updatedAt = bucket ? Math.max(bucket.updatedAt, now) : now;
    this.buckets.set(key, { tokens: left, updatedAt });
    this.nextFullAt = Math.min(this.nextFullAt, this.fullAt(left, updatedAt));
    if (allowed) return { allowed: true };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((cost - tokens) / this.refillPerMs / 1000)),
    };
  }

  /** Forget a key, e.g. after a successful login, so its next request starts with a full bucket. */
  reset(key: string): void {
    this.buckets.delete(key);
  }

  private tokensAt(bucket: Bucket, now: number): number {
    // A clock that steps backwards refills nothing rather than draining the bucket.
    const elapsed = Math.max(0, now - bucket.updatedAt);
    return Math.min(this.capacity, bucket.tokens + elapsed * this.refillPerMs);
  }

  private fullAt(tokens: number, at: number): number {
    return at + (this.capacity - tokens) / this.refillPerMs;
  }

  /**
   * Before adding a key to a full map: drop every full bucket (forgetting it changes nothing, since an unknown key
   * starts full), and only when none is full, the least recently used one.
   */
  private makeRoom(now: number): void {
    if (this.buckets.size < this.maxKeys) return;
    if (now >= this.nextFullAt) {
      let nextFullAt = Infinity;
      for (const [key, bucket] of this.buckets) {
        const tokens = this.tokensAt(bucket, now);
        if (tokens >= this.capacity) this.buckets.delete(key);
        else nextFullAt = Math.min(nextFullAt, this.fullAt(tokens, now));
      }
      this.nextFullAt = nextFullAt;
    }
    if (this.buckets.size >= this.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
  }
}

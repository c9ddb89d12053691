/** Outcome of `RateLimiter.take`: allowed, or how long until the next question is allowed. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * A sliding-window limit per key (a user id): at most `limit` takes in any `windowMs`.
 * Memory stays bounded by the users active within one window.
 */
export class RateLimiter {
  private readonly takes = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one question by `key` if allowed. `take('u1')` ×(limit+1) within the window → the last is refused. */
  take(key: string): RateDecision {
    const now = this.now();
    const recent = (this.takes.get(key) ?? []).filter((time) => now - time < this.windowMs);
    if (recent.length >= this.limit) {
      this.takes.set(key, recent);
      return { allowed: false, retryAfterMs: recent[0]! + this.windowMs - now };
    }
    recent.push(now);
    this.takes.set(key, recent);
    if (this.takes.size > SWEEP_THRESHOLD) this.sweep(now);
    return { allowed: true };
  }

  private sweep(now: number): void {
    for (const [key, times] of this.takes) {
      if (times.every((time) => now - time >= this.windowMs)) this.takes.delete(key);
    }
  }
}

/** Users tracked before stale entries are swept. */
const SWEEP_THRESHOLD = 10_000;

import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/bot/rate-limiter.js';

describe('RateLimiter', () => {
  it('GIVEN 2 per 60 s THEN the third question within the window is refused with the time left', () => {
    let now = 1_000;
    const limiter = new RateLimiter(2, 60_000, () => now);
    expect(limiter.take('u1')).toEqual({ allowed: true });
    now += 10_000;
    expect(limiter.take('u1')).toEqual({ allowed: true });
    now += 5_000;
    expect(limiter.take('u1')).toEqual({ allowed: false, retryAfterMs: 45_000 });
  });

  it('GIVEN one user at the limit THEN another user is not affected', () => {
    const limiter = new RateLimiter(1, 60_000, () => 0);
    limiter.take('u1');
    expect(limiter.take('u1').allowed).toBe(false);
    expect(limiter.take('u2').allowed).toBe(true);
  });

  it('GIVEN the window has passed THEN the user may ask again (the window slides)', () => {
    let now = 0;
    const limiter = new RateLimiter(1, 60_000, () => now);
    limiter.take('u1');
    now = 59_999;
    expect(limiter.take('u1').allowed).toBe(false);
    now = 60_000;
    expect(limiter.take('u1').allowed).toBe(true);
  });

  it('GIVEN a refusal THEN it does not use up more of the limit', () => {
    let now = 0;
    const limiter = new RateLimiter(1, 1_000, () => now);
    limiter.take('u1');
    now = 500;
    limiter.take('u1');
    now = 1_000;
    expect(limiter.take('u1').allowed).toBe(true);
  });
});

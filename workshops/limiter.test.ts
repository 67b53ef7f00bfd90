import { describe, expect, it } from 'vitest';
import { JoinLimiter, SlidingWindowLimiter } from './limiter.js';

describe('join rate limits', () => {
  it('refuse past the limit within the window and allow again after it', () => {
    let t = 0;
    const l = new SlidingWindowLimiter(3, 1000, () => t);
    expect([l.take('k'), l.take('k'), l.take('k'), l.take('k')]).toEqual([true, true, true, false]);
    expect(l.retryAfterSeconds('k')).toBe(1);
    expect(l.take('other')).toBe(true);
    t = 1000;
    expect(l.take('k')).toBe(true);
  });

  it('hold per cookie and per IP: a new cookie does not buy more tries from the same address', () => {
    let t = 0;
    const j = new JoinLimiter({ perCookie: 2, perIp: 3, windowMs: 60_000 }, () => t);
    expect(j.attempt('1.2.3.4', 'c1')).toBeUndefined();
    expect(j.attempt('1.2.3.4', 'c1')).toBeUndefined();
    expect(j.attempt('1.2.3.4', 'c1')).toBe(60);
    expect(j.attempt('1.2.3.4', 'c2')).toBeUndefined();
    expect(j.attempt('1.2.3.4', 'c3')).toBe(60);
    expect(j.attempt('5.6.7.8', 'c4')).toBeUndefined();
    t = 60_000;
    expect(j.attempt('1.2.3.4', 'c3')).toBeUndefined();
  });
});

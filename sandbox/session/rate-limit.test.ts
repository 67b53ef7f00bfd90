import { describe, expect, it } from 'vitest';
import { TokenBucket } from './rate-limit.js';

describe('TokenBucket', () => {
  it('allows a burst, refuses past it, and refills with time', () => {
    let t = 0;
    const bucket = new TokenBucket(3, 2, () => t);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    t = 500; // one token back
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    t = 10_000; // never more than the burst
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });
});

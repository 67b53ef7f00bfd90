// Join attempts are limited per IP address and per browser cookie (right and wrong codes alike),
// so codes cannot be enumerated: at the per-IP limit a guesser tries 2^40 codes at 100 per ten
// minutes. The per-IP limit is loose enough for a classroom behind one NAT address.
export interface JoinLimits {
  perCookie: number;
  perIp: number;
  windowMs: number;
}

export const JOIN_LIMITS: JoinLimits = { perCookie: 10, perIp: 100, windowMs: 10 * 60_000 };

/** Attempts per key in a sliding window. */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Records an attempt; false (and nothing recorded) when the key is over its limit. */
  take(key: string): boolean {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => t - at < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(t);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.sweep(t);
    return true;
  }

  /** Seconds until the key may try again (0 when it may now). */
  retryAfterSeconds(key: string): number {
    const recent = this.hits.get(key) ?? [];
    if (recent.length < this.limit) return 0;
    return Math.max(1, Math.ceil((recent[0]! + this.windowMs - this.now()) / 1000));
  }

  private sweep(t: number): void {
    for (const [key, times] of this.hits) if (times.every((at) => t - at >= this.windowMs)) this.hits.delete(key);
  }
}

export class JoinLimiter {
  private readonly byCookie: SlidingWindowLimiter;
  private readonly byIp: SlidingWindowLimiter;

  constructor(limits: JoinLimits = JOIN_LIMITS, now: () => number = Date.now) {
    this.byCookie = new SlidingWindowLimiter(limits.perCookie, limits.windowMs, now);
    this.byIp = new SlidingWindowLimiter(limits.perIp, limits.windowMs, now);
  }

  /** undefined when the attempt may go ahead, else the seconds to wait. */
  attempt(ip: string, cookieKey: string): number | undefined {
    if (!this.byCookie.take(cookieKey)) return this.byCookie.retryAfterSeconds(cookieKey);
    if (!this.byIp.take(ip)) return this.byIp.retryAfterSeconds(ip);
    return undefined;
  }
}

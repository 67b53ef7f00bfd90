// Time and chance are injected: the engine never reads the wall clock or Math.random.
// A live sandbox drives a ManualClock from wall time; tests step it.

export interface Clock {
  /** Milliseconds since the Unix epoch, in simulated time. */
  now(): number;
}

export class ManualClock implements Clock {
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    if (ms < 0) throw new Error('a clock never runs backwards');
    this.current += ms;
  }
  set(ms: number): void {
    if (ms < this.current) throw new Error('a clock never runs backwards');
    this.current = ms;
  }
}

export interface Random {
  /** A float in [0, 1). */
  next(): number;
}

/** mulberry32: small, fast, and its whole state is one number, so it snapshots exactly. */
export class SeededRandom implements Random {
  constructor(public state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }
}

/** RFC 3339 with second precision, as the API server writes timestamps. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

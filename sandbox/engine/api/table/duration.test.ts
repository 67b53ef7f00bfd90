import { describe, expect, it } from 'vitest';
import { humanDuration, parseTime, shortHumanDuration, since } from './duration.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  it.each([
    [-2 * S, '<invalid>'],
    [-2 * S + 1, '0s'],
    [0, '0s'],
    [S - 1, '0s'],
    [2 * M - 1, '119s'],
    [2 * M, '2m'],
    [2 * M + S, '2m1s'],
    [10 * M - 1, '9m59s'],
    [10 * M + S, '10m'],
    [3 * H - 1, '179m'],
    [3 * H, '3h'],
    [3 * H + M, '3h1m'],
    [8 * H - 1, '7h59m'],
    [8 * H + 59 * M, '8h'],
    [2 * D - 1, '47h'],
    [2 * D + H, '2d1h'],
    [8 * D - 1, '7d23h'],
    [8 * D + 23 * H, '8d'],
    [2 * Y - 1, '729d'],
    [2 * Y + 24 * H - 1, '2y'],
    [2 * Y + 24 * H, '2y1d'],
    [8 * Y - 1, '7y364d'],
    [8 * Y + 364 * D, '8y'],
  ])('%d ms → %s', (ms, want) => expect(humanDuration(ms)).toBe(want));
});

describe('shortHumanDuration', () => {
  it.each([
    [-2 * S, '<invalid>'],
    [-S, '0s'],
    [2 * S - 1, '1s'],
    [M - 1, '59s'],
    [2 * M - 1, '1m'],
    [H - 1, '59m'],
    [D - 1, '23h'],
    [2 * D - 1, '1d'],
    [Y - 1, '364d'],
    [2 * Y - 1, '1y'],
  ])('%d ms → %s', (ms, want) => expect(shortHumanDuration(ms)).toBe(want));
});

describe('since', () => {
  const now = Date.parse('2026-11-21T12:00:00Z');
  it('is <unknown> for an unset or zero time', () => {
    expect(since(undefined, now)).toBe('<unknown>');
    expect(since('0001-01-01T00:00:00Z', now)).toBe('<unknown>');
  });
  it('tolerates a second of clock skew, not two', () => {
    expect(since('2026-11-21T12:00:01Z', now)).toBe('0s');
    expect(since('2026-11-21T12:00:02Z', now)).toBe('<invalid>');
  });
  it('reads microsecond times', () => {
    expect(parseTime('2026-11-21T11:59:30.123456Z')).toBe(now - 29877);
  });
});

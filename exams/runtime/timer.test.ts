import { describe, expect, it } from 'vitest';
import { countdown, formatRemaining, warningCrossed, warningText } from './timer';

const MIN = 60_000;
const deadline = 1_750_000_000_000;

describe('exam countdown', () => {
  it('counts down to the server deadline and ends there, never below zero', () => {
    expect(countdown(deadline, deadline - 120 * MIN)).toEqual({ remainingMs: 120 * MIN, ended: false, warning: undefined });
    expect(countdown(deadline, deadline)).toEqual({ remainingMs: 0, ended: true, warning: undefined });
    expect(countdown(deadline, deadline + 5 * MIN).remainingMs).toBe(0);
  });

  it('warns at 30, 15 and 5 minutes left (the last threshold reached)', () => {
    expect(countdown(deadline, deadline - 30 * MIN - 1).warning).toBeUndefined();
    expect(countdown(deadline, deadline - 30 * MIN).warning).toBe(30);
    expect(countdown(deadline, deadline - 16 * MIN).warning).toBe(30);
    expect(countdown(deadline, deadline - 15 * MIN).warning).toBe(15);
    expect(countdown(deadline, deadline - 5 * MIN).warning).toBe(5);
    expect(countdown(deadline, deadline - 1000).warning).toBe(5);
  });

  it('announces each threshold once, when the clock crosses it (a jump announces the latest)', () => {
    expect(warningCrossed(31 * MIN, 30 * MIN)).toBe(30);
    expect(warningCrossed(30 * MIN, 29 * MIN)).toBeUndefined();
    expect(warningCrossed(15 * MIN + 1, 15 * MIN)).toBe(15);
    expect(warningCrossed(40 * MIN, 4 * MIN)).toBe(5);
    expect(warningCrossed(1000, 0)).toBeUndefined();
    expect(warningText(5)).toBe('5 minutes left in the exam.');
  });

  it('formats what is left as h:mm:ss or m:ss', () => {
    expect(formatRemaining(120 * MIN)).toBe('2:00:00');
    expect(formatRemaining(119 * MIN + 59_001)).toBe('2:00:00');
    expect(formatRemaining(14 * MIN + 5000)).toBe('14:05');
    expect(formatRemaining(9000)).toBe('0:09');
    expect(formatRemaining(-5)).toBe('0:00');
  });
});

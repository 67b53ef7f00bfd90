import { describe, expect, it } from 'vitest';
import { CORE_EVENTS, EVENTS_V1 } from './fixtures/events.js';
import { NOW } from './fixtures/time.js';
import { eventInterval } from './events.js';

describe('eventInterval (the AGE of kubectl describe / kubectl events)', () => {
  it('shows repeats as `last (xN over first)`', () => {
    expect(eventInterval(CORE_EVENTS[0], NOW)).toBe('5m (x3 over 10m)');
    expect(eventInterval(EVENTS_V1[0], NOW)).toBe('5m (x3 over 10m)');
  });
  it('uses the series of new-style events, measured from eventTime', () => {
    expect(eventInterval(CORE_EVENTS[2], NOW)).toBe('10s (x4 over 29s)');
    expect(eventInterval(EVENTS_V1[1], NOW)).toBe('20s (x2 over 29s)');
  });
  it('shows a single event by its first time, or <unknown>', () => {
    expect(eventInterval(CORE_EVENTS[1], NOW)).toBe('3h');
    expect(eventInterval(CORE_EVENTS[4], NOW)).toBe('<unknown>');
  });
});

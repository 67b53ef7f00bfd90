import { describe, expect, it } from 'vitest';
import { labCell, type LabShape } from './progress.js';
import { nextFailMemory, stuckReason, worstFailure, type FailMemory } from './stuck.js';

const shape: LabShape = { slug: 'demo', title: 'Demo', steps: [{ id: 's', title: 'S', checkIds: ['web'], checkTitles: ['Web'], hints: [] }] };
const T0 = Date.UTC(2026, 10, 21, 22, 0);
const iso = (min: number) => new Date(T0 + min * 60_000).toISOString();
const opts = { stuckMinutes: 10, failRepeats: 3 };

describe('repeated failures', () => {
  it('count each different failure of one check, not the first one seen or the same one again', () => {
    let m: FailMemory = {};
    const grade = (message: string, state = 'failed') => (m = nextFailMemory(m, [{ id: 'web', state, message }]));
    grade('no deployment web');
    expect(worstFailure(m)).toBeUndefined();
    grade('no deployment web');
    expect(worstFailure(m)).toBeUndefined();
    grade('image is ngnix, want nginx');
    grade('0/3 replicas ready');
    grade('image is nginx:latest');
    expect(worstFailure(m)).toEqual({ checkId: 'web', streak: 3 });
    grade('ok', 'passed');
    expect(m).toEqual({});
  });
});

describe('stuck', () => {
  const participant = (cells = [labCell(shape, undefined)], joined = 0) => ({ joinedAt: iso(joined), startsAt: iso(0), cells });

  it('after N minutes without a passed check, counted from joining or the start', () => {
    expect(stuckReason(participant(), T0 + 9 * 60_000, opts)).toBeUndefined();
    expect(stuckReason(participant(), T0 + 10 * 60_000, opts)).toBe('no progress for 10 min');
    expect(stuckReason(participant(undefined, 5), T0 + 12 * 60_000, opts)).toBeUndefined();
  });

  it('counts from the last check passed', () => {
    const cell = labCell({ ...shape, steps: [{ ...shape.steps[0]!, checkIds: ['web', 'svc'] }] }, { checks: [{ checkId: 'web', passed: true, firstPassedAt: new Date(T0 + 8 * 60_000) }] });
    expect(stuckReason(participant([cell]), T0 + 15 * 60_000, opts)).toBeUndefined();
    expect(stuckReason(participant([cell]), T0 + 18 * 60_000, opts)).toBe('no progress for 10 min');
  });

  it('when one check keeps failing, however recent the last pass', () => {
    const cell = labCell(shape, { checks: [] }, { checkId: 'web', streak: 3 });
    expect(stuckReason(participant([cell]), T0 + 60_000, opts)).toBe('web failed 3 times in a row (demo)');
    expect(stuckReason(participant([labCell(shape, { checks: [] }, { checkId: 'web', streak: 2 })]), T0 + 60_000, opts)).toBeUndefined();
  });

  it('never once every lab is done', () => {
    const done = labCell(shape, { completedAt: new Date(T0), checks: [{ checkId: 'web', passed: true, firstPassedAt: new Date(T0) }] });
    expect(stuckReason(participant([done]), T0 + 60 * 60_000, opts)).toBeUndefined();
  });
});

// The harness's verdict: equal outcomes pass; otherwise the first differing line is named.
import { describe, expect, it } from 'vitest';
import { firstDifference } from './harness.js';

describe('firstDifference', () => {
  const base = { code: 0, stdout: 'NAME   AGE\nweb    5s\n', stderr: '' };
  it('is undefined when stdout, stderr and exit code agree', () => {
    expect(firstDifference(base, { ...base })).toBeUndefined();
  });
  it('names the stream and the first differing line', () => {
    expect(firstDifference(base, { ...base, stdout: 'NAME   AGE\nweb    6s\n' })).toBe('stdout differs at line 2:\n  real: "web    5s"\n  ours: "web    6s"');
    expect(firstDifference(base, { ...base, stderr: 'error: x\n' })).toBe('stderr differs at line 1:\n  real: ""\n  ours: "error: x"');
  });
  it('reports a missing line and a different exit code', () => {
    expect(firstDifference(base, { ...base, stdout: 'NAME   AGE\n' })).toBe('stdout differs at line 2:\n  real: "web    5s"\n  ours: ""');
    expect(firstDifference(base, { ...base, code: 1 })).toBe('exit code differs: real 0, ours 1');
  });
});

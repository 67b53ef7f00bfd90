import { describe, expect, it } from 'vitest';
import { CpuLimitExceeded } from '../shell/interpreter.js';
import { CpuBudget, cpuLimitMessage } from './budget.js';

function budget(limitMs: number) {
  let now = 0;
  let yields = 0;
  const b = new CpuBudget({ limitMs, sliceMs: 2, now: () => now, yieldToOthers: async () => void yields++ });
  return { b, advance: (ms: number) => (now += ms), yields: () => yields };
}

describe('CpuBudget', () => {
  it('counts busy time between steps, yields every slice, and stops the command past its limit', async () => {
    const { b, advance, yields } = budget(10);
    b.begin();
    for (let i = 0; i < 9; i++) {
      advance(1);
      await b.step();
    }
    expect(yields()).toBe(4);
    advance(1);
    await b.step();
    advance(1);
    expect(() => b.step()).toThrow(CpuLimitExceeded);
    expect(cpuLimitMessage(5000)).toBe('CPU time limit exceeded\nkubelab: this command used more than 5 s of CPU time and was stopped; the machine is shared with other learners.\n');
  });

  it('does not count waiting (sleep, watches), and starts afresh with each command line', async () => {
    const { b, advance } = budget(10);
    b.begin();
    for (let i = 0; i < 100; i++) {
      advance(1000); // `while true; do kubectl get pods; sleep 1; done`
      await b.step();
    }
    b.begin();
    advance(9);
    await b.step();
    b.begin();
    advance(9);
    await expect(Promise.resolve(b.step())).resolves.toBeUndefined();
  });
});

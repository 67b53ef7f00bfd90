import { describe, expect, it } from 'vitest';
import { findLabMeta } from '../labs/catalog.js';
import { labCell, labShape, type LabShape } from './progress.js';

const shape: LabShape = {
  slug: 'demo',
  title: 'Demo',
  steps: [
    { id: 'one', title: 'Create', checkIds: ['a', 'b'], checkTitles: ['A', 'B'], hints: [] },
    { id: 'two', title: 'Scale', checkIds: ['c'], checkTitles: ['C'], hints: ['try kubectl scale'] },
  ],
};
const at = (m: number) => new Date(Date.UTC(2026, 10, 21, 22, m));

describe('a participant’s lab cell', () => {
  it('is at step 1 with every check pending before the lab is opened', () => {
    const cell = labCell(shape, undefined);
    expect(cell).toMatchObject({ started: false, stepIndex: 0, stepLabel: '1/2 Create', passed: 0, total: 3, failStreak: 0 });
    expect(cell.checks.map((c) => c.state)).toEqual(['pending', 'pending', 'pending']);
  });

  it('moves to the first step with a check not passed, and remembers the last pass', () => {
    const cell = labCell(shape, { checks: [{ checkId: 'a', passed: true, firstPassedAt: at(1) }, { checkId: 'b', passed: true, firstPassedAt: at(3) }, { checkId: 'c', passed: false }] });
    expect(cell).toMatchObject({ started: true, stepIndex: 1, stepLabel: '2/2 Scale', passed: 2, lastPassAt: at(3).toISOString() });
  });

  it('says done when every check passed', () => {
    const checks = ['a', 'b', 'c'].map((checkId) => ({ checkId, passed: true, firstPassedAt: at(5) }));
    expect(labCell(shape, { completedAt: at(5), checks })).toMatchObject({ stepIndex: 2, stepLabel: 'done', completedAt: at(5).toISOString() });
  });

  it('carries the worst repeated failure', () => {
    expect(labCell(shape, { checks: [] }, { checkId: 'b', streak: 3 })).toMatchObject({ failStreak: 3, failingCheck: 'b' });
  });

  it('counts a real lab’s questions as checks of their step', () => {
    const lab = findLabMeta('deploy-nginx')!;
    const real = labShape(lab);
    expect(real.steps.length).toBe(lab.steps.length);
    expect(real.steps.flatMap((s) => s.checkIds).length).toBe(lab.steps.reduce((n, s) => n + s.checks.length + s.questions.length, 0));
  });
});

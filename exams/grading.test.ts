// Grading a task on its own cluster, with partial credit per check, and the exam's total.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock, SeededRandom } from '../sandbox/engine/clock';
import { createDefaultCluster } from '../sandbox/engine/cluster';
import { examResult, gradeExamTask, scoreTask } from './grading';
import { loadExam } from './load';
import { setupExamCluster } from './setup';

const exam = loadExam('mini-exam', join(import.meta.dirname, '__fixtures__'));
const task = exam.tasks.find((t) => t.id === 'pod-in-namespace')!;

describe('grading an exam task', () => {
  it('reads the task cluster: nothing done, then half done (partial credit)', () => {
    const clock = new ManualClock(Date.parse('2026-01-05T09:00:00Z'));
    const engine = createDefaultCluster({ clock, random: new SeededRandom(7), workers: 1, settleMs: 5_000 });
    setupExamCluster(engine, exam, 'k8s-a');
    const api = engine.client('kubelab-grader');
    expect(gradeExamTask(task, api).map((c) => [c.id, c.passed, c.message])).toEqual([
      ['web-pod', false, 'No Pod `web` in namespace `apex` yet.'],
      ['web-running', false, 'No Pod `web` in namespace `apex` yet.'],
    ]);

    const kubectl = engine.client('kubectl');
    kubectl.create({ group: '', version: 'v1', resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apex' } });
    engine.runUntilIdle();
    // The right Pod with the wrong image: one check fails with what differs, the other passes once it runs.
    kubectl.create({ group: '', version: 'v1', resource: 'pods', namespace: 'apex' }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'apex', labels: { tier: 'frontend' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } });
    engine.advance(30_000);
    const half = gradeExamTask(task, api);
    expect(half.map((c) => [c.id, c.passed])).toEqual([['web-pod', false], ['web-running', true]]);
    expect(half[0].message).toBe('Pod `web` has `{.spec.containers[0].image}` = `nginx:1.26`; it should be `nginx:1.27`.');
    expect(scoreTask(task, half)).toMatchObject({ taskId: 'pod-in-namespace', weight: 40, score: 20 });
  });

  it('scores partial credit to a tenth and passes at passPercent', () => {
    const check = (passed: boolean) => ({ id: 'c', title: 'C', passed, message: '' });
    const third = scoreTask({ id: 't', weight: 7 }, [check(true), check(false), check(false)]);
    expect(third.score).toBe(2.3);
    expect(examResult([third, scoreTask({ id: 'u', weight: 63 }, [check(true)])], 66)).toEqual({ total: 65.3, passed: false });
    expect(examResult([scoreTask({ id: 'u', weight: 66 }, [check(true)])], 66)).toEqual({ total: 66, passed: true });
  });
});

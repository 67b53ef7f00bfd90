// Scenario tests of the Job and TTL-after-finished controllers on a default cluster.
import { describe, expect, it } from 'vitest';
import { eventsFor, get, list, ref, settledCluster } from './scenario-helpers.test-util.js';

const JOBS = ref('batch', 'jobs', 'default');

function job(name: string, command: string, spec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default' },
    spec: { ...spec, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', command] }] } } },
  };
}

describe('a Job', { timeout: 120_000 }, () => {
  it('runs its pods to completion, counts them through the tracking finalizer and sets the 1.32 conditions', () => {
    const e = settledCluster();
    const created = e.client('kubectl').create(JOBS, job('pi', 'echo done', { completions: 3, parallelism: 2 }));
    e.runUntilIdle();
    let pods = list(e, '', 'pods', 'default');
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^pi-[a-z0-9]{5}$/);
      expect(p.metadata.labels).toMatchObject({ 'batch.kubernetes.io/job-name': 'pi', 'job-name': 'pi', 'controller-uid': created.metadata.uid, 'batch.kubernetes.io/controller-uid': created.metadata.uid });
      expect(p.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    }
    expect(get(e, 'batch', 'jobs', 'default', 'pi').status).toMatchObject({ active: 2, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    e.advance(60_000);
    pods = list(e, '', 'pods', 'default');
    expect(pods.map((p) => p.status.phase)).toEqual(['Succeeded', 'Succeeded', 'Succeeded']);
    expect(pods.every((p) => !p.metadata.finalizers)).toBe(true);
    const status = get(e, 'batch', 'jobs', 'default', 'pi').status;
    expect(status.succeeded).toBe(3);
    expect(status.active).toBeUndefined();
    expect(status.completionTime).toBeDefined();
    expect(status.conditions.map((c: any) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
      ['Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
    ]);
    const events = eventsFor(e, 'default', 'Job', 'pi');
    expect(events.filter((x) => x.includes('SuccessfulCreate'))).toHaveLength(3);
    expect(events[0]).toMatch(/^Normal SuccessfulCreate job-controller: Created pod: pi-[a-z0-9]{5}$/);
    expect(events.at(-1)).toBe('Normal Completed job-controller: Job completed');
  });

  it('backs off 10 s, 20 s between failures and fails with BackoffLimitExceeded', () => {
    const e = settledCluster();
    e.client('kubectl').create(JOBS, job('fail', 'exit 1', { backoffLimit: 2 }));
    e.advance(5_000);
    expect(list(e, '', 'pods', 'default').map((p) => p.status.phase)).toEqual(['Failed']);
    e.advance(4_000); // still within the first 10 s back-off
    expect(list(e, '', 'pods', 'default')).toHaveLength(1);
    e.advance(4_000);
    expect(list(e, '', 'pods', 'default')).toHaveLength(2);
    e.advance(60_000);
    const pods = list(e, '', 'pods', 'default');
    expect(pods).toHaveLength(3);
    const created = pods.map((p) => Date.parse(p.metadata.creationTimestamp!)).sort();
    expect(created[2] - created[1]).toBeGreaterThanOrEqual(20_000);
    const status = get(e, 'batch', 'jobs', 'default', 'fail').status;
    expect(status.failed).toBe(3);
    expect(status.conditions.map((c: any) => `${c.type} ${c.reason}`)).toEqual(['FailureTarget BackoffLimitExceeded', 'Failed BackoffLimitExceeded']);
    expect(eventsFor(e, 'default', 'Job', 'fail').at(-1)).toBe('Warning BackoffLimitExceeded job-controller: Job has reached the specified backoff limit');
  });

  it('stops at activeDeadlineSeconds with DeadlineExceeded, deleting its running pod', () => {
    const e = settledCluster();
    e.client('kubectl').create(JOBS, job('slow', 'sleep 600', { activeDeadlineSeconds: 20 }));
    e.advance(10_000);
    expect(list(e, '', 'pods', 'default')[0].status.phase).toBe('Running');
    e.advance(60_000);
    const status = get(e, 'batch', 'jobs', 'default', 'slow').status;
    expect(status.conditions.map((c: any) => `${c.type} ${c.reason} ${c.message}`)).toEqual([
      'FailureTarget DeadlineExceeded Job was active longer than specified deadline',
      'Failed DeadlineExceeded Job was active longer than specified deadline',
    ]);
    expect(list(e, '', 'pods', 'default')).toHaveLength(0);
    expect(eventsFor(e, 'default', 'Job', 'slow')).toContain('Warning DeadlineExceeded job-controller: Job was active longer than specified deadline');
  });

  it('is deleted with its pods ttlSecondsAfterFinished after it completes', () => {
    const e = settledCluster();
    e.client('kubectl').create(JOBS, job('short', 'echo hi', { ttlSecondsAfterFinished: 30 }));
    e.advance(10_000);
    expect(get(e, 'batch', 'jobs', 'default', 'short').status.succeeded).toBe(1);
    e.advance(15_000);
    expect(list(e, 'batch', 'jobs', 'default')).toHaveLength(1);
    e.advance(20_000);
    expect(list(e, 'batch', 'jobs', 'default')).toHaveLength(0);
    expect(list(e, '', 'pods', 'default')).toHaveLength(0);
  });
});

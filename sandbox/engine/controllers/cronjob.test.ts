// Scenario tests of the CronJob controller on a default cluster: schedules on simulated time.
import { describe, expect, it } from 'vitest';
import { mostRecentSchedule, nextScheduleAfter } from './cron-schedule.js';
import { eventsFor, get, list, ref, settledCluster, T0 } from './scenario-helpers.test-util.js';

const CRONJOBS = ref('batch', 'cronjobs', 'default');

function cronJob(name: string, schedule: string, command: string, spec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'default' },
    spec: { schedule, ...spec, jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', command] }] } } } } },
  };
}

describe('cron schedules', () => {
  it('read real cron syntax and descriptors on the given time, not the wall clock', () => {
    expect(new Date(nextScheduleAfter('*/5 * * * *', T0 + 1000)).toISOString()).toBe('2025-03-01T10:05:00.000Z');
    expect(new Date(nextScheduleAfter('@hourly', T0)).toISOString()).toBe('2025-03-01T11:00:00.000Z');
    expect(new Date(nextScheduleAfter('0 9 * * *', T0, 'Europe/Paris')).toISOString()).toBe('2025-03-02T08:00:00.000Z');
    expect(mostRecentSchedule('* * * * *', T0, T0 + 5 * 60_000 + 10)).toEqual({ time: T0 + 5 * 60_000, missed: 5 });
    expect(mostRecentSchedule('@daily', T0, T0 + 60_000)).toBeUndefined();
  });
});

describe('a CronJob', { timeout: 120_000 }, () => {
  it('creates a Job named by the scheduled minute each minute, tracks it and keeps three successful ones', () => {
    const e = settledCluster(); // T0 + 30 s
    e.client('kubectl').create(CRONJOBS, cronJob('hello', '* * * * *', 'echo hello'));
    e.advance(31_000); // 10:01:01
    let jobs = list(e, 'batch', 'jobs', 'default');
    const minute = Math.floor((T0 + 60_000) / 60_000);
    expect(jobs.map((j) => j.metadata.name)).toEqual([`hello-${minute}`]);
    expect(jobs[0].metadata.annotations!['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2025-03-01T10:01:00Z');
    expect(jobs[0].metadata.ownerReferences![0]).toMatchObject({ kind: 'CronJob', name: 'hello', controller: true });
    let cj = get(e, 'batch', 'cronjobs', 'default', 'hello');
    expect(cj.status.lastScheduleTime).toBe('2025-03-01T10:01:00Z');
    expect(cj.status.active.map((a: any) => a.name)).toEqual([`hello-${minute}`]);
    e.advance(20_000);
    cj = get(e, 'batch', 'cronjobs', 'default', 'hello');
    expect(cj.status.active).toBeUndefined();
    expect(cj.status.lastSuccessfulTime).toBeDefined();
    e.advance(5 * 60_000);
    jobs = list(e, 'batch', 'jobs', 'default');
    expect(jobs.map((j) => j.metadata.name).sort()).toEqual([minute + 3, minute + 4, minute + 5].map((m) => `hello-${m}`));
    const events = eventsFor(e, 'default', 'CronJob', 'hello');
    expect(events.slice(0, 2)).toEqual([`Normal SuccessfulCreate cronjob-controller: Created job hello-${minute}`, `Normal SawCompletedJob cronjob-controller: Saw completed job: hello-${minute}, condition: Complete`]);
    expect(events).toContain(`Normal SuccessfulDelete cronjob-controller: Deleted job hello-${minute}`);
  });

  it('Forbid skips a run while one is active; Replace deletes the running Job', () => {
    const e = settledCluster();
    e.client('kubectl').create(CRONJOBS, cronJob('forbid', '* * * * *', 'sleep 300', { concurrencyPolicy: 'Forbid' }));
    e.client('kubectl').create(CRONJOBS, cronJob('replace', '* * * * *', 'sleep 300', { concurrencyPolicy: 'Replace' }));
    e.advance(150_000); // 10:03:00: runs at 10:01 and 10:02 (and 10:03)
    const names = (prefix: string) => list(e, 'batch', 'jobs', 'default').filter((j) => j.metadata.name!.startsWith(prefix) && !j.metadata.deletionTimestamp).map((j) => j.metadata.name);
    const minute = Math.floor((T0 + 60_000) / 60_000);
    expect(names('forbid-')).toEqual([`forbid-${minute}`]);
    expect(names('replace-')).toEqual([`replace-${minute + 2}`]);
    expect(eventsFor(e, 'default', 'CronJob', 'replace')).toContain(`Normal SuccessfulDelete cronjob-controller: Deleted job replace-${minute}`);
  });

  it('does nothing while suspended', () => {
    const e = settledCluster();
    e.client('kubectl').create(CRONJOBS, cronJob('off', '* * * * *', 'echo hi', { suspend: true }));
    e.advance(180_000);
    expect(list(e, 'batch', 'jobs', 'default')).toHaveLength(0);
  });
});

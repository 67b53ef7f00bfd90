// A Job created without a selector gets one generated from its uid, as the real Job strategy does.
import { describe, expect, it } from 'vitest';
import { newEngine, ref } from './test-helpers.js';

describe('job selector generation', () => {
  it('labels the template and selects by controller-uid', () => {
    const engine = newEngine();
    const job = engine.api.create(ref('jobs', 'default'), {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } },
    }) as unknown as { metadata: { uid: string; labels?: Record<string, string> }; spec: { selector: unknown; template: { metadata: { labels: Record<string, string> } } } };
    const uid = job.metadata.uid;
    expect(job.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    expect(job.spec.template.metadata.labels).toMatchObject({ 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' });
  });

  it('leaves a manual selector alone', () => {
    const engine = newEngine();
    const job = engine.api.create(ref('jobs', 'default'), {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'manual' },
      spec: { manualSelector: true, selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } },
    }) as unknown as { spec: { selector: unknown } };
    expect(job.spec.selector).toEqual({ matchLabels: { app: 'x' } });
  });
});

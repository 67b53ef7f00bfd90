// What a learner sees of these controllers through kubectl in a sandbox: Jobs, CronJobs, a
// StatefulSet with its claims and volumes, Endpoints and EndpointSlices, and a failed node
// (golden transcripts; UPDATE_GOLDEN=1 rewrites them).
import { describe, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { expectGolden, newSandbox } from '../../kubectl/testing.js';
import { failNode } from '../node-faults.js';

const golden = (name: string) => fileURLToPath(new URL(`./__golden__/${name}.txt`, import.meta.url));

async function transcript(steps: Array<string | number>, setup?: (sb: ReturnType<typeof newSandbox>) => void): Promise<string> {
  const sb = newSandbox();
  setup?.(sb);
  let out = '';
  for (const step of steps) {
    if (typeof step === 'number') {
      sb.advance(step);
      out += `# (${step / 1000} s later)\n`;
    } else out += `$ ${step}\n${await sb.run(step)}`;
  }
  return out;
}

describe('kubectl views of the batch, stateful, discovery and node lifecycle controllers', { timeout: 120_000 }, () => {
  it('a Job and a CronJob', async () => {
    const podSpec = (command: string) => ({ restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', command] }] });
    const out = await transcript([
      'kubectl get jobs',
      15_000,
      'kubectl get jobs',
      'kubectl get pods',
      120_000,
      'kubectl get cronjobs',
      'kubectl get jobs',
    ], (sb) => {
      const api = sb.engine.client('kubectl');
      api.create({ group: 'batch', version: 'v1', resource: 'jobs', namespace: 'default' }, { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'hello', namespace: 'default' }, spec: { completions: 2, template: { spec: podSpec('echo hello') } } });
      api.create({ group: 'batch', version: 'v1', resource: 'cronjobs', namespace: 'default' }, { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'tick', namespace: 'default' }, spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: podSpec('echo tick') } } } } });
    });
    expectGolden(golden('job-cronjob'), out);
  });

  it('a StatefulSet with claims, volumes, endpoints and slices', async () => {
    const out = await transcript(
      [
        'kubectl get sc',
        'kubectl get sts,pods,pvc',
        60_000,
        'kubectl get sts,pods,pvc',
        'kubectl get pv',
        'kubectl get endpoints nginx',
        'kubectl get endpointslices -l kubernetes.io/service-name=nginx',
      ],
      (sb) => {
        sb.engine.client('kubectl').create({ group: '', version: 'v1', resource: 'services', namespace: 'default' }, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx', namespace: 'default' }, spec: { clusterIP: 'None', selector: { app: 'nginx' }, ports: [{ port: 80, name: 'web' }] } });
        sb.engine.client('kubectl').create({ group: 'apps', version: 'v1', resource: 'statefulsets', namespace: 'default' }, {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          metadata: { name: 'web', namespace: 'default' },
          spec: {
            serviceName: 'nginx',
            replicas: 2,
            selector: { matchLabels: { app: 'nginx' } },
            template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80, name: 'web' }] }] } },
            volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
          },
        });
      },
    );
    expectGolden(golden('statefulset'), out);
  });

  it('a failed node', async () => {
    const out = await transcript(
      ['kubectl create deployment web --image=nginx --replicas=2', 20_000, 'kubectl get nodes', 'kubectl get pods -o wide', 45_000, 'kubectl get nodes', "kubectl get node node01 -o jsonpath='{.spec.taints}'; echo", 'kubectl get pods -o wide', 300_000, 'kubectl get pods -o wide'],
      (sb) => {
        const fail = () => failNode(sb.engine, 'node01');
        const advance = sb.advance;
        let first = true;
        sb.advance = (ms) => {
          advance(ms);
          if (first) fail();
          first = false;
        };
      },
    );
    expectGolden(golden('node-failure'), out);
  });
});

// kubectl autoscale and set serviceaccount in a learner terminal (the differential test compares
// them with the real kubectl 1.32; this one runs without it).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { expectGolden, newSandbox } from '../testing.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);

async function transcript(lines: string[]): Promise<string> {
  const sb = newSandbox();
  let out = '';
  for (const line of lines) out += `$ ${line}\n${await sb.run(line)}`;
  return out;
}

describe('kubectl autoscale', () => {
  it('creates the autoscaling/v1 HPA kubectl 1.32 posts, and refuses what it refuses', async () => {
    const out = await transcript([
      'kubectl create deployment web --image=nginx:1.27 --replicas=2',
      'kubectl autoscale deployment web --min=2 --max=5 --cpu-percent=80',
      'kubectl get hpa web -o jsonpath="{.apiVersion} {.spec.minReplicas} {.spec.maxReplicas} {.spec.targetCPUUtilizationPercentage}"',
      'kubectl get hpa.v2.autoscaling web -o jsonpath="{.spec.metrics}"',
      'kubectl autoscale deployment web --max=3',
      'kubectl autoscale deploy/web --max=3 --name=web-small --dry-run=client -o yaml',
      'kubectl autoscale deploy/web --max=3 --name=web-small -o name',
      'kubectl run solo --image=nginx',
      'kubectl autoscale pod solo --max=3',
      'kubectl autoscale deploy web --min=3 --max=2',
      'kubectl autoscale deploy web',
    ]);
    expect(out).toContain('horizontalpodautoscaler.autoscaling/web autoscaled\n');
    expect(out).toContain('apiVersion: autoscaling/v1\n');
    expectGolden(golden('autoscale.txt'), out);
  });
});

describe('kubectl set serviceaccount', () => {
  it('sets the pod template service account (alias sa), patching even when unchanged', async () => {
    const out = await transcript([
      'kubectl create deployment web --image=nginx:1.27',
      'kubectl create serviceaccount sa1',
      'kubectl set serviceaccount deployment web sa1',
      'kubectl set sa deploy/web sa1',
      'kubectl get deploy web -o jsonpath="{.spec.template.spec.serviceAccountName}"',
      'kubectl set serviceaccount deployment/nope sa1',
      'kubectl set serviceaccount',
    ]);
    expect(out).toContain('deployment.apps/web serviceaccount updated\n');
    expectGolden(golden('set-serviceaccount.txt'), out);
  });
});

// Differential: the commands that edit single fields (label, annotate, patch, expose, set),
// ours against the real kubectl 1.32, each writing on its own twin of the cluster.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Differential, realKubectlAvailable } from './harness.js';

describe.runIf(realKubectlAvailable())('differential: label, annotate, patch', { timeout: 180_000 }, () => {
  let d: Differential;
  beforeAll(async () => {
    d = await Differential.start();
    await d.expectSame('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    await d.expectSame('kubectl run solo --image=busybox --labels=app=solo,tier=back -- sleep 3600');
    d.advance(20_000);
  }, 120_000);
  afterAll(() => d?.close());
  const same = async (...lines: string[]) => {
    for (const l of lines) await d.expectSame(l);
  };

  it('label: add, overwrite error, --overwrite, remove, --all, -l, --list', async () => {
    await same(
      'kubectl label deployment web tier=front',
      'kubectl label deployment web tier=back',
      'kubectl label deployment web tier=back --overwrite',
      'kubectl label deployment web tier=back --overwrite',
      'kubectl label deploy/web tier-',
      'kubectl label deploy/web tier-',
      'kubectl label pods --all env=dev',
      'kubectl get pods --show-labels',
      'kubectl label pods -l app=web env-',
      'kubectl label pod solo owner=me team=core',
      'kubectl label pod web-nope --list',
      'kubectl label pod solo',
      'kubectl label pod nope a=b',
      'kubectl label pods a=b',
      'kubectl get pod solo -o jsonpath="{.metadata.labels}"',
    );
  });

  it('annotate', async () => {
    await same(
      'kubectl annotate deployment web note=hello',
      'kubectl annotate deployment web note=again',
      'kubectl annotate deployment web note=again --overwrite',
      'kubectl annotate deployment web note-',
      'kubectl annotate pods --all checked=yes',
      'kubectl get pod solo -o jsonpath="{.metadata.annotations}"',
    );
  });

  it('patch: strategic, merge, json, no change, errors', async () => {
    await same(
      `kubectl patch deployment web -p '{"spec":{"replicas":3}}'`,
      `kubectl patch deployment web -p '{"spec":{"replicas":3}}'`,
      `kubectl patch deployment web --type merge -p '{"metadata":{"labels":{"patched":"yes"}}}'`,
      `kubectl patch deployment web --type json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'`,
      `kubectl patch deployment web -p 'spec: {minReadySeconds: 5}'`,
      `kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}'`,
      'kubectl get deploy web -o jsonpath="{.spec.replicas} {.spec.template.spec.containers[0].image} {.spec.minReadySeconds}"',
      `kubectl patch deployment nope -p '{"spec":{"replicas":3}}'`,
      'kubectl patch deployment web',
      `kubectl patch deployment web --type foo -p '{}'`,
      `kubectl patch pod solo -p '{"metadata":{"labels":{"p":"1"}}}'`,
      `kubectl patch deployment web --type json -p '[{"op":"remove","path":"/spec/nope"}]'`,
    );
  });
});

describe.runIf(realKubectlAvailable())('differential: set image, env, resources', { timeout: 180_000 }, () => {
  let d: Differential;
  beforeAll(async () => {
    d = await Differential.start();
    await d.expectSame('kubectl create deployment api --image=nginx:1.27');
    await d.expectSame('kubectl run one --image=redis');
    d.advance(20_000);
  }, 120_000);
  afterAll(() => d?.close());
  const same = async (...lines: string[]) => {
    for (const l of lines) await d.expectSame(l);
  };

  it('set image', async () => {
    await same(
      'kubectl set image deployment/api nginx=nginx:1.28',
      'kubectl set image deployment/api nginx=nginx:1.28',
      'kubectl set image deployment api "*=nginx:1.29"',
      'kubectl set image deployment/api nope=nginx',
      'kubectl set image deployment/api',
      'kubectl set image pod/one one=redis:7',
      'kubectl get deploy api -o jsonpath="{.spec.template.spec.containers[0].image}"',
      'kubectl set image deployment/nope nginx=nginx',
    );
  });

  it('set env', async () => {
    await same(
      'kubectl set env deployment/api MODE=fast LEVEL=3',
      'kubectl set env deployment/api --list',
      'kubectl set env deployment/api MODE=slow',
      'kubectl set env deployment/api LEVEL-',
      'kubectl set env deployment/api --list',
      'kubectl set env deployment/api',
    );
  });

  it('set resources', async () => {
    await same(
      'kubectl set resources deployment api --limits=cpu=200m,memory=512Mi --requests=cpu=100m',
      'kubectl get deploy api -o jsonpath="{.spec.template.spec.containers[0].resources}"',
      'kubectl set resources deployment api -c nginx --requests=memory=64Mi',
      'kubectl set resources deployment api',
    );
  });
});

describe.runIf(realKubectlAvailable())('differential: expose', { timeout: 180_000 }, () => {
  let d: Differential;
  beforeAll(async () => {
    d = await Differential.start();
    await d.expectSame('kubectl create deployment web --image=nginx --port=80');
    await d.expectSame('kubectl create deployment plain --image=nginx');
    await d.expectSame('kubectl run solo --image=nginx --port=8080');
    await d.expectSame('kubectl run bare --image=nginx --labels=');
    d.advance(20_000);
  }, 120_000);
  afterAll(() => d?.close());
  const same = async (...lines: string[]) => {
    for (const l of lines) await d.expectSame(l);
  };

  it('deployments, pods and services become Services', async () => {
    await same(
      'kubectl expose deployment web --port=80',
      'kubectl get svc web -o jsonpath="{.spec.ports} {.spec.selector} {.metadata.labels}"',
      'kubectl expose deployment web --port=80',
      'kubectl expose deployment web --name=web-np --type=NodePort --port=8080 --target-port=80',
      'kubectl expose deploy/web --name=web-auto',
      'kubectl expose deployment plain',
      'kubectl expose deployment plain --port=81 --protocol=UDP --name=plain-udp',
      'kubectl expose pod solo --name=solo-svc',
      'kubectl expose pod solo --port=90 --target-port=http --name=solo-named',
      'kubectl expose service web --name=web-again --port=443',
      'kubectl expose pod bare --port=80',
      'kubectl expose deployment nope --port=80',
      'kubectl expose deployment web --port=80 --name=dry --dry-run=client -o yaml',
      'kubectl get svc -o wide',
      'kubectl get svc web-np -o jsonpath="{.spec.type} {.spec.ports[0].targetPort}"',
    );
  });
});

// Differential: the commands the practice exams use that kubectl had not covered (wait on any
// condition case, set serviceaccount, autoscale, delete by field selector, run --overrides),
// ours against the real kubectl 1.32 on twin clusters.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Differential, realKubectlAvailable } from './harness.js';

describe.runIf(realKubectlAvailable())('differential: commands the practice exams type', { timeout: 180_000 }, () => {
  let d: Differential;
  beforeAll(async () => {
    d = await Differential.start();
    await d.expectSame('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    await d.expectSame('kubectl run solo --image=nginx:1.27');
    await d.expectSame('kubectl create job once --image=busybox:1.36 -- sh -c "echo done"');
    d.advance(30_000);
  }, 120_000);
  afterAll(() => d?.close());
  const same = async (...lines: string[]) => {
    for (const l of lines) await d.expectSame(l);
  };

  it('wait: condition types and values fold case', async () => {
    await same(
      'kubectl wait --for=condition=complete job/once',
      'kubectl wait --for=condition=COMPLETE job/once --timeout=0',
      'kubectl wait --for=condition=Complete=TRUE job/once --timeout=0',
      'kubectl wait --for=condition=failed job/once --timeout=0',
      'kubectl wait --for=condition=ready pod/solo',
      'kubectl wait --for=condition=Ready=false pod/solo --timeout=0',
      "kubectl wait --for=jsonpath='{.status.succeeded}'=1 job/once",
      `kubectl wait --for='jsonpath={.status.conditions[?(@.type=="Ready")].status}=True' pod/solo`,
      "kubectl wait --for=jsonpath='{.status.loadBalancer}' pod/solo --timeout=1s",
      'kubectl wait --for=condition=Available=True deployment/web --timeout=10s',
      'kubectl wait --for=create pod/solo',
    );
  });

  it('set serviceaccount', async () => {
    await same(
      'kubectl create serviceaccount sa1',
      'kubectl set serviceaccount deployment web sa1',
      'kubectl set sa deployment/web sa1',
      'kubectl get deploy web -o jsonpath="{.spec.template.spec.serviceAccountName}"',
      'kubectl set sa deploy web other --dry-run=client',
      'kubectl set sa deploy web other --dry-run=server',
      'kubectl set sa deploy web other --dry-run=client -o yaml',
      'kubectl set sa deploy web other -o name',
      'kubectl set image deploy/web nginx=nginx:1.28 --dry-run=client',
      'kubectl get deploy web -o jsonpath="{.spec.template.spec.serviceAccountName} {.spec.template.spec.containers[0].image}"',
      'kubectl set serviceaccount deployment/nope sa1',
      'kubectl set sa pod/solo sa1',
      'kubectl set sa cm/kube-root-ca.crt sa1',
      'kubectl set sa deploy web',
      'kubectl set serviceaccount',
    );
  });

  it('autoscale', async () => {
    await same(
      'kubectl autoscale deployment web --min=2 --max=5 --cpu-percent=80',
      'kubectl get hpa web -o yaml',
      'kubectl autoscale deployment web --min=2 --max=5 --cpu-percent=80',
      'kubectl autoscale deployment web --max=3 --name=web-small',
      'kubectl get hpa',
      'kubectl autoscale deployment web --max=3 --name=w2 --dry-run=client -o yaml',
      'kubectl autoscale deployment web --max=3 --name=w2 --dry-run=client -o json',
      'kubectl autoscale deploy/web --max=4 --min=2 --name=w3 -o name',
      'kubectl autoscale pod solo --max=3',
      'kubectl autoscale deploy web --min=3 --max=2',
      'kubectl autoscale deploy web',
      'kubectl autoscale deploy web --max=0',
      'kubectl autoscale deploy nope --max=2',
    );
  });
});

describe.runIf(realKubectlAvailable())('differential: delete by field selector, run --overrides', { timeout: 180_000 }, () => {
  let d: Differential;
  beforeAll(async () => {
    d = await Differential.start();
    await d.expectSame('kubectl run ok --image=nginx:1.27');
    await d.expectSame('kubectl run bad --image=busybox:1.36 --restart=Never -- sh -c "exit 1"');
    await d.expectSame('kubectl create namespace team');
    await d.expectSame('kubectl run bad2 -n team --image=busybox:1.36 --restart=Never -- sh -c "exit 2"');
    d.advance(30_000);
  }, 120_000);
  afterAll(() => d?.close());
  const same = async (...lines: string[]) => {
    for (const l of lines) await d.expectSame(l);
  };

  it('delete pods --field-selector', async () => {
    await same(
      'kubectl get pods -A --field-selector=status.phase=Failed',
      'kubectl delete pods --field-selector=status.phase=Failed',
      'kubectl delete pods --field-selector=status.phase=Failed',
      'kubectl delete pods -A --field-selector=status.phase=Failed',
      'kubectl delete pods -n team --field-selector=status.phase=Failed',
      'kubectl delete pods --field-selector=spec.bogus=x',
      'kubectl get pods --field-selector=spec.bogus=x',
      'kubectl get pods -A --field-selector=spec.bogus=x',
      "kubectl get pods -l 'a in ('",
      "kubectl delete pods -l 'a in ('",
      'kubectl delete deployments --field-selector=status.replicas=1',
      'kubectl delete pods --field-selector=metadata.name=ok,status.phase=Running --wait=false',
    );
  });

  it('run --overrides', async () => {
    await same(
      `kubectl run o1 --image=nginx --dry-run=client -o yaml --overrides='{"spec":{"nodeName":"node01","containers":[{"name":"o1","image":"busybox","command":["sleep","3600"]}]}}'`,
      `kubectl run o2 --image=nginx --dry-run=client -o yaml --overrides='{not json'`,
      `kubectl run o3 --image=nginx --dry-run=client -o yaml --overrides='{"metadata":{"labels":{"x":"y"}},"spec":{"bogus":1,"serviceAccountName":"sa1"}}'`,
      `kubectl run o4 --image=nginx --dry-run=client -o yaml --overrides='[1]'`,
      `kubectl run o5 --image=nginx --overrides='{"apiVersion":"v1","spec":{"nodeSelector":{"a":"b"}}}'`,
      `kubectl get pod o5 -o jsonpath='{.spec.nodeSelector}'`,
      `kubectl run o6 --image=nginx --dry-run=client -o json --override-type=strategic --overrides='{"spec":{"containers":[{"name":"o6","args":["-g","daemon off;"]}]}}'`,
    );
  });
});

/** The exit status, then stderr and stdout in the order written, klog's header reduced to `E `. */
const klog = (line: string) => `${line} >out.txt 2>&1; echo "exit $?"; sed -E 's/^E[0-9]{4} [0-9:.]+ +[0-9]+ /E /' out.txt`;

describe.runIf(realKubectlAvailable())('differential: these commands with the API server down', { timeout: 300_000 }, () => {
  let d: Differential;
  beforeAll(async () => {
    d = await Differential.start();
    d.setApiServerRunning(false);
  }, 120_000);
  afterAll(() => d?.close());

  it('are refused as the real kubectl reports it', async () => {
    const problems: string[] = [];
    for (const line of [
      'kubectl autoscale deployment web --min=2 --max=5 --cpu-percent=80',
      'kubectl autoscale deployment web --max=5 --dry-run=client -o yaml',
      'kubectl set serviceaccount deployment web sa1',
      'kubectl wait --for=condition=complete job/once',
      'kubectl delete pods --field-selector=status.phase=Failed',
      `kubectl run o1 --image=nginx --overrides='{"spec":{"nodeName":"node01"}}'`,
      'kubectl set sa deploy/web sa1',
      'kubectl get pod/web',
      'kubectl get -n default pod/web -o yaml',
      'kubectl rollout status deploy/web',
      'kubectl wait --for=condition=Ready pods --all',
      'kubectl events',
      'kubectl events --for pod/web',
    ]) {
      try {
        await d.expectSame(klog(line));
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    if (problems.length) throw new Error(problems.join('\n\n'));
  });
});

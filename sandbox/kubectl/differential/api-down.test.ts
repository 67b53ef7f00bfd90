// Differential: our kubectl against a cluster whose kube-apiserver is stopped, against the real
// kubectl 1.32. Both HTTP fronts stop listening, so both kubectls meet a refused connection and
// print what client-go prints: the memcache.go discovery klog lines (header normalized, since
// time and pid differ), then the command's own wording of the refusal.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Differential, realKubectlAvailable } from './harness.js';

/** The exit status, then stderr and stdout in the order written, klog's `E1121 20:00:00.000000   12345 ` header reduced to `E `. */
const klog = (line: string) => `${line} >out.txt 2>&1; echo "exit $?"; sed -E 's/^E[0-9]{4} [0-9:.]+ +[0-9]+ /E /' out.txt`;

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-file\ndata:\n  a: "1"\n';

const LINES = [
  'kubectl get pods',
  'kubectl get pods -A -o wide',
  'kubectl get nodes',
  'kubectl get deploy web -o yaml',
  'kubectl describe pod web',
  'kubectl describe nodes',
  'kubectl delete pod web',
  'kubectl logs web',
  'kubectl run web --image=nginx',
  'kubectl create deployment web --image=nginx',
  'kubectl create configmap c --from-literal=a=b',
  'kubectl create secret generic s --from-literal=a=b',
  'kubectl create namespace dev',
  'kubectl apply -f cm.yaml',
  'kubectl delete -f cm.yaml',
  'kubectl version',
  'kubectl api-resources',
  'kubectl cluster-info',
  'kubectl exec web -- ls',
  'kubectl edit pod web',
  'kubectl scale deploy web --replicas=2',
  'kubectl rollout status deploy web',
  'kubectl top pods',
  'kubectl auth can-i get pods',
];

/** Less common commands, each with its own number of discovery tries. */
const MORE = [
  'kubectl api-versions',
  'kubectl create -f cm.yaml',
  'kubectl create job j --image=busybox',
  'kubectl create service clusterip s --tcp=80',
  'kubectl create token default',
  'kubectl port-forward pod/web 8080:80',
  'kubectl taint nodes node01 a=b:NoSchedule',
  'kubectl cordon node01',
  'kubectl drain node01',
  'kubectl explain pods',
  'kubectl label pod web a=b',
  'kubectl expose deploy web --port=80',
  'kubectl set image deploy/web nginx=nginx:2',
  'kubectl rollout restart deploy/web',
  'kubectl rollout undo deploy/web',
  'kubectl top nodes',
  'kubectl get pods -w',
];

describe.runIf(realKubectlAvailable())('differential: the API server is down', { timeout: 300_000 }, () => {
  let d: Differential;
  beforeAll(async () => {
    d = await Differential.start();
    d.setApiServerRunning(false);
  }, 120_000);
  afterAll(() => d?.close());

  const expectAllSame = async (lines: string[]) => {
    const problems: string[] = [];
    for (const line of lines) {
      try {
        await d.expectSame(klog(line), { files: { 'cm.yaml': CM } });
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    if (problems.length) throw new Error(problems.join('\n\n'));
  };

  it('refuses the commands learners use the way the real kubectl reports it', () => expectAllSame(LINES));
  it('refuses the less common commands the same way', () => expectAllSame(MORE));
});

// Issue 4 scenarios about placement and rollout: a pod no node can take (nodeSelector) and its fix
// (labelling a node), pods kept apart by required anti-affinity, and a Deployment's rolling
// update, scaling and rollback.
import { describe, it } from 'vitest';
import { join } from 'node:path';
import { expectGolden } from '../kubectl/testing.js';
import { transcript, type Step } from './transcript.test-util.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);
const file = (path: string, text: string): Step => (s) => s.fs.writeFile(path, text);

const SSD_POD = `apiVersion: v1
kind: Pod
metadata:
  name: nginx-ssd
spec:
  nodeSelector:
    disktype: ssd
  containers:
  - name: nginx
    image: nginx
`;

const SPREAD = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector:
              matchLabels:
                app: web
            topologyKey: kubernetes.io/hostname
      containers:
      - name: nginx
        image: nginx
`;

describe('scheduling scenarios', () => {
  it('an unschedulable pod (nodeSelector) and its fix (label the node)', async () => {
    const out = await transcript([
      file('ssd.yaml', SSD_POD),
      'kubectl apply -f ssd.yaml',
      { wait: 5_000 },
      'kubectl get pod nginx-ssd',
      'kubectl describe pod nginx-ssd | tail -4',
      'kubectl label node node01 disktype=ssd',
      { wait: 15_000 },
      'kubectl get pod nginx-ssd -o wide',
      'kubectl get events --field-selector involvedObject.name=nginx-ssd',
    ]);
    expectGolden(golden('scheduling-node-selector-fix.txt'), out);
  });

  it('required anti-affinity leaves the third replica Pending on two workers', async () => {
    const out = await transcript([file('web.yaml', SPREAD), 'kubectl apply -f web.yaml', { wait: 20_000 }, 'kubectl get pods -o wide', 'kubectl get events --field-selector reason=FailedScheduling']);
    expectGolden(golden('scheduling-anti-affinity.txt'), out);
  });

  it('a rolling update, scaling and a rollback', async () => {
    const out = await transcript([
      'kubectl create deployment web --image=nginx:1.26 --replicas=3',
      { wait: 20_000 },
      'kubectl rollout status deployment/web',
      'kubectl set image deployment/web nginx=nginx:1.27',
      { wait: 30_000 },
      'kubectl rollout status deployment/web',
      'kubectl get rs',
      'kubectl scale deployment web --replicas=5',
      { wait: 15_000 },
      'kubectl get deployment web',
      'kubectl rollout undo deployment/web',
      { wait: 30_000 },
      'kubectl rollout history deployment/web',
      'kubectl get deployment web -o wide',
    ]);
    expectGolden(golden('scheduling-rollout.txt'), out);
  });
});

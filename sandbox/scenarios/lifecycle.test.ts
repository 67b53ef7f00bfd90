// Issue 4 scenarios over longer simulated times: a node that fails (NotReady, taints, its pods
// evicted after the 300 s toleration and replaced on the other worker), a Job and a CronJob, a
// StatefulSet with volume claim templates, and a namespace deleted with what is in it.
import { describe, it } from 'vitest';
import { join } from 'node:path';
import { expectGolden } from '../kubectl/testing.js';
import { failNode } from '../engine/node-faults.js';
import { transcript, type Step } from './transcript.test-util.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);
const file = (path: string, text: string): Step => (s) => s.fs.writeFile(path, text);

const STATEFUL = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 2
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: db
        image: nginx
        volumeMounts:
        - name: data
          mountPath: /data
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: ["ReadWriteOnce"]
      resources:
        requests:
          storage: 1Gi
`;

describe('lifecycle scenarios', () => {
  it('a failed node: NotReady, pods evicted after 300 s and replaced on the other worker', async () => {
    const out = await transcript([
      'kubectl create deployment web --image=nginx --replicas=4',
      { wait: 20_000 },
      'kubectl get pods -o wide',
      (s) => failNode(s.engine, 'node01'),
      { wait: 60_000 },
      'kubectl get nodes',
      'kubectl describe node node01 | grep unreachable',
      { wait: 300_000 },
      'kubectl get pods -o wide',
    ]);
    expectGolden(golden('lifecycle-node-failure.txt'), out);
  });

  it('a Job runs to completion and a CronJob starts Jobs on its schedule', async () => {
    const out = await transcript([
      'kubectl create job hello --image=busybox:1.36 -- echo hello',
      { wait: 20_000 },
      'kubectl get job hello',
      'kubectl logs job/hello',
      'kubectl create cronjob tick --image=busybox:1.36 --schedule="*/1 * * * *" -- date',
      { wait: 150_000 },
      'kubectl get cronjob tick',
      'kubectl get jobs',
    ]);
    expectGolden(golden('lifecycle-job-cronjob.txt'), out);
  });

  it('a StatefulSet with claims: ordered pods, one bound PVC each, PVCs kept after scale-down', async () => {
    const out = await transcript([
      file('db.yaml', STATEFUL),
      'kubectl apply -f db.yaml',
      { wait: 30_000 },
      'kubectl get pods',
      'kubectl get pvc',
      'kubectl scale statefulset db --replicas=1',
      { wait: 40_000 },
      'kubectl get pods',
      'kubectl get pvc',
    ]);
    expectGolden(golden('lifecycle-statefulset.txt'), out);
  });

  it('a namespace deleted with its workloads: Terminating, then gone', async () => {
    const out = await transcript([
      'kubectl create namespace team',
      'kubectl create deployment web --image=nginx -n team',
      { wait: 20_000 },
      'kubectl delete namespace team --wait=false',
      'kubectl get namespace team',
      'kubectl get pods -n team',
      { wait: 60_000 },
      'kubectl get namespace team',
      'kubectl get all -n team',
    ]);
    expectGolden(golden('lifecycle-namespace-deletion.txt'), out);
  });
});

// Issue 4 scenarios as a learner sees them: a crash-looping container, an OOM-killed one, liveness
// and readiness probes, and the HPA walkthrough scaling php-apache up under load and back down.
import { describe, it } from 'vitest';
import { join } from 'node:path';
import { expectGolden } from '../kubectl/testing.js';
import { generateLoad } from '../engine/metrics/index.js';
import { transcript, type Step } from './transcript.test-util.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);
const file = (path: string, text: string): Step => (s) => s.fs.writeFile(path, text);

const CRASH = `apiVersion: v1
kind: Pod
metadata:
  name: crasher
spec:
  containers:
  - name: crasher
    image: busybox:1.36
    command: ["sh", "-c", "echo starting; sleep 2; exit 1"]
`;

const MEMORY_DEMO_2 = `apiVersion: v1
kind: Pod
metadata:
  name: memory-demo-2
spec:
  containers:
  - name: memory-demo-2-ctr
    image: polinux/stress
    resources:
      requests:
        memory: "50Mi"
      limits:
        memory: "100Mi"
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
`;

const LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
`;

const READINESS = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    readinessProbe:
      httpGet:
        path: /healthz
        port: 80
      periodSeconds: 5
`;

const PHP_APACHE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: php-apache
spec:
  selector:
    matchLabels:
      run: php-apache
  template:
    metadata:
      labels:
        run: php-apache
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        ports:
        - containerPort: 80
        resources:
          limits:
            cpu: 500m
          requests:
            cpu: 200m
---
apiVersion: v1
kind: Service
metadata:
  name: php-apache
  labels:
    run: php-apache
spec:
  ports:
  - port: 80
  selector:
    run: php-apache
`;

const METRICS_SERVER = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: metrics-server
  namespace: kube-system
  labels:
    k8s-app: metrics-server
spec:
  selector:
    matchLabels:
      k8s-app: metrics-server
  template:
    metadata:
      labels:
        k8s-app: metrics-server
    spec:
      containers:
      - name: metrics-server
        image: registry.k8s.io/metrics-server/metrics-server:v0.7.2
        args: ["--cert-dir=/tmp", "--secure-port=10250", "--kubelet-insecure-tls"]
        ports:
        - name: https
          containerPort: 10250
        resources:
          requests:
            cpu: 100m
            memory: 200Mi
`;

// The walkthrough's `kubectl autoscale` as a manifest (our kubectl has no autoscale command yet).
const HPA = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: php-apache
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: php-apache
  minReplicas: 1
  maxReplicas: 10
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 50
`;

describe('workload scenarios (issue 4)', () => {
  it('a crash-looping container backs off', async () => {
    const out = await transcript([file('crasher.yaml', CRASH), 'kubectl apply -f crasher.yaml', { wait: 20_000 }, 'kubectl get pod crasher', { wait: 60_000 }, 'kubectl get pod crasher', 'kubectl describe pod crasher', 'kubectl logs crasher --previous']);
    expectGolden(golden('crash-loop.txt'), out);
  });

  it('a container past its memory limit is OOMKilled (docs memory-demo-2)', async () => {
    const out = await transcript([file('mem.yaml', MEMORY_DEMO_2), 'kubectl apply -f mem.yaml', { wait: 15_000 }, 'kubectl get pod memory-demo-2', { wait: 60_000 }, 'kubectl get pod memory-demo-2', 'kubectl get pod memory-demo-2 -o jsonpath={.status.containerStatuses[0].lastState}', 'kubectl describe pod memory-demo-2']);
    expectGolden(golden('oom-killed.txt'), out);
  });

  it('a liveness probe restarts the container (docs liveness-exec)', async () => {
    const out = await transcript([file('exec-liveness.yaml', LIVENESS), 'kubectl apply -f exec-liveness.yaml', { wait: 20_000 }, 'kubectl describe pod liveness-exec', { wait: 60_000 }, 'kubectl describe pod liveness-exec', 'kubectl get pod liveness-exec']);
    expectGolden(golden('liveness-exec.txt'), out);
  });

  it('a failing readiness probe keeps the pod out of the Service endpoints', async () => {
    const out = await transcript([file('web.yaml', READINESS), 'kubectl apply -f web.yaml', 'kubectl expose pod web --port=80', { wait: 30_000 }, 'kubectl get pod web', 'kubectl get endpoints web', 'kubectl events --for pod/web']);
    expectGolden(golden('readiness.txt'), out);
  });

  it('the HPA scales php-apache up under load and down after it stops (docs walkthrough)', async () => {
    const out = await transcript([
      file('metrics-server.yaml', METRICS_SERVER), file('php-apache.yaml', PHP_APACHE), file('hpa.yaml', HPA),
      'kubectl apply -f metrics-server.yaml', 'kubectl apply -f php-apache.yaml', { wait: 60_000 },
      'kubectl apply -f hpa.yaml', { wait: 30_000 },
      'kubectl get hpa',
      (s) => generateLoad(s.engine, { namespace: 'default', service: 'php-apache', requestsPerSecond: 140 }), { wait: 60_000 },
      'kubectl get hpa php-apache', 'kubectl top pods -l run=php-apache', { wait: 120_000 },
      'kubectl get hpa php-apache', 'kubectl get deployment php-apache',
      (s) => generateLoad(s.engine, { namespace: 'default', service: 'php-apache' }), { wait: 120_000 },
      'kubectl get hpa php-apache', { wait: 300_000 },
      'kubectl get hpa php-apache', 'kubectl describe hpa php-apache',
    ]);
    expectGolden(golden('hpa-walkthrough.txt'), out);
  });
});

// The checks are forgiving where the real exams are: other valid ways to the asked state pass
// too. Each alternative replaces a task's solution and is replayed like the real one.
import { describe, expect, it } from 'vitest';
import { loadExam } from './load';
import { replayExam } from './replay';

const ALTERNATIVES: { exam: string; task: string; how: string; commands: string[] }[] = [
  {
    exam: 'cka-practice',
    task: 'rolling-update',
    how: 'a JSON patch instead of set image',
    commands: ['kubectl config use-context k8s-a', `kubectl patch deployment web -n prod --type=json -p='[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.27"}]'`, 'kubectl rollout status deployment/web -n prod'],
  },
  {
    exam: 'cka-practice',
    task: 'taint-toleration',
    how: 'an Exists toleration and nodeName instead of a nodeSelector',
    commands: ['kubectl config use-context k8s-b', 'kubectl taint nodes node01 dedicated=gpu:NoSchedule', `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: gpu-job\nspec:\n  nodeName: node01\n  tolerations:\n  - key: dedicated\n    operator: Exists\n  containers:\n  - name: job\n    image: nginx:1.27\nEOF`],
  },
  {
    exam: 'cka-practice',
    task: 'node-selector',
    how: 'a required node affinity instead of a nodeSelector',
    commands: ['kubectl config use-context k8s-b', 'kubectl label nodes node02 disk=ssd', `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: fast-cache\nspec:\n  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n        - matchExpressions:\n          - key: disk\n            operator: In\n            values: [ssd]\n  containers:\n  - name: cache\n    image: redis:7\nEOF`],
  },
  {
    exam: 'cka-practice',
    task: 'drain-node',
    how: 'cordon, then delete the Pods on the node',
    commands: ['kubectl config use-context k8s-b', 'kubectl cordon node03', 'kubectl delete $(kubectl get pods -l app=legacy --field-selector spec.nodeName=node03 -o name)'],
  },
  {
    exam: 'ckad-practice',
    task: 'rollback',
    how: 'undo to revision 1 by number',
    commands: ['kubectl config use-context k8s-a', 'kubectl set image deployment/frontend nginx=nginx:1.27 -n ckad', 'kubectl rollout status deployment/frontend -n ckad', 'kubectl rollout undo deployment/frontend -n ckad --to-revision=1', 'kubectl rollout status deployment/frontend -n ckad'],
  },
  {
    exam: 'ckad-practice',
    task: 'configmap-env',
    how: 'one env entry per key and a ConfigMap from a file',
    commands: [
      'kubectl config use-context k8s-a',
      `printf 'APP_MODE=production\\nAPP_PORT=8080\\n' > /root/app.env`,
      'kubectl create configmap app-config -n ckad --from-env-file=/root/app.env',
      `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: config-pod\n  namespace: ckad\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    env:\n    - name: APP_MODE\n      valueFrom:\n        configMapKeyRef: {name: app-config, key: APP_MODE}\n    - name: APP_PORT\n      valueFrom:\n        configMapKeyRef: {name: app-config, key: APP_PORT}\nEOF`,
    ],
  },
];

describe('other valid solutions pass too', () => {
  for (const alt of ALTERNATIVES) {
    it(`${alt.exam}/${alt.task}: ${alt.how}`, async () => {
      const exam = loadExam(alt.exam);
      const tasks = exam.tasks.map((t) => (t.id === alt.task ? { ...t, solutionCommands: alt.commands } : t));
      const report = await replayExam({ ...exam, tasks }, (t) => t.id === alt.task);
      expect(report.tasks).toBe(1);
      expect(report.problems, report.transcript.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').slice(-3000)).toEqual([]);
    }, 60_000);
  }
});

// Our kubectl in the learner's terminal (in-process client) while kube-apiserver is stopped: the
// refusal names the server as the learner's kubeconfig does (controlplane:6443) and the address
// it resolves to (the control-plane node's InternalIP), after as many discovery klog lines as the
// real kubectl writes. The HTTP path is compared with the real kubectl in differential/api-down.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startComponent, stopComponent } from '../engine/components.js';
import { discoveryAttempts } from './refused.js';
import { expectGolden, newSandbox } from './testing.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);

describe('kubectl while the API server is down', () => {
  it('prints the discovery klog lines and the command’s own wording of the refusal', async () => {
    const sb = newSandbox();
    await sb.run("printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: cm\\n' > cm.yaml");
    stopComponent(sb.engine, 'kube-apiserver');
    let out = '';
    for (const line of ['kubectl get pods', 'kubectl logs web', 'kubectl run web --image=nginx', 'kubectl create deployment web --image=nginx', 'kubectl apply -f cm.yaml', 'kubectl delete -f cm.yaml', 'kubectl version', 'kubectl api-resources', 'kubectl cluster-info', 'kubectl top pods', 'kubectl auth can-i get pods']) {
      out += `$ ${line}\n${await sb.run(line)}`;
    }
    expect(out).toContain('dial tcp 172.30.1.2:6443: connect: connection refused');
    expect(out).toContain('error: failed to create deployment: Post "https://controlplane:6443/apis/apps/v1/namespaces/default/deployments?fieldManager=kubectl-create&fieldValidation=Strict"');
    startComponent(sb.engine, 'kube-apiserver');
    out += `$ kubectl get ns default\n${await sb.run('kubectl get ns default')}`;
    expectGolden(golden('api-server-down.txt'), out);
  });

  it('counts the discovery tries per command as the real kubectl 1.32 makes them', () => {
    expect(discoveryAttempts('get', ['pods'])).toBe(5);
    expect(discoveryAttempts('logs', ['web'])).toBe(4);
    expect(discoveryAttempts('run', ['web'])).toBe(1);
    expect(discoveryAttempts('delete', ['-f', 'cm.yaml'])).toBe(1);
    expect(discoveryAttempts('rollout', ['status', 'deploy', 'web'])).toBe(5);
    expect(discoveryAttempts('rollout', ['status', 'deploy/web'])).toBe(4);
    expect(discoveryAttempts('get', ['-n', 'default', 'pod/x'])).toBe(4);
    expect(discoveryAttempts('get', ['-l', 'app.kubernetes.io/name=x', 'pods'])).toBe(5);
    expect(discoveryAttempts('set', ['serviceaccount', 'deployment', 'web', 'sa1'])).toBe(5);
    expect(discoveryAttempts('set', ['image', 'deploy/web', 'nginx=nginx:2'])).toBe(4);
    expect(discoveryAttempts('wait', ['--for', 'condition=complete', 'job/once'])).toBe(4);
    expect(discoveryAttempts('autoscale', ['deployment', 'web', '--max=5'])).toBe(5);
    expect(discoveryAttempts('rollout', ['restart', 'deploy/web'])).toBe(4);
    expect(discoveryAttempts('create', ['deployment', 'web'])).toBe(0);
  });
});

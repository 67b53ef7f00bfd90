// Our kubectl in a learner terminal, in-process: the kubeconfig in ~/.kube/config (contexts and
// their namespaces), discovery and version, field edits, and `get -w` stopped by Ctrl-C.
// Compared with golden transcripts whose lines the differential tests check against kubectl 1.32.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, newSandbox } from './testing.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);

async function transcript(lines: string[]): Promise<string> {
  const sb = newSandbox();
  let out = '';
  for (const line of lines) out += `$ ${line}\n${await sb.run(line)}`;
  return out;
}

describe('learner terminal: kubeconfig, cluster and edit commands', () => {
  it('switches contexts and namespaces in ~/.kube/config', async () => {
    const out = await transcript([
      'kubectl config current-context',
      'kubectl config get-contexts',
      'kubectl config set-context --current --namespace=kube-system',
      'kubectl get deploy',
      'kubectl config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=default',
      'kubectl config use-context dev',
      'kubectl get deploy',
      'kubectl config get-contexts',
      'kubectl config view',
      'kubectl config use-context nope',
      'kubectl get deploy --context=kubernetes-admin@kubernetes',
      'head -3 ~/.kube/config',
    ]);
    expect(out).toContain('Switched to context "dev".\n');
    expectGolden(golden('kubeconfig.txt'), out);
  });

  it('describes the cluster and edits objects', async () => {
    const out = await transcript([
      'kubectl version',
      'kubectl cluster-info',
      'kubectl api-resources --api-group=apps',
      'kubectl api-versions | head -3',
      'kubectl create deployment web --image=nginx:1.27 --port=80',
      'kubectl label deployment web tier=front',
      'kubectl label deployment web tier=back',
      'kubectl annotate deployment web note=hi',
      `kubectl patch deployment web -p '{"spec":{"replicas":2}}'`,
      `kubectl patch deployment web -p '{"spec":{"replicas":2}}'`,
      'kubectl set image deployment/web nginx=nginx:1.28',
      'kubectl set env deployment/web MODE=fast',
      'kubectl set resources deployment web --limits=cpu=200m',
      'kubectl expose deployment web',
      'kubectl get svc web',
      'kubectl get pods --sort-by=.metadata.name -o name | wc -l',
    ]);
    expectGolden(golden('cluster-and-edits.txt'), out);
  });

  it('get -w prints rows as the cluster changes until Ctrl-C', async () => {
    const sb = newSandbox();
    await sb.run('kubectl create deployment web --image=nginx');
    sb.advance(10_000);
    const running = sb.terminal.runLine('kubectl get deploy -w');
    await new Promise((r) => setTimeout(r, 20));
    sb.engine.client('test').patch({ group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', name: 'web' }, 'merge', { spec: { replicas: 2 } });
    sb.advance(5_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(sb.terminal.busy).toBe(true);
    sb.terminal.input('\x03');
    const status = await running;
    const screen = sb.terminal.screen().replace(/\r\n/g, '\n');
    const shown = screen.slice(screen.lastIndexOf('kubectl get deploy -w')).replace(/controlplane:[^$\n]*\$ $/, '');
    expect(status).toBe(130);
    expectGolden(golden('get-watch.txt'), shown);
  });
});

// The control plane as static pods: a stopped scheduler and its recovery, a stopped controller
// manager, an API server that is down (our kubectl in-process and the HTTP front).
import { request } from 'node:https';
import { describe, expect, it } from 'vitest';
import { expectGolden, newSandbox } from '../kubectl/testing.js';
import { startComponent, stopComponent } from '../engine/components.js';
import { serveEngine } from '../apiserver/serve.js';
import { nodeFiles } from '../engine/node-files.js';

const golden = (name: string) => new URL(`./__golden__/${name}`, import.meta.url).pathname;

async function transcript(sb: ReturnType<typeof newSandbox>, lines: Array<string | number | (() => void)>): Promise<string> {
  let out = '';
  for (const line of lines) {
    if (typeof line === 'number') sb.advance(line);
    else if (typeof line === 'function') line();
    else out += `$ ${line}\n${await sb.run(line)}`;
  }
  return out;
}

describe('control plane scenarios', () => {
  it('a stopped scheduler leaves pods Pending without events; moving the manifest back schedules them', async () => {
    const sb = newSandbox();
    const out = await transcript(sb, [
      () => stopComponent(sb.engine, 'kube-scheduler'),
      5000,
      'kubectl get pods -n kube-system',
      'kubectl run web --image=nginx',
      30_000,
      'kubectl get pods',
      'kubectl describe pod web',
      () => startComponent(sb.engine, 'kube-scheduler'),
      10_000,
      'kubectl get pods -o wide',
    ]);
    expect(out).toContain('web    0/1     Pending');
    expectGolden(golden('scheduler-stopped.txt'), out);
  });

  it('a stopped controller manager creates no ReplicaSet for a Deployment until it starts', async () => {
    const sb = newSandbox();
    const out = await transcript(sb, [
      () => stopComponent(sb.engine, 'kube-controller-manager'),
      'kubectl create deployment web --image=nginx --replicas=2',
      30_000,
      'kubectl get deploy,rs,pods',
      () => startComponent(sb.engine, 'kube-controller-manager'),
      10_000,
      'kubectl get deploy,rs',
    ]);
    expectGolden(golden('controller-manager-stopped.txt'), out);
  });

  it('an API server that is down refuses our kubectl with the real message', async () => {
    const sb = newSandbox();
    const out = await transcript(sb, [() => stopComponent(sb.engine, 'kube-apiserver'), 'kubectl get pods', 'echo $?', () => startComponent(sb.engine, 'kube-apiserver'), 'kubectl get ns default']);
    expect(out).toContain('The connection to the server controlplane:6443 was refused - did you specify the right host or port?\n$ echo $?\n1\n');
    expectGolden(golden('api-server-down.txt'), out);
  });

  it('a scheduler manifest with an image that does not exist: ImagePullBackOff, pods stay Pending', async () => {
    const sb = newSandbox();
    const path = '/etc/kubernetes/manifests/kube-scheduler.yaml';
    const out = await transcript(sb, [
      () => {
        const fs = nodeFiles(sb.engine, 'controlplane')!;
        fs.write(path, fs.read(path)!.replace('kube-scheduler:v1.32.1', 'kube-scheduler:v1.32.100'));
      },
      60_000,
      'kubectl get pods -n kube-system -l component=kube-scheduler',
      'kubectl run web --image=nginx',
      10_000,
      'kubectl get pods',
    ]);
    expect(out).toContain('ImagePullBackOff');
    expectGolden(golden('scheduler-bad-image.txt'), out);
  });

  it("a node's kubelet stopped: NotReady after the grace period, Ready once it starts", async () => {
    const sb = newSandbox();
    const out = await transcript(sb, [
      () => stopComponent(sb.engine, 'kubelet', 'node01'),
      60_000,
      'kubectl get nodes',
      () => startComponent(sb.engine, 'kubelet', 'node01'),
      5_000,
      'kubectl get nodes',
    ]);
    expect(out).toContain('node01         NotReady');
    expectGolden(golden('kubelet-stopped.txt'), out);
  });

  it('closes the HTTP front while the API server is down and opens it again', async () => {
    const sb = newSandbox();
    const serving = await serveEngine(sb.engine, 'tok');
    const get = () =>
      new Promise<string>((resolve) => {
        const req = request(`${serving.url}/version`, { rejectUnauthorized: false, headers: { authorization: 'Bearer tok' } }, (res) => resolve(String(res.statusCode)));
        req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
        req.end();
      });
    try {
      expect(await get()).toBe('200');
      stopComponent(sb.engine, 'etcd');
      expect(await get()).toBe('ECONNREFUSED');
      startComponent(sb.engine, 'etcd');
      await new Promise((r) => setTimeout(r, 20));
      expect(await get()).toBe('200');
    } finally {
      await serving.close();
    }
  });
});

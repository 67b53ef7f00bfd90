// Several clusters in one sandbox (an exam): one kubeconfig context per cluster, kubectl following
// use-context and --context, ssh reaching the current context's nodes, and a snapshot that brings
// every cluster back.
import { afterEach, describe, expect, it } from 'vitest';
import { loadExam } from '../../exams/load.js';
import { examLab } from '../../exams/runtime/exam-lab.js';
import type { ApiClient } from '../engine/api/types.js';
import { ClusterSet } from './cluster-set.js';
import { loadRuntime } from './runtime.js';
import { Sandbox } from './sandbox.js';

const FIXTURES = 'exams/runtime/__fixtures__';
const exam = loadExam('mini-practice', FIXTURES);
const lab = examLab('exam-mini-practice-attempt1', exam);
let sandboxes: Sandbox[] = [];
afterEach(() => {
  sandboxes.forEach((s) => s.dispose());
  sandboxes = [];
});

async function open(saved?: unknown): Promise<Sandbox> {
  const deps = { id: 'ann:exam-mini-practice-attempt1', userId: 'ann', lab, runtime: await loadRuntime(), wallNow: () => 1_750_000_000_000 };
  const sandbox = saved ? Sandbox.restore(deps, saved) : Sandbox.create(deps);
  sandboxes.push(sandbox);
  return sandbox;
}

async function run(sandbox: Sandbox, line: string): Promise<string> {
  let out = '';
  const detach = sandbox.addListener({ output: (d) => void (out += d), files: () => {}, checks: () => {} });
  sandbox.input(`${line}\r`);
  const deadline = Date.now() + 20_000;
  while (!/(controlplane|node01):[^$\r\n]*\$ $/.test(out)) {
    if (Date.now() > deadline) throw new Error(`no prompt after ${line}: ${out}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  detach();
  return out.replace(/\r\n/g, '\n');
}

const configMaps = (api: ApiClient) => api.list({ group: '', version: 'v1', resource: 'configmaps', namespace: 'default' }).items.map((c) => c.metadata.name);
const set = (s: Sandbox) => (s as unknown as { cluster: ClusterSet }).cluster;

describe('a sandbox with several clusters', () => {
  it('has one context per cluster, the first current, and each cluster got its own tasks’ setup', async () => {
    const sandbox = await open();
    const out = await run(sandbox, 'kubectl config get-contexts');
    expect(out).toContain('CURRENT   NAME    CLUSTER   AUTHINFO   NAMESPACE\n*         k8s-a   k8s-a     k8s-a      \n          k8s-b   k8s-b     k8s-b      \n');
    expect(configMaps(set(sandbox).member('k8s-a')!.api)).not.toContain('marker-b');
    expect(configMaps(set(sandbox).member('k8s-b')!.api)).toContain('marker-b');
    expect(sandbox.fs.readFile('/root/README.txt')).toBe('Answers go in /root.\n');
    expect(sandbox.attachInfo().openFile).toBe('/root/notes.txt');
  });

  it('kubectl follows use-context and --context; cluster-info names each cluster’s server', async () => {
    const sandbox = await open();
    expect(await run(sandbox, 'kubectl get cm marker-b')).toContain('Error from server (NotFound): configmaps "marker-b" not found');
    expect(await run(sandbox, 'kubectl get cm marker-b --context k8s-b -o name')).toContain('configmap/marker-b\n');
    // Global flags before the verb too, as a real kubectl takes them.
    expect(await run(sandbox, 'kubectl --context k8s-b -n default get cm marker-b -o name')).toContain('configmap/marker-b\n');
    expect(await run(sandbox, 'kubectl config use-context k8s-b')).toContain('Switched to context "k8s-b".');
    expect(await run(sandbox, 'kubectl config current-context')).toContain('k8s-b\n');
    await run(sandbox, 'kubectl create namespace only-on-b');
    // Tab completion reads the current context's cluster too.
    let typed = '';
    const off = sandbox.addListener({ output: (d) => void (typed += d), files: () => {}, checks: () => {} });
    sandbox.input('kubectl get cm mark\t');
    await new Promise((r) => setTimeout(r, 100));
    off();
    expect(typed).toContain('er-b');
    await run(sandbox, '');
    expect(await run(sandbox, 'kubectl cluster-info')).toContain('https://k8s-b:6443');
    const names = (c: string) => set(sandbox).member(c)!.api.list({ group: '', version: 'v1', resource: 'namespaces' }).items.map((n) => n.metadata.name);
    expect(names('k8s-b')).toContain('only-on-b');
    expect(names('k8s-a')).not.toContain('only-on-b');
  });

  it('a context or server nobody serves is refused, as by a real kubectl', async () => {
    const sandbox = await open();
    expect(await run(sandbox, 'kubectl get nodes --context=nope')).toContain('\nError in configuration: context was not found for specified context: nope\n');
    expect(await run(sandbox, 'kubectl config use-context k8s-z')).toContain('\nerror: no context exists with the name: "k8s-z"\n');
    await run(sandbox, 'kubectl config set-cluster k8s-a --server=https://10.9.9.9:6443');
    expect(await run(sandbox, 'kubectl get pods')).toContain('The connection to the server 10.9.9.9:6443 was refused - did you specify the right host or port?');
  });

  it('ssh goes to the node of the current context’s cluster', async () => {
    const sandbox = await open();
    // Stop the kubelet on node01 of k8s-b only, through ssh, then look from both contexts.
    await run(sandbox, 'kubectl config use-context k8s-b');
    await run(sandbox, 'ssh node01');
    await run(sandbox, 'systemctl stop kubelet');
    await run(sandbox, 'exit');
    await run(sandbox, 'kubectl config use-context k8s-a');
    await run(sandbox, 'ssh node01');
    expect(await run(sandbox, 'systemctl is-active kubelet')).toContain('active\n');
    await run(sandbox, 'exit');
    await run(sandbox, 'kubectl config use-context k8s-b');
    await run(sandbox, 'ssh node01');
    expect(await run(sandbox, 'systemctl is-active kubelet')).toContain('inactive\n');
  });

  it('a snapshot brings every cluster, the contexts and the files back', async () => {
    const sandbox = await open();
    await run(sandbox, 'kubectl create namespace saved-on-b --context k8s-b && kubectl config use-context k8s-b && echo done > /root/answer.txt');
    const back = await open(JSON.parse(JSON.stringify(sandbox.snapshot())));
    expect(set(back).members.map((m) => m.name)).toEqual(['k8s-a', 'k8s-b']);
    expect(await run(back, 'kubectl get ns saved-on-b -o name; kubectl config current-context')).toContain('namespace/saved-on-b\nk8s-b\n');
    expect(await run(back, 'kubectl get ns saved-on-b -o name --context=k8s-a')).toContain('namespaces "saved-on-b" not found');
    expect(back.fs.readFile('/root/answer.txt')).toBe('done\n');
  });
});

// A sandbox's life through the host the web server uses: hibernation after idle with an exact
// resume, limits per learner, reset, deletion with the learner's data, and the quotas a runaway
// learner meets (replicas, alias bombs, huge files) with the messages they see.
import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxHandle } from './handle.js';
import { LocalSandboxHost } from './local.js';
import { MemorySandboxStore } from './store.js';

let hosts: LocalSandboxHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.map((h) => h.shutdown()));
  hosts = [];
});

function makeHost(opts: { idleMs?: number; maxPerLearner?: number } = {}) {
  const store = new MemorySandboxStore();
  // Wall time stands still: simulated time then has no reason to move, so a resume is exact.
  const host = LocalSandboxHost.create({ store, wallNow: () => 1_750_000_000_000, saveDelayMs: 20, log: () => {}, ...opts });
  hosts.push(host);
  return { host, store };
}

async function run(handle: SandboxHandle, line: string): Promise<string> {
  let out = '';
  const detach = handle.addListener({ output: (d: string) => void (out += d) });
  await handle.call('input', `${line}\r`);
  const deadline = Date.now() + 20_000;
  while (!/controlplane:[^$\r\n]*\$ $/.test(out)) {
    if (Date.now() > deadline) throw new Error(`no prompt after ${line}: ${out}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  detach();
  return out;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sandbox lifecycle', () => {
  it('hibernates after idle (saved, memory freed) and resumes exactly: cluster, time, files, history, screen', async () => {
    const { host, store } = makeHost({ idleMs: 100 });
    const h = await host.open('ann', 'deploy-nginx');
    const keep = h.addListener({});
    await run(h, 'kubectl create deployment web --image=nginx --replicas=2');
    await run(h, 'mkdir work && cd work && echo hi > a.txt');
    await h.call('answer', 'nope', 'x');
    keep(); // the learner leaves
    await wait(400);
    expect(host.counts()).toEqual({ active: 0, hibernated: 1 });
    expect(host.manager.get(h.id)).toBeUndefined();
    const saved = store.snapshots.get('ann:deploy-nginx')!;

    const back = await host.open('ann', 'deploy-nginx');
    expect(host.counts()).toEqual({ active: 1, hibernated: 0 });
    expect(JSON.stringify(host.manager.get(back.id)!.snapshot())).toBe(saved);
    const out = await run(back, 'pwd; history | tail -2; kubectl get deploy web -o jsonpath={.spec.replicas}');
    expect(out).toContain('/root/work\r\n');
    expect(out).toContain('mkdir work && cd work && echo hi > a.txt');
    expect(out).toContain('2controlplane:~/work$ ');
  });

  it('limits live sandboxes per learner: an unwatched one goes to sleep, else a clear refusal', async () => {
    const { host } = makeHost({ maxPerLearner: 1 });
    const a = await host.open('bob', 'deploy-nginx');
    const watching = a.addListener({});
    await expect(host.open('bob', 'cluster-tour')).rejects.toThrow('You already have 1 labs open, the most one learner may run at once');
    watching();
    await host.open('bob', 'cluster-tour');
    expect(host.counts()).toEqual({ active: 1, hibernated: 1 });
  });

  it('resets a sandbox to the lab’s start, and deletes a learner with their data', async () => {
    const { host, store } = makeHost();
    const h = await host.open('cy', 'deploy-nginx');
    await h.call('writeFile', 'mine.txt', 'x');
    await wait(100);
    expect(store.snapshots.has('cy:deploy-nginx')).toBe(true);
    await host.reset('cy', 'deploy-nginx');
    expect(store.snapshots.has('cy:deploy-nginx')).toBe(false);
    const fresh = await host.open('cy', 'deploy-nginx');
    expect(await fresh.call('files')).not.toContain('/root/mine.txt');
    await wait(100);
    await host.deleteLearner('cy');
    expect(host.counts().active).toBe(0);
    expect([...store.snapshots.keys(), ...store.users]).not.toContain('cy:deploy-nginx');
    expect(store.users.has('cy')).toBe(false);
  });

  it('refuses runaway requests with clear messages: a million replicas, an alias bomb, a huge file', async () => {
    const { host } = makeHost();
    const h = await host.open('dee', 'deploy-nginx');
    await run(h, 'kubectl create deployment web --image=nginx');
    const scaled = await run(h, 'kubectl scale deployment web --replicas=1000000');
    expect(scaled).toContain('Error from server (Forbidden): deployments.apps "web" is forbidden: requested 1000000 replicas, but this sandbox runs at most 100 replicas per workload (kubelab sandbox limit)');
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
    await h.call('writeFile', 'bomb.yaml', bomb + '\n');
    const applied = await run(h, 'kubectl apply -f bomb.yaml');
    expect(applied).toMatch(/error: .*alias/i);
    await expect(h.call('writeFile', 'big.yaml', 'x'.repeat(50 * 1024 * 1024))).rejects.toThrow('big.yaml: File too large (a file may hold at most 1 MiB)');
    await h.call('writeFile', 'half.yaml', 'x'.repeat(600 * 1024));
    const viaShell = await run(h, 'cat half.yaml half.yaml > big.yaml');
    expect(viaShell).toContain('File too large');
  });
});

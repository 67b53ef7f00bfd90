// The worker pool with real worker threads (TypeScript through tsx): calls and events by name,
// sticky placement, a crashed worker's sandbox restored on another from its snapshot, a
// runaway loop cut off by the CPU budget while a sandbox on the same worker stays responsive.
import { afterAll, describe, expect, it } from 'vitest';
import { SandboxHandle } from './handle.js';
import { SandboxPool } from './pool.js';
import { MemorySandboxStore } from './store.js';

const store = new MemorySandboxStore();
const pool = new SandboxPool({ store, size: 2, saveDelayMs: 50, cpuLimitMs: 1500, log: () => {} });
afterAll(() => pool.shutdown());

/** Collects a handle's terminal output; resolves when `text` has appeared. */
function terminal(handle: SandboxHandle) {
  let out = '';
  const waiters: { text: string; resolve(): void }[] = [];
  handle.addListener({
    output: (data: string) => {
      out += data;
      for (const w of [...waiters]) if (out.includes(w.text)) (waiters.splice(waiters.indexOf(w), 1), w.resolve());
    },
  });
  return {
    get out() {
      return out;
    },
    until: (text: string, timeoutMs = 20_000) =>
      new Promise<void>((resolve, reject) => {
        if (out.includes(text)) return resolve();
        const t = setTimeout(() => reject(new Error(`no ${JSON.stringify(text)} in ${JSON.stringify(out.slice(-400))}`)), timeoutMs);
        waiters.push({ text, resolve: () => (clearTimeout(t), resolve()) });
      }),
    mark: () => out.length,
  };
}

describe('SandboxPool', () => {
  it('runs a lab action in the worker: the line comes back and reaches the terminal', async () => {
    await pool.ready();
    const h = await pool.open('lab-action', 'node-maintenance');
    const t = terminal(h);
    expect(await h.call('runAction', 'node-failure', 'power-cut')).toMatchObject({ known: true, line: 'kubelab: node02 lost power (its kubelet stopped)' });
    await t.until('kubelab: node02 lost power (its kubelet stopped)');
    expect(await h.call('runAction', 'node-failure', 'nope')).toMatchObject({ known: false });
  });

  it('runs sandboxes in worker threads: calls by name, events back, sticky placement', async () => {
    await pool.ready();
    const a = await pool.open('ann', 'deploy-nginx');
    const again = await pool.open('ann', 'deploy-nginx');
    expect(again).toBe(a);
    const t = terminal(a);
    const info = await a.call('attachInfo');
    expect(info.sandboxId).toBe('ann:deploy-nginx');
    expect(info.screen).toContain('controlplane:~$ ');
    await a.call('input', 'echo hello-from-a-worker\r');
    await t.until('hello-from-a-worker\r\ncontrolplane:~$ ');
    expect(await a.call('writeFile', 'notes.txt', 'kept')).toEqual({ path: '/root/notes.txt' });
    await expect(a.call('readFile', '/nope')).rejects.toMatchObject({ name: 'VfsError', code: 'ENOENT' });
    // A socket extension (the cluster view) runs beside the sandbox in its worker.
    const emitted: unknown[][] = [];
    const off = a.addListener({ '@socket': (...args: never[]) => void emitted.push(args) });
    const view = (await a.socketEvent('conn-1', 'cluster-view:subscribe', [], true)) as { ok: boolean; model?: { items: unknown[] } };
    expect(view.ok).toBe(true);
    expect(view.model?.items.length).toBeGreaterThan(0);
    a.socketClose('conn-1');
    off();
    const b = await pool.open('bob', 'deploy-nginx');
    expect(pool.workerIndexOf(b.id)).not.toBe(pool.workerIndexOf(a.id)); // least loaded
  });

  it('restores a crashed worker’s sandbox elsewhere from its last snapshot; the handle keeps working', async () => {
    const a = await pool.open('ann', 'deploy-nginx');
    const t = terminal(a);
    await new Promise((r) => setTimeout(r, 300)); // the save after the last change
    const before = pool.workerIndexOf(a.id);
    await pool.crashWorkerOf(a.id);
    await t.until('restored from its last snapshot');
    expect(pool.workerIndexOf(a.id)).not.toBe(-1);
    expect(pool.size).toBe(2);
    expect((await a.call('readFile', 'notes.txt')).content).toBe('kept');
    await a.call('input', 'echo alive-again\r');
    await t.until('alive-again\r\n');
    expect(before).toBeGreaterThanOrEqual(0);
  });

  it('cuts off a runaway loop by its CPU budget, and a sandbox on the same worker answers in a few ms meanwhile', async () => {
    const one = new SandboxPool({ store: new MemorySandboxStore(), size: 1, cpuLimitMs: 3000, log: () => {} });
    try {
      const runaway = await one.open('eve', 'deploy-nginx');
      const busy = await one.open('dan', 'deploy-nginx');
      const r = terminal(runaway);
      const b = terminal(busy);
      const pings = async (tag: string) => {
        const latencies: number[] = [];
        for (let i = 0; i < 21; i++) {
          const started = performance.now();
          await busy.call('input', `echo ${tag}-${i}\r`);
          await b.until(`${tag}-${i}\r\ncontrolplane:~$ `);
          latencies.push(performance.now() - started);
        }
        return latencies.sort((x, y) => x - y)[10]; // the median: robust to a shared machine's noise
      };
      const alone = await pings('alone');
      await runaway.call('input', 'while true; do :; done\r');
      await new Promise((res) => setTimeout(res, 200));
      const beside = await pings('beside');
      console.log(`busy sandbox command, median: alone ${alone.toFixed(1)} ms, beside a runaway loop ${beside.toFixed(1)} ms`);
      expect(beside - alone).toBeLessThan(10); // the loop yields every few ms of CPU
      await r.until('CPU time limit exceeded\r\nkubelab: this command used more than 3 s of CPU time', 15_000);
      await r.until('controlplane:~$ ', 1000);
      await runaway.call('input', 'echo $?\r');
      await r.until('152\r\n');
    } finally {
      await one.shutdown();
    }
  });
});

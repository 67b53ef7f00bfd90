// Observing a sandbox (screen, then output, no way in) and starting one ahead of time.
import { afterAll, describe, expect, it } from 'vitest';
import { LocalSandboxHost } from './local.js';
import { observeSandbox, prewarmSandbox } from './observe.js';
import { MemorySandboxStore } from './store.js';

const host = LocalSandboxHost.create({ store: new MemorySandboxStore(), saveDelayMs: 10, idleMs: 60_000, log: () => {} });
afterAll(() => host.shutdown());

async function until(what: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!what()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('observing a sandbox', () => {
  it('starts with the learner’s screen, then streams what comes next, once', async () => {
    const learner = await host.open('learner-1', 'cluster-tour');
    learner.addListener({});
    await learner.call('input', 'echo first-line\r');
    await until(() => host.manager.get(learner.id)!.screen().includes('first-line'));
    let seen = '';
    const o = await observeSandbox(host, 'learner-1', 'cluster-tour', (d) => (seen += d));
    expect(o.screen).toContain('echo first-line');
    await learner.call('input', 'echo second-line\r');
    await until(() => seen.includes('second-line'));
    expect(seen).not.toContain('first-line');
    o.stop();
    await learner.call('input', 'echo third-line\r');
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).not.toContain('third-line');
  });

  it('offers nothing but the screen and stop', async () => {
    const o = await observeSandbox(host, 'learner-1', 'cluster-tour', () => {});
    expect(Object.keys(o).sort()).toEqual(['screen', 'stop']);
    o.stop();
  });
});

describe('pre-warming', () => {
  it('starts the sandbox with nobody left watching it', async () => {
    await prewarmSandbox(host, 'learner-2', 'cluster-tour');
    const sandbox = host.manager.get('learner-2:cluster-tour');
    expect(sandbox).toBeDefined();
    expect(sandbox!.listenerCount).toBe(0);
    // Opening it again is the same, already running sandbox.
    expect((await host.open('learner-2', 'cluster-tour')).id).toBe('learner-2:cluster-tour');
    expect(host.manager.get('learner-2:cluster-tour')).toBe(sandbox);
  });
});

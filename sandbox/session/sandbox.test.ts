import { describe, expect, it } from 'vitest';
import { findLab } from '../../labs/registry.js';
import type { ChecksUpdate } from '../protocol.js';
import { Sandbox } from './sandbox.js';

// A server whose engine and shell are not there: the sandbox still serves files and checks.
const partial = { missing: ['sandbox/engine/cluster.ts: not built yet'] };
const deps = () => ({ id: 'u:deploy-nginx', userId: 'u', lab: findLab('deploy-nginx')!, runtime: partial, wallNow: () => 1_000 });

describe('Sandbox without a cluster engine', () => {
  it('says what is missing on its terminal and still grades the files', async () => {
    const sandbox = Sandbox.create(deps());
    const updates: ChecksUpdate[] = [];
    sandbox.addListener({ output: () => {}, files: () => {}, checks: (u) => updates.push(u) });
    sandbox.start();
    expect(sandbox.screen()).toContain('missing sandbox/engine/cluster.ts: not built yet');
    expect(sandbox.checks().checks.find((c) => c.id === 'manifest-written')?.state).toBe('failed');
    sandbox.fs.writeFile('/root/d.yaml', 'kind: Deployment\nmetadata:\n  name: other\n');
    await new Promise((r) => setTimeout(r, 100)); // grading waits for the burst to end
    expect(updates.at(-1)?.checks.find((c) => c.id === 'manifest-written')?.state).toBe('passed');
    sandbox.dispose();
  });

  it('restores files, cwd and screen from a JSON snapshot', () => {
    const sandbox = Sandbox.create(deps());
    sandbox.start();
    sandbox.fs.mkdir('/root/work');
    sandbox.fs.writeFile('/root/work/a.yaml', 'a: 1\n');
    sandbox.fs.chdir('/root/work');
    const back = Sandbox.restore(deps(), JSON.parse(JSON.stringify(sandbox.snapshot())));
    expect(back.files()).toEqual(['/root/web-declarative.yaml', '/root/work/a.yaml']);
    expect(back.fs.cwd).toBe('/root/work');
    expect(back.screen()).toBe(sandbox.screen());
    sandbox.dispose();
    back.dispose();
  });

  it('refuses a snapshot of an unknown version', () => {
    expect(() => Sandbox.restore(deps(), { version: 99 })).toThrow('unknown sandbox snapshot version 99');
  });
});

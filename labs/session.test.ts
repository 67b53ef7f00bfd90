// A lab in the real session Sandbox: the lab's cluster shape and starting objects, answers graded
// at once and kept in the snapshot, shell history feeding command checks.
import { describe, expect, it } from 'vitest';
import { loadRuntime } from '../sandbox/session/runtime.js';
import { Sandbox } from '../sandbox/session/sandbox.js';
import { findLab } from './registry.js';

const runtime = await loadRuntime();

describe('a lab in a session sandbox', () => {
  it('starts with its objects, grades answers and history, and keeps answers across a restore', async () => {
    const wall = Date.UTC(2026, 0, 1);
    const deps = { id: 'test:namespaces', userId: 'test', lab: findLab('namespaces')!, runtime, wallNow: () => wall };
    const sandbox = Sandbox.create(deps);
    try {
      const state = (id: string) => sandbox.gradeNow().checks.find((c) => c.id === id)!;
      expect(state('invoices-namespace').state).toBe('failed');
      expect(sandbox.answer('invoices-namespace', 'default').checks.checks.find((c) => c.id === 'invoices-namespace')!.state).toBe('failed');
      expect(sandbox.answer('invoices-namespace', 'billing').checks.checks.find((c) => c.id === 'invoices-namespace')!.message).toContain('Correct.');
      expect(sandbox.answer('no-such-question', 'x').known).toBe(false);

      let screen = '';
      sandbox.addListener({ output: (d) => (screen += d), files: () => {}, checks: () => {} });
      sandbox.input('kubectl get deploy -A\r');
      for (let i = 0; i < 300 && !screen.includes('invoices'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(screen).toMatch(/billing\s+invoices/);
      sandbox.input('kubectl config get-contexts\r');
      for (let i = 0; i < 300 && state('viewed-context').state !== 'passed'; i++) await new Promise((r) => setTimeout(r, 10));
      expect(state('viewed-context').state).toBe('passed');

      const restored = Sandbox.restore(deps, JSON.parse(JSON.stringify(sandbox.snapshot())));
      expect(restored.gradeNow().checks.find((c) => c.id === 'invoices-namespace')!.state).toBe('passed');
      restored.dispose();
    } finally {
      sandbox.dispose();
    }
  });
});

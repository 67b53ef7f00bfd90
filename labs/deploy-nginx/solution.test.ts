// Replays the lab's solution in a fresh sandbox (real engine, shell and kubectl): every check
// fails before and passes after, and still passes in a sandbox restored from its snapshot.
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../sandbox/session/sandbox.js';
import { loadRuntime } from '../../sandbox/session/runtime.js';
import { findLab } from '../registry.js';
import { solution } from './solution.js';

const runtime = await loadRuntime();

describe.skipIf(runtime.missing.length > 0)('deploy-nginx solution', () => {
  it('turns every check green, in a live and in a restored sandbox', async () => {
    let wall = Date.UTC(2025, 0, 1);
    const deps = { id: 'solver:deploy-nginx', userId: 'solver', lab: findLab('deploy-nginx')!, runtime, wallNow: () => wall };
    const sandbox = Sandbox.create(deps);
    let screen = '';
    sandbox.addListener({ output: (d) => (screen += d), files: () => {}, checks: () => {} });
    const waitFor = async (text: string) => {
      for (let i = 0; i < 500 && !screen.includes(text); i++) await new Promise((r) => setTimeout(r, 10));
      expect(screen).toContain(text);
    };
    const settle = (seconds: number) => {
      for (let i = 0; i < seconds; i++) {
        wall += 1000;
        sandbox.tick();
      }
    };
    try {
      settle(5);
      expect(sandbox.gradeNow().checks.map((c) => c.state)).toEqual(['failed', 'failed', 'failed', 'failed']);

      sandbox.input(`${solution.commands[0]}\r`);
      await waitFor('deployment.apps/web created');
      for (const [path, content] of Object.entries(solution.files)) sandbox.fs.writeFile(path, content);
      sandbox.input(`${solution.commands[1]}\r`);
      await waitFor('deployment.apps/web-declarative created');
      settle(60);
      const graded = sandbox.gradeNow();
      expect(graded.checks.filter((c) => c.state !== 'passed')).toEqual([]);
      expect(graded.allPassed).toBe(true);

      const restored = Sandbox.restore(deps, JSON.parse(JSON.stringify(sandbox.snapshot())));
      expect(restored.gradeNow().allPassed).toBe(true);
      expect(restored.screen()).toBe(sandbox.screen());
      let after = '';
      restored.addListener({ output: (d) => (after += d), files: () => {}, checks: () => {} });
      restored.input('kubectl get deployments\r');
      for (let i = 0; i < 500 && !/web-declarative\s+3\/3/.test(after); i++) await new Promise((r) => setTimeout(r, 10));
      expect(after).toMatch(/web\s+3\/3/);
      expect(after).toMatch(/web-declarative\s+3\/3/);
      restored.dispose();
    } finally {
      sandbox.dispose();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { findLab } from '../../labs/registry.js';
import { loadRuntime } from './runtime.js';
import { Sandbox } from './sandbox.js';
import { SNAPSHOT_VERSION, migrateSnapshot } from './snapshot.js';

describe('sandbox snapshot versions', () => {
  it('migrates a version 1 snapshot (no wall time, optional answers) and restores it', async () => {
    const runtime = await loadRuntime();
    const deps = { id: 'old:deploy-nginx', userId: 'old', lab: findLab('deploy-nginx')!, runtime, wallNow: () => 2_000_000 };
    const current = Sandbox.create(deps).snapshot();
    const { savedAtMs: _dropped, answers: _none, ...rest } = current;
    const v1 = JSON.parse(JSON.stringify({ ...rest, version: 1 }));
    const migrated = migrateSnapshot(v1);
    expect(migrated.version).toBe(SNAPSHOT_VERSION);
    expect(migrated.savedAtMs).toBe(v1.clockMs);
    expect(migrated.answers).toEqual({});
    const restored = Sandbox.restore(deps, v1);
    expect(restored.files()).toEqual(Sandbox.restore(deps, current).files());
    expect(restored.screen()).toBe(current.screen);
  });

  it('refuses what it cannot read, saying why', () => {
    expect(() => migrateSnapshot({ version: 99 })).toThrow('unknown sandbox snapshot version 99');
    expect(() => migrateSnapshot('junk')).toThrow('not a sandbox snapshot');
  });
});

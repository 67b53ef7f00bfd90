// The session store, with every graded result also handed to the workshop hub (live dashboards).
// The store is where all results meet, from this thread and from every sandbox worker.
import type { ChecksUpdate } from '../sandbox/protocol.js';
import type { SandboxStore } from '../sandbox/session/store.js';

/**
 * A proxy rather than a copy of the methods: whatever else the store offers (optional methods
 * other features add) passes through untouched, bound to the real store.
 */
export function withWorkshopProgress<S extends SandboxStore>(store: S, onResults: (userId: string, labSlug: string, update: ChecksUpdate) => Promise<void>, log?: (m: string) => void): S {
  const saveResults = async (userId: string, labSlug: string, update: ChecksUpdate) => {
    await store.saveResults(userId, labSlug, update);
    // After the results are stored, so the dashboard reads what was just written.
    await onResults(userId, labSlug, update).catch((e) => log?.(`workshop progress for ${userId}:${labSlug} not sent: ${(e as Error).message}`));
  };
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'saveResults') return saveResults;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

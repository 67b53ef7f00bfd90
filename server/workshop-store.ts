// The session store, with every graded result also handed to the workshop hub (live dashboards),
// and a deleted learner's workshop places deleted with them. The store is where all results
// and deletions meet, from this thread and from every sandbox worker.
import type { ChecksUpdate } from '../sandbox/protocol';
import type { SandboxStore } from '../sandbox/session/store';

export interface WorkshopSink {
  progress(userId: string, labSlug: string, update: ChecksUpdate): Promise<void>;
  forgetLearner(userId: string): Promise<void>;
}

/**
 * A proxy rather than a copy of the methods: whatever else the store offers (optional methods
 * other features add) passes through untouched, bound to the real store.
 */
export function withWorkshopProgress<S extends SandboxStore>(store: S, sink: WorkshopSink, log?: (m: string) => void): S {
  const saveResults = async (userId: string, labSlug: string, update: ChecksUpdate) => {
    await store.saveResults(userId, labSlug, update);
    // After the results are stored, so the dashboard reads what was just written.
    await sink.progress(userId, labSlug, update).catch((e) => log?.(`workshop progress for ${userId}:${labSlug} not sent: ${(e as Error).message}`));
  };
  const deleteUser = async (userId: string) => {
    await sink.forgetLearner(userId);
    await store.deleteUser(userId);
  };
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'saveResults') return saveResults;
      if (prop === 'deleteUser') return deleteUser;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

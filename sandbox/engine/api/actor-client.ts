// An ApiClient whose writes are attributed to one actor (for the trace), unless a call names its own.
import type { ApiClient } from './types.js';

export function withActor(api: ApiClient, actor: string): ApiClient {
  return {
    create: (ref, body, opts) => api.create(ref, body, { actor, ...opts }),
    get: (ref) => api.get(ref),
    list: (ref, opts) => api.list(ref, opts),
    update: (ref, body, opts) => api.update(ref, body, { actor, ...opts }),
    patch: (ref, type, patch, opts) => api.patch(ref, type, patch, { actor, ...opts }),
    delete: (ref, opts) => api.delete(ref, { actor, ...opts }),
    deleteCollection: (ref, list, opts) => api.deleteCollection(ref, list, { actor, ...opts }),
    watch: (ref, opts, onEvent) => api.watch(ref, opts, onEvent),
  };
}

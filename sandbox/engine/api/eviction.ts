// pods/eviction (policy/v1 Eviction): a delete that first asks the pod's PodDisruptionBudget,
// answering 429 with the real DisruptionBudget cause when it would be violated.
import { rfc3339 } from '../clock.js';
import { clone, type KubeObject } from '../objects.js';
import { createdStatus, failure, type Status } from './errors-extra.js';
import { selectorFromSpec, type LabelSelectorSpec } from './label-selector.js';
import { isObjectBody } from './request.js';
import { RESOURCES } from './resources.js';
import { deleteObject } from './delete.js';
import type { Api } from './api.js';
import type { DeleteOptions, ResourceRef, WriteOptions } from './types.js';

const PODS = RESOURCES.find((r) => r.group === '' && r.resource === 'pods')!;
const PDBS = RESOURCES.find((r) => r.group === 'policy' && r.resource === 'poddisruptionbudgets')!;

interface PdbStatus {
  disruptionsAllowed?: number;
  currentHealthy?: number;
  desiredHealthy?: number;
  observedGeneration?: number;
  disruptedPods?: Record<string, string>;
}

export function evictPod(api: Api, ref: ResourceRef, body: unknown, opts: WriteOptions): Status {
  if (!isObjectBody(body)) throw failure(400, 'BadRequest', 'the object provided is unrecognized (must be of type Eviction)');
  const eviction = body as { metadata?: { name?: string }; deleteOptions?: DeleteOptions };
  const name = ref.name ?? '';
  if (eviction.metadata?.name && eviction.metadata.name !== name) throw failure(400, 'BadRequest', 'name in URL does not match name in Eviction object');
  const pod = api.getObject(PODS, ref.namespace, name);
  const deleteOpts: DeleteOptions = { ...(eviction.deleteOptions ?? {}), actor: opts.actor };
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (phase !== 'Succeeded' && phase !== 'Failed' && phase !== 'Pending' && !pod.metadata.deletionTimestamp) checkBudget(api, pod, opts);
  deleteObject(api, PODS, ref.namespace, name, deleteOpts);
  return createdStatus();
}

function checkBudget(api: Api, pod: KubeObject, opts: WriteOptions): void {
  const pdbs = api.core.store
    .list(`${PDBS.storagePrefix}/${pod.metadata.namespace}/`)
    .filter((p) => selectorFromSpec((p.spec as { selector?: LabelSelectorSpec }).selector).matches(pod.metadata.labels as Record<string, string>));
  if (pdbs.length === 0) return;
  if (pdbs.length > 1) throw failure(500, 'InternalError', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  const pdb = pdbs[0];
  const status = (pdb.status ?? {}) as PdbStatus;
  const tooMany = (message: string) =>
    failure(429, 'TooManyRequests', "Cannot evict pod as it would violate the pod's disruption budget.", {
      causes: [{ reason: 'DisruptionBudget', message }],
    });
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) {
    throw tooMany(`The disruption budget ${pdb.metadata.name} is still being processed by the server.`);
  }
  if ((status.disruptionsAllowed ?? 0) <= 0) {
    throw tooMany(`The disruption budget ${pdb.metadata.name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`);
  }
  const next = clone(pdb) as KubeObject & { status: PdbStatus };
  next.status.disruptionsAllowed = (status.disruptionsAllowed ?? 0) - 1;
  next.status.disruptedPods = { ...(status.disruptedPods ?? {}), [pod.metadata.name!]: rfc3339(api.core.clock.now()) };
  api.updateObject(PDBS, next, pdb, opts, { verb: 'update', subresource: 'status', managed: 'update' });
}

// The namespace controller: empties a Terminating namespace (deletes everything in it, reporting
// progress in the real status conditions), then removes the `kubernetes` finalizer through
// namespaces/finalize, which lets the namespace go.
import { rfc3339 } from '../clock.js';
import { isStatusError } from '../api/errors.js';
import type { ApiClient, ResourceType } from '../api/types.js';
import type { KubeObject } from '../objects.js';
import type { Controller, ControllerContext } from './runtime-contract.js';
import { COLLECTED_RESOURCES } from './garbage-collector.js';

const NS_REF = { group: '', version: 'v1', resource: 'namespaces' };
const CONTENT = COLLECTED_RESOURCES.filter((r) => r.namespaced);
/** How soon to look again while content (e.g. pods in their grace period) remains. */
const RECHECK_MS = 2000;

interface Condition {
  type: string;
  status: 'True' | 'False';
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** `pods.` for core resources: the controller prints resource + "." + group. */
const groupResource = (rt: ResourceType) => `${rt.resource}.${rt.group}`;

function conditions(now: string, remaining: Array<[ResourceType, number]>, old: Condition[] | undefined): Condition[] {
  const remain = remaining.length > 0;
  const wanted: Array<Omit<Condition, 'lastTransitionTime'>> = [
    { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
    { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
    { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
    remain
      ? { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${remaining.map(([rt, n]) => `${groupResource(rt)} has ${n} resource instances`).join(', ')}` }
      : { type: 'NamespaceContentRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' },
    { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
  ];
  return wanted.map((c) => {
    const prev = old?.find((o) => o.type === c.type);
    const lastTransitionTime = prev && prev.status === c.status ? prev.lastTransitionTime : now;
    return { type: c.type, status: c.status, lastTransitionTime, reason: c.reason, message: c.message } as Condition;
  });
}

function deleteContent(api: ApiClient, namespace: string): Array<[ResourceType, number]> {
  const remaining: Array<[ResourceType, number]> = [];
  for (const rt of CONTENT) {
    const ref = { group: rt.group, version: rt.version, resource: rt.resource, namespace };
    const items = api.list(ref).items;
    for (const obj of items) {
      if (!obj.metadata.deletionTimestamp) api.delete({ ...ref, name: obj.metadata.name }, { propagationPolicy: 'Background' });
    }
    const left = api.list(ref).items.length;
    if (left) remaining.push([rt, left]);
  }
  return remaining;
}

function reconcile(key: string, ctx: ControllerContext) {
  let ns: KubeObject;
  try {
    ns = ctx.api.get({ ...NS_REF, name: key });
  } catch (e) {
    if (isStatusError(e) && e.code === 404) return;
    throw e;
  }
  if (!ns.metadata.deletionTimestamp) return;
  const remaining = deleteContent(ctx.api, key);
  const status = (ns.status ?? {}) as { phase?: string; conditions?: Condition[] };
  const next = conditions(rfc3339(ctx.clock.now()), remaining, status.conditions);
  if (JSON.stringify(next) !== JSON.stringify(status.conditions)) {
    ns = ctx.api.update({ ...NS_REF, name: key, subresource: 'status' }, { ...ns, status: { ...status, conditions: next } });
  }
  if (remaining.length) return { requeueAfterMs: RECHECK_MS };
  const finalizers = ((ns.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).filter((f) => f !== 'kubernetes');
  ctx.api.update({ ...NS_REF, name: key, subresource: 'finalize' }, { ...ns, spec: { ...(ns.spec ?? {}), finalizers } });
  return undefined;
}

export function namespaceController(): Controller {
  return {
    name: 'namespace-controller',
    watches: [{ ...NS_REF, keysFor: (obj) => (obj.metadata.deletionTimestamp ? [obj.metadata.name!] : []) }],
    reconcile,
  };
}

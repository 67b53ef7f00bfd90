// Pod helpers shared by the workload controllers: a pod from a template, readiness and
// availability (podutil.IsPodAvailable), and which pods to delete first when scaling down.
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { clone } from '../objects.js';

export function podFromTemplate(template: PodTemplateSpec, namespace: string, generateName: string, owner: OwnerReference): Record<string, unknown> {
  const t = clone(template);
  const metadata: Record<string, unknown> = { generateName, namespace };
  if (t.metadata?.labels) metadata.labels = t.metadata.labels;
  if (t.metadata?.annotations) metadata.annotations = t.metadata.annotations;
  if (t.metadata?.finalizers) metadata.finalizers = t.metadata.finalizers;
  metadata.ownerReferences = [owner];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: t.spec };
}

function readyCondition(pod: Pod) {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

export function isPodReady(pod: Pod): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** When the pod became (or becomes) available given minReadySeconds; undefined if not ready. */
export function availableAt(pod: Pod, minReadySeconds: number): number | undefined {
  const ready = readyCondition(pod);
  if (ready?.status !== 'True') return undefined;
  const since = ready.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : 0;
  return since + minReadySeconds * 1000;
}

/** controller.ActivePods ordering: unassigned < assigned, Pending < Unknown < Running, not ready < ready, newer ready first, more restarts first, newer first. */
export function rankForDeletion(pods: Pod[]): Pod[] {
  const phaseRank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
  const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
  const keys = (p: Pod): Array<number | string> => [
    p.spec?.nodeName ? 1 : 0,
    phaseRank[p.status?.phase ?? 'Pending'] ?? 0,
    isPodReady(p) ? 1 : 0,
    -Date.parse(readyCondition(p)?.lastTransitionTime ?? '1970-01-01T00:00:00Z'),
    -restarts(p),
    -Date.parse(p.metadata?.creationTimestamp ?? '1970-01-01T00:00:00Z'),
  ];
  return [...pods].sort((a, b) => {
    const ka = keys(a);
    const kb = keys(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return 0;
  });
}

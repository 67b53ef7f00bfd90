// A first DaemonSet controller (pkg/controller/daemon): one pod per node the template fits
// (nodeSelector/affinity, taints), each pinned with required node affinity on metadata.name and
// placed by the default scheduler, as the real controller has done since 1.12. Missing for now:
// ControllerRevisions, rolling updates of existing pods, surge, and deleting misplaced pods.
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, PodSpec, Toleration } from 'kubernetes-types/core/v1';
import type { Controller, ControllerContext, ReconcileResult } from './runtime-contract.js';
import { objectKey, splitKey } from './runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { daemonSetsRef, GVR, nodesRef, podsRef } from './refs.js';
import { controllerOf, isControlledBy, isPodActive, ownerRefTo } from './selectors.js';
import { availableAt, isPodReady, podFromTemplate } from './pod-helpers.js';
import { matchesNodeAffinity, untoleratedTaint } from '../scheduler/filters.js';
import { podTemplateHash } from './pod-template-hash.js';

export const DAEMONSET_CONTROLLER = 'daemonset-controller';
const ALL_DAEMONSETS = '*nodes-changed';

/** Tolerations every daemon pod gets (util.AddOrUpdateDaemonPodTolerations). */
const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

function daemonPodSpec(ds: DaemonSet, node: string): PodSpec {
  const spec = { ...ds.spec!.template.spec! };
  const tolerations = [...(spec.tolerations ?? [])];
  for (const t of [...DAEMON_TOLERATIONS, ...(spec.hostNetwork ? [{ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' }] : [])]) {
    if (!tolerations.some((x) => x.key === t.key && x.effect === t.effect)) tolerations.push(t);
  }
  spec.tolerations = tolerations;
  spec.affinity = { ...(spec.affinity ?? {}), nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } } };
  return spec;
}

function shouldRun(ds: DaemonSet, node: Node): boolean {
  const probe = { metadata: {}, spec: { ...ds.spec!.template.spec!, tolerations: daemonPodSpec(ds, node.metadata!.name!).tolerations } } as Pod;
  return matchesNodeAffinity(probe, node) && !untoleratedTaint(node.spec?.taints, probe.spec!.tolerations, ['NoSchedule', 'NoExecute']);
}

/** The node a daemon pod is pinned to, from its required node affinity or nodeName. */
function pinnedNode(pod: Pod): string | undefined {
  const term = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0];
  return term?.matchFields?.find((f) => f.key === 'metadata.name')?.values?.[0] ?? pod.spec?.nodeName;
}

export class DaemonSetController implements Controller {
  readonly name = DAEMONSET_CONTROLLER;
  readonly watches = [
    { ...GVR.daemonSets, keysFor: (obj: KubeObject) => [objectKey(obj)] },
    { ...GVR.pods, keysFor: (obj: KubeObject) => (controllerOf(obj)?.kind === 'DaemonSet' ? [`${obj.metadata.namespace}/${controllerOf(obj)!.name}`] : []) },
    { ...GVR.nodes, keysFor: () => [ALL_DAEMONSETS] }, // a node came or changed: every DaemonSet may need a pod there
  ];

  reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
    if (key === ALL_DAEMONSETS) {
      for (const ds of ctx.api.list(daemonSetsRef()).items) this.reconcile(objectKey(ds), ctx);
      return;
    }
    const { namespace, name } = splitKey(key);
    let ds: DaemonSet;
    try {
      ds = ctx.api.get(daemonSetsRef(namespace, name)) as unknown as DaemonSet;
    } catch {
      return;
    }
    const dsObj = ds as unknown as KubeObject;
    const nodes = (ctx.api.list(nodesRef()).items as unknown as Node[]).filter((n) => shouldRun(ds, n));
    const pods = () => (ctx.api.list(podsRef(namespace)).items as unknown as Pod[]).filter((p) => isControlledBy(p as unknown as KubeObject, dsObj) && isPodActive(p as unknown as KubeObject));
    const hash = podTemplateHash(ds.spec!.template);
    if (!ds.metadata?.deletionTimestamp) {
      const have = new Set(pods().map(pinnedNode));
      for (const node of nodes) {
        const nodeName = node.metadata!.name!;
        if (have.has(nodeName)) continue;
        const body = podFromTemplate(ds.spec!.template, namespace!, `${name}-`, ownerRefTo(dsObj)) as { metadata: { labels?: Record<string, string> }; spec: PodSpec };
        body.metadata.labels = { ...(body.metadata.labels ?? {}), 'controller-revision-hash': hash, 'pod-template-generation': String(ds.metadata?.generation ?? 1) };
        body.spec = daemonPodSpec(ds, nodeName);
        const pod = ctx.api.create(podsRef(namespace), body);
        ctx.recordEvent(dsObj, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
      }
    }
    const current = pods();
    const now = ctx.clock.now();
    const eligible = new Set(nodes.map((n) => n.metadata!.name!));
    const scheduled = current.filter((p) => eligible.has(pinnedNode(p)!));
    const status = {
      currentNumberScheduled: scheduled.length,
      desiredNumberScheduled: nodes.length,
      numberAvailable: scheduled.filter((p) => (availableAt(p, ds.spec?.minReadySeconds ?? 0) ?? Infinity) <= now).length,
      numberMisscheduled: 0,
      numberReady: scheduled.filter(isPodReady).length,
      observedGeneration: ds.metadata?.generation,
      updatedNumberScheduled: scheduled.filter((p) => p.metadata?.labels?.['controller-revision-hash'] === hash).length,
    };
    const compact = Object.fromEntries(Object.entries(status).filter(([k, v]) => v !== 0 || k === 'currentNumberScheduled' || k === 'desiredNumberScheduled' || k === 'numberMisscheduled' || k === 'numberReady'));
    if (JSON.stringify(compact) !== JSON.stringify(ds.status ?? {})) ctx.api.update(daemonSetsRef(namespace, name, 'status'), { ...ds, status: compact });
  }
}

// The node lifecycle controller (pkg/controller/nodelifecycle), as kube-controller-manager's
// node-controller: a node whose kubelet has not renewed its Lease nor posted status for the
// grace period (nodeMonitorGracePeriod, 40 s here) gets its conditions set to Unknown
// ("Kubelet stopped posting node status."), its pods marked not ready (NodeNotReady), and the
// `node.kubernetes.io/unreachable` NoSchedule and NoExecute taints; a Ready=False node gets the
// `not-ready` ones. The taints go again once the kubelet reports Ready. Evicting pods from the
// NoExecute taints is the taint-eviction-controller's job (taint-eviction.ts).
import type { Node, NodeCondition, Pod, Taint } from 'kubernetes-types/core/v1';
import type { Controller, ControllerContext, ReconcileResult } from './runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { rfc3339 } from '../clock.js';
import { GVR, leasesRef, nodesRef, podsRef } from './refs.js';
import { GVR2, getOrUndefined } from './refs-extra.js';

export const NODE_LIFECYCLE_CONTROLLER = 'node-controller';
export const NODE_MONITOR_GRACE_MS = 40_000;
export const UNREACHABLE = 'node.kubernetes.io/unreachable';
export const NOT_READY = 'node.kubernetes.io/not-ready';
const NODE_LEASE_NAMESPACE = 'kube-node-lease';
const STOPPED = 'Kubelet stopped posting node status.';
const KUBELET_CONDITIONS = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'];

/** When the kubelet was last heard from: its Lease renewal or a condition's heartbeat. */
function lastHeard(node: Node, lease: KubeObject | undefined): number {
  const renew = (lease?.spec as { renewTime?: string } | undefined)?.renewTime;
  const beats = (node.status?.conditions ?? []).map((c) => (c.lastHeartbeatTime ? Date.parse(c.lastHeartbeatTime) : 0));
  return Math.max(renew ? Date.parse(renew) : 0, ...beats, Date.parse(node.metadata?.creationTimestamp ?? '1970-01-01T00:00:00Z'));
}

/** TaintNodesByCondition: a node under pressure gets a NoSchedule taint for it (no timeAdded). */
const PRESSURE_TAINTS: Record<string, string> = { MemoryPressure: 'node.kubernetes.io/memory-pressure', DiskPressure: 'node.kubernetes.io/disk-pressure', PIDPressure: 'node.kubernetes.io/pid-pressure' };

function pressureTaints(node: Node): Taint[] {
  const own = new Set(Object.values(PRESSURE_TAINTS));
  const keep = (node.spec?.taints ?? []).filter((t) => !own.has(t.key));
  for (const c of node.status?.conditions ?? []) {
    const key = PRESSURE_TAINTS[c.type];
    if (key && c.status === 'True') keep.push(node.spec?.taints?.find((t) => t.key === key) ?? { key, effect: 'NoSchedule' });
  }
  return keep;
}

function desiredTaints(node: Node, now: number): Taint[] {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const keep = pressureTaints(node).filter((t) => t.key !== UNREACHABLE && t.key !== NOT_READY);
  const key = ready?.status === 'Unknown' ? UNREACHABLE : ready?.status === 'False' ? NOT_READY : undefined;
  if (!key) return keep;
  const existing = (effect: string) => node.spec?.taints?.find((t) => t.key === key && t.effect === effect);
  // NoExecute first, as `kubectl describe node` shows them on a real cluster.
  return [...keep, existing('NoExecute') ?? { key, effect: 'NoExecute', timeAdded: rfc3339(now) }, existing('NoSchedule') ?? { key, effect: 'NoSchedule' }];
}

export class NodeLifecycleController implements Controller {
  readonly name = NODE_LIFECYCLE_CONTROLLER;
  readonly watches = [
    { ...GVR.nodes, keysFor: (obj: KubeObject) => [obj.metadata.name!] },
    { ...GVR2.leases, keysFor: (obj: KubeObject) => (obj.metadata.namespace === NODE_LEASE_NAMESPACE ? [obj.metadata.name!] : []) },
  ];

  reconcile(name: string, ctx: ControllerContext): ReconcileResult | void {
    let node = getOrUndefined<Node>(() => ctx.api.get(nodesRef(name)));
    if (!node) return;
    const now = ctx.clock.now();
    const lease = getOrUndefined<KubeObject>(() => ctx.api.get(leasesRef(NODE_LEASE_NAMESPACE, name)));
    const deadline = lastHeard(node, lease) + NODE_MONITOR_GRACE_MS;
    if (deadline <= now) node = this.markUnknown(node, ctx);
    this.syncTaints(node, ctx);
    return deadline > now ? { requeueAfterMs: deadline - now } : undefined;
  }

  /** tryUpdateNodeHealth: every kubelet condition not yet Unknown becomes Unknown, then pods follow. */
  private markUnknown(node: Node, ctx: ControllerContext): Node {
    const stamp = rfc3339(ctx.clock.now());
    const conditions = node.status?.conditions ?? [];
    if (conditions.filter((c) => KUBELET_CONDITIONS.includes(c.type)).every((c) => c.status === 'Unknown')) return node;
    const wasReady = conditions.find((c) => c.type === 'Ready')?.status === 'True';
    const next: NodeCondition[] = conditions.map((c) =>
      KUBELET_CONDITIONS.includes(c.type) && c.status !== 'Unknown' ? { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: STOPPED, lastTransitionTime: stamp } : c,
    );
    const updated = ctx.api.update(nodesRef(node.metadata!.name!, 'status'), { ...node, status: { ...node.status, conditions: next } }) as unknown as Node;
    if (wasReady) {
      ctx.recordEvent(updated as unknown as KubeObject, 'Normal', 'NodeNotReady', `Node ${node.metadata!.name} status is now: NodeNotReady`);
      this.markPodsNotReady(node.metadata!.name!, ctx);
    }
    return updated;
  }

  /** MarkPodsNotReady: the Ready condition of every pod on the node turns False. */
  private markPodsNotReady(nodeName: string, ctx: ControllerContext): void {
    const stamp = rfc3339(ctx.clock.now());
    for (const pod of ctx.api.list(podsRef()).items as unknown as Pod[]) {
      if (pod.spec?.nodeName !== nodeName) continue;
      const conditions = pod.status?.conditions ?? [];
      if (!conditions.some((c) => c.type === 'Ready' && c.status !== 'False')) continue;
      const next = conditions.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: stamp } : c));
      ctx.api.update(podsRef(pod.metadata!.namespace, pod.metadata!.name, 'status'), { ...pod, status: { ...pod.status, conditions: next } });
      ctx.recordEvent(pod as unknown as KubeObject, 'Warning', 'NodeNotReady', 'Node is not ready');
    }
  }

  private syncTaints(node: Node, ctx: ControllerContext): void {
    const taints = desiredTaints(node, ctx.clock.now());
    if (JSON.stringify(taints) === JSON.stringify(node.spec?.taints ?? [])) return;
    const fresh = ctx.api.get(nodesRef(node.metadata!.name!)) as unknown as Node;
    const spec: Record<string, unknown> = { ...fresh.spec, taints };
    if (taints.length === 0) delete spec.taints;
    ctx.api.update(nodesRef(node.metadata!.name!), { ...fresh, spec });
  }
}

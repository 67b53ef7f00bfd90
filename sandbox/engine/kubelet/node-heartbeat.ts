// Node heartbeats, as the kubelet sends them: the node's Lease in kube-node-lease renewed every
// 10 s, and the node status checked every 10 s: posted at once when the kubelet's conditions
// differ from the API's (node-conditions.ts), else its heartbeats refreshed every 5 minutes.
import type { Node } from 'kubernetes-types/core/v1';
import type { ControllerContext, ReconcileResult } from '../controllers/runtime-contract.js';
import { rfc3339 } from '../clock.js';
import { leasesRef, nodesRef } from '../controllers/refs.js';
import type { KubeObject } from '../objects.js';
import { KUBELET_TIMINGS as T } from './timings.js';
import { syncConditions } from './node-conditions.js';
import type { NodeRuntimeState } from './runtime-state.js';
import type { KubeletEventSink } from './pod-worker.js';

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

/** metav1.MicroTime: RFC 3339 with microseconds. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

function renewLease(node: Node, ctx: ControllerContext): number {
  const now = ctx.clock.now();
  const name = node.metadata!.name!;
  let lease: KubeObject | undefined;
  try {
    lease = ctx.api.get(leasesRef(NODE_LEASE_NAMESPACE, name));
  } catch {
    lease = undefined;
  }
  if (!lease) {
    ctx.api.create(leasesRef(NODE_LEASE_NAMESPACE), {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name, namespace: NODE_LEASE_NAMESPACE, ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata!.uid! }] },
      spec: { holderIdentity: name, leaseDurationSeconds: T.leaseDurationSeconds, renewTime: microTime(now) },
    });
    return now + T.leaseRenewMs;
  }
  const spec = (lease.spec ?? {}) as { renewTime?: string };
  const last = spec.renewTime ? Date.parse(spec.renewTime) : 0;
  if (now - last < T.leaseRenewMs) return last + T.leaseRenewMs;
  ctx.api.update(leasesRef(NODE_LEASE_NAMESPACE, name), { ...lease, spec: { ...spec, renewTime: microTime(now) } });
  return now + T.leaseRenewMs;
}

/**
 * tryUpdateNodeStatus, every nodeStatusUpdateFrequency: post at once when the conditions differ
 * from the kubelet's view, else only refresh the heartbeats every nodeStatusReportFrequency.
 */
function reportStatus(node: Node, ctx: ControllerContext, rt: NodeRuntimeState, emit?: KubeletEventSink): number {
  const now = ctx.clock.now();
  if (syncConditions(node, rt, ctx, emit).node) return now + T.nodeStatusUpdateMs;
  const conditions = node.status?.conditions ?? [];
  const last = Math.max(0, ...conditions.map((c) => (c.lastHeartbeatTime ? Date.parse(c.lastHeartbeatTime) : 0)));
  if (now - last < T.nodeStatusReportMs) return Math.min(last + T.nodeStatusReportMs, now + T.nodeStatusUpdateMs);
  const stamp = rfc3339(now);
  const status = { ...node.status, conditions: conditions.map((c) => ({ ...c, lastHeartbeatTime: stamp })) };
  ctx.api.update(nodesRef(node.metadata!.name!, 'status'), { ...node, status });
  return now + T.nodeStatusReportMs;
}

export function heartbeat(nodeName: string, ctx: ControllerContext, rt: NodeRuntimeState, emit?: KubeletEventSink): ReconcileResult | void {
  let node: Node;
  try {
    node = ctx.api.get(nodesRef(nodeName)) as unknown as Node;
  } catch {
    return; // node deleted: its kubelet has nothing to report to
  }
  const next = Math.min(renewLease(node, ctx), reportStatus(node, ctx, rt, emit));
  return { requeueAfterMs: Math.max(1, next - ctx.clock.now()) };
}

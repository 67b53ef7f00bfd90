// The kubelet's own view of its node's conditions (pkg/kubelet/nodestatus setters), checked
// every nodeStatusUpdateFrequency (10 s): when the conditions in the API differ from it — the
// node lifecycle controller set them Unknown while the kubelet or the API server was away, or
// the container runtime went down or came back — the kubelet posts its status at once, with an
// event for each condition whose status changed ("Node x status is now: NodeReady").
import type { Node, NodeCondition } from 'kubernetes-types/core/v1';
import type { ControllerContext } from '../controllers/runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { rfc3339 } from '../clock.js';
import { nodesRef } from '../controllers/refs.js';
import { goDuration } from './go-duration.js';
import { PRESSURE_TRANSITION_MS } from './eviction.js';
import type { NodeRuntimeState } from './runtime-state.js';
import type { KubeletEventSink } from './pod-worker.js';

/** maxWaitForContainerRuntime: the runtime counts as down once its last good status is this old. */
export const RUNTIME_DOWN_AFTER_MS = 30_000;
/** The PLEG's relist threshold (pleg.go: 3 minutes without a relist makes it unhealthy). */
export const PLEG_THRESHOLD_MS = 3 * 60_000;

type Wanted = [status: string, reason: string, message: string, event: string];

/** Go's utilerrors aggregate text: one error alone, several in brackets. */
const aggregate = (errs: string[]) => (errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);

/** runtimeState.runtimeErrors: what the Ready condition says while containerd is stopped. */
export function runtimeErrors(rt: NodeRuntimeState, now: number): string | undefined {
  if (rt.runtimeDownSince === undefined) return undefined;
  const down = now - rt.runtimeDownSince;
  if (down < RUNTIME_DOWN_AFTER_MS) return undefined;
  const errs = ['container runtime is down'];
  if (down > PLEG_THRESHOLD_MS) errs.push(`PLEG is not healthy: pleg was last seen active ${goDuration(down)} ago; threshold is ${goDuration(PLEG_THRESHOLD_MS)}`);
  return aggregate(errs);
}

/** The conditions the kubelet would post now, by type. */
export function wantedConditions(rt: NodeRuntimeState, now: number): Record<string, Wanted> {
  const pressure = rt.memoryPressureAt !== undefined && now - rt.memoryPressureAt < PRESSURE_TRANSITION_MS;
  const notReady = runtimeErrors(rt, now);
  return {
    MemoryPressure: pressure
      ? ['True', 'KubeletHasInsufficientMemory', 'kubelet has insufficient memory available', 'NodeHasInsufficientMemory']
      : ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', 'NodeHasSufficientMemory'],
    DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', 'NodeHasNoDiskPressure'],
    PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', 'NodeHasSufficientPID'],
    Ready: notReady ? ['False', 'KubeletNotReady', notReady, 'NodeNotReady'] : ['True', 'KubeletReady', 'kubelet is posting ready status', 'NodeReady'],
  };
}

export interface ConditionSync {
  /** The node as written, or undefined when the API already says what the kubelet would. */
  node?: Node;
  /** The events for conditions whose status changed. */
  events: string[];
}

/** Posts the kubelet's conditions when they differ from the API's (status, reason or message). */
export function syncConditions(node: Node, rt: NodeRuntimeState, ctx: ControllerContext, emit?: KubeletEventSink): ConditionSync {
  const now = ctx.clock.now();
  const wanted = wantedConditions(rt, now);
  const conditions = node.status?.conditions ?? [];
  const differs = (c: NodeCondition) => wanted[c.type] && (c.status !== wanted[c.type][0] || c.reason !== wanted[c.type][1] || c.message !== wanted[c.type][2]);
  if (!conditions.some(differs)) return { events: [] };
  const stamp = rfc3339(now);
  const events: string[] = [];
  const next = conditions.map((c) => {
    const w = wanted[c.type];
    if (!w) return c;
    const [status, reason, message, event] = w;
    if (c.status !== status) events.push(event);
    return { ...c, status, reason, message, lastHeartbeatTime: stamp, lastTransitionTime: c.status === status ? c.lastTransitionTime : stamp };
  });
  const written = ctx.api.update(nodesRef(node.metadata!.name!, 'status'), { ...node, status: { ...node.status, conditions: next } } as unknown as KubeObject);
  const name = node.metadata!.name!;
  // The kubelet's recorder names the node without a namespace (as eviction.ts's events do).
  const ref = { ...written, metadata: { ...written.metadata, namespace: undefined } } as KubeObject;
  for (const e of events) {
    if (emit) emit(ref, 'Normal', e, `Node ${name} status is now: ${e}`, name);
    else ctx.recordEvent(ref, 'Normal', e, `Node ${name} status is now: ${e}`);
  }
  return { node: written as unknown as Node, events };
}

// The kubelet's eviction manager (pkg/kubelet/eviction) for memory, on simulated time: every 10 s
// it compares the node's available memory (capacity minus the working sets of the system and of
// the running containers) with the default hard threshold memory.available<100Mi. Under pressure
// it reports MemoryPressure on the Node (kept 5 minutes after the last pressure, the
// eviction-pressure-transition-period) and evicts one pod per round: pods using more than they
// requested first (BestEffort always does), then lower priority, then the largest excess.
import type { Container, Node, Pod, PodStatus } from 'kubernetes-types/core/v1';
import type { ControllerContext } from '../controllers/runtime-contract.js';
import { nodesRef, podsRef } from '../controllers/refs.js';
import type { KubeObject } from '../objects.js';
import { rfc3339 } from '../clock.js';
import { containerMemoryBytes, NODE_OVERHEAD } from '../metrics/index.js';
import { parseQuantity, resourceAmount } from '../scheduler/quantity.js';
import type { KubeletEventSink } from './pod-worker.js';
import type { NodeRuntimeState, PodRecord } from './runtime-state.js';

export const EVICTION_MONITOR_MS = 10_000;
export const MEMORY_THRESHOLD_BYTES = 100 * 1024 * 1024;
export const PRESSURE_TRANSITION_MS = 5 * 60_000;
/** Pods at or above system-cluster-critical's priority are never evicted. */
const CRITICAL_PRIORITY = 2_000_000_000;

/** resource.Quantity's BinarySI text for a byte count: '100Mi', '51200Ki' or plain bytes. */
export function binarySI(bytes: number): string {
  if (bytes !== 0 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)}Mi`;
  if (bytes % 1024 === 0) return bytes === 0 ? '0' : `${bytes / 1024}Ki`;
  return String(bytes);
}

interface PodUse {
  pod: Pod;
  rec: PodRecord;
  usage: number;
  request: number;
  containers: Array<{ spec: Container; usage: number }>;
}

function podUse(pod: Pod, rec: PodRecord): PodUse {
  const containers = (pod.spec?.containers ?? [])
    .filter((spec) => rec.containers.find((c) => c.name === spec.name)?.phase === 'running')
    .map((spec) => ({ spec, usage: containerMemoryBytes(spec, `${pod.metadata!.uid}/${spec.name}`) }));
  const request = (pod.spec?.containers ?? []).reduce((a, c) => a + resourceAmount('memory', c.resources?.requests?.memory), 0);
  return { pod, rec, usage: containers.reduce((a, c) => a + c.usage, 0), request, containers };
}

/** The eviction manager's ranking for memory: exceeds requests, then priority, then excess usage. */
function rank(a: PodUse, b: PodUse): number {
  const ea = a.usage > a.request ? 1 : 0;
  const eb = b.usage > b.request ? 1 : 0;
  if (ea !== eb) return eb - ea;
  const pa = a.pod.spec?.priority ?? 0;
  const pb = b.pod.spec?.priority ?? 0;
  if (pa !== pb) return pa - pb;
  return b.usage - b.request - (a.usage - a.request);
}

function evictionMessage(victim: PodUse, available: number): string {
  let msg = `The node was low on resource: memory. Threshold quantity: ${binarySI(MEMORY_THRESHOLD_BYTES)}, available: ${binarySI(Math.max(0, Math.floor(available / 1024) * 1024))}. `;
  for (const c of victim.containers) {
    const req = c.spec.resources?.requests?.memory;
    if (c.usage <= resourceAmount('memory', req)) continue;
    msg += `Container ${c.spec.name} was using ${binarySI(Math.ceil(c.usage / 1024) * 1024)}, request is ${req ?? '0'}, has larger consumption of memory. `;
  }
  return msg;
}

export interface EvictionEnv {
  ctx: ControllerContext;
  rt: NodeRuntimeState;
  emit?: KubeletEventSink;
  /** Writes the pod's status now (the kubelet's status manager). */
  writeStatus(pod: Pod, rec: PodRecord, node: Node): void;
}

function event(env: EvictionEnv, obj: KubeObject, node: string, type: 'Normal' | 'Warning', reason: string, message: string): void {
  if (env.emit) env.emit(obj, type, reason, message, node);
  else env.ctx.recordEvent(obj, type, reason, message);
}

/** One round of the eviction manager on `node`; returns when the next round is due. */
export function manageMemory(env: EvictionEnv, node: Node): number {
  const { ctx, rt } = env;
  const now = ctx.clock.now();
  const name = node.metadata!.name!;
  const pods = (ctx.api.list(podsRef()).items as unknown as Pod[]).filter((p) => p.spec?.nodeName === name && rt.pods[p.metadata!.uid!] && !rt.pods[p.metadata!.uid!].evicted && !p.metadata?.deletionTimestamp);
  const uses = pods.map((p) => podUse(p, rt.pods[p.metadata!.uid!]));
  const capacity = parseQuantity(node.status?.capacity?.memory ?? '0');
  const available = capacity - NODE_OVERHEAD.memory - uses.reduce((a, u) => a + u.usage, 0);
  const pressure = available < MEMORY_THRESHOLD_BYTES;
  if (pressure) rt.memoryPressureAt = now;
  reportCondition(env, node, rt.memoryPressureAt !== undefined && now - rt.memoryPressureAt < PRESSURE_TRANSITION_MS);
  if (!pressure) return now + EVICTION_MONITOR_MS;
  event(env, node as unknown as KubeObject, name, 'Warning', 'EvictionThresholdMet', 'Attempting to reclaim memory');
  const victim = uses.filter((u) => (u.pod.spec?.priority ?? 0) < CRITICAL_PRIORITY && u.containers.length).sort(rank)[0];
  if (victim) evict(env, node, victim, evictionMessage(victim, available));
  return now + EVICTION_MONITOR_MS;
}

function evict(env: EvictionEnv, node: Node, victim: PodUse, message: string): void {
  const now = env.ctx.clock.now();
  const host = node.metadata!.name!;
  event(env, victim.pod as unknown as KubeObject, host, 'Warning', 'Evicted', message);
  for (const c of victim.rec.containers) {
    if (c.phase !== 'running') continue;
    event(env, victim.pod as unknown as KubeObject, host, 'Normal', 'Killing', `Stopping container ${c.name}`);
    // Hard eviction kills at once (grace period 0): SIGKILL.
    c.previousTerminated = c.lastTerminated;
    c.lastTerminated = { exitCode: 137, startedAt: c.startedAt!, finishedAt: now, containerID: c.containerID! };
    Object.assign(c, { phase: 'exited', exitAt: undefined, probes: undefined, ready: undefined, crashLoopMessage: undefined });
  }
  for (const c of victim.rec.containers) if (c.phase !== 'running' && c.phase !== 'exited') c.phase = 'exited';
  victim.rec.evicted = { message, at: now };
  env.writeStatus(victim.pod, victim.rec, node);
}

/** What an evicted pod's status says besides its containers (eviction_manager.go evictPod). */
export function evictedStatus(status: PodStatus, evicted: { message: string; at: number }): PodStatus {
  const conditions = [
    { lastProbeTime: null as unknown as string, lastTransitionTime: rfc3339(evicted.at), message: evicted.message, reason: 'TerminationByKubelet', status: 'True', type: 'DisruptionTarget' },
    ...(status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'),
  ];
  return { ...status, conditions, message: evicted.message, phase: 'Failed', reason: 'Evicted' };
}

function reportCondition(env: EvictionEnv, node: Node, pressure: boolean): void {
  const conditions = node.status?.conditions ?? [];
  const current = conditions.find((c) => c.type === 'MemoryPressure');
  const status = pressure ? 'True' : 'False';
  if (!current || current.status === status) return;
  const now = rfc3339(env.ctx.clock.now());
  const [reason, message] = pressure ? ['KubeletHasInsufficientMemory', 'kubelet has insufficient memory available'] : ['KubeletHasSufficientMemory', 'kubelet has sufficient memory available'];
  const next = conditions.map((c) => (c.type === 'MemoryPressure' ? { ...c, status, reason, message, lastHeartbeatTime: now, lastTransitionTime: now } : c));
  env.ctx.api.update(nodesRef(node.metadata!.name!, 'status'), { ...node, status: { ...node.status, conditions: next } } as unknown as KubeObject);
  const name = node.metadata!.name!;
  const ref = { ...(node as unknown as KubeObject), metadata: { ...node.metadata!, namespace: undefined } } as KubeObject;
  event(env, ref, name, 'Normal', pressure ? 'NodeHasInsufficientMemory' : 'NodeHasSufficientMemory', `Node ${name} status is now: ${reason.replace('Kubelet', 'Node')}`);
}

// The kubelets of all simulated nodes as one controller (each pod and node key is handled for
// the node it names): pod workers that bring bound pods up on the simulated runtime and report
// their status, graceful termination, and node heartbeats (Lease renewals, node status).
// Keys: 'namespace/name' for pods, a bare node name for that node's heartbeat.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Controller, ControllerContext, ReconcileResult } from '../controllers/runtime-contract.js';
import { objectKey, splitKey } from '../controllers/runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { GVR, nodesRef, podsRef } from '../controllers/refs.js';
import { resolveImage } from '../images/catalogue.js';
import { LogStore } from './log-store.js';
import { advancePod, type KubeletEventSink, type WorkerEnv } from './pod-worker.js';
import { computePodStatus } from './pod-status.js';
import { allocatePodIP, newNodeRuntime, type NodeRuntimeState, type PodRecord, type RuntimeState } from './runtime-state.js';
import { between, KUBELET_TIMINGS as T } from './timings.js';
import { heartbeat } from './node-heartbeat.js';
import { manageMemory } from './eviction.js';
import { admitPod, type Rejection } from './admission.js';
import { rfc3339 } from '../clock.js';

export const KUBELET = 'kubelet';

export interface KubeletState {
  nodes: RuntimeState;
  logs: LogStore;
}

export function newKubeletState(): KubeletState {
  return { nodes: {}, logs: new LogStore() };
}

const earliestResult = (r: ReconcileResult | void, afterMs: number): ReconcileResult => ({ requeueAfterMs: Math.max(1, Math.min(r?.requeueAfterMs ?? Infinity, afterMs)) });

const due = (at: number | undefined, now: number): ReconcileResult | void => (at === undefined ? undefined : { requeueAfterMs: Math.max(0, at - now) });

type Conditions = Array<{ type: string; status: string }> | undefined;
const sameConditionStatuses = (a: Conditions, b: Conditions) => (b ?? []).every((c) => (a ?? []).find((x) => x.type === c.type)?.status === c.status);

export class Kubelets implements Controller {
  readonly name = KUBELET;
  readonly watches = [
    { ...GVR.pods, keysFor: (obj: KubeObject) => ((obj as unknown as Pod).spec?.nodeName ? [objectKey(obj)] : []) },
    { ...GVR.nodes, keysFor: (obj: KubeObject) => [obj.metadata.name!] },
  ];

  /** `emit` records events with source.host = the node; without it events carry no host. */
  constructor(
    readonly state: KubeletState = newKubeletState(),
    private readonly emit?: KubeletEventSink,
  ) {}

  runtimeOf(node: string): NodeRuntimeState {
    return (this.state.nodes[node] ??= newNodeRuntime());
  }

  reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
    if (!key.includes('/')) return this.state.nodes[key]?.stopped ? undefined : this.syncNode(key, ctx);
    return this.syncPod(key, ctx);
  }

  /** The node's heartbeat and its eviction manager's round, whichever is due first. */
  private syncNode(name: string, ctx: ControllerContext): ReconcileResult | void {
    const beat = heartbeat(name, ctx, this.runtimeOf(name), this.emit);
    let node: Node;
    try {
      node = ctx.api.get(nodesRef(name)) as unknown as Node;
    } catch {
      return beat;
    }
    const rt = this.runtimeOf(name);
    const now = ctx.clock.now();
    if (rt.nextEvictionCheckAt !== undefined && now < rt.nextEvictionCheckAt) return earliestResult(beat, rt.nextEvictionCheckAt - now);
    const env = { ctx, rt, emit: this.emit, writeStatus: (pod: Pod, rec: PodRecord, n: Node) => this.writeStatus(pod, rec, n, ctx) };
    rt.nextEvictionCheckAt = manageMemory(env, node);
    return earliestResult(beat, rt.nextEvictionCheckAt - now);
  }

  private syncPod(key: string, ctx: ControllerContext): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    let pod: Pod;
    try {
      pod = ctx.api.get(podsRef(namespace, name)) as unknown as Pod;
    } catch {
      this.forget(key);
      return;
    }
    const nodeName = pod.spec?.nodeName;
    // A stopped kubelet does nothing; with containerd stopped its pod workers cannot reach the runtime.
    const nodeRt = nodeName ? this.state.nodes[nodeName] : undefined;
    if (!nodeName || nodeRt?.stopped || nodeRt?.runtimeDownSince !== undefined) return;
    let node: Node;
    try {
      node = ctx.api.get(nodesRef(nodeName)) as unknown as Node;
    } catch {
      return; // a pod bound to a node that does not exist: no kubelet will ever run it
    }
    const rt = this.runtimeOf(nodeName);
    const now = ctx.clock.now();
    let rec = rt.pods[pod.metadata!.uid!];
    if (pod.metadata?.deletionTimestamp) return this.terminate(pod, rec, rt, ctx);
    if (!rec) {
      if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') return; // rejected or done before
      const rejection = admitPod(pod, node, this.admittedPods(nodeName, rt, ctx));
      if (rejection) return this.reject(pod, rejection, ctx);
      rec = this.admit(pod, node, rt, ctx);
    }
    const env: WorkerEnv = { ctx, rt, node, logs: this.state.logs, emit: this.emit };
    const next = advancePod(env, pod, rec, now);
    this.writeStatus(pod, rec, node, ctx);
    return due(next, now);
  }

  private admit(pod: Pod, node: Node, rt: NodeRuntimeState, ctx: ControllerContext): PodRecord {
    const now = ctx.clock.now();
    const hostIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
    const ip = pod.spec?.hostNetwork ? hostIP : allocatePodIP(rt, node.spec?.podCIDR ?? '10.244.0.0/24');
    const rec: PodRecord = { uid: pod.metadata!.uid!, key: objectKey(pod as unknown as KubeObject), seenAt: now, sandboxReadyAt: now + between(ctx.random, T.sandboxMs), ip, containers: [] };
    rt.pods[rec.uid] = rec;
    return rec;
  }

  /**
   * The pods this node's kubelet runs now (they hold its resources): read one by one from the
   * node's own records rather than filtering every pod in the cluster, so admitting a pod costs
   * the node's pod count, not the cluster's.
   */
  private admittedPods(nodeName: string, rt: NodeRuntimeState, ctx: ControllerContext): Pod[] {
    const pods: Pod[] = [];
    for (const rec of Object.values(rt.pods)) {
      const { namespace, name } = splitKey(rec.key);
      let pod: Pod;
      try {
        pod = ctx.api.get(podsRef(namespace, name)) as unknown as Pod;
      } catch {
        continue; // removed from the API; its record goes with the next sync
      }
      if (pod.metadata?.uid === rec.uid && pod.spec?.nodeName === nodeName) pods.push(pod);
    }
    return pods;
  }

  private reject(pod: Pod, r: Rejection, ctx: ControllerContext): void {
    this.event(ctx, pod, 'Warning', r.reason, r.message);
    const status = { ...(pod.status ?? {}), phase: 'Failed', reason: r.reason, message: `Pod was rejected: ${r.message}`, startTime: rfc3339(ctx.clock.now()) };
    ctx.api.update(podsRef(pod.metadata!.namespace, pod.metadata!.name, 'status'), { ...pod, status });
  }

  private writeStatus(pod: Pod, rec: PodRecord, node: Node, ctx: ControllerContext): void {
    const status = computePodStatus(pod, rec, node, ctx.clock.now());
    const json = JSON.stringify(status);
    // The status manager also writes again when the API's conditions were changed by someone
    // else (the node lifecycle controller marked the pod not ready while the node was away).
    if (json === rec.lastStatus && sameConditionStatuses(pod.status?.conditions, status.conditions)) return;
    ctx.api.update(podsRef(pod.metadata!.namespace, pod.metadata!.name, 'status'), { ...pod, status });
    rec.lastStatus = json;
  }

  /** Graceful termination: SIGTERM, wait for the process (or the grace period), then remove the pod. */
  private terminate(pod: Pod, rec: PodRecord | undefined, rt: NodeRuntimeState, ctx: ControllerContext): ReconcileResult | void {
    const now = ctx.clock.now();
    const graceMs = (pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
    if (rec && !rec.killing) {
      const running = [...(rec.initContainers ?? []), ...rec.containers].filter((c) => c.phase === 'running');
      const exitMs = Math.max(0, ...running.map((c) => resolveImage(c.image)?.spec.stopOnTermMs ?? graceMs));
      rec.killing = { startedAt: now, doneAt: now + Math.min(graceMs, exitMs) };
      for (const c of running) this.event(ctx, pod, 'Normal', 'Killing', `Stopping container ${c.name}`);
    }
    if (rec?.killing && now < rec.killing.doneAt) return due(rec.killing.doneAt, now);
    try {
      ctx.api.delete(podsRef(pod.metadata!.namespace, pod.metadata!.name), { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata!.uid } });
    } catch {
      // already gone
    }
    if (rec) {
      delete rt.pods[rec.uid];
      this.state.logs.forgetPod(rec.uid);
    }
  }

  private event(ctx: ControllerContext, pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): void {
    if (this.emit) this.emit(pod as unknown as KubeObject, type, reason, message, pod.spec!.nodeName!);
    else ctx.recordEvent(pod as unknown as KubeObject, type, reason, message);
  }

  private forget(key: string): void {
    for (const rt of Object.values(this.state.nodes)) {
      for (const rec of Object.values(rt.pods)) {
        if (rec.key !== key) continue;
        delete rt.pods[rec.uid];
        this.state.logs.forgetPod(rec.uid);
      }
    }
  }
}

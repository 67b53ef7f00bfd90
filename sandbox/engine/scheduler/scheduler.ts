// kube-scheduler's default profile as a controller: pods without a node whose schedulerName is
// default-scheduler are filtered, scored and bound through pods/binding. A pod that fits nowhere
// gets the real FailedScheduling event and PodScheduled=False/Unschedulable, and is retried when
// the cluster changes (a node or an assigned pod changed) after its back-off, or every 5 minutes.
import type { Node, Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { Controller, ControllerContext, ReconcileResult } from '../controllers/runtime-contract.js';
import { objectKey, splitKey } from '../controllers/runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { rfc3339 } from '../clock.js';
import { GVR, nodesRef, podsRef } from '../controllers/refs.js';
import { addPod, buildNodeInfos, type NodeInfo } from './node-info.js';
import { runFilters, type FilterFailure } from './filters.js';
import { scoreNodes } from './score.js';
import { fitErrorMessage, preemptionMessage } from './fit-error.js';
import type { CycleState } from './cycle-state.js';
import { affinityPreFilter } from './inter-pod-affinity.js';
import { spreadPreFilter } from './topology-spread.js';
import { notEligibleReason, preempt, type Candidate } from './preemption.js';

export const SCHEDULER_NAME = 'default-scheduler';
/** Key that asks the scheduler to look at every pending pod (a cluster event moved them). */
export const RETRY_ALL = '*cluster-changed';
const INITIAL_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 10_000;
const MAX_UNSCHEDULABLE_MS = 5 * 60_000; // podMaxInUnschedulablePodsDuration

interface Attempt {
  failedAt: number;
  attempts: number;
}

function isPendingForUs(pod: Pod): boolean {
  return !pod.spec?.nodeName && (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME && !pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

export class Scheduler implements Controller {
  readonly name = SCHEDULER_NAME;
  readonly watches = [
    { ...GVR.pods, keysFor: (obj: KubeObject) => this.podKeys(obj as unknown as Pod) },
    { ...GVR.nodes, keysFor: () => [RETRY_ALL] },
  ];
  /** The scheduling queue's soft state, like the real scheduler's (lost on restart, rebuilt by retries). */
  private readonly failed = new Map<string, Attempt>();
  private clusterChangedAt = -1;
  private cache?: { at: number; infos: Map<string, NodeInfo>; namespaces: Map<string, Record<string, string>> };

  private podKeys(pod: Pod): string[] {
    if (isPendingForUs(pod)) return [objectKey(pod as KubeObject)];
    // An assigned pod that goes away or finishes frees room on its node.
    if (pod.spec?.nodeName && (pod.metadata?.deletionTimestamp || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed')) return [RETRY_ALL];
    return [];
  }

  reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
    if (key === RETRY_ALL) return this.retryAll(ctx);
    const { namespace, name } = splitKey(key);
    let pod: Pod;
    try {
      pod = ctx.api.get(podsRef(namespace, name)) as unknown as Pod;
    } catch {
      return; // gone
    }
    return this.consider(pod, ctx);
  }

  private retryAll(ctx: ControllerContext): ReconcileResult | void {
    this.clusterChangedAt = ctx.clock.now();
    this.cache = undefined;
    const pending = (ctx.api.list(podsRef()).items as unknown as Pod[]).filter(isPendingForUs);
    pending.sort(queueOrder);
    let next: number | undefined;
    for (const pod of pending) {
      const r = this.consider(pod, ctx);
      if (r?.requeueAfterMs !== undefined) next = Math.min(next ?? Infinity, r.requeueAfterMs);
    }
    return next === undefined ? undefined : { requeueAfterMs: next };
  }

  /** Schedules the pod now, or says when to look again if it is backing off. */
  private consider(pod: Pod, ctx: ControllerContext): ReconcileResult | void {
    if (!isPendingForUs(pod)) return;
    const uid = pod.metadata!.uid!;
    const prior = this.failed.get(uid);
    const now = ctx.clock.now();
    if (prior) {
      const backoff = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** (prior.attempts - 1));
      const flushAt = prior.failedAt + MAX_UNSCHEDULABLE_MS;
      // A cluster event in the same instant as the failure counts too (moveRequestCycle >= the pod's cycle).
      const moved = this.clusterChangedAt >= prior.failedAt;
      if (!moved && now < flushAt) return { requeueAfterMs: flushAt - now };
      if (now < prior.failedAt + backoff) return { requeueAfterMs: prior.failedAt + backoff - now };
    }
    return this.scheduleOne(pod, ctx);
  }

  private snapshot(ctx: ControllerContext): NonNullable<Scheduler['cache']> {
    // Rebuilt from the API once per instant; within an instant our own bindings keep it current.
    const now = ctx.clock.now();
    if (this.cache && this.cache.at === now) return this.cache;
    const nodes = ctx.api.list(nodesRef()).items as unknown as Node[];
    const pods = ctx.api.list(podsRef()).items as unknown as Pod[];
    const namespaces = new Map<string, Record<string, string>>();
    for (const ns of ctx.api.list(NAMESPACES).items) namespaces.set(ns.metadata.name!, (ns.metadata.labels ?? {}) as Record<string, string>);
    this.cache = { at: now, infos: buildNodeInfos(nodes, pods), namespaces };
    return this.cache;
  }

  private scheduleOne(pod: Pod, ctx: ControllerContext): ReconcileResult | void {
    const snap = this.snapshot(ctx);
    const state: CycleState = { infos: [...snap.infos.values()], namespaceLabels: (ns) => snap.namespaces.get(ns) };
    state.spread = spreadPreFilter(pod, state);
    state.affinity = affinityPreFilter(pod, state);
    const feasible: NodeInfo[] = [];
    const failures = new Map<string, FilterFailure>();
    for (const info of state.infos) {
      const failure = runFilters(pod, info, state);
      if (failure) failures.set(info.name, failure);
      else feasible.push(info);
    }
    if (feasible.length === 0) return this.unschedulable(pod, ctx, state, failures, snap.infos);
    const chosen = pick(feasible, scoreNodes(pod, feasible, state), ctx);
    return this.bind(pod, chosen, ctx);
  }

  private bind(pod: Pod, info: NodeInfo, ctx: ControllerContext): ReconcileResult | void {
    const { namespace, name } = pod.metadata!;
    ctx.api.create(podsRef(namespace, name, 'binding'), {
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name, namespace, uid: pod.metadata!.uid },
      target: { apiVersion: 'v1', kind: 'Node', name: info.name },
    });
    addPod(info, { ...pod, spec: { ...pod.spec!, nodeName: info.name } });
    this.failed.delete(pod.metadata!.uid!);
    ctx.recordEvent(pod as unknown as KubeObject, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${info.name}`);
  }

  private unschedulable(pod: Pod, ctx: ControllerContext, state: CycleState, failures: Map<string, FilterFailure>, infos: Map<string, NodeInfo>): ReconcileResult {
    const numNodes = state.infos.length;
    let postFilter: string | undefined;
    if (numNodes > 0) {
      const notEligible = notEligibleReason(pod, infos);
      const outcome = notEligible ? undefined : preempt(pod, failures, state);
      if (notEligible) postFilter = `preemption: ${notEligible}`;
      else if (Array.isArray(outcome)) postFilter = preemptionMessage(numNodes, outcome);
      else if (outcome) {
        postFilter = '';
        pod = this.nominate(pod, outcome, ctx);
      }
    }
    const message = numNodes === 0 ? 'no nodes available to schedule pods' : fitErrorMessage(numNodes, [...failures.values()], postFilter);
    const now = ctx.clock.now();
    const prior = this.failed.get(pod.metadata!.uid!);
    this.failed.set(pod.metadata!.uid!, { failedAt: now, attempts: (prior?.attempts ?? 0) + 1 });
    ctx.recordEvent(pod as unknown as KubeObject, 'Warning', 'FailedScheduling', message);
    setUnschedulableCondition(pod, message, ctx);
    return { requeueAfterMs: MAX_UNSCHEDULABLE_MS };
  }

  /** prepareCandidate: mark and delete the victims, then record the node on the preemptor. */
  private nominate(pod: Pod, candidate: Candidate, ctx: ControllerContext): Pod {
    for (const victim of candidate.victims) {
      const { namespace, name } = victim.metadata!;
      const condition: PodCondition = {
        type: 'DisruptionTarget',
        status: 'True',
        lastProbeTime: null as unknown as string,
        lastTransitionTime: rfc3339(ctx.clock.now()),
        reason: 'PreemptionByScheduler',
        message: `${SCHEDULER_NAME}: preempting to accommodate a higher priority pod`,
      };
      try {
        const current = ctx.api.get(podsRef(namespace, name)) as unknown as Pod;
        const conditions = [...(current.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), condition];
        ctx.api.update(podsRef(namespace, name, 'status'), { ...current, status: { ...current.status, conditions } });
        ctx.api.delete(podsRef(namespace, name));
      } catch {
        continue; // already gone: nothing to preempt
      }
      ctx.recordEvent(victim as unknown as KubeObject, 'Normal', 'Preempted', `Preempted by pod ${pod.metadata!.uid} on node ${candidate.node.name}`);
    }
    this.cache = undefined; // the victims' deletion changed the nodes
    const updated = ctx.api.update(podsRef(pod.metadata!.namespace, pod.metadata!.name, 'status'), { ...pod, status: { ...pod.status, nominatedNodeName: candidate.node.name } });
    return updated as unknown as Pod;
  }
}

const NAMESPACES = { group: '', version: 'v1', resource: 'namespaces' };

function setUnschedulableCondition(pod: Pod, message: string, ctx: ControllerContext): void {
  const conditions = pod.status?.conditions ?? [];
  const old = conditions.find((c) => c.type === 'PodScheduled');
  if (old && old.status === 'False' && old.reason === 'Unschedulable' && old.message === message) return;
  const condition: PodCondition = {
    type: 'PodScheduled',
    status: 'False',
    lastProbeTime: null as unknown as string,
    lastTransitionTime: old?.status === 'False' ? old.lastTransitionTime : rfc3339(ctx.clock.now()),
    reason: 'Unschedulable',
    message,
  };
  const status = { ...(pod.status ?? {}), phase: pod.status?.phase ?? 'Pending', conditions: [...conditions.filter((c) => c.type !== 'PodScheduled'), condition] };
  ctx.api.update(podsRef(pod.metadata!.namespace, pod.metadata!.name, 'status'), { ...pod, status });
}

/** Highest score wins; ties are broken at random, as selectHost's reservoir sampling does. */
function pick(feasible: NodeInfo[], scores: number[], ctx: ControllerContext): NodeInfo {
  let best = -Infinity;
  let chosen = feasible[0];
  let ties = 0;
  scores.forEach((s, i) => {
    if (s > best + 1e-9) {
      best = s;
      chosen = feasible[i];
      ties = 1;
    } else if (Math.abs(s - best) <= 1e-9) {
      ties++;
      if (ctx.random.next() * ties < 1) chosen = feasible[i];
    }
  });
  return chosen;
}

/** activeQ order: higher priority first, then the older pod. */
function queueOrder(a: Pod, b: Pod): number {
  const pa = a.spec?.priority ?? 0;
  const pb = b.spec?.priority ?? 0;
  if (pa !== pb) return pb - pa;
  const ta = a.metadata?.creationTimestamp ?? '';
  const tb = b.metadata?.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1;
}

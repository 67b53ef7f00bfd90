// The taint eviction controller (pkg/controller/tainteviction, kube-controller-manager's
// taint-eviction-controller): a pod on a node with a NoExecute taint it does not tolerate is
// deleted at once; one it tolerates for tolerationSeconds is deleted that long after the
// taint's timeAdded (300 s from the DefaultTolerationSeconds admission plugin). Before the
// delete the pod gets the DisruptionTarget condition and a TaintManagerEviction event.
import type { Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { Controller, ControllerContext, ReconcileResult } from './runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { rfc3339 } from '../clock.js';
import { GVR, nodesRef, podsRef } from './refs.js';
import { getOrUndefined } from './refs-extra.js';
import { toleratesTaint } from '../scheduler/filters.js';

export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';

/** When the pod must go given the node's NoExecute taints: now, later, or never (undefined). */
export function evictionTime(taints: Taint[], tolerations: Toleration[], now: number): number | undefined {
  let at: number | undefined;
  for (const taint of taints.filter((t) => t.effect === 'NoExecute')) {
    const matching = tolerations.filter((t) => toleratesTaint(t, taint));
    if (matching.length === 0) return now;
    const seconds = matching.map((t) => t.tolerationSeconds).filter((s): s is number => s !== undefined && s !== null);
    if (seconds.length < matching.length) continue; // tolerated forever
    const since = taint.timeAdded ? Date.parse(taint.timeAdded) : now;
    const due = since + Math.max(0, Math.min(...seconds)) * 1000;
    at = Math.min(at ?? Infinity, due);
  }
  return at;
}

export class TaintEvictionController implements Controller {
  readonly name = TAINT_EVICTION_CONTROLLER;
  readonly watches = [
    { ...GVR.nodes, keysFor: (obj: KubeObject) => [obj.metadata.name!] },
    { ...GVR.pods, keysFor: (obj: KubeObject) => ((obj as unknown as Pod).spec?.nodeName ? [(obj as unknown as Pod).spec!.nodeName!] : []) },
  ];

  reconcile(nodeName: string, ctx: ControllerContext): ReconcileResult | void {
    const node = getOrUndefined<Node>(() => ctx.api.get(nodesRef(nodeName)));
    const taints = (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
    if (!node || taints.length === 0) return;
    const now = ctx.clock.now();
    let next: number | undefined;
    for (const pod of ctx.api.list(podsRef()).items as unknown as Pod[]) {
      if (pod.spec?.nodeName !== nodeName || pod.metadata?.deletionTimestamp) continue;
      const at = evictionTime(taints, pod.spec?.tolerations ?? [], now);
      if (at === undefined) continue;
      if (at > now) next = Math.min(next ?? Infinity, at);
      else this.evict(pod, ctx);
    }
    return next === undefined ? undefined : { requeueAfterMs: next - now };
  }

  private evict(pod: Pod, ctx: ControllerContext): void {
    const ns = pod.metadata!.namespace!;
    const name = pod.metadata!.name!;
    ctx.recordEvent(pod as unknown as KubeObject, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${ns}/${name}`);
    const stamp = rfc3339(ctx.clock.now());
    const conditions = [...(pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: stamp, reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' }];
    try {
      ctx.api.update(podsRef(ns, name, 'status'), { ...pod, status: { ...pod.status, conditions } });
      ctx.api.delete(podsRef(ns, name), { preconditions: { uid: pod.metadata!.uid } });
    } catch {
      // gone or changed meanwhile: the next sync looks again
    }
  }
}

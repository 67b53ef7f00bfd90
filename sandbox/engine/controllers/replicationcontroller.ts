// The ReplicationController controller (pkg/controller/replication): in Kubernetes it is the
// ReplicaSet controller run on ReplicationControllers through a conversion, so it behaves the
// same — `spec.replicas` active pods matching the (map) selector, created from the template with
// generateName "<rc>-", the least valuable deleted first — and names itself
// replication-controller in events.
import type { Pod, ReplicationController } from 'kubernetes-types/core/v1';
import type { Controller, ControllerContext, ReconcileResult } from './runtime-contract.js';
import { objectKey, splitKey } from './runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { GVR, podsRef } from './refs.js';
import { controllerOf, isPodActive, ownerRefTo, selectorMatches } from './selectors.js';
import { availableAt, podFromTemplate, rankForDeletion } from './pod-helpers.js';

export const REPLICATION_CONTROLLER = 'replication-controller';

const RCS = { group: '', version: 'v1', resource: 'replicationcontrollers' };
const rcRef = (namespace: string | undefined, name?: string, subresource?: string) => ({ ...RCS, namespace, ...(name ? { name } : {}), ...(subresource ? { subresource } : {}) });
const BURST = 500;

export class ReplicationControllerController implements Controller {
  readonly name = REPLICATION_CONTROLLER;
  readonly watches = [
    { ...RCS, keysFor: (obj: KubeObject) => [objectKey(obj)] },
    {
      ...GVR.pods,
      keysFor: (obj: KubeObject) => {
        const owner = controllerOf(obj);
        return owner?.kind === 'ReplicationController' && owner.apiVersion === 'v1' ? [`${obj.metadata.namespace}/${owner.name}`] : [];
      },
    },
  ];

  reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    let rc: ReplicationController;
    try {
      rc = ctx.api.get(rcRef(namespace, name)) as unknown as ReplicationController;
    } catch {
      return; // deleted: the garbage collector removes its pods
    }
    const uid = rc.metadata!.uid;
    const all = ctx.api.list(podsRef(namespace)).items as unknown as Pod[];
    const owned = (p: Pod) => p.metadata?.ownerReferences?.some((o) => o.controller === true && o.uid === uid);
    const active = all.filter((p) => owned(p) && isPodActive(p as unknown as KubeObject));
    if (!rc.metadata?.deletionTimestamp) this.manageReplicas(rc, active, ctx);
    return this.updateStatus(rc, active, ctx);
  }

  private manageReplicas(rc: ReplicationController, active: Pod[], ctx: ControllerContext): void {
    const diff = active.length - (rc.spec?.replicas ?? 1);
    const rcObj = rc as unknown as KubeObject;
    const ns = rc.metadata!.namespace!;
    if (diff < 0) {
      for (let i = 0; i < Math.min(-diff, BURST); i++) {
        const pod = ctx.api.create(podsRef(ns), podFromTemplate(rc.spec!.template!, ns, `${rc.metadata!.name}-`, ownerRefTo(rcObj)));
        ctx.recordEvent(rcObj, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
      }
      return;
    }
    for (const pod of rankForDeletion(active, active, ctx.clock.now()).slice(0, Math.min(diff, BURST))) {
      try {
        ctx.api.delete(podsRef(ns, pod.metadata!.name));
        ctx.recordEvent(rcObj, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata!.name}`);
      } catch {
        // already gone
      }
    }
  }

  private updateStatus(rc: ReplicationController, pods: Pod[], ctx: ControllerContext): ReconcileResult | void {
    const now = ctx.clock.now();
    let ready = 0;
    let available = 0;
    let nextAvailable: number | undefined;
    for (const p of pods) {
      const at = availableAt(p, rc.spec?.minReadySeconds ?? 0);
      if (at === undefined) continue;
      ready++;
      if (at <= now) available++;
      else nextAvailable = Math.min(nextAvailable ?? Infinity, at);
    }
    const labels = rc.spec?.template?.metadata?.labels ?? {};
    const fullyLabeled = pods.filter((p) => selectorMatches({ matchLabels: labels }, p.metadata?.labels)).length;
    const status: Record<string, unknown> = { replicas: pods.length, fullyLabeledReplicas: fullyLabeled, readyReplicas: ready, availableReplicas: available, observedGeneration: rc.metadata?.generation };
    for (const k of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas']) if (status[k] === 0) delete status[k];
    if (JSON.stringify(status) !== JSON.stringify(rc.status ?? {})) ctx.api.update(rcRef(rc.metadata!.namespace, rc.metadata!.name, 'status'), { ...rc, status } as unknown as KubeObject);
    return nextAvailable === undefined ? undefined : { requeueAfterMs: nextAvailable - now };
  }
}

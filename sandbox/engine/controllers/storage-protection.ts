// Storage object in-use protection (pkg/controller/volume/pvcprotection and pvprotection, with the
// StorageObjectInUseProtection admission plugin's part): every PersistentVolumeClaim carries the
// finalizer kubernetes.io/pvc-protection and every PersistentVolume kubernetes.io/pv-protection.
// A deleted claim stays Terminating while a pod that is not finished still uses it; a deleted
// volume stays while a claim is bound to it. Then the finalizer goes and the store removes them.
import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { Controller, ControllerContext } from './runtime-contract.js';
import { objectKey, splitKey } from './runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { GVR, podsRef } from './refs.js';
import { GVR2, getOrUndefined, pvcsRef, pvsRef } from './refs-extra.js';

export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION = 'kubernetes.io/pv-protection';
const PV_KEY = '*pv/';

const claimKeysOfPod = (obj: KubeObject): string[] =>
  ((obj as unknown as Pod).spec?.volumes ?? []).filter((v) => v.persistentVolumeClaim).map((v) => `${obj.metadata.namespace}/${v.persistentVolumeClaim!.claimName}`);

function withFinalizers(obj: KubeObject, finalizers: string[]): KubeObject {
  const { finalizers: _old, ...rest } = obj.metadata;
  return { ...obj, metadata: finalizers.length ? { ...rest, finalizers } : rest };
}

export class StorageProtectionController implements Controller {
  readonly name = 'pvc-protection-controller';
  readonly watches = [
    { ...GVR2.pvcs, keysFor: (obj: KubeObject) => [objectKey(obj)] },
    { ...GVR2.pvs, keysFor: (obj: KubeObject) => [`${PV_KEY}${obj.metadata.name}`] },
    // A pod that finishes or goes away may release a Terminating claim.
    { ...GVR.pods, keysFor: claimKeysOfPod, keysForDeleted: claimKeysOfPod },
  ];

  reconcile(key: string, ctx: ControllerContext): void {
    if (key.startsWith(PV_KEY)) return this.syncVolume(key.slice(PV_KEY.length), ctx);
    const { namespace = '', name } = splitKey(key);
    const claim = getOrUndefined<PersistentVolumeClaim>(() => ctx.api.get(pvcsRef(namespace, name)));
    if (!claim) return;
    const obj = claim as unknown as KubeObject;
    const finalizers = obj.metadata.finalizers ?? [];
    if (!obj.metadata.deletionTimestamp) {
      if (!finalizers.includes(PVC_PROTECTION)) ctx.api.update(pvcsRef(namespace, name), withFinalizers(obj, [...finalizers, PVC_PROTECTION]));
      return;
    }
    if (!finalizers.includes(PVC_PROTECTION) || this.claimInUse(namespace, name, ctx)) return;
    ctx.api.update(pvcsRef(namespace, name), withFinalizers(obj, finalizers.filter((f) => f !== PVC_PROTECTION)));
  }

  /** A pod uses the claim until it has finished (Succeeded/Failed) or is gone. */
  private claimInUse(namespace: string, claim: string, ctx: ControllerContext): boolean {
    return (ctx.api.list(podsRef(namespace)).items as unknown as Pod[]).some(
      (p) => !['Succeeded', 'Failed'].includes(p.status?.phase ?? '') && (p.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim),
    );
  }

  private syncVolume(name: string, ctx: ControllerContext): void {
    const pv = getOrUndefined<PersistentVolume>(() => ctx.api.get(pvsRef(name)));
    if (!pv) return;
    const obj = pv as unknown as KubeObject;
    const finalizers = obj.metadata.finalizers ?? [];
    if (!obj.metadata.deletionTimestamp) {
      if (!finalizers.includes(PV_PROTECTION)) ctx.api.update(pvsRef(name), withFinalizers(obj, [...finalizers, PV_PROTECTION]));
      return;
    }
    if (!finalizers.includes(PV_PROTECTION) || pv.status?.phase === 'Bound') return;
    ctx.api.update(pvsRef(name), withFinalizers(obj, finalizers.filter((f) => f !== PV_PROTECTION)));
  }
}

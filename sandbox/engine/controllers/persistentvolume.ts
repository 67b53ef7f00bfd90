// PersistentVolume binding (pkg/controller/volume/persistentvolume, kube-controller-manager's
// persistentvolume-binder, events as `persistentvolume-controller`) with a simple dynamic
// provisioner for the default StorageClass `local-path` (rancher.io/local-path, as Killercoda's
// kubeadm clusters have it: WaitForFirstConsumer, reclaimPolicy Delete). A claim with no class
// gets the default one (retroactive default StorageClass assignment); a claim binds to an
// Available volume that fits (class, access modes, size), or, for a provisioned class, gets a
// new `pvc-<claim uid>` volume on the node of its first pod. Released volumes are deleted or
// kept per their reclaim policy.
import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Controller, ControllerContext, ReconcileResult } from './runtime-contract.js';
import { objectKey, splitKey } from './runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { GVR, podsRef } from './refs.js';
import { GVR2, getOrUndefined, pvcsRef, pvsRef, storageClassesRef } from './refs-extra.js';
import { parseQuantity } from '../scheduler/quantity.js';

export const PV_CONTROLLER = 'persistentvolume-controller';
export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const PV_KEY = '*pv/';
/** kube-controller-manager's --pvclaimbinder-sync-period: every unbound claim is synced again. */
export const CLAIM_RESYNC_MS = 15_000;

/** The StorageClass a lab cluster has, as local-path-provisioner installs it. */
export const localPathStorageClass = () => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'local-path', annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } },
  provisioner: LOCAL_PATH_PROVISIONER,
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
});

const claimKeysOfPod = (obj: KubeObject): string[] =>
  ((obj as unknown as Pod).spec?.volumes ?? []).filter((v) => v.persistentVolumeClaim).map((v) => `${obj.metadata.namespace}/${v.persistentVolumeClaim!.claimName}`);

const externalProvisioning = (provisioner: string) =>
  `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;

const size = (q: string | number | undefined) => (q === undefined ? 0 : parseQuantity(String(q)));

export class PersistentVolumeController implements Controller {
  readonly name = PV_CONTROLLER;
  readonly watches = [
    { ...GVR2.pvcs, keysFor: (obj: KubeObject) => [objectKey(obj)], keysForDeleted: (obj: KubeObject) => [objectKey(obj), ...((obj as unknown as PersistentVolumeClaim).spec?.volumeName ? [`${PV_KEY}${(obj as unknown as PersistentVolumeClaim).spec!.volumeName}`] : [])] },
    { ...GVR2.pvs, keysFor: (obj: KubeObject) => [`${PV_KEY}${obj.metadata.name}`] },
    { ...GVR.pods, keysFor: (obj: KubeObject, old?: KubeObject) => ((obj as unknown as Pod).spec?.nodeName && !(old as unknown as Pod | undefined)?.spec?.nodeName ? claimKeysOfPod(obj) : []) },
  ];

  reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
    if (key.startsWith(PV_KEY)) return this.syncVolume(key.slice(PV_KEY.length), ctx);
    const { namespace, name } = splitKey(key);
    let claim = getOrUndefined<PersistentVolumeClaim>(() => ctx.api.get(pvcsRef(namespace, name)));
    if (!claim || claim.metadata?.deletionTimestamp) return;
    if (claim.spec?.volumeName && claim.status?.phase === 'Bound') return;
    const classes = ctx.api.list(storageClassesRef()).items as unknown as StorageClass[];
    if (claim.spec?.storageClassName === undefined) {
      const def = classes.find((c) => c.metadata?.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
      if (!def) return;
      claim = this.assignDefaultClass(claim, def.metadata!.name!, ctx);
    }
    const volume = this.findVolume(claim, ctx) ?? this.provision(claim, classes, ctx);
    if (volume) return this.bind(claim, volume, ctx);
    // syncClaim runs again every pvclaimbinder-sync-period: a volume created later binds then.
    return { requeueAfterMs: CLAIM_RESYNC_MS };
  }

  /**
   * Retroactive default StorageClass assignment. Until validation accepts nil → class updates
   * (and the DefaultStorageClass admission plugin sets it at creation), the class applies in
   * memory only, so binding and provisioning still follow it.
   */
  private assignDefaultClass(claim: PersistentVolumeClaim, className: string, ctx: ControllerContext): PersistentVolumeClaim {
    const withClass = { ...claim, spec: { ...claim.spec, storageClassName: className } };
    try {
      return ctx.api.update(pvcsRef(claim.metadata!.namespace, claim.metadata!.name), withClass) as unknown as PersistentVolumeClaim;
    } catch {
      return withClass;
    }
  }

  /** An Available volume for the claim: its volumeName, or the smallest of its class that fits. */
  private findVolume(claim: PersistentVolumeClaim, ctx: ControllerContext): PersistentVolume | undefined {
    const pvs = ctx.api.list(pvsRef()).items as unknown as PersistentVolume[];
    const mine = pvs.find((v) => v.spec?.claimRef?.uid === claim.metadata!.uid);
    if (mine) return mine;
    if (claim.spec?.volumeName) return pvs.find((v) => v.metadata!.name === claim.spec!.volumeName && !v.spec?.claimRef);
    const want = size(claim.spec?.resources?.requests?.storage);
    const modes = claim.spec?.accessModes ?? [];
    return pvs
      .filter((v) => !v.spec?.claimRef && v.status?.phase === 'Available' && (v.spec?.storageClassName ?? '') === (claim.spec?.storageClassName ?? ''))
      .filter((v) => size(v.spec?.capacity?.storage) >= want && modes.every((m) => v.spec?.accessModes?.includes(m)))
      .sort((a, b) => size(a.spec?.capacity?.storage) - size(b.spec?.capacity?.storage))[0];
  }

  /** Dynamic provisioning, once the claim's first pod is on a node (WaitForFirstConsumer). */
  private provision(claim: PersistentVolumeClaim, classes: StorageClass[], ctx: ControllerContext): PersistentVolume | undefined {
    const claimObj = claim as unknown as KubeObject;
    const className = claim.spec?.storageClassName ?? '';
    const sc = classes.find((c) => c.metadata!.name === className);
    if (!sc) {
      if (className === '') ctx.recordEvent(claimObj, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
      else ctx.recordEvent(claimObj, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io ${JSON.stringify(className)} not found`);
      return undefined;
    }
    if (sc.provisioner !== LOCAL_PATH_PROVISIONER) {
      if (sc.volumeBindingMode === 'WaitForFirstConsumer') ctx.recordEvent(claimObj, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
      else ctx.recordEvent(claimObj, 'Normal', 'ExternalProvisioning', externalProvisioning(sc.provisioner ?? ''));
      return undefined;
    }
    const ns = claim.metadata!.namespace!;
    const node = (ctx.api.list(podsRef(ns)).items as unknown as Pod[]).find((p) => p.spec?.nodeName && p.spec.volumes?.some((v) => v.persistentVolumeClaim?.claimName === claim.metadata!.name))?.spec?.nodeName;
    if (!node && sc.volumeBindingMode === 'WaitForFirstConsumer') {
      if (claim.status?.phase !== 'Pending') this.setPhase(claim, 'Pending', ctx);
      ctx.recordEvent(claimObj, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
      return undefined;
    }
    const pvName = `pvc-${claim.metadata!.uid}`;
    ctx.recordEvent(claimObj, 'Normal', 'ExternalProvisioning', externalProvisioning(sc.provisioner));
    ctx.recordEvent(claimObj, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${ns}/${claim.metadata!.name}"`);
    const pv = ctx.api.create(pvsRef(), {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: pvName, annotations: { 'local.path.provisioner/selected-node': node ?? '', 'pv.kubernetes.io/provisioned-by': sc.provisioner } },
      spec: {
        accessModes: claim.spec?.accessModes,
        capacity: { storage: claim.spec?.resources?.requests?.storage ?? '1Gi' },
        hostPath: { path: `/opt/local-path-provisioner/${pvName}_${ns}_${claim.metadata!.name}`, type: 'DirectoryOrCreate' },
        ...(node ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } } } : {}),
        persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
        storageClassName: sc.metadata!.name,
        volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
      },
    }) as unknown as PersistentVolume;
    ctx.recordEvent(claimObj, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`);
    return pv;
  }

  private bind(claim: PersistentVolumeClaim, pv: PersistentVolume, ctx: ControllerContext): void {
    const ns = claim.metadata!.namespace!;
    const claimRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: claim.metadata!.name, namespace: ns, resourceVersion: claim.metadata!.resourceVersion, uid: claim.metadata!.uid };
    let volume = pv;
    if (volume.spec?.claimRef?.uid !== claim.metadata!.uid) {
      volume = ctx.api.update(pvsRef(pv.metadata!.name), { ...pv, metadata: { ...pv.metadata, annotations: { ...(pv.metadata?.annotations ?? {}), 'pv.kubernetes.io/bound-by-controller': 'yes' } }, spec: { ...pv.spec, claimRef } }) as unknown as PersistentVolume;
    }
    if (volume.status?.phase !== 'Bound') volume = ctx.api.update(pvsRef(pv.metadata!.name, 'status'), { ...volume, status: { phase: 'Bound' } }) as unknown as PersistentVolume;
    const provisioner = pv.metadata?.annotations?.['pv.kubernetes.io/provisioned-by'];
    const annotations: Record<string, string> = { ...(claim.metadata?.annotations ?? {}), 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' };
    if (provisioner) Object.assign(annotations, { 'volume.beta.kubernetes.io/storage-provisioner': provisioner, 'volume.kubernetes.io/storage-provisioner': provisioner });
    const node = pv.metadata?.annotations?.['local.path.provisioner/selected-node'];
    if (node) annotations['volume.kubernetes.io/selected-node'] = node;
    const fresh = ctx.api.get(pvcsRef(ns, claim.metadata!.name)) as unknown as PersistentVolumeClaim;
    const bound = ctx.api.update(pvcsRef(ns, claim.metadata!.name), { ...fresh, metadata: { ...fresh.metadata, annotations }, spec: { ...fresh.spec, volumeName: pv.metadata!.name } }) as unknown as PersistentVolumeClaim;
    ctx.api.update(pvcsRef(ns, claim.metadata!.name, 'status'), { ...bound, status: { phase: 'Bound', accessModes: pv.spec?.accessModes, capacity: pv.spec?.capacity } });
  }

  private setPhase(claim: PersistentVolumeClaim, phase: string, ctx: ControllerContext): void {
    ctx.api.update(pvcsRef(claim.metadata!.namespace, claim.metadata!.name, 'status'), { ...claim, status: { ...(claim.status ?? {}), phase } });
  }

  /** A new volume is Available; one whose claim is gone is Released, then deleted if its policy says so. */
  private syncVolume(name: string, ctx: ControllerContext): void {
    const pv = getOrUndefined<PersistentVolume>(() => ctx.api.get(pvsRef(name)));
    if (!pv || pv.metadata?.deletionTimestamp) return;
    const ref = pv.spec?.claimRef;
    if (!ref) {
      if (pv.status?.phase !== 'Available') ctx.api.update(pvsRef(name, 'status'), { ...pv, status: { phase: 'Available' } });
      return;
    }
    const claim = getOrUndefined<PersistentVolumeClaim>(() => ctx.api.get(pvcsRef(ref.namespace, ref.name)));
    if (claim && claim.metadata!.uid === ref.uid) return;
    if (pv.status?.phase === 'Bound' || pv.status?.phase === 'Available' || !pv.status?.phase) {
      ctx.api.update(pvsRef(name, 'status'), { ...pv, status: { phase: 'Released' } });
    }
    if (pv.spec?.persistentVolumeReclaimPolicy === 'Delete') getOrUndefined(() => ctx.api.delete(pvsRef(name)));
  }
}

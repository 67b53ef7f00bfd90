// Storage: PersistentVolumes, PersistentVolumeClaims and StorageClasses.
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { ageCol, col, docCol, nameCol } from './columns.js';
import { since } from './duration.js';
import { canonicalQuantity } from './quantity.js';
import type { Printer } from './types.js';

const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** helper.GetAccessModesAsString: abbreviations in a fixed order, whatever the spec's order. */
function accessModes(modes: string[] | undefined): string {
  const have = new Set(modes ?? []);
  const order: Array<[string, string]> = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return order.filter(([mode]) => have.has(mode)).map(([, short]) => short).join(',');
}

export const persistentVolumePrinter: Printer = {
  columns: [
    nameCol(),
    docCol('Capacity', 'string', 'core/v1 PersistentVolumeSpec.capacity'),
    docCol('Access Modes', 'string', 'core/v1 PersistentVolumeSpec.accessModes'),
    docCol('Reclaim Policy', 'string', 'core/v1 PersistentVolumeSpec.persistentVolumeReclaimPolicy'),
    docCol('Status', 'string', 'core/v1 PersistentVolumeStatus.phase'),
    docCol('Claim', 'string', 'core/v1 PersistentVolumeSpec.claimRef'),
    col('StorageClass', 'string', 'StorageClass of the pv'),
    col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pv'),
    docCol('Reason', 'string', 'core/v1 PersistentVolumeStatus.reason'),
    ageCol(),
    docCol('VolumeMode', 'string', 'core/v1 PersistentVolumeSpec.volumeMode', 1),
  ],
  cells(obj, now) {
    const pv = obj as unknown as PersistentVolume;
    const spec = pv.spec ?? {};
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
    const storageClass = pv.metadata?.annotations?.[BETA_CLASS_ANNOTATION] ?? spec.storageClassName ?? '';
    return [
      pv.metadata?.name ?? '',
      canonicalQuantity(spec.capacity?.storage),
      accessModes(spec.accessModes),
      spec.persistentVolumeReclaimPolicy ?? '',
      pv.metadata?.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
      claim,
      storageClass,
      spec.volumeAttributesClassName ?? '<unset>',
      pv.status?.reason ?? '',
      since(pv.metadata?.creationTimestamp, now),
      spec.volumeMode ?? '<unset>',
    ];
  },
};

export const persistentVolumeClaimPrinter: Printer = {
  columns: [
    nameCol(),
    docCol('Status', 'string', 'core/v1 PersistentVolumeClaimStatus.phase'),
    docCol('Volume', 'string', 'core/v1 PersistentVolumeClaimSpec.volumeName'),
    docCol('Capacity', 'string', 'core/v1 PersistentVolumeClaimStatus.capacity'),
    docCol('Access Modes', 'string', 'core/v1 PersistentVolumeClaimStatus.accessModes'),
    col('StorageClass', 'string', 'StorageClass of the pvc'),
    col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
    ageCol(),
    docCol('VolumeMode', 'string', 'core/v1 PersistentVolumeClaimSpec.volumeMode', 1),
  ],
  cells(obj, now) {
    const pvc = obj as unknown as PersistentVolumeClaim;
    const spec = pvc.spec ?? {};
    // Capacity and access modes show only once the claim is bound to a volume.
    const bound = !!spec.volumeName;
    return [
      pvc.metadata?.name ?? '',
      pvc.metadata?.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
      spec.volumeName ?? '',
      bound ? canonicalQuantity(pvc.status?.capacity?.storage) : '',
      bound ? accessModes(pvc.status?.accessModes) : '',
      pvc.metadata?.annotations?.[BETA_CLASS_ANNOTATION] ?? spec.storageClassName ?? '',
      spec.volumeAttributesClassName ?? '<unset>',
      since(pvc.metadata?.creationTimestamp, now),
      spec.volumeMode ?? '<unset>',
    ];
  },
};

const isDefaultClass = (annotations: Record<string, string> | undefined) =>
  annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ||
  annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true';

export const storageClassPrinter: Printer = {
  columns: [
    nameCol(),
    docCol('Provisioner', 'string', 'storage/v1 StorageClass.provisioner'),
    docCol('ReclaimPolicy', 'string', 'storage/v1 StorageClass.reclaimPolicy'),
    docCol('VolumeBindingMode', 'string', 'storage/v1 StorageClass.volumeBindingMode'),
    docCol('AllowVolumeExpansion', 'string', 'storage/v1 StorageClass.allowVolumeExpansion'),
    ageCol(),
  ],
  cells(obj, now) {
    const sc = obj as unknown as StorageClass;
    const name = (sc.metadata?.name ?? '') + (isDefaultClass(sc.metadata?.annotations) ? ' (default)' : '');
    return [name, sc.provisioner ?? '', sc.reclaimPolicy ?? 'Delete', sc.volumeBindingMode ?? 'Immediate', sc.allowVolumeExpansion ?? false, since(sc.metadata?.creationTimestamp, now)];
  },
};

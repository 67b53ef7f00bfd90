// The DefaultStorageClass admission plugin (plugin/pkg/admission/storage/storageclass/setdefault):
// a PersistentVolumeClaim created without spec.storageClassName gets the default StorageClass
// (annotation storageclass.kubernetes.io/is-default-class: "true"; the newest if several).
import type { AdmissionPlugin } from './types.js';
import { isResource } from './types.js';

const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

export const defaultStorageClass: AdmissionPlugin = {
  name: 'DefaultStorageClass',
  admit(a, ctx) {
    if (a.operation !== 'CREATE' || a.subresource || !isResource(a, '', 'persistentvolumeclaims') || !a.object) return;
    const spec = (a.object as { spec?: { storageClassName?: string | null } }).spec;
    if (!spec || (spec.storageClassName !== undefined && spec.storageClassName !== null)) return;
    const classes = ctx.api.list({ group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' }).items.filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
    if (classes.length === 0) return;
    classes.sort((x, y) => Date.parse(y.metadata.creationTimestamp ?? '') - Date.parse(x.metadata.creationTimestamp ?? '') || String(x.metadata.name).localeCompare(String(y.metadata.name)));
    spec.storageClassName = classes[0].metadata.name;
  },
};

// Pod volumes (ValidateVolumes / validateVolumeSource, 1.32). A volume with errors is left out of
// the returned names, so mounts naming it also fail with `Not found`, as in Go.
import { forbidden, invalid, notSupported, required, type FieldError, type FieldPath } from '../field-errors.js';
import { validateLocalDescendingPath } from './core-container.js';
import { invalidEach, type Obj } from './meta.js';
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain } from './names.js';

const VOLUME_TYPES = [
  'hostPath', 'emptyDir', 'gitRepo', 'awsElasticBlockStore', 'gcePersistentDisk', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile',
  'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume',
  'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
];
const HOST_PATH_TYPES = ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'];

function validateKeyToPaths(items: Obj[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (items ?? []).forEach((item, i) => {
    const ip = path.index(i);
    if (!item.key) errs.push(required(String(ip.child('key'))));
    if (!item.path) errs.push(required(String(ip.child('path'))));
    else errs.push(...validateLocalDescendingPath(item.path, ip.child('path')));
    if (item.mode !== undefined && (item.mode > 0o777 || item.mode < 0)) {
      errs.push(invalid(String(ip.child('mode')), item.mode, 'must be a number between 0 and 0777 (octal), both inclusive'));
    }
  });
  return errs;
}

function validateSource(kind: string, src: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  switch (kind) {
    case 'hostPath':
      if (!src.path) errs.push(required(String(path.child('path'))));
      if (src.type !== undefined && !HOST_PATH_TYPES.includes(src.type)) errs.push(notSupported(String(path.child('type')), src.type, HOST_PATH_TYPES));
      break;
    case 'emptyDir':
      if (src.medium && !['', 'Memory', 'HugePages'].includes(src.medium) && !String(src.medium).startsWith('HugePages-')) {
        errs.push(notSupported(String(path.child('medium')), src.medium, ['', 'Memory', 'HugePages']));
      }
      break;
    case 'secret':
      if (!src.secretName) errs.push(required(String(path.child('secretName'))));
      errs.push(...validateKeyToPaths(src.items, path.child('items')));
      break;
    case 'configMap':
      if (!src.name) errs.push(required(String(path.child('name'))));
      else errs.push(...invalidEach(path.child('name'), src.name, isDNS1123Subdomain(src.name)));
      errs.push(...validateKeyToPaths(src.items, path.child('items')));
      for (const [i, item] of (src.items ?? []).entries()) errs.push(...invalidEach(path.child('items').index(i).child('key'), item.key, item.key ? isConfigMapKey(item.key) : []));
      break;
    case 'persistentVolumeClaim':
      if (!src.claimName) errs.push(required(String(path.child('claimName'))));
      break;
    case 'nfs':
      if (!src.server) errs.push(required(String(path.child('server'))));
      if (!src.path) errs.push(required(String(path.child('path'))));
      else if (!String(src.path).startsWith('/')) errs.push(invalid(String(path.child('path')), src.path, 'must be an absolute path'));
      break;
  }
  return errs;
}

export function validateVolumes(volumes: Obj[] | undefined, path: FieldPath): { errors: FieldError[]; names: Set<string> } {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  (volumes ?? []).forEach((vol, i) => {
    const ip = path.index(i);
    const namePath = ip.child('name');
    const kinds = VOLUME_TYPES.filter((k) => vol[k] !== undefined && vol[k] !== null);
    const errs: FieldError[] = [];
    if (kinds.length === 0) errs.push(required(String(ip), 'must specify a volume type'));
    else {
      errs.push(...validateSource(kinds[0], vol[kinds[0]] ?? {}, ip.child(kinds[0])));
      kinds.slice(1).forEach((k) => errs.push(forbidden(String(ip.child(k)), 'may not specify more than 1 volume type')));
    }
    if (!vol.name) errs.push(required(String(namePath)));
    else errs.push(...invalidEach(namePath, vol.name, isDNS1123Label(vol.name)));
    if (names.has(vol.name ?? '')) errs.push({ type: 'FieldValueDuplicate', field: String(namePath), badValue: vol.name });
    if (errs.length === 0) names.add(vol.name);
    else errors.push(...errs);
  });
  return { errors, names };
}

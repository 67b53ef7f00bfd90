// The Volumes block (describeVolumes): one entry per volume with its source's fields. Sources
// no lab uses (cloud disks, iSCSI, Ceph…) print as their type line only.
import { quantity, type Json } from './format.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type DescribeWriter } from './writer.js';

/** `%v` of a *bool: `<nil>` when unset (Go prints a set pointer's address, which never happens in these objects). */
const ptrBool = (v: unknown) => (v === undefined || v === null ? '<nil>' : String(v));

type SourcePrinter = (w: DescribeWriter, s: Json) => void;

const SOURCES: Array<[string, SourcePrinter]> = [
  ['hostPath', (w, s) => w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${s.path ?? ''}\n    HostPathType:\t${s.type ?? '<none>'}\n`)],
  ['emptyDir', (w, s) => w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${s.medium ?? ''}\n    SizeLimit:\t${s.sizeLimit && quantity(s.sizeLimit) !== '0' ? quantity(s.sizeLimit) : '<unset>'}\n`)],
  ['secret', (w, s) => w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${s.secretName ?? ''}\n    Optional:\t${s.optional === true}\n`)],
  ['configMap', (w, s) => w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${s.name ?? ''}\n    Optional:\t${s.optional === true}\n`)],
  ['nfs', (w, s) => w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${s.server ?? ''}\n    Path:\t${s.path ?? ''}\n    ReadOnly:\t${s.readOnly === true}\n`)],
  ['persistentVolumeClaim', (w, s) => w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${s.claimName ?? ''}\n    ReadOnly:\t${s.readOnly === true}\n`)],
  ['ephemeral', (w) => w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n')],
  ['downwardAPI', printDownwardApi],
  ['projected', printProjected],
  ['csi', (w, s) => {
    w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${s.driver ?? ''}\n    FSType:\t${s.fsType ?? ''}\n    ReadOnly:\t${s.readOnly === true}\n`);
    printAttributes(w, 'VolumeAttributes', s.volumeAttributes);
  }],
  ['image', (w, s) => w.write(LEVEL_2, `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${s.reference ?? ''}\n    PullPolicy:\t${s.pullPolicy ?? ''}\n`)],
];

export function describeVolumes(w: DescribeWriter, volumes: Json[] | undefined, space: string): void {
  if (!volumes?.length) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    const source = SOURCES.find(([key]) => v[key]);
    if (source) source[1](w, v[source[0]]);
    else w.write(LEVEL_1, '<unknown>\n');
  }
}

function printDownwardApi(w: DescribeWriter, s: Json): void {
  w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
  for (const item of s.items ?? []) {
    if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
    if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
  }
}

/** The kube-api-access-xxxxx volume every pod gets is a projected one. */
function printProjected(w: DescribeWriter, s: Json): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const src of s.sources ?? []) {
    if (src.secret) w.write(LEVEL_2, `SecretName:\t${src.secret.name ?? ''}\n    SecretOptionalName:\t${ptrBool(src.secret.optional)}\n`);
    else if (src.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    else if (src.configMap) w.write(LEVEL_2, `ConfigMapName:\t${src.configMap.name ?? ''}\n    ConfigMapOptional:\t${ptrBool(src.configMap.optional)}\n`);
    else if (src.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${src.serviceAccountToken.expirationSeconds ?? 0}\n`);
  }
}

/** printCSIPersistentVolumeAttributesMultiline. */
function printAttributes(w: DescribeWriter, title: string, attributes: Record<string, string> | undefined): void {
  w.write(LEVEL_2, `${title}:\t`);
  const keys = Object.keys(attributes ?? {}).sort();
  if (!keys.length) return w.line('<none>');
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, '        \t');
    const line = `${k}=${attributes![k]}`;
    w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
  });
}

// PersistentVolumes, PersistentVolumeClaims and StorageClasses.
import { formatLabels } from '../../engine/api/table/format.js';
import { humanDuration } from '../../engine/api/table/index.js';
import type { KubeObject } from '../../engine/objects.js';
import { describeEvents } from './events.js';
import { printAnnotations, printBoolPtr, printLabels, quantity, rfc1123z, type Json } from './format.js';
import type { DescribeSettings } from './registry.js';
import { eventsFor } from './workloads.js';
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2 } from './writer.js';

const PODS = { group: '', version: 'v1', resource: 'pods' };
const MODES: Array<[string, string]> = [['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']];

const accessModes = (modes: string[] | undefined) => MODES.filter(([m]) => (modes ?? []).includes(m)).map(([, s]) => s).join(',');
const storageClassOf = (o: Json) => o.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? o.spec?.storageClassName ?? '';
const goList = (items: string[] | undefined) => `[${(items ?? []).join(' ')}]`;
const terminating = (o: Json, now: number) => `Terminating (lasts ${humanDuration(now - Date.parse(o.metadata.deletionTimestamp))})`;

export async function describePv(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const pv = obj as Json;
  const events = await eventsFor(s, obj);
  const spec = pv.spec ?? {};
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${pv.metadata.name}\n`);
  printLabels(w, 'Labels', pv.metadata.labels);
  printAnnotations(w, 'Annotations', pv.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goList(pv.metadata.finalizers)}\n`);
  w.write(LEVEL_0, `StorageClass:\t${storageClassOf(pv)}\n`);
  w.write(LEVEL_0, `Status:\t${pv.metadata.deletionTimestamp ? terminating(pv, s.now) : (pv.status?.phase ?? '')}\n`);
  w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''}\n`);
  w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModes(spec.accessModes)}\n`);
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  w.write(LEVEL_0, `Capacity:\t${quantity(spec.capacity?.storage)}\n`);
  printNodeAffinity(w, spec.nodeAffinity);
  w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
  w.write(LEVEL_0, 'Source:\n');
  if (spec.hostPath) w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path ?? ''}\n    HostPathType:\t${spec.hostPath.type ?? '<none>'}\n`);
  else if (spec.nfs) w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${spec.nfs.server ?? ''}\n    Path:\t${spec.nfs.path ?? ''}\n    ReadOnly:\t${spec.nfs.readOnly === true}\n`);
  else if (spec.local) w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path ?? ''}\n`);
  else w.write(LEVEL_1, '<unknown>\n');
  if (events) describeEvents(w, events, s.now);
  return w.toString();
}

function printNodeAffinity(w: DescribeWriter, affinity: Json): void {
  w.write(LEVEL_0, 'Node Affinity:\t');
  if (!affinity?.required) return w.line('<none>');
  w.line('');
  w.write(LEVEL_1, 'Required Terms:\t');
  const terms = affinity.required.nodeSelectorTerms ?? [];
  if (!terms.length) return w.line('<none>');
  w.line('');
  terms.forEach((term: Json, i: number) => {
    w.write(LEVEL_2, `Term ${i}:\t`);
    const reqs = term.matchExpressions ?? [];
    if (!reqs.length) return w.line('<none>');
    reqs.forEach((req: Json, j: number) => {
      if (j !== 0) w.write(LEVEL_2, '\t');
      let expr = `${req.key} ${String(req.operator ?? '').toLowerCase()}`;
      if (req.values?.length) expr += ` [${req.values.join(', ')}]`;
      w.write(LEVEL_0, `${expr}\n`);
    });
  });
}

export async function describePvc(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const pvc = obj as Json;
  const pods = await podsUsing(s, pvc);
  const events = await eventsFor(s, obj);
  const spec = pvc.spec ?? {};
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${pvc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace}\n`);
  w.write(LEVEL_0, `StorageClass:\t${storageClassOf(pvc)}\n`);
  w.write(LEVEL_0, `Status:\t${pvc.metadata.deletionTimestamp ? terminating(pvc, s.now) : (pvc.status?.phase ?? '')}\n`);
  w.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ''}\n`);
  printLabels(w, 'Labels', pvc.metadata.labels);
  printAnnotations(w, 'Annotations', pvc.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goList(pvc.metadata.finalizers)}\n`);
  const bound = Boolean(spec.volumeName);
  w.write(LEVEL_0, `Capacity:\t${bound ? quantity(pvc.status?.capacity?.storage) : ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${bound ? accessModes(pvc.status?.accessModes) : ''}\n`);
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  if (spec.dataSource) {
    w.write(LEVEL_0, 'DataSource:\n');
    if (spec.dataSource.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${spec.dataSource.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${spec.dataSource.kind ?? ''}\n`);
    w.write(LEVEL_1, `Name:\t${spec.dataSource.name ?? ''}\n`);
  }
  w.write(LEVEL_0, 'Used By:\t');
  if (!pods.length) w.line('<none>');
  else [...pods].sort().forEach((name, i) => w.write(LEVEL_0, `${i ? '\t' : ''}${name}\n`));
  if (pvc.status?.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of pvc.status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
  }
  if (events) describeEvents(w, events, s.now);
  return w.toString();
}

/** getPodsForPVC: pods mounting the claim (once per volume naming it), then pods owning it. */
async function podsUsing(s: DescribeSettings, pvc: Json): Promise<string[]> {
  const pods = (await s.api.list({ ...PODS, namespace: pvc.metadata.namespace }, { limit: 500 })).items as Json[];
  const out: Json[] = [];
  for (const pod of pods) for (const v of pod.spec?.volumes ?? []) if (v.persistentVolumeClaim?.claimName === pvc.metadata.name) out.push(pod);
  for (const ref of pvc.metadata.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue;
    const owner = pods.find((p) => p.metadata.uid === ref.uid);
    if (owner && !out.some((p) => p.metadata.uid === owner.metadata.uid)) out.push(owner);
  }
  return out.map((p) => p.metadata.name);
}

export async function describeStorageClass(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const sc = obj as Json;
  const events = await eventsFor(s, obj);
  const ann = sc.metadata.annotations ?? {};
  const isDefault = ann['storageclass.kubernetes.io/is-default-class'] === 'true' || ann['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${sc.metadata.name}\n`);
  w.write(LEVEL_0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`);
  w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata.annotations)}\n`);
  w.write(LEVEL_0, `Provisioner:\t${sc.provisioner ?? ''}\n`);
  w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
  w.write(LEVEL_0, `AllowVolumeExpansion:\t${printBoolPtr(sc.allowVolumeExpansion)}\n`);
  if (!sc.mountOptions?.length) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
  else {
    w.write(LEVEL_0, 'MountOptions:\n');
    for (const o of sc.mountOptions) w.write(LEVEL_1, `${o}\n`);
  }
  if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
  if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
  if (sc.allowedTopologies) {
    w.write(LEVEL_0, 'AllowedTopologies:\t');
    if (!sc.allowedTopologies.length) w.line('<none>');
    else {
      w.line('');
      sc.allowedTopologies.forEach((term: Json, i: number) => {
        w.write(LEVEL_1, `Term ${i}:\t`);
        const reqs = term.matchLabelExpressions ?? [];
        if (!reqs.length) return w.line('<none>');
        reqs.forEach((req: Json, j: number) => {
          if (j !== 0) w.write(LEVEL_1, '\t');
          w.write(LEVEL_0, `${req.key} in${req.values?.length ? ` [${req.values.join(', ')}]` : ''}\n`);
        });
      });
    }
  }
  if (events) describeEvents(w, events, s.now);
  return w.toString();
}

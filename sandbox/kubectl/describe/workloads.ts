// Deployments, ReplicaSets, DaemonSets and StatefulSets (describeDeployment and friends) and
// the Pod Template block they share.
import { formatLabels, formatLabelSelector, selectorString } from '../../engine/api/table/format.js';
import type { KubeObject } from '../../engine/objects.js';
import { sortKeysDeep } from '../printers/output.js';
import { describeContainers } from './containers.js';
import { describeEvents, refOfObject, searchEvents } from './events.js';
import { controllerOf, printAnnotations, printLabels, printTolerations, quantity, rfc1123z, type Json } from './format.js';
import { describeSpreadConstraints } from './pods.js';
import type { DescribeSettings } from './registry.js';
import { describeVolumes } from './volumes.js';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from './writer.js';

const PODS = { group: '', version: 'v1', resource: 'pods' };
const REPLICASETS = { group: 'apps', version: 'v1', resource: 'replicasets' };

export async function eventsFor(s: DescribeSettings, obj: KubeObject): Promise<KubeObject[] | undefined> {
  return s.showEvents ? searchEvents(s.api, refOfObject(obj)) : undefined;
}

/** DescribePodTemplate: the template's labels, containers, volumes and scheduling fields. */
export function describePodTemplate(w: DescribeWriter, template: Json): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const spec = template.spec ?? {};
  printLabels(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length) printAnnotations(w, '  Annotations', template.metadata.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, undefined, undefined, '  ');
  describeContainers(w, 'Containers', spec.containers, undefined, undefined, '  ');
  describeVolumes(w, spec.volumes, '  ');
  describeSpreadConstraints(w, spec.topologySpreadConstraints, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabels(w, '  Node-Selectors', spec.nodeSelector);
  printTolerations(w, '  Tolerations', spec.tolerations);
}

/** getPodStatusForController: the phases of the pods this controller owns. */
async function podCounts(s: DescribeSettings, obj: Json): Promise<string> {
  const list = await s.api.list({ ...PODS, namespace: obj.metadata.namespace }, { labelSelector: selectorString(obj.spec?.selector) || undefined, limit: 500 });
  const counts: Record<string, number> = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const pod of list.items as Json[]) {
    const ref = (pod.metadata.ownerReferences ?? []).find((r: Json) => r.controller === true);
    if (!ref || ref.uid !== obj.metadata.uid) continue;
    if (pod.status?.phase in counts) counts[pod.status.phase]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

function describeControllerConditions(w: DescribeWriter, conditions: Json[] | undefined): void {
  if (!conditions?.length) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

export async function describeDeployment(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const d = obj as Json;
  const events = await eventsFor(s, obj);
  const { oldRSs, newRS } = await replicaSetsOf(s, d);
  const w = new DescribeWriter();
  const spec = d.spec ?? {};
  const status = d.status ?? {};
  w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  printLabels(w, 'Labels', d.metadata.labels);
  printAnnotations(w, 'Annotations', d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector) ?? ''}\n`);
  w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`);
  w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge\n`);
  describePodTemplate(w, spec.template);
  describeControllerConditions(w, status.conditions);
  if (oldRSs.length || newRS) {
    w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetList(oldRSs)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetList(newRS ? [newRS] : [])}\n`);
  }
  if (events) describeEvents(w, events, s.now);
  return w.toString();
}

const replicaSetList = (rss: Json[]) => rss.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ') || '<none>';

/** deploymentutil.GetAllReplicaSets: the owned ReplicaSets by age; the oldest whose template matches is the new one. */
async function replicaSetsOf(s: DescribeSettings, d: Json): Promise<{ oldRSs: Json[]; newRS?: Json }> {
  const list = await s.api.list({ ...REPLICASETS, namespace: d.metadata.namespace }, { labelSelector: selectorString(d.spec?.selector) || undefined, limit: 500 });
  const owned = (list.items as Json[]).filter((rs) => (rs.metadata.ownerReferences ?? []).some((r: Json) => r.controller === true && r.uid === d.metadata.uid));
  owned.sort((a, b) => {
    const ta = Date.parse(a.metadata.creationTimestamp);
    const tb = Date.parse(b.metadata.creationTimestamp);
    return ta !== tb ? ta - tb : a.metadata.name < b.metadata.name ? -1 : 1;
  });
  const newRS = owned.find((rs) => sameTemplateIgnoringHash(rs.spec?.template, d.spec?.template));
  return { oldRSs: owned.filter((rs) => rs !== newRS), newRS };
}

function sameTemplateIgnoringHash(a: Json, b: Json): boolean {
  const strip = (t: Json) => {
    const copy = JSON.parse(JSON.stringify(t ?? {}));
    if (copy.metadata?.labels) delete copy.metadata.labels['pod-template-hash'];
    return JSON.stringify(sortKeysDeep(copy));
  };
  return strip(a) === strip(b);
}

export async function describeReplicaSet(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const rs = obj as Json;
  const pods = await podCounts(s, rs);
  const events = await eventsFor(s, obj);
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  printLabels(w, 'Labels', rs.metadata.labels);
  printAnnotations(w, 'Annotations', rs.metadata.annotations);
  const controlledBy = controllerOf(rs);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${pods}\n`);
  describePodTemplate(w, rs.spec?.template);
  describeControllerConditions(w, rs.status?.conditions);
  if (events) describeEvents(w, events, s.now);
  return w.toString();
}

/** ReplicationControllers: like a ReplicaSet, with a plain label-map selector and no owner. */
export async function describeReplicationController(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const rc = obj as Json;
  const pods = await podCounts(s, { ...rc, spec: { ...rc.spec, selector: { matchLabels: rc.spec?.selector ?? {} } } });
  const events = await eventsFor(s, obj);
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${rc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${rc.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabels(rc.spec?.selector)}\n`);
  printLabels(w, 'Labels', rc.metadata.labels);
  printAnnotations(w, 'Annotations', rc.metadata.annotations);
  w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 0} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${pods}\n`);
  describePodTemplate(w, rc.spec?.template);
  describeControllerConditions(w, rc.status?.conditions);
  if (events) describeEvents(w, events, s.now);
  return w.toString();
}

export async function describeDaemonSet(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const ds = obj as Json;
  const pods = await podCounts(s, ds);
  const events = await eventsFor(s, obj);
  const status = ds.status ?? {};
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec?.selector) ?? ''}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
  printLabels(w, 'Labels', ds.metadata.labels);
  printAnnotations(w, 'Annotations', ds.metadata.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${status.desiredNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${status.currentNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${status.updatedNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${status.numberAvailable ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${status.numberMisscheduled ?? 0}\n`);
  w.write(LEVEL_0, `Pods Status:\t${pods}\n`);
  describePodTemplate(w, ds.spec?.template);
  if (events) describeEvents(w, events, s.now);
  return w.toString();
}

export async function describeStatefulSet(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const ss = obj as Json;
  const pods = await podCounts(s, ss);
  const events = await eventsFor(s, obj);
  const spec = ss.spec ?? {};
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${ss.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${ss.metadata.namespace}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(ss.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector) ?? ''}\n`);
  printLabels(w, 'Labels', ss.metadata.labels);
  printAnnotations(w, 'Annotations', ss.metadata.annotations);
  w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 0} desired | ${ss.status?.replicas ?? 0} total\n`);
  w.write(LEVEL_0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`);
  const ru = spec.updateStrategy?.rollingUpdate;
  if (ru && ru.partition !== undefined) {
    w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
  }
  w.write(LEVEL_0, `Pods Status:\t${pods}\n`);
  describePodTemplate(w, spec.template);
  describeClaimTemplates(w, spec.volumeClaimTemplates);
  if (events) describeEvents(w, events, s.now);
  return w.toString();
}

function describeClaimTemplates(w: DescribeWriter, templates: Json[] | undefined): void {
  if (!templates?.length) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_1, `StorageClass:\t${pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? ''}\n`);
    printLabels(w, 'Labels', pvc.metadata?.labels, '  ');
    printLabels(w, 'Annotations', pvc.metadata?.annotations, '  ');
    const storage = pvc.spec?.resources?.requests?.storage;
    w.write(LEVEL_1, `Capacity:\t${storage !== undefined ? quantity(storage) : '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}

// kubectl describe pod (describePod): identity, status, containers, conditions, volumes,
// scheduling constraints and events.
import { formatLabelSelector } from '../../engine/api/table/format.js';
import { humanDuration } from '../../engine/api/table/index.js';
import type { KubeObject } from '../../engine/objects.js';
import { describeContainers, describeResources, type EnvResolver } from './containers.js';
import { describeEvents, searchEvents } from './events.js';
import { controllerOf, printAnnotations, printLabels, printTolerations, rfc1123z, type Json } from './format.js';
import type { DescribeSettings } from './registry.js';
import { describeVolumes } from './volumes.js';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from './writer.js';

const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

export async function describePod(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const pod = obj as Json;
  let events: KubeObject[] | undefined;
  if (s.showEvents) {
    // Pod events are searched without a kind; a mirror pod's events carry its static pod's uid.
    const uid = pod.metadata.annotations?.[MIRROR_ANNOTATION] ?? pod.metadata.uid;
    events = await searchEvents(s.api, { name: pod.metadata.name, namespace: pod.metadata.namespace, uid });
  }
  return podText(pod, events, s.now);
}

function podText(pod: Json, events: KubeObject[] | undefined, now: number): string {
  const w = new DescribeWriter();
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
  if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabels(w, 'Labels', pod.metadata.labels);
  printAnnotations(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${humanDuration(now - Date.parse(pod.metadata.deletionTimestamp))})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  const seccomp = spec.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
    if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
  describePodIps(w, status.podIPs);
  const controlledBy = controllerOf(pod);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (spec.resources) {
    w.write(LEVEL_0, 'Resources:\n');
    describeResources(w, spec.resources, LEVEL_1);
  }
  const resolve = envResolver(pod);
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses, resolve, '');
  describeContainers(w, 'Containers', spec.containers, status.containerStatuses, resolve, '');
  if (spec.ephemeralContainers?.length) describeContainers(w, 'Ephemeral Containers', spec.ephemeralContainers, status.ephemeralContainerStatuses, resolve, '');
  describeGatesAndConditions(w, spec, status);
  describeVolumes(w, spec.volumes, '');
  w.write(LEVEL_0, `QoS Class:\t${status.qosClass || computeQos(spec)}\n`);
  printLabels(w, 'Node-Selectors', spec.nodeSelector);
  printTolerations(w, 'Tolerations', spec.tolerations);
  describeSpreadConstraints(w, spec.topologySpreadConstraints, '');
  if (events) describeEvents(w, events, now);
  return w.toString();
}

function describePodIps(w: DescribeWriter, ips: Json[] | undefined): void {
  if (!ips?.length) {
    w.write(LEVEL_0, 'IPs:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'IPs:\n');
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
}

function describeGatesAndConditions(w: DescribeWriter, spec: Json, status: Json): void {
  if (spec.readinessGates?.length) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of spec.readinessGates) {
      const c = (status.conditions ?? []).find((x: Json) => x.type === g.conditionType);
      w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
    }
  }
  if (status.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
}

/** Topology spread constraints, sorted by topology key, one per line. */
export function describeSpreadConstraints(w: DescribeWriter, constraints: Json[] | undefined, space: string): void {
  if (!constraints?.length) return;
  const sorted = [...constraints].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((c, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    let line = `${c.topologyKey}:${c.whenUnsatisfiable ?? ''} when max skew ${c.maxSkew ?? 0} is exceeded`;
    if (c.labelSelector) line += ` for selector ${formatLabelSelector(c.labelSelector)}`;
    w.write(LEVEL_0, `${line}\n`);
  });
}

/** Field paths a downward-API env var may name, resolved against this pod. */
function envResolver(pod: Json): EnvResolver {
  return (path) => {
    const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
    if (m) return pod.metadata[m[1]]?.[m[2]] ?? '';
    const values: Record<string, unknown> = {
      'metadata.name': pod.metadata.name,
      'metadata.namespace': pod.metadata.namespace,
      'metadata.uid': pod.metadata.uid,
      'spec.nodeName': pod.spec?.nodeName,
      'spec.serviceAccountName': pod.spec?.serviceAccountName,
      'status.hostIP': pod.status?.hostIP,
      'status.hostIPs': (pod.status?.hostIPs ?? []).map((x: Json) => x.ip).join(','),
      'status.podIP': pod.status?.podIP,
      'status.podIPs': (pod.status?.podIPs ?? []).map((x: Json) => x.ip).join(','),
    };
    return String(values[path] ?? '');
  };
}

/** qos.ComputePodQOS, for pods whose status does not carry the class yet. */
export function computeQos(spec: Json): string {
  const containers: Json[] = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true;
      if (lim[r] === undefined || (req[r] !== undefined && req[r] !== lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

// kubectl describe node (describeNode): identity, taints, lease, conditions, addresses,
// capacity, system info, the non-terminated pods with their share of the node, and events.
import { humanDuration } from '../../engine/api/table/index.js';
import type { KubeObject } from '../../engine/objects.js';
import { formatError } from '../errors.js';
import { describeEvents, searchEvents } from './events.js';
import { printAnnotations, printLabels, printTaints, quantity, resourceNames, rfc1123z, type Json } from './format.js';
import { addQuantity, maxQuantity, milliValue, parseQuantity, quantityString, unitValue, type Quantity } from './quantities.js';
import type { DescribeSettings } from './registry.js';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from './writer.js';

const PODS = { group: '', version: 'v1', resource: 'pods' };
const LEASES = { group: 'coordination.k8s.io', version: 'v1', resource: 'leases' };
const ROLE_PREFIX = 'node-role.kubernetes.io/';

export async function describeNode(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const node = obj as Json;
  const name = node.metadata.name;
  const pods = await s.api.list(PODS, { fieldSelector: `spec.nodeName=${name},status.phase!=Failed,status.phase!=Succeeded`, limit: 500 });
  let events: KubeObject[] | undefined;
  if (s.showEvents) {
    // Controllers record node events against the node's uid, kubelets against its name.
    const byUid = await searchEvents(s.api, { name, namespace: '', kind: 'Node', uid: node.metadata.uid });
    const byName = await searchEvents(s.api, { name, namespace: '', kind: 'Node', uid: name });
    events = [...byUid, ...byName];
  }
  let lease: string;
  try {
    lease = leaseText(await s.api.get({ ...LEASES, namespace: 'kube-node-lease', name }));
  } catch (e) {
    lease = `Lease:\tFailed to get lease: ${formatError(e).replace(/^Error from server \(\w+\): |\n$/g, '')}\n`;
  }
  return nodeText(node, pods.items as Json[], events, lease, s.now);
}

function nodeText(node: Json, pods: Json[], events: KubeObject[] | undefined, lease: string, now: number): string {
  const w = new DescribeWriter();
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
  w.write(LEVEL_0, `Roles:\t${roles(node).join(',') || '<none>'}\n`);
  printLabels(w, 'Labels', node.metadata.labels);
  printAnnotations(w, 'Annotations', node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  printTaints(w, 'Taints', spec.taints);
  w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
  w.write(LEVEL_0, lease);
  if (status.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of status.conditions) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as const) {
    if (!Object.keys(list ?? {}).length) continue;
    w.write(LEVEL_0, `${title}:\n`);
    for (const r of resourceNames(list)) w.write(LEVEL_0, `  ${r}:\t${quantity(list[r])}\n`);
  }
  describeSystemInfo(w, status.nodeInfo ?? {});
  if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
  if (spec.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
  if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
  describeNodeResources(w, node, pods, now);
  if (events) describeEvents(w, events, now);
  return w.toString();
}

function roles(node: Json): string[] {
  const found = new Set<string>();
  for (const [k, v] of Object.entries((node.metadata.labels ?? {}) as Record<string, string>)) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) found.add(k.slice(ROLE_PREFIX.length));
    else if (k === 'kubernetes.io/role' && v) found.add(v);
  }
  return [...found].sort();
}

function describeSystemInfo(w: DescribeWriter, info: Json): void {
  const rows: Array<[string, string]> = [
    ['Machine ID', info.machineID], ['System UUID', info.systemUUID], ['Boot ID', info.bootID],
    ['Kernel Version', info.kernelVersion], ['OS Image', info.osImage], ['Operating System', info.operatingSystem],
    ['Architecture', info.architecture], ['Container Runtime Version', info.containerRuntimeVersion],
    ['Kubelet Version', info.kubeletVersion], ['Kube-Proxy Version', info.kubeProxyVersion],
  ];
  w.write(LEVEL_0, 'System Info:\n');
  for (const [label, value] of rows) w.write(LEVEL_0, `  ${label}:\t${value ?? ''}\n`);
}

type Totals = Record<string, Quantity>;

/** resourcehelper.PodRequestsAndLimits: containers summed, each init container a floor, plus overhead. */
function podTotals(pod: Json): { reqs: Totals; limits: Totals } {
  const sum = (kind: 'requests' | 'limits') => {
    const out: Totals = {};
    for (const c of pod.spec?.containers ?? []) for (const [r, q] of Object.entries(c.resources?.[kind] ?? {})) out[r] = addQuantity(out[r], parseQuantity(q));
    for (const c of pod.spec?.initContainers ?? []) for (const [r, q] of Object.entries(c.resources?.[kind] ?? {})) out[r] = maxQuantity(out[r], parseQuantity(q));
    for (const [r, q] of Object.entries(pod.spec?.overhead ?? {})) out[r] = addQuantity(out[r], parseQuantity(q));
    return out;
  };
  return { reqs: sum('requests'), limits: sum('limits') };
}

const percent = (part: bigint, whole: bigint) => (whole === 0n ? 0 : Math.trunc((Number(part) / Number(whole)) * 100));

function describeNodeResources(w: DescribeWriter, node: Json, pods: Json[], now: number): void {
  const status = node.status ?? {};
  const allocatable: Record<string, string> = Object.keys(status.allocatable ?? {}).length ? status.allocatable : (status.capacity ?? {});
  const alloc = (r: string) => parseQuantity(allocatable[r] ?? '0');
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const totals = { reqs: {} as Totals, limits: {} as Totals };
  for (const pod of pods) {
    const { reqs, limits } = podTotals(pod);
    for (const [r, q] of Object.entries(reqs)) totals.reqs[r] = addQuantity(totals.reqs[r], q);
    for (const [r, q] of Object.entries(limits)) totals.limits[r] = addQuantity(totals.limits[r], q);
    const cpu = (q: Quantity | undefined) => `${quantityString(q)} (${percent(milliValue(q), milliValue(alloc('cpu')))}%)`;
    const mem = (q: Quantity | undefined) => `${quantityString(q)} (${percent(unitValue(q), unitValue(alloc('memory')))}%)`;
    const age = pod.metadata.creationTimestamp ? humanDuration(now - Date.parse(pod.metadata.creationTimestamp)) : '<unknown>';
    w.write(LEVEL_1, `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${cpu(reqs.cpu)}\t${cpu(limits.cpu)}\t${mem(reqs.memory)}\t${mem(limits.memory)}\t${age}\n`);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const row = (r: string, value: (q: Quantity | undefined) => bigint) => {
    const whole = value(alloc(r));
    const part = (q: Quantity | undefined) => `${quantityString(q)} (${percent(value(q), whole)}%)`;
    w.write(LEVEL_1, `${r}\t${part(totals.reqs[r])}\t${part(totals.limits[r])}\n`);
  };
  row('cpu', milliValue);
  row('memory', unitValue);
  row('ephemeral-storage', unitValue);
  const names = Object.keys(allocatable).sort();
  for (const r of names.filter((n) => n.startsWith('hugepages-'))) row(r, unitValue);
  for (const r of names.filter((n) => !isStandard(n) && n !== 'pods')) w.write(LEVEL_1, `${r}\t${quantityString(totals.reqs[r])}\t${quantityString(totals.limits[r])}\n`);
}

const isStandard = (r: string) => ['cpu', 'memory', 'ephemeral-storage'].includes(r) || r.startsWith('hugepages-');

function leaseText(lease: Json): string {
  const spec = lease.spec ?? {};
  return `Lease:\n  HolderIdentity:\t${spec.holderIdentity ?? '<unset>'}\n  AcquireTime:\t${spec.acquireTime ? rfc1123z(spec.acquireTime) : '<unset>'}\n  RenewTime:\t${spec.renewTime ? rfc1123z(spec.renewTime) : '<unset>'}\n`;
}

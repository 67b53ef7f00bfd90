// Core objects with simple tables: ConfigMaps, Secrets, Namespaces, ServiceAccounts, Nodes,
// ResourceQuotas (printConfigMap, printSecret, printNamespace, printServiceAccount, printNode, …).
import type { ConfigMap, Namespace, Node, ResourceQuota, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import { ageCol, col, docCol, nameCol } from './columns.js';
import { since } from './duration.js';
import { canonicalQuantity } from './quantity.js';
import type { Printer } from './types.js';

const count = (o: object | undefined) => Object.keys(o ?? {}).length;

export const configMapPrinter: Printer = {
  columns: [nameCol(), docCol('Data', 'string', 'core/v1 ConfigMap.data'), ageCol()],
  cells(obj, now) {
    const cm = obj as unknown as ConfigMap;
    return [cm.metadata?.name ?? '', count(cm.data) + count(cm.binaryData), since(cm.metadata?.creationTimestamp, now)];
  },
};

export const secretPrinter: Printer = {
  columns: [nameCol(), docCol('Type', 'string', 'core/v1 Secret.type'), docCol('Data', 'string', 'core/v1 Secret.data'), ageCol()],
  cells(obj, now) {
    const s = obj as unknown as Secret;
    return [s.metadata?.name ?? '', s.type ?? '', count(s.data), since(s.metadata?.creationTimestamp, now)];
  },
};

export const namespacePrinter: Printer = {
  columns: [nameCol(), col('Status', 'string', 'The status of the namespace'), ageCol()],
  cells(obj, now) {
    const ns = obj as unknown as Namespace;
    return [ns.metadata?.name ?? '', ns.status?.phase ?? '', since(ns.metadata?.creationTimestamp, now)];
  },
};

export const serviceAccountPrinter: Printer = {
  columns: [nameCol(), docCol('Secrets', 'string', 'core/v1 ServiceAccount.secrets'), ageCol()],
  cells(obj, now) {
    const sa = obj as unknown as ServiceAccount;
    return [sa.metadata?.name ?? '', sa.secrets?.length ?? 0, since(sa.metadata?.creationTimestamp, now)];
  },
};

/** STATUS: the Ready condition as `Ready`/`NotReady`, `Unknown` without one, then `SchedulingDisabled`. */
function nodeStatus(node: Node): string {
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').pop();
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

/** ROLES from `node-role.kubernetes.io/<role>` labels and the old `kubernetes.io/role=<role>`. */
function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort().join(',') || '<none>';
}

const nodeAddress = (node: Node, type: string) => node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';

export const nodePrinter: Printer = {
  columns: [
    nameCol(),
    col('Status', 'string', 'The status of the node'),
    col('Roles', 'string', 'The roles of the node'),
    ageCol(),
    docCol('Version', 'string', 'core/v1 NodeSystemInfo.kubeletVersion'),
    docCol('Internal-IP', 'string', 'core/v1 NodeStatus.addresses', 1),
    docCol('External-IP', 'string', 'core/v1 NodeStatus.addresses', 1),
    docCol('OS-Image', 'string', 'core/v1 NodeSystemInfo.osImage', 1),
    docCol('Kernel-Version', 'string', 'core/v1 NodeSystemInfo.kernelVersion', 1),
    docCol('Container-Runtime', 'string', 'core/v1 NodeSystemInfo.containerRuntimeVersion', 1),
  ],
  cells(obj, now) {
    const node = obj as unknown as Node;
    const info = node.status?.nodeInfo;
    return [
      node.metadata?.name ?? '',
      nodeStatus(node),
      nodeRoles(node),
      since(node.metadata?.creationTimestamp, now),
      info?.kubeletVersion ?? '',
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ];
  },
};

/** REQUEST and LIMIT: `used/hard` per resource in status.hard, `limits.*` ones in LIMIT. */
function quotaColumns(rq: ResourceQuota): [request: string, limit: string] {
  const hard = rq.status?.hard ?? {};
  const used = rq.status?.used ?? {};
  const request: string[] = [];
  const limit: string[] = [];
  for (const resource of Object.keys(hard).sort()) {
    const pieces = resource.split('.');
    const target = pieces.length > 1 && pieces[0] === 'limits' ? limit : request;
    target.push(`${resource}: ${canonicalQuantity(used[resource])}/${canonicalQuantity(hard[resource])}`);
  }
  return [request.join(', '), limit.join(', ')];
}

export const resourceQuotaPrinter: Printer = {
  columns: [
    nameCol(),
    col('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    col('Limit', 'string', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.'),
    ageCol(),
  ],
  cells(obj, now) {
    const rq = obj as unknown as ResourceQuota;
    const [request, limit] = quotaColumns(rq);
    return [rq.metadata?.name ?? '', request, limit, since(rq.metadata?.creationTimestamp, now)];
  },
};

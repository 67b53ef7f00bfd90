// The cluster map as data: nodes with their components, pods on each node grouped by owner
// (Deployment → ReplicaSet → Pods), Services with edges to the pods behind them, Ingresses and
// volumes. Pod status is the STATUS column of `kubectl get pods`, from the engine's own printer.
import { podPrinter } from '../engine/api/table/pods.js';
import type { KubeObject } from '../engine/objects.js';
import { sepChain, svcChain } from '../engine/network/kube-proxy.js';

export type ItemKind = 'node' | 'component' | 'workload' | 'pod' | 'service' | 'ingress' | 'volume';

export interface MapItem {
  /** Stable across updates: `pod/default/web-1`, `component/node01/kubelet`. */
  id: string;
  kind: ItemKind;
  name: string;
  namespace?: string;
  /** The node an item sits on (components, pods), or undefined when unscheduled/cluster-wide. */
  node?: string;
  /** Owner chain label for pods (`Deployment web → ReplicaSet web-6dc5`), the kind for workloads. */
  group?: string;
  status: string;
  /** Extra facts shown on hover and in the text list. */
  detail?: string;
  /** Items this one points at: a Service's pods, an Ingress's Services, a pod's volumes. */
  targets?: string[];
  /** For Services: the path a request takes to a pod. */
  path?: ServicePath;
  /** The API resource and name to inspect it with. */
  ref?: { resource: string; namespace?: string; name: string };
}

/** DNS name → ClusterIP:port → kube-proxy's KUBE-SVC chain → KUBE-SEP chain per endpoint → pod. */
export interface ServicePath {
  dns: string;
  clusterIP: string;
  ports: Array<{ port: number; protocol: string; chain: string; endpoints: Array<{ address: string; pod?: string; chain: string }> }>;
}

export interface ClusterModel {
  nodes: string[];
  items: MapItem[];
}

export interface ClusterObjects {
  nodes: KubeObject[];
  pods: KubeObject[];
  replicaSets: KubeObject[];
  deployments: KubeObject[];
  services: KubeObject[];
  endpointSlices: KubeObject[];
  ingresses: KubeObject[];
  pvcs: KubeObject[];
}

type Loose = KubeObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };
const nameOf = (o: KubeObject): string => o.metadata.name ?? '';
const id = (kind: string, o: KubeObject) => `${kind}/${o.metadata.namespace ?? ''}/${nameOf(o)}`;
const isControlPlane = (n: KubeObject) => 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {});

const CONTROL_PLANE_COMPONENTS: Array<[string, string]> = [
  ['kube-apiserver', 'kube-apiserver'],
  ['etcd', 'etcd'],
  ['kube-scheduler', 'kube-scheduler'],
  ['kube-controller-manager', 'kube-controller-manager'],
  ['cloud-controller-manager', 'cloud-controller-manager'],
];
const NODE_COMPONENTS = ['kubelet', 'kube-proxy', 'containerd'];

function nodeReady(n: Loose): string {
  const ready = (n.status?.conditions as Array<{ type: string; status: string }> | undefined)?.find((c) => c.type === 'Ready');
  const base = ready?.status === 'True' ? 'Ready' : 'NotReady';
  return (n.spec?.unschedulable ? `${base},SchedulingDisabled` : base);
}

/** A control-plane component runs as a static pod named `<component>-<node>` (or not at all: the cloud controller manager). */
function componentItems(node: KubeObject, pods: KubeObject[], nodeStatus: string): MapItem[] {
  const name = nameOf(node);
  const items: MapItem[] = [];
  if (isControlPlane(node)) {
    for (const [component, podPrefix] of CONTROL_PLANE_COMPONENTS) {
      const pod = pods.find((p) => p.metadata.namespace === 'kube-system' && nameOf(p) === `${podPrefix}-${name}`);
      const status = pod ? String(podPrinter.cells(pod, 0)[2]) : component === 'cloud-controller-manager' ? 'not installed' : 'absent';
      items.push({ id: `component/${name}/${component}`, kind: 'component', name: component, node: name, status, ref: pod && { resource: 'pods', namespace: 'kube-system', name: nameOf(pod) } });
    }
  }
  for (const component of NODE_COMPONENTS) {
    const status = component === 'kubelet' ? (nodeStatus.startsWith('Ready') ? 'Running' : 'NotReady') : 'Running';
    items.push({ id: `component/${name}/${component}`, kind: 'component', name: component, node: name, status });
  }
  return items;
}

function ownerChain(pod: KubeObject, replicaSets: Map<string, KubeObject>): string {
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller) ?? pod.metadata.ownerReferences?.[0];
  if (!owner) return 'standalone';
  if (owner.kind !== 'ReplicaSet') return `${owner.kind} ${owner.name}`;
  const rs = replicaSets.get(`${pod.metadata.namespace}/${owner.name}`);
  const deploy = rs?.metadata.ownerReferences?.find((r) => r.kind === 'Deployment');
  return deploy ? `Deployment ${deploy.name} → ReplicaSet ${owner.name}` : `ReplicaSet ${owner.name}`;
}

function podItem(pod: Loose, replicaSets: Map<string, KubeObject>, now: number): MapItem {
  const cells = podPrinter.cells(pod, now);
  const volumes = ((pod.spec?.volumes as Array<{ persistentVolumeClaim?: { claimName: string } }> | undefined) ?? [])
    .filter((v) => v.persistentVolumeClaim)
    .map((v) => `volume/${pod.metadata.namespace}/${v.persistentVolumeClaim!.claimName}`);
  return {
    id: id('pod', pod),
    kind: 'pod',
    name: nameOf(pod),
    namespace: pod.metadata.namespace,
    node: (pod.spec?.nodeName as string | undefined) || undefined,
    group: ownerChain(pod, replicaSets),
    status: String(cells[2]),
    detail: `ready ${cells[1]}, restarts ${cells[3]}, IP ${cells[5]}`,
    ...(volumes.length ? { targets: volumes } : {}),
    ref: { resource: 'pods', namespace: pod.metadata.namespace, name: nameOf(pod) },
  };
}

function serviceItem(svc: Loose, slices: KubeObject[]): MapItem {
  const ns = svc.metadata.namespace;
  const mine = slices.filter((s) => s.metadata.namespace === ns && s.metadata.labels?.['kubernetes.io/service-name'] === nameOf(svc));
  const pods = mine.flatMap((s) => ((s as unknown as { endpoints?: Array<{ targetRef?: { kind?: string; name?: string } }> }).endpoints ?? []))
    .filter((e) => e.targetRef?.kind === 'Pod' && e.targetRef.name)
    .map((e) => `pod/${ns}/${e.targetRef!.name}`);
  const clusterIP = String(svc.spec?.clusterIP ?? '');
  const path = servicePath(svc, mine);
  return {
    id: id('service', svc),
    kind: 'service',
    name: nameOf(svc),
    namespace: ns,
    status: `${String(svc.spec?.type ?? 'ClusterIP')} ${clusterIP}`,
    detail: `${pods.length} endpoints`,
    targets: [...new Set(pods)].sort(),
    path,
    ref: { resource: 'services', namespace: ns, name: nameOf(svc) },
  };
}

type Slice = { ports?: Array<{ name?: string; port?: number }>; endpoints?: Array<{ addresses?: string[]; conditions?: { ready?: boolean }; targetRef?: { kind?: string; name?: string } }> };

function servicePath(svc: Loose, slices: KubeObject[]): ServicePath {
  const ns = svc.metadata.namespace ?? 'default';
  const ports = (svc.spec?.ports as Array<{ name?: string; port: number; targetPort?: number | string; protocol?: string }> | undefined) ?? [];
  return {
    dns: `${nameOf(svc)}.${ns}.svc.cluster.local`,
    clusterIP: String(svc.spec?.clusterIP ?? ''),
    ports: ports.map((sp) => {
      const portName = `${ns}/${nameOf(svc)}${sp.name ? `:${sp.name}` : ''}`;
      const proto = (sp.protocol ?? 'TCP').toLowerCase();
      const endpoints = (slices as unknown as Slice[]).flatMap((slice) => {
        const port = (slice.ports ?? []).find((p) => (p.name ?? '') === (sp.name ?? ''))?.port;
        return (slice.endpoints ?? [])
          .filter((e) => e.conditions?.ready !== false && e.addresses?.[0] && port !== undefined)
          .map((e) => {
            const address = `${e.addresses![0]}:${port}`;
            return { address, pod: e.targetRef?.kind === 'Pod' ? e.targetRef.name : undefined, chain: sepChain(portName, proto, address) };
          });
      });
      return { port: sp.port, protocol: sp.protocol ?? 'TCP', chain: svcChain(portName, proto), endpoints };
    }),
  };
}

function ingressItem(ing: Loose): MapItem {
  const rules = (ing.spec?.rules as Array<{ host?: string; http?: { paths?: Array<{ backend?: { service?: { name?: string } } }> } }> | undefined) ?? [];
  const services = rules.flatMap((r) => r.http?.paths ?? []).map((p) => p.backend?.service?.name).filter((n): n is string => !!n);
  return {
    id: id('ingress', ing),
    kind: 'ingress',
    name: nameOf(ing),
    namespace: ing.metadata.namespace,
    status: rules.map((r) => r.host ?? '*').join(',') || '*',
    targets: [...new Set(services)].map((s) => `service/${ing.metadata.namespace}/${s}`),
    ref: { resource: 'ingresses.networking.k8s.io', namespace: ing.metadata.namespace, name: nameOf(ing) },
  };
}

function volumeItem(pvc: Loose): MapItem {
  return {
    id: id('volume', pvc),
    kind: 'volume',
    name: nameOf(pvc),
    namespace: pvc.metadata.namespace,
    status: String(pvc.status?.phase ?? 'Pending'),
    detail: String(pvc.spec?.volumeName ?? ''),
    ref: { resource: 'persistentvolumeclaims', namespace: pvc.metadata.namespace, name: nameOf(pvc) },
  };
}

function workloadItems(deployments: Loose[]): MapItem[] {
  return deployments.map((d) => ({
    id: id('workload', d),
    kind: 'workload' as const,
    name: nameOf(d),
    namespace: d.metadata.namespace,
    group: 'Deployment',
    status: `${Number(d.status?.readyReplicas ?? 0)}/${Number(d.spec?.replicas ?? 1)} ready`,
    ref: { resource: 'deployments.apps', namespace: d.metadata.namespace, name: nameOf(d) },
  }));
}

const byName = (a: KubeObject, b: KubeObject) =>
  (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || nameOf(a).localeCompare(nameOf(b));

/** The whole map at simulated time `now` (pod ages and restarts are printed relative to it). */
export function buildClusterModel(o: ClusterObjects, now: number): ClusterModel {
  const nodes = [...o.nodes].sort((a, b) => Number(isControlPlane(b)) - Number(isControlPlane(a)) || nameOf(a).localeCompare(nameOf(b)));
  const replicaSets = new Map(o.replicaSets.map((r) => [`${r.metadata.namespace}/${nameOf(r)}`, r]));
  const items: MapItem[] = [];
  for (const n of nodes) {
    const status = nodeReady(n as Loose);
    items.push({ id: `node//${nameOf(n)}`, kind: 'node', name: nameOf(n), status, detail: isControlPlane(n) ? 'control-plane' : 'worker' });
    items.push(...componentItems(n, o.pods, status));
  }
  items.push(...workloadItems([...o.deployments].sort(byName) as Loose[]));
  items.push(...[...o.pods].sort(byName).map((p) => podItem(p as Loose, replicaSets, now)));
  items.push(...[...o.services].sort(byName).map((s) => serviceItem(s as Loose, o.endpointSlices)));
  items.push(...[...o.ingresses].sort(byName).map((i) => ingressItem(i as Loose)));
  items.push(...[...o.pvcs].sort(byName).map((v) => volumeItem(v as Loose)));
  return { nodes: nodes.map((n) => nameOf(n)), items };
}

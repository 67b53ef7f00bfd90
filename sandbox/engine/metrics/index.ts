// What metrics-server would answer on metrics.k8s.io/v1beta1: NodeMetrics and PodMetrics,
// computed deterministically from the pods (their images and running time), so `kubectl top`
// prints stable numbers a lesson can show. Like a kubeadm cluster, the API only exists once a
// `metrics-server` Deployment in kube-system is available (kubeadm does not install one).
import type { ApiClient } from '../api/types.js';
import { rfc3339 } from '../clock.js';
import type { KubeObject } from '../objects.js';
import type { Container } from 'kubernetes-types/core/v1';
import { stressDemand } from '../images/workload.js';
import { resourceAmount } from '../scheduler/quantity.js';
import { loadByPod } from './load.js';

export { generateLoad, LOAD_ANNOTATION, type LoadTarget } from './load.js';

const MI = 1024 * 1024;
/** metrics-server scrapes every 15 s: a container has no sample before its first scrape. */
export const METRICS_RESOLUTION_MS = 15_000;

/** Typical idle usage per image (millicores, bytes), as metrics-server reports for them. */
const IMAGE_USAGE: Array<[RegExp, number, number]> = [
  [/kube-apiserver/, 42, 230 * MI],
  [/etcd/, 24, 38 * MI],
  [/kube-controller-manager/, 16, 48 * MI],
  [/kube-scheduler/, 3, 20 * MI],
  [/kube-proxy/, 1, 14 * MI],
  [/coredns/, 2, 13 * MI],
  [/metrics-server/, 3, 17 * MI],
  [/nginx/, 0, 3 * MI],
  [/httpd/, 1, 6 * MI],
  [/redis/, 2, 3 * MI],
  [/busybox|alpine/, 0, 0.5 * MI],
  [/hpa-example/, 0, 10 * MI],
];
/** The kubelet, containerd and the OS on every node (not in any pod). */
export const NODE_OVERHEAD = { cpuMilli: 38, memory: 420 * MI };

const DEPLOYMENTS = { group: 'apps', version: 'v1', resource: 'deployments' };
const PODS = { group: '', version: 'v1', resource: 'pods' };
const NODES = { group: '', version: 'v1', resource: 'nodes' };

export function metricsAvailable(api: ApiClient): boolean {
  try {
    const d = api.get({ ...DEPLOYMENTS, namespace: 'kube-system', name: 'metrics-server' });
    return ((d.status as { availableReplicas?: number } | undefined)?.availableReplicas ?? 0) > 0;
  } catch {
    return false;
  }
}

/** A small stable number from a string (FNV-1a), for per-container variation. */
function jitter(seed: string, range: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  return (h >>> 0) % range;
}

interface ContainerUsage {
  name: string;
  cpuMilli: number;
  memory: number;
}

/** The working set of a running container (what the kubelet's eviction manager and metrics-server see). */
export function containerMemoryBytes(spec: Container, seed: string): number {
  const stress = stressDemand(spec);
  if (stress) return Math.round(stress.memoryBytes + jitter(seed + 'm', 64) * 1024);
  const [, , idle] = IMAGE_USAGE.find(([re]) => re.test(spec.image ?? '')) ?? [/./, 1, 2 * MI];
  return Math.round(idle + jitter(seed + 'm', 900) * 1024);
}

/**
 * What each container of a running pod uses: its image's idle figures, or what its stress tool
 * holds and burns, plus the load sent to the pod (metrics/load.ts) on its first container;
 * CPU is throttled at the container's limit.
 */
function containerUsage(pod: KubeObject, now: number, load: Map<string, number>): ContainerUsage[] | undefined {
  const status = pod.status as { phase?: string; containerStatuses?: Array<{ name: string; image?: string; state?: { running?: { startedAt?: string } } }> } | undefined;
  if (status?.phase !== 'Running') return undefined;
  const out: ContainerUsage[] = [];
  const specs = (pod.spec as { containers?: Container[] }).containers ?? [];
  for (const c of status.containerStatuses ?? []) {
    const started = c.state?.running?.startedAt;
    if (!started || now - Date.parse(started) < METRICS_RESOLUTION_MS) continue;
    const spec = specs.find((x) => x.name === c.name);
    const image = spec?.image ?? c.image ?? '';
    const [, idleCpu] = IMAGE_USAGE.find(([re]) => re.test(image)) ?? [/./, 1, 2 * MI];
    const stress = spec ? stressDemand(spec) : undefined;
    const seed = `${pod.metadata.uid}/${c.name}`;
    let cpu = (stress?.cpuMilli ?? idleCpu) + jitter(seed, 2) + (spec === specs[0] ? Math.round(load.get(pod.metadata.uid!) ?? 0) : 0);
    const limit = spec?.resources?.limits?.cpu;
    if (limit !== undefined) cpu = Math.min(cpu, resourceAmount('cpu', limit));
    out.push({ name: c.name, cpuMilli: cpu, memory: containerMemoryBytes(spec ?? { name: c.name, image }, seed) });
  }
  return out.length ? out : undefined;
}

const cpuQuantity = (milli: number) => `${milli * 1_000_000}n`;
const memQuantity = (bytes: number) => `${Math.round(bytes / 1024)}Ki`;

/** PodMetrics for the pods that have been scraped (Running, containers up ≥ 15 s). */
export function podMetrics(api: ApiClient, now: number, namespace?: string, labelSelector?: string): KubeObject[] {
  const out: KubeObject[] = [];
  const load = loadByPod(api);
  for (const pod of api.list({ ...PODS, namespace }, { labelSelector }).items) {
    const usage = containerUsage(pod, now, load);
    if (!usage) continue;
    out.push({
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'PodMetrics',
      metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, labels: pod.metadata.labels, creationTimestamp: rfc3339(now) },
      timestamp: rfc3339(now - (now % METRICS_RESOLUTION_MS)),
      window: '15s',
      containers: usage.map((u) => ({ name: u.name, usage: { cpu: cpuQuantity(u.cpuMilli), memory: memQuantity(u.memory) } })),
    } as unknown as KubeObject);
  }
  return out;
}

/** NodeMetrics for Ready nodes: their pods' usage plus the node's own overhead. */
export function nodeMetrics(api: ApiClient, now: number): KubeObject[] {
  const pods = api.list(PODS).items;
  const load = loadByPod(api);
  const out: KubeObject[] = [];
  for (const node of api.list(NODES).items) {
    const ready = ((node.status as { conditions?: Array<{ type: string; status: string }> } | undefined)?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
    if (!ready) continue;
    let cpu = NODE_OVERHEAD.cpuMilli + jitter(node.metadata.name ?? '', 12);
    let memory = NODE_OVERHEAD.memory + jitter(`${node.metadata.name}m`, 64) * MI;
    for (const pod of pods) {
      if ((pod.spec as { nodeName?: string }).nodeName !== node.metadata.name) continue;
      for (const u of containerUsage(pod, now, load) ?? []) {
        cpu += u.cpuMilli;
        memory += u.memory;
      }
    }
    out.push({
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'NodeMetrics',
      metadata: { name: node.metadata.name, labels: node.metadata.labels, creationTimestamp: rfc3339(now) },
      timestamp: rfc3339(now - (now % METRICS_RESOLUTION_MS)),
      window: '20.05s',
      usage: { cpu: cpuQuantity(cpu), memory: memQuantity(memory) },
    } as unknown as KubeObject);
  }
  return out;
}

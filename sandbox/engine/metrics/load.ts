// Simulated load on workloads, so CPU use (kubectl top, the HPA) follows what a lesson does:
// - a lab action calls generateLoad() on a Service or a Deployment; the load is kept as an
//   annotation on that object (so it lives in the store, travels in snapshots and is visible to
//   whoever looks: the cluster says what is loading it);
// - a running pod whose shell loops over `wget`/`curl` to http://SERVICE (the docs' HPA
//   walkthrough: `while sleep 0.01; do wget -q -O- http://php-apache; done`) loads that Service.
// Requests are shared by the Service's (or Deployment's) ready pods; what a request costs in CPU
// depends on the image (php-apache computes square roots for every request).
import type { ApiClient } from '../api/types.js';
import type { KubeObject } from '../objects.js';

export const LOAD_ANNOTATION = 'load.kubelab.dev/simulated';

export interface LoadSpec {
  /** CPU each pod of the target burns on top of its idle use. */
  cpuMillicoresPerPod?: number;
  /** Requests per second sent to the target, shared by its ready pods. */
  requestsPerSecond?: number;
}

export interface LoadTarget extends LoadSpec {
  namespace?: string;
  service?: string;
  deployment?: string;
}

/** Requests per second one `while true; do wget …; done` loop sends (busybox wget, keep-alive off). */
export const WGET_LOOP_RPS = 140;

/** Millicores one request per second costs, by image; the rest cost next to nothing. */
const CPU_PER_RPS: Array<[RegExp, number]> = [
  [/hpa-example/, 5],
  [/httpd|php|apache/, 0.2],
];
const DEFAULT_CPU_PER_RPS = 0.02;

const SERVICES = { group: '', version: 'v1', resource: 'services' };
const DEPLOYMENTS = { group: 'apps', version: 'v1', resource: 'deployments' };
const PODS = { group: '', version: 'v1', resource: 'pods' };

/** Starts (or, with no load given, stops) simulated load on a Service or Deployment. */
export function generateLoad(engine: { client(actor: string): ApiClient }, target: LoadTarget): void {
  const api = engine.client('load-generator');
  const ref = target.service ? { ...SERVICES, namespace: target.namespace ?? 'default', name: target.service } : { ...DEPLOYMENTS, namespace: target.namespace ?? 'default', name: target.deployment };
  if (!ref.name) throw new Error('generateLoad needs a service or a deployment');
  const spec: LoadSpec = {};
  if (target.cpuMillicoresPerPod) spec.cpuMillicoresPerPod = target.cpuMillicoresPerPod;
  if (target.requestsPerSecond) spec.requestsPerSecond = target.requestsPerSecond;
  const value = Object.keys(spec).length ? JSON.stringify(spec) : null;
  api.patch(ref, 'merge', { metadata: { annotations: { [LOAD_ANNOTATION]: value } } });
}

function loadOf(obj: KubeObject): LoadSpec | undefined {
  const text = obj.metadata.annotations?.[LOAD_ANNOTATION];
  if (!text) return undefined;
  try {
    return JSON.parse(text) as LoadSpec;
  } catch {
    return undefined;
  }
}

const matches = (selector: Record<string, string> | undefined, pod: KubeObject) =>
  selector !== undefined && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => pod.metadata.labels?.[k] === v);

const isReady = (pod: KubeObject) =>
  ((pod.status as { conditions?: Array<{ type: string; status: string }> } | undefined)?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

const isRunning = (pod: KubeObject) => (pod.status as { phase?: string } | undefined)?.phase === 'Running' && !pod.metadata.deletionTimestamp;

/** The Services a running pod's shell loop keeps requesting (`wget … http://php-apache`). */
function loopTargets(pod: KubeObject): string[] {
  const containers = (pod.spec as { containers?: Array<{ command?: string[]; args?: string[] }> }).containers ?? [];
  const out: string[] = [];
  for (const c of containers) {
    const script = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
    if (!/\bwhile\b/.test(script) || !/\b(wget|curl)\b/.test(script)) continue;
    for (const m of script.matchAll(/https?:\/\/([a-z0-9-]+)(?:\.([a-z0-9-]+))?/g)) out.push(`${m[2] && m[2] !== 'svc' ? m[2] : pod.metadata.namespace}/${m[1]}`);
  }
  return out;
}

function cpuPerRps(pod: KubeObject): number {
  const image = ((pod.spec as { containers?: Array<{ image?: string }> }).containers ?? [])[0]?.image ?? '';
  return CPU_PER_RPS.find(([re]) => re.test(image))?.[1] ?? DEFAULT_CPU_PER_RPS;
}

/** Extra CPU (millicores) each loaded pod burns, by pod uid, from every load source in the cluster. */
export function loadByPod(api: ApiClient): Map<string, number> {
  const pods = api.list(PODS).items.filter(isRunning);
  const extra = new Map<string, number>();
  const add = (pod: KubeObject, milli: number) => extra.set(pod.metadata.uid!, (extra.get(pod.metadata.uid!) ?? 0) + milli);
  const spread = (targets: KubeObject[], load: LoadSpec) => {
    const ready = targets.filter(isReady);
    for (const pod of targets) {
      if (load.cpuMillicoresPerPod) add(pod, load.cpuMillicoresPerPod);
      if (load.requestsPerSecond && ready.includes(pod)) add(pod, (load.requestsPerSecond / ready.length) * cpuPerRps(pod));
    }
  };
  const loops = new Map<string, number>();
  for (const pod of pods) for (const key of loopTargets(pod)) loops.set(key, (loops.get(key) ?? 0) + WGET_LOOP_RPS);
  for (const svc of api.list(SERVICES).items) {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const load = { ...(loadOf(svc) ?? {}) };
    if (loops.has(key)) load.requestsPerSecond = (load.requestsPerSecond ?? 0) + loops.get(key)!;
    if (!load.cpuMillicoresPerPod && !load.requestsPerSecond) continue;
    const selector = (svc.spec as { selector?: Record<string, string> }).selector;
    spread(pods.filter((p) => p.metadata.namespace === svc.metadata.namespace && matches(selector, p)), load);
  }
  for (const d of api.list(DEPLOYMENTS).items) {
    const load = loadOf(d);
    if (!load) continue;
    const selector = (d.spec as { selector?: { matchLabels?: Record<string, string> } }).selector?.matchLabels;
    spread(pods.filter((p) => p.metadata.namespace === d.metadata.namespace && matches(selector, p)), load);
  }
  return extra;
}

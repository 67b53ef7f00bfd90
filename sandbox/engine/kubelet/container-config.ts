// What the kubelet works out before it creates a container (kubelet_pods.go
// makeEnvironmentVariables, kuberuntime verifyRunAsNonRoot): the environment from env, valueFrom
// and envFrom plus the service links of the namespace, and the user it runs as. Anything missing
// (a ConfigMap, Secret or key that is not optional, a root image under runAsNonRoot) is the
// error the container then waits with as CreateContainerConfigError, with the real texts.
import type { Container, Node, Pod } from 'kubernetes-types/core/v1';
import type { ApiClient } from '../api/types.js';
import { base64Decode } from '../api/continue-token.js';
import type { KubeObject } from '../objects.js';
import { resourceAmount } from '../scheduler/quantity.js';

export type ConfigResult = { env: Record<string, string> } | { error: string };

const CONFIGMAPS = { group: '', version: 'v1', resource: 'configmaps' };
const SECRETS = { group: '', version: 'v1', resource: 'secrets' };
const SERVICES = { group: '', version: 'v1', resource: 'services' };

/** A non-optional object or key is missing: the error the kubelet reports. */
class ConfigError extends Error {}

type Lookup = (kind: 'ConfigMap' | 'Secret', name: string, optional: boolean) => Record<string, string> | undefined;

/** Reads ConfigMaps and Secrets of the pod's namespace; Secret values decoded. */
function lookupIn(api: ApiClient, ns: string): Lookup {
  return (kind, name, optional) => {
    let obj: KubeObject;
    try {
      obj = api.get({ ...(kind === 'ConfigMap' ? CONFIGMAPS : SECRETS), namespace: ns, name });
    } catch {
      if (optional) return undefined;
      throw new ConfigError(`${kind.toLowerCase()} ${JSON.stringify(name)} not found`);
    }
    const raw = obj as unknown as { data?: Record<string, string>; stringData?: Record<string, string> };
    if (kind === 'ConfigMap') return { ...(raw.data ?? {}) };
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw.data ?? {})) out[k] = base64Decode(v) ?? '';
    // The API server folds stringData into data on write; a Secret from an older snapshot may still carry it.
    return { ...out, ...(raw.stringData ?? {}) };
  };
}

/** Docker-style service links, as the kubelet makes them for each Service with a cluster IP. */
export function serviceLinks(services: KubeObject[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const svc of services) {
    const spec = svc.spec as { clusterIP?: string; ports?: Array<{ name?: string; port: number; protocol?: string }> };
    if (!spec.clusterIP || spec.clusterIP === 'None' || !spec.ports?.length) continue;
    const prefix = svc.metadata.name!.toUpperCase().replace(/-/g, '_');
    const first = spec.ports[0];
    env[`${prefix}_SERVICE_HOST`] = spec.clusterIP;
    env[`${prefix}_SERVICE_PORT`] = String(first.port);
    env[`${prefix}_PORT`] = `${(first.protocol ?? 'TCP').toLowerCase()}://${spec.clusterIP}:${first.port}`;
    for (const p of spec.ports) {
      const proto = (p.protocol ?? 'TCP').toUpperCase();
      const base = `${prefix}_PORT_${p.port}_${proto}`;
      if (p.name) env[`${prefix}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port);
      env[base] = `${proto.toLowerCase()}://${spec.clusterIP}:${p.port}`;
      env[`${base}_PROTO`] = proto.toLowerCase();
      env[`${base}_PORT`] = String(p.port);
      env[`${base}_ADDR`] = spec.clusterIP;
    }
  }
  return env;
}

/** The namespace's Services (all of them with enableServiceLinks) and the API server's `kubernetes` Service. */
function serviceEnv(api: ApiClient, pod: Pod): Record<string, string> {
  const ns = pod.metadata!.namespace ?? 'default';
  const own = pod.spec?.enableServiceLinks === false ? [] : api.list({ ...SERVICES, namespace: ns }).items;
  const master = api.list({ ...SERVICES, namespace: 'default' }).items.filter((s) => s.metadata.name === 'kubernetes');
  // Services of the pod's namespace first, so the master's `kubernetes` wins over a namesake.
  return { ...serviceLinks(own.filter((s) => ns !== 'default' || s.metadata.name !== 'kubernetes')), ...serviceLinks(master) };
}

interface PodPlace {
  podIP: string;
  node: Node;
}

function fieldValue(pod: Pod, path: string, place: PodPlace): string {
  const meta = pod.metadata ?? {};
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (m) return (m[1] === 'labels' ? meta.labels : meta.annotations)?.[m[2]] ?? '';
  const hostIP = place.node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  const values: Record<string, string | undefined> = {
    'metadata.name': meta.name,
    'metadata.namespace': meta.namespace ?? 'default',
    'metadata.uid': meta.uid,
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName ?? 'default',
    'status.podIP': place.podIP,
    'status.podIPs': place.podIP,
    'status.hostIP': hostIP,
    'status.hostIPs': hostIP,
  };
  return values[path] ?? '';
}

/** resourceFieldRef: the limit (or, unset, the node's allocatable) or request, in the divisor's units rounded up. */
function resourceValue(c: Container, ref: { resource: string; divisor?: string | number }, node: Node): string {
  const [kind, name] = ref.resource.split('.') as ['limits' | 'requests', string];
  const set = (kind === 'limits' ? c.resources?.limits : c.resources?.requests)?.[name];
  const raw = set ?? (kind === 'limits' ? node.status?.allocatable?.[name] : undefined) ?? '0';
  const divisor = ref.divisor === undefined || String(ref.divisor) === '0' ? '1' : String(ref.divisor);
  return String(Math.ceil(resourceAmount(name, String(raw)) / resourceAmount(name, divisor)));
}

/** `$(VAR)` in a value names a variable defined before it; `$$` escapes. */
function expandRefs(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (all, name?: string) => (name === undefined ? '$' : (env[name] ?? all)));
}

function containerEnvVars(pod: Pod, c: Container, lookup: Lookup, place: PodPlace): Record<string, string> {
  const env: Record<string, string> = {};
  for (const from of c.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    const data = ref && lookup(from.configMapRef ? 'ConfigMap' : 'Secret', ref.name ?? '', ref.optional === true);
    for (const [k, v] of Object.entries(data ?? {})) env[(from.prefix ?? '') + k] = v;
  }
  for (const e of c.env ?? []) {
    const from = e.valueFrom;
    if (!from) env[e.name] = expandRefs(e.value ?? '', env);
    else if (from.fieldRef) env[e.name] = fieldValue(pod, from.fieldRef.fieldPath, place);
    else if (from.resourceFieldRef) env[e.name] = resourceValue(c, from.resourceFieldRef as { resource: string; divisor?: string }, place.node);
    else {
      const ref = (from.configMapKeyRef ?? from.secretKeyRef)!;
      const kind = from.configMapKeyRef ? 'ConfigMap' : 'Secret';
      const data = lookup(kind, ref.name ?? '', ref.optional === true);
      if (!data) continue;
      if (data[ref.key] === undefined) {
        if (ref.optional) continue;
        throw new ConfigError(`couldn't find key ${ref.key} in ${kind} ${pod.metadata!.namespace ?? 'default'}/${ref.name}`);
      }
      env[e.name] = data[ref.key];
    }
  }
  return env;
}

/** The numeric user an image's process runs as (USER in its Dockerfile): root for most. */
export function imageUser(image: string): number {
  const repo = image.split('@')[0].replace(/:[^/:]+$/, '');
  if (repo.endsWith('coredns/coredns')) return 65532;
  if (repo.endsWith('metrics-server/metrics-server')) return 65534;
  if (repo.endsWith('nginx-unprivileged')) return 101;
  if (repo.startsWith('bitnami/')) return 1001;
  return 0;
}

/** The effective runAsUser/runAsGroup/runAsNonRoot: the container's over the pod's. */
export function effectiveSecurity(pod: Pod, c: Container): { uid: number; gid: number; groups: number[]; runAsNonRoot: boolean; userSet: boolean } {
  const p = pod.spec?.securityContext ?? {};
  const s = c.securityContext ?? {};
  const userSet = s.runAsUser !== undefined || p.runAsUser !== undefined;
  const uid = s.runAsUser ?? p.runAsUser ?? imageUser(c.image ?? '');
  const gid = s.runAsGroup ?? p.runAsGroup ?? (userSet ? 0 : uid === 0 ? 0 : uid);
  const groups = [...new Set([gid, ...(p.fsGroup !== undefined ? [p.fsGroup] : []), ...(p.supplementalGroups ?? [])])];
  return { uid, gid, groups, runAsNonRoot: (s.runAsNonRoot ?? p.runAsNonRoot) === true, userSet };
}

/** verifyRunAsNonRoot: the error text, or undefined when the container may start. */
function nonRootError(pod: Pod, c: Container): string | undefined {
  const sec = effectiveSecurity(pod, c);
  if (!sec.runAsNonRoot || sec.uid !== 0) return undefined;
  const who = `(pod: ${JSON.stringify(`${pod.metadata!.name}_${pod.metadata!.namespace ?? 'default'}(${pod.metadata!.uid})`)}, container: ${c.name})`;
  return sec.userSet ? `container's runAsUser breaks non-root policy ${who}` : `container has runAsNonRoot and image will run as root ${who}`;
}

/**
 * The container's environment as the kubelet passes it to the runtime, or the config error that
 * keeps it from being created. Fixed here, at creation: later changes are not seen until restart.
 */
export function resolveContainerConfig(api: ApiClient, pod: Pod, c: Container, place: PodPlace): ConfigResult {
  try {
    // The container's own variables first, then the service links it does not define itself.
    const env = containerEnvVars(pod, c, lookupIn(api, pod.metadata!.namespace ?? 'default'), place);
    for (const [k, v] of Object.entries(serviceEnv(api, pod))) if (!(k in env)) env[k] = v;
    const nonRoot = nonRootError(pod, c);
    return nonRoot ? { error: nonRoot } : { env };
  } catch (e) {
    if (e instanceof ConfigError) return { error: e.message };
    throw e;
  }
}

/**
 * A configMap or secret volume's files keyed by path inside the mount (items remap them), or the
 * error MountVolume.SetUp fails with (the real texts); undefined for other volume types.
 */
export function volumeSetUp(api: ApiClient, ns: string, volume: MountSource, pod?: Pod): { files: Record<string, string> } | { error: string } | undefined {
  if (volume.downwardAPI) return pod && { files: downwardFiles(pod, volume.downwardAPI.items ?? []) };
  const src = volume.configMap ?? volume.secret;
  if (!src) return undefined;
  const kind = volume.configMap ? 'ConfigMap' : 'Secret';
  const name = volume.configMap ? volume.configMap.name : volume.secret!.secretName;
  let data: Record<string, string> | undefined;
  try {
    data = lookupIn(api, ns)(kind, name ?? '', src.optional === true);
  } catch (e) {
    return { error: (e as Error).message };
  }
  const files: Record<string, string> = {};
  if (!data) return { files };
  if (!src.items?.length) return { files: { ...data } };
  for (const it of src.items) {
    if (data[it.key] !== undefined) files[it.path] = data[it.key];
    else if (!src.optional) return { error: `${kind === 'ConfigMap' ? 'configmap references non-existent config key' : 'references non-existent secret key'}: ${it.key}` };
  }
  return { files };
}

/** The volume's files now, or undefined when they cannot be set up (the kubelet keeps the old ones). */
export function volumeFiles(api: ApiClient, ns: string, volume: MountSource, pod?: Pod): Record<string, string> | undefined {
  const r = volumeSetUp(api, ns, volume, pod);
  return r && 'files' in r ? r.files : undefined;
}

/**
 * The files of the container's subPath mounts of configMap/secret volumes, from the volumes'
 * files: bound at container start, they never see an update (the documented subPath caveat).
 */
export function subPathFiles(c: Container, volumes: Record<string, { files: Record<string, string> }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of c.volumeMounts ?? []) {
    const content = m.subPath ? volumes[m.name]?.files[m.subPath] : undefined;
    if (content !== undefined) out[m.mountPath.replace(/\/+$/, '')] = content;
  }
  return out;
}

/**
 * A downwardAPI volume's files: one field each; labels and annotations as sorted `key="value"`
 * lines (the kubelet's format, no final newline).
 */
function downwardFiles(pod: Pod, items: Array<{ path: string; fieldRef?: { fieldPath: string } }>): Record<string, string> {
  const out: Record<string, string> = {};
  const place = { podIP: pod.status?.podIP ?? '', node: { metadata: { name: pod.spec?.nodeName } } as Node };
  for (const it of items) {
    const path = it.fieldRef?.fieldPath;
    if (!path) continue;
    const map = path === 'metadata.labels' ? pod.metadata?.labels : path === 'metadata.annotations' ? pod.metadata?.annotations : undefined;
    out[it.path] = map ? Object.keys(map).sort().map((k) => `${k}=${JSON.stringify(map[k])}`).join('\n') : fieldValue(pod, path, place);
  }
  return out;
}

type MountSource = { configMap?: VolumeSource; secret?: VolumeSource & { secretName?: string }; downwardAPI?: { items?: Array<{ path: string; fieldRef?: { fieldPath: string } }> } };

interface VolumeSource {
  name?: string;
  optional?: boolean;
  items?: Array<{ key: string; path: string }>;
}

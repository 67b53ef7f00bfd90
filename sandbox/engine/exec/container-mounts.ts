// What the kubelet fixed for a running container, as an exec into it sees it: the environment it
// was started with, its configMap/secret volumes' files (refreshed at the kubelet's periodic
// sync, ~60 s, except subPath mounts, which keep what they had at start) and its user.
import type { Container, Node, Pod } from 'kubernetes-types/core/v1';
import type { ApiClient } from '../api/types.js';
import type { KubeObject } from '../objects.js';
import { effectiveSecurity, resolveContainerConfig, volumeFiles } from '../kubelet/container-config.js';
import { KUBELET_TIMINGS as T } from '../kubelet/timings.js';
import type { PodRecord } from '../kubelet/runtime-state.js';
import type { StartedContainer } from './container-env.js';

type Volume = NonNullable<NonNullable<Pod['spec']>['volumes']>[number];

/** emptyDir mounts: their directories, the pod's files in them, and where writes go. */
function emptyDirs(pod: Pod, c: Container, rec: PodRecord | undefined): Pick<StartedContainer, 'dirs' | 'files' | 'onWrite'> {
  const mounts = (c.volumeMounts ?? []).filter((m) => pod.spec?.volumes?.some((v) => v.name === m.name && v.emptyDir));
  const files: Record<string, string> = {};
  const dirs: string[] = [];
  for (const m of mounts) {
    const dir = m.mountPath.replace(/\/+$/, '');
    dirs.push(dir);
    for (const [rel, content] of Object.entries(rec?.emptyDirs?.[m.name] ?? {})) files[`${dir}/${rel}`] = content;
  }
  const onWrite = (path: string, content: string) => {
    const m = mounts.find((x) => path.startsWith(x.mountPath.replace(/\/+$/, '') + '/'));
    if (!m || !rec) return;
    ((rec.emptyDirs ??= {})[m.name] ??= {})[path.slice(m.mountPath.replace(/\/+$/, '').length + 1)] = content;
  };
  return { dirs, files, onWrite };
}

/** The volume's files as of the kubelet's last sync; the sync grid advances in whole periods. */
function syncedFiles(api: ApiClient, pod: Pod, vol: Volume, rec: PodRecord | undefined, now: number): Record<string, string> {
  const ns = pod.metadata!.namespace ?? 'default';
  if (!rec) return volumeFiles(api, ns, vol, pod) ?? {};
  const volumes = (rec.volumes ??= {});
  const last = volumes[vol.name];
  if (!last) return (volumes[vol.name] = { syncedAt: now, files: volumeFiles(api, ns, vol, pod) ?? {} }).files;
  if (now - last.syncedAt >= T.volumeSyncMs) {
    last.syncedAt += Math.floor((now - last.syncedAt) / T.volumeSyncMs) * T.volumeSyncMs;
    last.files = volumeFiles(api, ns, vol, pod) ?? last.files;
  }
  return last.files;
}

function mountedFiles(api: ApiClient, pod: Pod, c: Container, rec: PodRecord | undefined, now: number, subPaths?: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of c.volumeMounts ?? []) {
    const vol = pod.spec?.volumes?.find((v) => v.name === m.name);
    if (!vol || (!vol.configMap && !vol.secret && !vol.downwardAPI)) continue;
    const dir = m.mountPath.replace(/\/+$/, '');
    const files = syncedFiles(api, pod, vol, rec, now);
    if (m.subPath) {
      const content = subPaths ? subPaths[dir] : files[m.subPath];
      if (content !== undefined) out[dir] = content;
      continue;
    }
    for (const [path, content] of Object.entries(files)) out[`${dir}/${path}`] = content;
  }
  return out;
}

/** The started container's env, files and user; without a runtime record, worked out now. */
export function startedContainer(api: ApiClient, podObj: KubeObject, name: string, now: number, rec?: PodRecord): StartedContainer {
  const pod = podObj as unknown as Pod;
  const c = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((x) => x.name === name);
  if (!c) return {};
  const started = [...(rec?.containers ?? []), ...(rec?.initContainers ?? [])].find((r) => r.name === name);
  let env = started?.env;
  if (!env) {
    const node = { metadata: { name: pod.spec?.nodeName } } as Node;
    const resolved = resolveContainerConfig(api, pod, c, { podIP: (pod.status?.podIP ?? ''), node });
    env = 'env' in resolved ? resolved.env : undefined;
  }
  const { uid, gid, groups } = effectiveSecurity(pod, c);
  const shared = emptyDirs(pod, c, rec);
  const volumeDirs = (c.volumeMounts ?? []).filter((m) => !m.subPath && pod.spec?.volumes?.some((v) => v.name === m.name && (v.configMap || v.secret || v.downwardAPI))).map((m) => m.mountPath.replace(/\/+$/, ''));
  const files = { ...shared.files, ...mountedFiles(api, pod, c, rec, now, started?.subPaths) };
  return { env, files, dirs: [...shared.dirs!, ...volumeDirs], onWrite: shared.onWrite, user: { uid, gid, groups } };
}

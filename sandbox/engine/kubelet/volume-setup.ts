// The kubelet's volume manager before a pod's first container: configMap and secret volumes are
// written out (MountVolume.SetUp); a missing ConfigMap, Secret or item key that is not optional
// keeps the pod ContainerCreating with FailedMount events, retried with the volume manager's
// exponential back-off (500 ms doubling to 2m2s) until the object exists.
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiClient } from '../api/types.js';
import { volumeSetUp } from './container-config.js';
import type { PodRecord } from './runtime-state.js';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 122_000;

export type MountEvent = (volume: string, message: string) => void;

/**
 * Mounts the pod's volumes; returns undefined once they are all there, or when the next attempt is
 * due. A pod whose containers already ran (a record from before volumes were tracked) is not held.
 */
export function mountPodVolumes(api: ApiClient, pod: Pod, rec: PodRecord, now: number, failed: MountEvent): number | undefined {
  if (rec.volumes) return undefined;
  if (rec.mountRetry && now < rec.mountRetry.at) return rec.mountRetry.at;
  const started = rec.containers.length > 0 || (rec.initContainers?.length ?? 0) > 0;
  const ns = pod.metadata!.namespace ?? 'default';
  const volumes: NonNullable<PodRecord['volumes']> = {};
  let failing = false;
  for (const vol of pod.spec?.volumes ?? []) {
    const r = volumeSetUp(api, ns, vol, pod);
    if (!r) continue;
    if ('files' in r) volumes[vol.name] = { syncedAt: now, files: r.files };
    else if (!started) {
      failed(vol.name, `MountVolume.SetUp failed for volume ${JSON.stringify(vol.name)} : ${r.error}`);
      failing = true;
    }
  }
  if (!failing) {
    rec.volumes = volumes;
    rec.mountRetry = undefined;
    return undefined;
  }
  const delayMs = rec.mountRetry ? Math.min(MAX_RETRY_MS, rec.mountRetry.delayMs * 2) : FIRST_RETRY_MS;
  rec.mountRetry = { delayMs, at: now + delayMs };
  return rec.mountRetry.at;
}

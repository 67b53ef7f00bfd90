// pods/log in-process: what the API server answers for `GET …/pods/x/log` (sandbox/apiserver/logs.ts
// serves the same kubelet log store over HTTP, with the same error texts).
import { badRequest } from '../engine/api/errors.js';
import type { ApiClient, ResourceRef } from '../engine/api/types.js';
import { clusterOf } from '../engine/cluster.js';
import { formatLog } from '../engine/kubelet/log-store.js';
import type { PodLogOptions } from './client.js';

interface ContainerStatus {
  name: string;
  restartCount?: number;
  state?: { waiting?: { reason?: string }; running?: unknown; terminated?: unknown };
}

export function readPodLog(cluster: object, api: ApiClient, ref: ResourceRef, opts: PodLogOptions): string {
  const pod = api.get({ ...ref, subresource: undefined });
  const spec = pod.spec as { containers?: Array<{ name: string }>; initContainers?: Array<{ name: string }>; nodeName?: string };
  const names = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].map((c) => c.name);
  const container = opts.container ?? (spec.containers?.length === 1 ? spec.containers[0].name : undefined);
  if (!container) throw badRequest(`a container name must be specified for pod ${ref.name}, choose one of: [${names.join(' ')}]`);
  if (!names.includes(container)) throw badRequest(`container ${container} is not valid for pod ${ref.name}`);
  if (!spec.nodeName) return '';
  const podStatus = pod.status as { containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[] } | undefined;
  const status = [...(podStatus?.initContainerStatuses ?? []), ...(podStatus?.containerStatuses ?? [])].find((s) => s.name === container);
  const lines = clusterOf(cluster)?.kubelet.logs.read(pod.metadata.uid ?? '', container, status?.restartCount ?? 0, { previous: opts.previous, tailLines: opts.tailLines });
  if (lines) return formatLog(lines, opts.timestamps);
  if (!opts.previous && (status?.state?.running || status?.state?.terminated)) return '';
  if (opts.previous) throw badRequest(`previous terminated container ${JSON.stringify(container)} in pod ${JSON.stringify(ref.name)} not found`);
  const reason = status?.state?.waiting?.reason ?? 'ContainerCreating';
  throw badRequest(`container ${JSON.stringify(container)} in pod ${JSON.stringify(ref.name)} is waiting to start: ${reason}`);
}

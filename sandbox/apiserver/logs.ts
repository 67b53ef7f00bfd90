// The pods/log subresource. In a real cluster the API server proxies it to the kubelet, which
// reads the container's log file; here the kubelets' log store plays the files. The errors are
// the API server's and kubelet's own texts.
import { badRequest } from '../engine/api/errors.js';
import type { ApiClient, ResourceRef } from '../engine/api/types.js';
import { clusterOf } from '../engine/cluster.js';
import { formatLog } from '../engine/kubelet/log-store.js';
import type { LogOptions } from './engine-contract.js';

interface ContainerStatus {
  name: string;
  restartCount?: number;
  state?: { waiting?: { reason?: string }; running?: unknown; terminated?: unknown };
}

export function podLogs(host: object, api: ApiClient, ref: ResourceRef, opts: LogOptions): string {
  const pod = api.get({ ...ref, subresource: undefined });
  const spec = pod.spec as { containers?: Array<{ name: string }>; initContainers?: Array<{ name: string }> };
  const names = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].map((c) => c.name);
  const container = opts.container ?? (spec.containers?.length === 1 ? spec.containers[0].name : undefined);
  if (!container) throw badRequest(`a container name must be specified for pod ${ref.name}, choose one of: [${names.join(' ')}]`);
  if (!names.includes(container)) throw badRequest(`container ${container} is not valid for pod ${ref.name}`);
  // An unscheduled pod has no kubelet to ask: the API server answers an empty log.
  if (!(pod.spec as { nodeName?: string }).nodeName) return '';
  const podStatus = pod.status as { containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[] } | undefined;
  const status = [...(podStatus?.initContainerStatuses ?? []), ...(podStatus?.containerStatuses ?? [])].find((s) => s.name === container);
  const lines = clusterOf(host)?.kubelet.logs.read(pod.metadata.uid ?? '', container, status?.restartCount ?? 0, { previous: opts.previous, tailLines: opts.tailLines });
  if (lines) return formatLog(lines, opts.timestamps);
  // A container that ran but wrote nothing has an empty log.
  if (!opts.previous && (status?.state?.running || status?.state?.terminated)) return '';
  if (opts.previous) throw badRequest(`previous terminated container ${JSON.stringify(container)} in pod ${JSON.stringify(ref.name)} not found`);
  const reason = status?.state?.waiting?.reason ?? 'ContainerCreating';
  throw badRequest(`container ${JSON.stringify(container)} in pod ${JSON.stringify(ref.name)} is waiting to start: ${reason}`);
}

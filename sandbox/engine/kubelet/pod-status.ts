// The pod status the kubelet reports (kubelet_pods.go generateAPIPodStatus), computed from the
// runtime's records: phase, the five conditions with their transition times, IPs, QoS class and
// one containerStatus per container.
import type { Container, ContainerStatus, Node, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { rfc3339 } from '../clock.js';
import { imageId, resolveImage } from '../images/catalogue.js';
import { normalizedImage, parseImageRef } from '../images/reference.js';
import type { ContainerRecord, PodRecord } from './runtime-state.js';

export function qosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const any = containers.some((c) => Object.keys(c.resources?.requests ?? {}).length || Object.keys(c.resources?.limits ?? {}).length);
  if (!any) return 'BestEffort';
  const guaranteed = containers.every((c) => {
    const l = c.resources?.limits ?? {};
    const r = c.resources?.requests ?? {};
    return ['cpu', 'memory'].every((k) => l[k] !== undefined && (r[k] === undefined || String(r[k]) === String(l[k])));
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function waitingState(rec: ContainerRecord): { reason: string; message?: string } {
  switch (rec.phase) {
    case 'pull-failed':
      return { reason: 'ErrImagePull', message: rec.pullError };
    case 'pull-backoff':
      return { reason: 'ImagePullBackOff', message: `Back-off pulling image ${JSON.stringify(rec.image)}: ErrImagePull: ${rec.pullError}` };
    default:
      return { reason: 'ContainerCreating' };
  }
}

function containerStatus(c: Container, rec: ContainerRecord | undefined): ContainerStatus {
  const running = rec?.phase === 'running';
  const resolved = running ? resolveImage(c.image!) : undefined;
  const status: ContainerStatus = {
    image: resolved ? normalizedImage(parseImageRef(c.image!)) : c.image!,
    imageID: resolved ? imageId(resolved) : '',
    lastState: {},
    name: c.name,
    ready: running,
    restartCount: rec?.restartCount ?? 0,
    started: running,
    state: running ? { running: { startedAt: rfc3339(rec!.startedAt!) } } : { waiting: rec ? waitingState(rec) : { reason: 'ContainerCreating' } },
  };
  if (running) status.containerID = `containerd://${rec!.containerID}`;
  if (c.volumeMounts?.length) {
    status.volumeMounts = c.volumeMounts.map((m) => {
      const v: NonNullable<ContainerStatus['volumeMounts']>[number] = { mountPath: m.mountPath, name: m.name };
      if (m.readOnly) {
        v.readOnly = true;
        v.recursiveReadOnly = 'Disabled';
      }
      return v;
    });
  }
  return status;
}

function condition(type: string, ok: boolean, since: number, reason?: string, message?: string): PodCondition {
  const c: PodCondition = { lastProbeTime: null as unknown as string, lastTransitionTime: rfc3339(since), status: ok ? 'True' : 'False', type };
  if (!ok && reason) c.reason = reason;
  if (!ok && message) c.message = message;
  return c;
}

/** Keeps a condition's lastTransitionTime when its status did not change. */
function keepTransition(next: PodCondition, old: PodCondition[] | undefined): PodCondition {
  const prev = old?.find((c) => c.type === next.type);
  return prev && prev.status === next.status ? { ...next, lastTransitionTime: prev.lastTransitionTime } : next;
}

export function computePodStatus(pod: Pod, rec: PodRecord, node: Node, now: number): PodStatus {
  const containers = pod.spec?.containers ?? [];
  const records = new Map(rec.containers.map((r) => [r.name, r]));
  const statuses = containers.map((c) => containerStatus(c, records.get(c.name)));
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name);
  const allReadyAt = Math.max(rec.seenAt, ...rec.containers.map((r) => r.startedAt ?? rec.seenAt));
  const sandboxUp = now >= rec.sandboxReadyAt;
  const notReadyMsg = `containers with unready status: [${unready.join(' ')}]`;
  const old = pod.status?.conditions;
  const conditions = [
    condition('PodReadyToStartContainers', sandboxUp, sandboxUp ? rec.sandboxReadyAt : rec.seenAt),
    condition('Initialized', true, rec.seenAt),
    condition('Ready', unready.length === 0, unready.length === 0 ? allReadyAt : rec.seenAt, 'ContainersNotReady', notReadyMsg),
    condition('ContainersReady', unready.length === 0, unready.length === 0 ? allReadyAt : rec.seenAt, 'ContainersNotReady', notReadyMsg),
    old?.find((c) => c.type === 'PodScheduled' && c.status === 'True') ?? condition('PodScheduled', true, rec.seenAt),
  ].map((c) => keepTransition(c, old));
  const hostIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  const status: PodStatus = {
    conditions,
    containerStatuses: statuses,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    phase: statuses.some((s) => s.state?.running) ? 'Running' : 'Pending',
    qosClass: qosClass(pod),
    startTime: rfc3339(rec.seenAt),
  };
  if (sandboxUp) {
    status.podIP = rec.ip;
    status.podIPs = [{ ip: rec.ip }];
  }
  return status;
}

// The pod status the kubelet reports (kubelet_pods.go generateAPIPodStatus), computed from the
// runtime's records: phase, the five conditions with their transition times, IPs, QoS class and
// one containerStatus per container.
import type { Container, ContainerStatus, Node, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { rfc3339 } from '../clock.js';
import { imageId, resolveImage } from '../images/catalogue.js';
import { normalizedImage, parseImageRef } from '../images/reference.js';
import type { ContainerRecord, PodRecord, TerminatedRecord } from './runtime-state.js';
import { evictedStatus } from './eviction.js';

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

function terminated(t: TerminatedRecord): NonNullable<ContainerStatus['state']>['terminated'] {
  return { containerID: `containerd://${t.containerID}`, exitCode: t.exitCode, finishedAt: rfc3339(t.finishedAt), reason: t.reason ?? (t.exitCode === 0 ? 'Completed' : 'Error'), startedAt: rfc3339(t.startedAt) };
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

function containerState(rec: ContainerRecord | undefined): ContainerStatus['state'] {
  // The sync that restarts after a back-off pulls, creates and starts in one go: until then it still reads CrashLoopBackOff.
  if (rec?.crashLoopMessage) return { waiting: { reason: 'CrashLoopBackOff', message: rec.crashLoopMessage } };
  if (rec?.phase === 'running') return { running: { startedAt: rfc3339(rec.startedAt!) } };
  // Ended for good, or between an exit and the next instance: the last instance is the state.
  if (rec?.phase === 'exited' || rec?.phase === 'dead' || (rec?.lastTerminated && (rec.phase === 'new' || rec.phase === 'pulling' || rec.phase === 'creating'))) return { terminated: terminated(rec.lastTerminated!) };
  return { waiting: rec ? waitingState(rec) : { reason: 'ContainerCreating' } };
}

function containerStatus(c: Container, rec: ContainerRecord | undefined): ContainerStatus {
  const running = rec?.phase === 'running';
  const hasRun = running || rec?.lastTerminated !== undefined;
  const resolved = hasRun ? resolveImage(c.image!) : undefined;
  const showsLast = rec?.phase === 'running' || rec?.crashLoopMessage !== undefined;
  const previous = showsLast ? rec?.lastTerminated : rec?.previousTerminated;
  const lastState = previous ? { terminated: terminated(previous) } : {};
  const status: ContainerStatus = {
    image: resolved ? normalizedImage(parseImageRef(c.image!)) : c.image!,
    imageID: resolved ? imageId(resolved) : '',
    lastState,
    name: c.name,
    ready: running && (rec?.ready ?? true),
    restartCount: rec?.restartCount ?? 0,
    started: running && (rec?.started ?? true),
    state: containerState(rec),
  };
  const id = running ? rec!.containerID : rec?.lastTerminated?.containerID;
  if (id) status.containerID = `containerd://${id}`;
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

const notReadyReason = (phase: string) => (phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed');

/** Running while a container runs or restarts after having run; Succeeded/Failed once all ended for good. */
function podPhase(rec: PodRecord, statuses: ContainerStatus[]): string {
  if (statuses.some((s) => s.state?.running)) return 'Running';
  const ended = rec.containers.length === statuses.length && rec.containers.every((c) => c.phase === 'exited');
  if (statuses.length > 0 && ended) return statuses.every((s) => s.state!.terminated!.exitCode === 0) ? 'Succeeded' : 'Failed';
  if (statuses.some((s) => s.restartCount || s.state?.terminated)) return 'Running';
  return 'Pending';
}

export function computePodStatus(pod: Pod, rec: PodRecord, node: Node, now: number): PodStatus {
  const containers = pod.spec?.containers ?? [];
  const records = new Map(rec.containers.map((r) => [r.name, r]));
  const statuses = containers.map((c) => containerStatus(c, records.get(c.name)));
  const phase = podPhase(rec, statuses);
  const done = phase === 'Succeeded' || phase === 'Failed';
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name);
  const allReadyAt = Math.max(rec.seenAt, ...rec.containers.map((r) => r.readySince ?? r.startedAt ?? rec.seenAt));
  const sandboxUp = now >= rec.sandboxReadyAt;
  const notReadyMsg = `containers with unready status: [${unready.join(' ')}]`;
  const old = pod.status?.conditions;
  const conditions = [
    condition('PodReadyToStartContainers', sandboxUp, sandboxUp ? rec.sandboxReadyAt : rec.seenAt),
    condition('Initialized', true, rec.seenAt),
    condition('Ready', unready.length === 0, unready.length === 0 ? allReadyAt : now, done ? notReadyReason(phase) : 'ContainersNotReady', done ? undefined : notReadyMsg),
    condition('ContainersReady', unready.length === 0, unready.length === 0 ? allReadyAt : now, done ? notReadyReason(phase) : 'ContainersNotReady', done ? undefined : notReadyMsg),
    old?.find((c) => c.type === 'PodScheduled' && c.status === 'True') ?? condition('PodScheduled', true, rec.seenAt),
  ].map((c) => keepTransition(c, old));
  const hostIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  const status: PodStatus = {
    conditions,
    containerStatuses: statuses,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    phase,
    qosClass: qosClass(pod),
    startTime: rfc3339(rec.seenAt),
  };
  if (sandboxUp) {
    status.podIP = rec.ip;
    status.podIPs = [{ ip: rec.ip }];
  }
  return rec.evicted ? evictedStatus(status, rec.evicted) : status;
}
